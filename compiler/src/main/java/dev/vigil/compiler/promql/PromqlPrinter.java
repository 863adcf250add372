package dev.vigil.compiler.promql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes an {@link Expr} back as PromQL text. Literals keep their source spelling and parentheses
 * come from {@link Paren} nodes, so for a parsed tree {@code parse(print(e))} equals {@code e}. For a
 * tree built by code, parentheses are added where precedence needs them.
 */
public final class PromqlPrinter {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private static final int UNARY = 55;
    private static final int POSTFIX = 70;
    private static final int ATOM = 80;

    private final Function<ConstRef, String> constants;
    private final StringBuilder out = new StringBuilder();

    private PromqlPrinter(Function<ConstRef, String> constants) {
        this.constants = constants;
    }

    /** The expression as PromQL; Vigil constants are written {@code $name}. */
    public static String print(Expr expr) {
        return print(expr, null);
    }

    /**
     * The expression as PromQL, with every Vigil constant replaced by the text {@code constants}
     * returns for it. The callback receives a {@link ConstRef} for each use, in operand, label-matcher
     * and duration position alike (see {@link ConstantUse} to learn the positions beforehand), and
     * returns PromQL source: {@code "prod"}, {@code 0.95} or {@code 5m}. In matcher position a result
     * that is not a quoted string is quoted, so a number constant may stand there too. A null callback,
     * or a null result, keeps {@code $name}.
     */
    public static String print(Expr expr, Function<ConstRef, String> constants) {
        PromqlPrinter p = new PromqlPrinter(constants);
        p.expr(expr);
        return p.out.toString();
    }

    /**
     * The expression as PromQL over several lines when one line would be wider than {@code width}:
     * the operands of a binary operator and the operator go on lines of their own, and a
     * long call or aggregation puts its arguments on indented lines. Short parts stay on one line,
     * so the layout is stable and diffs stay small. Parsing the result gives the same tree.
     */
    public static String format(Expr expr, Function<ConstRef, String> constants, int width) {
        PromqlPrinter p = new PromqlPrinter(constants);
        p.formatted(expr, 0, width);
        return p.out.toString();
    }

    private String flat(Expr e) {
        PromqlPrinter p = new PromqlPrinter(constants);
        p.expr(e);
        return p.out.toString();
    }

    private void formatted(Expr e, int indent, int width) {
        String flat = flat(e);
        if (indent + flat.length() <= width) {
            out.append(flat);
            return;
        }
        if (e instanceof Binary b && !needsParens(b)) {
            // Operands and the operator line up, each on its own line, so the text starts at column 0.
            String pad = " ".repeat(indent);
            formatted(b.lhs(), indent, width);
            out.append('\n').append(pad);
            // The operator and its modifiers, as the one-line printer writes them.
            PromqlPrinter op = new PromqlPrinter(constants);
            op.binaryOperator(b);
            out.append(op.out.toString().strip()).append('\n').append(pad);
            formatted(b.rhs(), indent, width);
        } else if (e instanceof Paren p) {
            out.append("(\n").append(" ".repeat(indent + 2));
            formatted(p.expr(), indent + 2, width);
            out.append('\n').append(" ".repeat(indent)).append(')');
        } else if (e instanceof Aggregation a) {
            PromqlPrinter head = new PromqlPrinter(constants);
            head.aggregationHead(a);
            out.append(head.out).append("(\n");
            if (a.param() != null) {
                out.append(" ".repeat(indent + 2));
                formatted(a.param(), indent + 2, width);
                out.append(",\n");
            }
            out.append(" ".repeat(indent + 2));
            formatted(a.expr(), indent + 2, width);
            out.append('\n').append(" ".repeat(indent)).append(')');
        } else if (e instanceof Call c && !c.args().isEmpty()) {
            out.append(c.function()).append("(\n");
            for (int i = 0; i < c.args().size(); i++) {
                out.append(" ".repeat(indent + 2));
                formatted(c.args().get(i), indent + 2, width);
                out.append(i + 1 < c.args().size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append(')');
        } else {
            out.append(flat);
        }
    }

    /** Whether either operand of {@code b} would need parentheses; such nodes stay on one line. */
    private boolean needsParens(Binary b) {
        int p = b.op().precedence() * 10;
        int lp = precedence(b.lhs());
        int rp = precedence(b.rhs());
        boolean left = lp < p || (lp == p && b.op().rightAssociative());
        boolean right = (rp < p && rp != UNARY) || (rp == p && !b.op().rightAssociative());
        return left || right;
    }

    /** A duration expression as PromQL, with constants written {@code $name}. */
    public static String print(DurationExpr duration) {
        PromqlPrinter p = new PromqlPrinter(null);
        p.duration(duration);
        return p.out.toString();
    }

    private String constant(ConstRef ref) {
        String text = constants == null ? null : constants.apply(ref);
        return text == null ? "$" + ref.name() : text;
    }

    private int precedence(Expr e) {
        if (e instanceof Binary b) {
            return b.op().precedence() * 10;
        }
        if (e instanceof Unary) {
            return UNARY;
        }
        if (e instanceof NumberLiteral n && (n.text().startsWith("-") || n.text().startsWith("+"))) {
            return UNARY;
        }
        if (e instanceof ConstRef c) {
            String text = constant(c);
            return text.startsWith("-") || text.startsWith("+") ? UNARY : ATOM;
        }
        if (e instanceof MatrixSelector || e instanceof Subquery || e instanceof OffsetExpr || e instanceof AtExpr
                || e instanceof RangeModifierExpr) {
            return POSTFIX;
        }
        return ATOM;
    }

    private void operand(Expr e, boolean parens) {
        if (parens) {
            out.append('(');
            expr(e);
            out.append(')');
        } else {
            expr(e);
        }
    }

    private void expr(Expr e) {
        if (e instanceof NumberLiteral n) {
            out.append(n.text());
        } else if (e instanceof StringLiteral s) {
            out.append(Strings.quote(s.value()));
        } else if (e instanceof ConstRef c) {
            out.append(constant(c));
        } else if (e instanceof VectorSelector v) {
            selector(v);
        } else if (e instanceof MatrixSelector m) {
            operand(m.selector(), precedence(m.selector()) < POSTFIX);
            out.append('[');
            duration(m.range());
            out.append(']');
        } else if (e instanceof Subquery s) {
            operand(s.expr(), precedence(s.expr()) < POSTFIX);
            out.append('[');
            duration(s.range());
            out.append(':');
            if (s.step() != null) {
                duration(s.step());
            }
            out.append(']');
        } else if (e instanceof OffsetExpr o) {
            operand(o.expr(), precedence(o.expr()) < POSTFIX);
            out.append(" offset ");
            offsetValue(o.offset());
        } else if (e instanceof AtExpr a) {
            operand(a.expr(), precedence(a.expr()) < POSTFIX);
            out.append(" @ ").append(a.text());
        } else if (e instanceof RangeModifierExpr r) {
            operand(r.expr(), precedence(r.expr()) < POSTFIX);
            out.append(' ').append(r.modifier().keyword());
        } else if (e instanceof Call c) {
            out.append(c.function()).append('(');
            args(c.args());
            out.append(')');
        } else if (e instanceof Aggregation a) {
            aggregation(a);
        } else if (e instanceof Binary b) {
            binary(b);
        } else if (e instanceof Unary u) {
            out.append(u.negative() ? '-' : '+');
            operand(u.expr(), precedence(u.expr()) < UNARY);
        } else if (e instanceof Paren p) {
            out.append('(');
            expr(p.expr());
            out.append(')');
        }
    }

    private void args(List<Expr> args) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(args.get(i));
        }
    }

    private void aggregation(Aggregation a) {
        aggregationHead(a);
        out.append('(');
        if (a.param() != null) {
            expr(a.param());
            out.append(", ");
        }
        expr(a.expr());
        out.append(')');
    }

    /**
     * Prints a left-deep chain (`a + b + c + ...`) in a loop, so long generated queries cannot overflow
     * the stack: the opening parentheses the left operands need all come first.
     */
    private void binary(Binary top) {
        List<Binary> spine = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof Binary b) {
            spine.add(b);
            cur = b.lhs();
        }
        Collections.reverse(spine);
        boolean[] lhsParens = new boolean[spine.size()];
        for (int k = 0; k < spine.size(); k++) {
            Binary b = spine.get(k);
            int p = b.op().precedence() * 10;
            int lp = precedence(b.lhs());
            lhsParens[k] = lp < p || (lp == p && b.op().rightAssociative());
        }
        for (int k = spine.size() - 1; k >= 1; k--) {
            if (lhsParens[k]) {
                out.append('(');
            }
        }
        operand(cur, lhsParens[0]);
        for (int k = 0; k < spine.size(); k++) {
            if (k > 0 && lhsParens[k]) {
                out.append(')');
            }
            binaryRest(spine.get(k));
        }
    }

    /** The aggregation's name and grouping, up to its opening parenthesis. */
    private void aggregationHead(Aggregation a) {
        out.append(a.op().keyword());
        if (a.grouping() != null) {
            out.append(a.grouping().without() ? " without " : " by ");
            labelList(a.grouping().labels());
            out.append(' ');
        }
    }

    /** The operator, its modifiers and the right operand. */
    private void binaryRest(Binary b) {
        int p = b.op().precedence() * 10;
        int rp = precedence(b.rhs());
        binaryOperator(b);
        out.append(' ');
        // A prefix sign can always start an operand, so a unary right operand needs no parentheses.
        boolean rightParens = (rp < p && rp != UNARY) || (rp == p && !b.op().rightAssociative());
        operand(b.rhs(), rightParens);
    }

    /** The operator symbol with `bool`, matching and fill modifiers, preceded by a space. */
    private void binaryOperator(Binary b) {
        out.append(' ').append(b.op().symbol());
        if (b.returnBool()) {
            out.append(" bool");
        }
        VectorMatching m = b.matching();
        if (m != null) {
            if (m.kind() != VectorMatching.Kind.NONE) {
                out.append(m.kind() == VectorMatching.Kind.ON ? " on" : " ignoring");
                labelList(m.labels());
            }
            if (m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
                out.append(m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? " group_left" : " group_right");
                // Always with its list: Prometheus reads `group_right (x)` as the labels `x`, not the operand.
                labelList(m.include());
            }
            if (m.fillLeft() != null && m.fillRight() != null && Double.compare(m.fillLeft(), m.fillRight()) == 0) {
                out.append(" fill(").append(Numbers.format(m.fillLeft())).append(')');
            } else {
                if (m.fillLeft() != null) {
                    out.append(" fill_left(").append(Numbers.format(m.fillLeft())).append(')');
                }
                if (m.fillRight() != null) {
                    out.append(" fill_right(").append(Numbers.format(m.fillRight())).append(')');
                }
            }
        }
    }

    private void selector(VectorSelector v) {
        String name = v.metricName();
        // Reserved words stay bare: the grammar takes them as names where an operand starts.
        boolean bareName = name != null && METRIC_NAME.matcher(name).matches();
        if (bareName) {
            out.append(name);
            if (v.matchers().isEmpty()) {
                return;
            }
        }
        out.append('{');
        boolean first = true;
        if (name != null && !bareName) {
            out.append(Strings.quote(name));
            first = false;
        }
        for (LabelMatcher m : v.matchers()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (m.name().isEmpty() && m.constRef() != null) {
                // `{$selector}` in a template body not yet expanded: the parameter stands for whole matchers.
                out.append('$').append(m.constRef());
                continue;
            }
            labelName(m.name());
            out.append(m.op().symbol());
            if (m.constRef() != null) {
                String text = constant(new ConstRef(m.constRef(), m.span()));
                out.append(text.startsWith("$") || isQuoted(text) ? text : Strings.quote(text));
            } else {
                out.append(Strings.quote(m.value()));
            }
        }
        out.append('}');
    }

    private static boolean isQuoted(String text) {
        if (text.length() < 2) {
            return false;
        }
        char q = text.charAt(0);
        return (q == '"' || q == '\'' || q == '`') && text.charAt(text.length() - 1) == q;
    }

    private void labelList(List<String> labels) {
        out.append('(');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            labelName(labels.get(i));
        }
        out.append(')');
    }

    private void labelName(String name) {
        // `by ($labels)` in a template body not yet expanded stays a parameter reference.
        boolean parameter = name.startsWith("$") && LABEL_NAME.matcher(name.substring(1)).matches();
        out.append(LABEL_NAME.matcher(name).matches() || parameter ? name : Strings.quote(name));
    }

    // ------------------------------------------------------------------ durations

    private static int precedence(DurationExpr d) {
        if (d instanceof DurationBinary b) {
            return b.op().precedence() * 10;
        }
        if (d instanceof DurationUnary) {
            return UNARY;
        }
        return ATOM;
    }

    /** After {@code offset} only a signed atom may stand; anything larger is parenthesised. */
    private void offsetValue(DurationExpr d) {
        if (d instanceof DurationUnary u) {
            out.append(u.negative() ? '-' : '+');
            durationOperand(u.expr(), precedence(u.expr()) < ATOM);
        } else {
            durationOperand(d, precedence(d) < ATOM);
        }
    }

    private void durationOperand(DurationExpr d, boolean parens) {
        if (parens) {
            out.append('(');
            duration(d);
            out.append(')');
        } else {
            duration(d);
        }
    }

    private void duration(DurationExpr d) {
        if (d instanceof DurationLiteral l) {
            out.append(l.text());
        } else if (d instanceof DurationRef r) {
            out.append(constant(new ConstRef(r.name(), r.span())));
        } else if (d instanceof DurationParen p) {
            out.append('(');
            duration(p.expr());
            out.append(')');
        } else if (d instanceof DurationUnary u) {
            out.append(u.negative() ? '-' : '+');
            durationOperand(u.expr(), precedence(u.expr()) < UNARY);
        } else if (d instanceof DurationBinary b) {
            int p = b.op().precedence() * 10;
            int lp = precedence(b.lhs());
            int rp = precedence(b.rhs());
            durationOperand(b.lhs(), lp < p || (lp == p && b.op().rightAssociative()));
            out.append(' ').append(b.op().symbol()).append(' ');
            durationOperand(b.rhs(), (rp < p && rp != UNARY) || (rp == p && !b.op().rightAssociative()));
        } else if (d instanceof DurationCall c) {
            out.append(c.function()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                duration(c.args().get(i));
            }
            out.append(')');
        }
    }
}
