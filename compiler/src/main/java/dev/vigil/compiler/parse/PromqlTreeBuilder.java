package dev.vigil.compiler.parse;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.DurationBinary;
import dev.vigil.compiler.promql.DurationCall;
import dev.vigil.compiler.promql.DurationExpr;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.DurationParen;
import dev.vigil.compiler.promql.DurationRef;
import dev.vigil.compiler.promql.DurationUnary;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Functions;
import dev.vigil.compiler.promql.Grouping;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Numbers;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.RangeModifier;
import dev.vigil.compiler.promql.RangeModifierExpr;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns PromQL parse trees into the {@link Expr} AST. It accepts trees that ANTLR repaired after a
 * syntax error: a piece that is missing makes the enclosing node null, never an exception.
 *
 * <p>It also reports what Prometheus rejects while parsing but the grammar lets through, because
 * only here is the written form known: malformed numbers, durations and strings, ranges on things
 * that are not selectors, repeated or misplaced modifiers, and non-positive literal ranges. Type
 * rules are left to {@link dev.vigil.compiler.promql.PromqlChecker}.
 */
final class PromqlTreeBuilder {
    private static final double MAX_TIMESTAMP = 9.223372036854775807e18;

    private final SourceFile source;
    private final int lineOffset;
    private final int columnOffset;
    private final DiagnosticSink sink;
    private final TemplateRefs refs;

    /**
     * {@code lineOffset}/{@code columnOffset} place the parsed text in its file: line 1 of the text is
     * line {@code 1 + lineOffset}, and columns on that first line move right by {@code columnOffset}.
     */
    PromqlTreeBuilder(SourceFile source, int lineOffset, int columnOffset, DiagnosticSink sink) {
        this(source, lineOffset, columnOffset, sink, new TemplateRefs(dev.vigil.compiler.ast.Scope.NONE, sink));
    }

    /** In a template body or loop, {@code refs} resolves its parameters and places spans in the expansion. */
    PromqlTreeBuilder(SourceFile source, int lineOffset, int columnOffset, DiagnosticSink sink, TemplateRefs refs) {
        this.source = source;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
        this.sink = sink;
        this.refs = refs;
    }

    // ------------------------------------------------------------------ expressions

    /** The expression, or null when the tree is too broken to build one (the syntax error is already reported). */
    Expr expr(VigilParser.ExprContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof VigilParser.PrimaryExprContext p) {
            return primary(p.primary());
        }
        if (ctx instanceof VigilParser.BinaryContext b) {
            return binary(b);
        }
        if (ctx instanceof VigilParser.UnaryContext u) {
            Expr operand = expr(u.expr());
            if (operand == null || u.op == null) {
                return null;
            }
            return new Unary(u.op.getType() == VigilParser.SUB, operand, span(ctx));
        }
        if (ctx instanceof VigilParser.RangeOrSubqueryContext r) {
            return rangeOrSubquery(r);
        }
        if (ctx instanceof VigilParser.OffsetContext o) {
            return offset(o);
        }
        if (ctx instanceof VigilParser.AtContext a) {
            return at(a);
        }
        if (ctx instanceof VigilParser.ExtendedRangeContext e) {
            return rangeModifier(e);
        }
        return null;
    }

    private Expr primary(VigilParser.PrimaryContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof VigilParser.ParenContext p) {
            Expr inner = expr(p.expr());
            return inner == null || p.RIGHT_PAREN() == null ? null : new Paren(inner, span(ctx));
        }
        if (ctx instanceof VigilParser.SelectorContext s) {
            return vectorSelector(s.vectorSelector());
        }
        if (ctx instanceof VigilParser.LiteralExprContext l) {
            return literal(l.literal());
        }
        if (ctx instanceof VigilParser.CallContext c) {
            return call(c);
        }
        if (ctx instanceof VigilParser.AggregationContext a) {
            return aggregation(a);
        }
        return null;
    }

    private Expr literal(VigilParser.LiteralContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return null;
        }
        Token t = ctx.getStart();
        Span span = span(t);
        String text = t.getText();
        switch (t.getType()) {
            case VigilParser.NUMBER:
                return new NumberLiteral(number(text, span), text, span);
            case VigilParser.DURATION:
                return new NumberLiteral(durationMillis(text, span) / 1000.0, text, span);
            case VigilParser.STRING:
                return new StringLiteral(string(text, span), span);
            case VigilParser.CONST_REF: {
                Expr bound = refs.operand(text.substring(1), span);
                return bound != null ? bound : new ConstRef(text.substring(1), span);
            }
            default:
                return null;
        }
    }

    private Expr call(VigilParser.CallContext ctx) {
        if (ctx.IDENT() == null || ctx.RIGHT_PAREN() == null) {
            return null;
        }
        List<Expr> args = callArgs(ctx.callArgs());
        String name = ctx.IDENT().getText();
        // step(), range(), start(), end(), min_of() and max_of() are keywords in Prometheus, so any case goes.
        String lower = name.toLowerCase(Locale.ROOT);
        if (Functions.isDurationFunction(lower) || lower.equals("start") || lower.equals("end")) {
            name = lower;
        }
        return args == null ? null : new Call(name, args, span(ctx));
    }

    /** The arguments, or null if one of them could not be built. */
    private List<Expr> callArgs(VigilParser.CallArgsContext ctx) {
        List<Expr> args = new ArrayList<>();
        if (ctx == null) {
            return args;
        }
        for (VigilParser.ExprContext e : ctx.expr()) {
            Expr arg = expr(e);
            if (arg == null) {
                return null;
            }
            args.add(arg);
        }
        ParseTree last = ctx.getChild(ctx.getChildCount() - 1);
        if (last instanceof TerminalNode tn && tn.getSymbol().getType() == VigilParser.COMMA) {
            sink.error(Ids.PROMQL_TRAILING_COMMA, span(tn.getSymbol()),
                    "Prometheus does not allow a trailing comma in the arguments of a call.",
                    "Remove the last `,`.");
        }
        return args;
    }

    private Expr aggregation(VigilParser.AggregationContext ctx) {
        if (ctx.aggregateOp() == null || ctx.RIGHT_PAREN() == null) {
            return null;
        }
        AggregateOp op = AggregateOp.fromKeyword(ctx.aggregateOp().getText());
        List<Expr> args = callArgs(ctx.callArgs());
        if (op == null || args == null) {
            return null;
        }
        List<VigilParser.GroupingContext> groupings = ctx.grouping();
        Grouping grouping = null;
        for (VigilParser.GroupingContext g : groupings) {
            Grouping built = grouping(g);
            if (built == null) {
                return null;
            }
            if (grouping != null) {
                sink.error(Ids.PROMQL_DUPLICATE_GROUPING, built.span(),
                        "An aggregation takes one `by` or `without` clause, and `" + op.keyword() + "` has two.",
                        "Keep the clause before the parentheses and remove the other.");
            } else {
                grouping = built;
            }
        }
        Span span = span(ctx);
        int expected = op.hasParam() ? 2 : 1;
        if (args.isEmpty()) {
            sink.error(Ids.PROMQL_ARGUMENT_COUNT, span,
                    "`" + op.keyword() + "` needs " + (expected == 2 ? "a parameter and a vector" : "an expression")
                            + " to aggregate.",
                    expected == 2 ? "For example `" + op.keyword() + "(5, metric)`." : null);
            return null;
        }
        if (args.size() != expected) {
            sink.error(Ids.PROMQL_ARGUMENT_COUNT, span,
                    "`" + op.keyword() + "` takes " + expected + " argument" + (expected == 1 ? "" : "s")
                            + ", but " + args.size() + " " + (args.size() == 1 ? "was" : "were") + " given.",
                    expected == 2 ? "Pass the parameter first: `" + op.keyword() + "(5, metric)`." : null);
        }
        if (op.hasParam()) {
            Expr param = args.size() >= 2 ? args.get(0) : null;
            Expr vector = args.size() >= 2 ? args.get(1) : args.get(0);
            return new Aggregation(op, param, vector, grouping, span);
        }
        return new Aggregation(op, null, args.get(0), grouping, span);
    }

    private Grouping grouping(VigilParser.GroupingContext ctx) {
        if (ctx == null) {
            return null;
        }
        List<String> labels = groupingLabels(ctx.groupingLabels());
        return labels == null ? null : new Grouping(ctx.WITHOUT() != null, labels, span(ctx));
    }

    private List<String> groupingLabels(VigilParser.GroupingLabelsContext ctx) {
        if (ctx == null || ctx.RIGHT_PAREN() == null) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof VigilParser.LabelNameContext l) {
                String name = labelName(l);
                if (name == null) {
                    return null;
                }
                labels.add(name);
            } else if (child instanceof TerminalNode t && t.getSymbol().getType() == VigilParser.CONST_REF) {
                labels.addAll(refs.groupingLabels(t.getText().substring(1), span(t.getSymbol())));
            }
        }
        return labels;
    }

    /** Left-deep chains (`a + b + c + ...`) are built in a loop, so that long generated queries cannot overflow the stack. */
    private Expr binary(VigilParser.BinaryContext ctx) {
        Deque<VigilParser.BinaryContext> spine = new ArrayDeque<>();
        VigilParser.ExprContext cur = ctx;
        while (cur instanceof VigilParser.BinaryContext b) {
            spine.push(b);
            cur = b.expr(0);
        }
        Expr lhs = expr(cur);
        while (!spine.isEmpty()) {
            VigilParser.BinaryContext b = spine.pop();
            Expr rhs = expr(b.expr(1));
            if (lhs == null || rhs == null || b.op == null) {
                return null;
            }
            BinaryOp op = binaryOp(b.op.getType());
            if (op == null) {
                return null;
            }
            VigilParser.BinModifierContext mod = b.binModifier();
            boolean returnBool = mod != null && mod.BOOL() != null;
            VectorMatching matching = mod == null ? null : matching(mod);
            lhs = new Binary(op, lhs, rhs, returnBool, matching, span(b));
        }
        return lhs;
    }

    private VectorMatching matching(VigilParser.BinModifierContext ctx) {
        VectorMatching.Kind kind = VectorMatching.Kind.NONE;
        List<String> labels = List.of();
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        VigilParser.MatchingContext m = ctx.matching();
        if (m != null) {
            kind = m.ON() != null ? VectorMatching.Kind.ON : VectorMatching.Kind.IGNORING;
            List<String> l = groupingLabels(m.groupingLabels());
            labels = l == null ? List.of() : l;
            VigilParser.GroupModifierContext g = ctx.groupModifier();
            if (g != null) {
                card = g.GROUP_LEFT() != null ? VectorMatching.Cardinality.MANY_TO_ONE
                        : VectorMatching.Cardinality.ONE_TO_MANY;
                if (g.groupingLabels() != null) {
                    List<String> inc = groupingLabels(g.groupingLabels());
                    include = inc == null ? List.of() : inc;
                }
            }
        }
        Double fillLeft = null;
        Double fillRight = null;
        for (VigilParser.FillModifierContext f : ctx.fillModifier()) {
            if (f.NUMBER() == null) {
                continue;
            }
            Span span = span(f);
            double value = number(f.NUMBER().getText(), span(f.NUMBER().getSymbol()));
            if (f.SUB() != null) {
                value = -value;
            }
            boolean left = f.FILL_RIGHT() == null;
            boolean right = f.FILL_LEFT() == null;
            if ((left && fillLeft != null) || (right && fillRight != null)) {
                sink.error(Ids.PROMQL_DUPLICATE_FILL, span,
                        "The fill value for this side is already set by an earlier fill modifier.",
                        "Use `fill(v)` for both sides, or one `fill_left(v)` and one `fill_right(v)`.");
            }
            if (left) {
                fillLeft = value;
            }
            if (right) {
                fillRight = value;
            }
        }
        if (kind == VectorMatching.Kind.NONE && fillLeft == null && fillRight == null) {
            return null;
        }
        Span span = ctx.getChildCount() == 0 ? Span.NONE : span(ctx);
        return new VectorMatching(kind, labels, card, include, fillLeft, fillRight, span);
    }

    private static BinaryOp binaryOp(int tokenType) {
        return switch (tokenType) {
            case VigilParser.ADD -> BinaryOp.ADD;
            case VigilParser.SUB -> BinaryOp.SUB;
            case VigilParser.MUL -> BinaryOp.MUL;
            case VigilParser.DIV -> BinaryOp.DIV;
            case VigilParser.MOD -> BinaryOp.MOD;
            case VigilParser.POW -> BinaryOp.POW;
            case VigilParser.ATAN2 -> BinaryOp.ATAN2;
            case VigilParser.TRIM_UPPER -> BinaryOp.TRIM_UPPER;
            case VigilParser.TRIM_LOWER -> BinaryOp.TRIM_LOWER;
            case VigilParser.EQLC -> BinaryOp.EQL;
            case VigilParser.NEQ -> BinaryOp.NEQ;
            case VigilParser.GTR -> BinaryOp.GTR;
            case VigilParser.LSS -> BinaryOp.LSS;
            case VigilParser.GTE -> BinaryOp.GTE;
            case VigilParser.LTE -> BinaryOp.LTE;
            case VigilParser.AND -> BinaryOp.AND;
            case VigilParser.OR -> BinaryOp.OR;
            case VigilParser.UNLESS -> BinaryOp.UNLESS;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ postfix modifiers

    private Expr rangeOrSubquery(VigilParser.RangeOrSubqueryContext ctx) {
        Expr inner = expr(ctx.expr());
        if (inner == null || ctx.RIGHT_BRACKET() == null) {
            return null;
        }
        List<VigilParser.DurationExprContext> durations = ctx.durationExpr();
        DurationExpr range = durations.isEmpty() ? null : durationExpr(durations.get(0));
        if (range == null) {
            return null;
        }
        checkPositive(range, "range");
        Span span = span(ctx);
        if (ctx.COLON() == null) {
            Span brackets = span(ctx.LEFT_BRACKET().getSymbol()).to(span(ctx.RIGHT_BRACKET().getSymbol()));
            if (inner instanceof OffsetExpr || inner instanceof AtExpr) {
                String what = inner instanceof OffsetExpr ? "`offset`" : "`@`";
                sink.error(Ids.PROMQL_MODIFIER_BEFORE_RANGE, brackets,
                        "A range must come directly after the selector, before " + what + ".",
                        "Write the range first, for example `metric[5m] offset 1h`.");
            } else if (!(inner instanceof VectorSelector)) {
                sink.error(Ids.PROMQL_RANGE_ON_NON_SELECTOR, brackets,
                        "A range `[...]` can only follow a vector selector such as `metric{job=\"x\"}`.",
                        "To evaluate an expression over a window, use a subquery: `(...)[5m:1m]`.");
            }
            return new MatrixSelector(inner, range, span);
        }
        DurationExpr step = null;
        if (durations.size() > 1) {
            step = durationExpr(durations.get(1));
            if (step == null) {
                return null;
            }
            checkPositive(step, "subquery step");
        }
        return new Subquery(inner, range, step, span);
    }

    private Expr offset(VigilParser.OffsetContext ctx) {
        Expr inner = expr(ctx.expr());
        VigilParser.OffsetValueContext v = ctx.offsetValue();
        if (inner == null || v == null) {
            return null;
        }
        DurationExpr d = durationAtom(v.durationAtom());
        if (d == null) {
            return null;
        }
        if (v.SUB() != null || v.ADD() != null) {
            d = new DurationUnary(v.SUB() != null, d, span(v));
        }
        Span span = span(ctx);
        Expr target = modifierTarget(inner, OffsetExpr.class);
        if (target instanceof OffsetExpr) {
            sink.error(Ids.PROMQL_DUPLICATE_OFFSET, span(ctx.OFFSET().getSymbol()).to(span(v)),
                    "The offset is already set for this selector.", "Add the offsets up into one `offset`.");
        } else if (!isModifiable(target)) {
            sink.error(Ids.PROMQL_OFFSET_TARGET, span(ctx.OFFSET().getSymbol()).to(span(v)),
                    "`offset` can only follow a vector selector, a range vector selector or a subquery.",
                    "Move it inside, next to the selector: `rate(metric[5m] offset 1h)`.");
        }
        return new OffsetExpr(inner, d, span);
    }

    private Expr at(VigilParser.AtContext ctx) {
        Expr inner = expr(ctx.expr());
        VigilParser.AtValueContext v = ctx.atValue();
        if (inner == null || v == null || v.getStart() == null) {
            return null;
        }
        Span vspan = span(v);
        AtExpr.Anchor anchor;
        double seconds = 0;
        String text;
        if (v.IDENT() != null) {
            String name = v.IDENT().getText().toLowerCase(Locale.ROOT);
            if (v.RIGHT_PAREN() == null) {
                return null;
            }
            if (name.equals("start")) {
                anchor = AtExpr.Anchor.START;
            } else if (name.equals("end")) {
                anchor = AtExpr.Anchor.END;
            } else {
                sink.error(Ids.PROMQL_INVALID_AT, vspan,
                        "`@` takes a Unix timestamp, `start()` or `end()`, not `" + name + "()`.", null);
                return null;
            }
            text = name + "()";
        } else {
            anchor = AtExpr.Anchor.TIMESTAMP;
            TerminalNode n = v.NUMBER() != null ? v.NUMBER() : v.DURATION();
            if (n == null) {
                return null;
            }
            Span nspan = span(n.getSymbol());
            seconds = n.getSymbol().getType() == VigilParser.NUMBER
                    ? number(n.getText(), nspan) : durationMillis(n.getText(), nspan) / 1000.0;
            if (v.SUB() != null) {
                seconds = -seconds;
            }
            text = (v.SUB() != null ? "-" : v.ADD() != null ? "+" : "") + n.getText();
            if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) >= MAX_TIMESTAMP) {
                sink.error(Ids.PROMQL_AT_OUT_OF_RANGE, vspan,
                        "The timestamp `" + abbreviate(text) + "` is outside the range `@` accepts.",
                        "Give a Unix timestamp in seconds.");
            }
        }
        Expr target = modifierTarget(inner, AtExpr.class);
        if (target instanceof AtExpr) {
            sink.error(Ids.PROMQL_DUPLICATE_AT, span(ctx.AT().getSymbol()).to(vspan),
                    "`@` is already set for this selector.", null);
        } else if (!isModifiable(target)) {
            sink.error(Ids.PROMQL_AT_TARGET, span(ctx.AT().getSymbol()).to(vspan),
                    "`@` can only follow a vector selector, a range vector selector or a subquery.",
                    "Move it inside, next to the selector: `rate(metric[5m] @ end())`.");
        }
        return new AtExpr(inner, anchor, seconds, text, span(ctx));
    }

    private Expr rangeModifier(VigilParser.ExtendedRangeContext ctx) {
        Expr inner = expr(ctx.expr());
        if (inner == null || ctx.rangeModifier() == null) {
            return null;
        }
        RangeModifier modifier = ctx.rangeModifier().ANCHORED() != null ? RangeModifier.ANCHORED : RangeModifier.SMOOTHED;
        Expr target = modifierTarget(inner, RangeModifierExpr.class);
        Span mspan = span(ctx.rangeModifier());
        if (target instanceof RangeModifierExpr) {
            sink.error(Ids.PROMQL_DUPLICATE_RANGE_MODIFIER, mspan,
                    "A selector takes at most one of `anchored` and `smoothed`.", null);
        } else if (!(target instanceof VectorSelector || target instanceof MatrixSelector)) {
            sink.error(Ids.PROMQL_RANGE_MODIFIER_TARGET, mspan,
                    "`" + modifier.keyword() + "` can only follow a vector selector or a range vector selector.", null);
        }
        return new RangeModifierExpr(inner, modifier, span(ctx));
    }

    /**
     * The node a modifier applies to: other modifiers written before it are looked through, except
     * one of the same kind, which is returned so that the caller can report the repetition.
     */
    private static Expr modifierTarget(Expr e, Class<? extends Expr> kind) {
        Expr cur = e;
        while (true) {
            if (kind.isInstance(cur)) {
                return cur;
            }
            if (cur instanceof OffsetExpr o) {
                cur = o.expr();
            } else if (cur instanceof AtExpr a) {
                cur = a.expr();
            } else if (cur instanceof RangeModifierExpr r) {
                cur = r.expr();
            } else {
                return cur;
            }
        }
    }

    private static boolean isModifiable(Expr e) {
        return e instanceof VectorSelector || e instanceof MatrixSelector || e instanceof Subquery;
    }

    // ------------------------------------------------------------------ selectors

    VectorSelector vectorSelector(VigilParser.VectorSelectorContext ctx) {
        if (ctx == null) {
            return null;
        }
        String name = null;
        if (ctx.metricName() != null) {
            name = metricName(ctx.metricName());
            if (name == null) {
                return null;
            }
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        VigilParser.LabelMatchersContext lm = ctx.labelMatchers();
        if (lm != null) {
            if (lm.RIGHT_BRACE() == null) {
                return null;
            }
            for (VigilParser.MatcherContext m : lm.matcher()) {
                if (m instanceof VigilParser.QuotedMetricNameContext q) {
                    // As in Prometheus, `{"name"}` is a `__name__` matcher; only a name before the braces is metricName.
                    matchers.add(new LabelMatcher("__name__", MatchOp.EQ, string(q.STRING().getText(), span(q)), null,
                            span(q)));
                } else if (m instanceof VigilParser.LabelMatcherContext l) {
                    LabelMatcher built = labelMatcher(l);
                    if (built == null) {
                        return null;
                    }
                    matchers.add(built);
                } else if (m instanceof VigilParser.MatchersRefContext r) {
                    matchers.addAll(refs.matchers(r.CONST_REF().getText().substring(1), span(r)));
                } else {
                    return null;
                }
            }
        }
        return new VectorSelector(name, matchers, span(ctx));
    }

    private LabelMatcher labelMatcher(VigilParser.LabelMatcherContext ctx) {
        String name = labelName(ctx.labelName());
        VigilParser.MatcherValueContext v = ctx.matcherValue();
        if (name == null || ctx.op == null || v == null || v.getStart() == null) {
            return null;
        }
        MatchOp op = switch (ctx.op.getType()) {
            case VigilParser.EQL -> MatchOp.EQ;
            case VigilParser.NEQ -> MatchOp.NEQ;
            case VigilParser.EQL_REGEX -> MatchOp.RE;
            case VigilParser.NEQ_REGEX -> MatchOp.NRE;
            default -> null;
        };
        if (op == null) {
            return null;
        }
        Token value = v.getStart();
        if (value.getType() == VigilParser.CONST_REF) {
            LabelMatcher bound = refs.matcher(name, op, value.getText().substring(1), span(ctx));
            return bound != null ? bound : new LabelMatcher(name, op, "", value.getText().substring(1), span(ctx));
        }
        if (value.getType() != VigilParser.STRING) {
            return null;
        }
        return new LabelMatcher(name, op, string(value.getText(), span(value)), null, span(ctx));
    }

    /** A label name as written: a name, a reserved word, or a quoted UTF-8 name (unquoted here). */
    String labelName(VigilParser.LabelNameContext ctx) {
        if (ctx == null || ctx.getStart() == null || ctx.exception != null) {
            return null;
        }
        if (ctx.STRING() != null) {
            return string(ctx.STRING().getText(), span(ctx));
        }
        if (ctx.NUMBER() != null) {
            String text = ctx.NUMBER().getText();
            if (!Character.isLetter(text.charAt(0))) {
                sink.error(Ids.PROMQL_INVALID_LABEL_NAME, span(ctx),
                        "`" + text + "` is not a label name; label names start with a letter or `_`.",
                        "Quote unusual names: `{\"" + text + "\"=\"...\"}`.");
            }
        }
        return ctx.getText();
    }

    String metricName(VigilParser.MetricNameContext ctx) {
        if (ctx == null || ctx.getStart() == null || ctx.exception != null) {
            return null;
        }
        // A leading colon is its own token (see METRIC_IDENT); it must touch the rest of the name.
        if (ctx.COLON() != null && ctx.getStop().getStartIndex() != ctx.COLON().getSymbol().getStopIndex() + 1) {
            sink.error(Ids.PROMQL_INVALID_METRIC_NAME, span(ctx), "A metric name cannot contain spaces after its `:`.",
                    "Write `" + ctx.getText() + "` without the space.");
        }
        return ctx.getText();
    }

    // ------------------------------------------------------------------ durations

    private DurationExpr durationExpr(VigilParser.DurationExprContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.durationAtom() != null) {
            return durationAtom(ctx.durationAtom());
        }
        List<VigilParser.DurationExprContext> operands = ctx.durationExpr();
        if (ctx.op == null) {
            return null;
        }
        if (operands.size() == 1 && ctx.getChild(0) instanceof TerminalNode) {
            DurationExpr operand = durationExpr(operands.get(0));
            return operand == null ? null : new DurationUnary(ctx.op.getType() == VigilParser.SUB, operand, span(ctx));
        }
        if (operands.size() != 2) {
            return null;
        }
        DurationExpr lhs = durationExpr(operands.get(0));
        DurationExpr rhs = durationExpr(operands.get(1));
        BinaryOp op = binaryOp(ctx.op.getType());
        if (lhs == null || rhs == null || op == null) {
            return null;
        }
        if ((op == BinaryOp.DIV || op == BinaryOp.MOD) && Double.valueOf(0).equals(constantSeconds(rhs))) {
            sink.error(Ids.PROMQL_DIVISION_BY_ZERO, span(ctx.op).to(rhs.span()),
                    "This duration " + (op == BinaryOp.DIV ? "divides" : "takes a modulo") + " by zero.", null);
        }
        return new DurationBinary(op, lhs, rhs, span(ctx));
    }

    private DurationExpr durationAtom(VigilParser.DurationAtomContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return null;
        }
        Span span = span(ctx);
        if (ctx.IDENT() != null) {
            if (ctx.RIGHT_PAREN() == null) {
                return null;
            }
            // Like all PromQL keywords, these names are case-insensitive.
            String name = ctx.IDENT().getText().toLowerCase(Locale.ROOT);
            List<DurationExpr> args = new ArrayList<>();
            for (VigilParser.DurationExprContext a : ctx.durationExpr()) {
                DurationExpr arg = durationExpr(a);
                if (arg == null) {
                    return null;
                }
                args.add(arg);
            }
            int arity = switch (name) {
                case "step", "range" -> 0;
                case "min_of", "max_of" -> 2;
                default -> -1;
            };
            if (arity < 0) {
                sink.error(Ids.PROMQL_UNKNOWN_FUNCTION, span(ctx.IDENT().getSymbol()),
                        "`" + name + "()` cannot be used in a duration.",
                        "Durations may use `step()`, `range()`, `min_of(a, b)` and `max_of(a, b)`.");
            } else if (args.size() != arity) {
                sink.error(Ids.PROMQL_ARGUMENT_COUNT, span,
                        "`" + name + "()` takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", but "
                                + args.size() + " " + (args.size() == 1 ? "was" : "were") + " given.", null);
            }
            return new DurationCall(name, args, span);
        }
        if (ctx.LEFT_PAREN() != null) {
            List<VigilParser.DurationExprContext> inner = ctx.durationExpr();
            DurationExpr e = inner.isEmpty() ? null : durationExpr(inner.get(0));
            return e == null || ctx.RIGHT_PAREN() == null ? null : new DurationParen(e, span);
        }
        Token t = ctx.getStart();
        switch (t.getType()) {
            case VigilParser.DURATION:
                return new DurationLiteral(t.getText(), durationMillis(t.getText(), span), span);
            case VigilParser.NUMBER: {
                double seconds = number(t.getText(), span);
                if (Double.isNaN(seconds) || Math.abs(seconds) > Durations.MAX_SECONDS) {
                    sink.error(Ids.PROMQL_DURATION_OUT_OF_RANGE, span,
                            "The duration `" + abbreviate(t.getText()) + "` seconds is out of range.", null);
                    seconds = 0;
                }
                return new DurationLiteral(t.getText(), Math.round(seconds * 1000), span);
            }
            case VigilParser.CONST_REF: {
                DurationExpr bound = refs.duration(t.getText().substring(1), span);
                return bound != null ? bound : new DurationRef(t.getText().substring(1), span);
            }
            default:
                return null;
        }
    }

    /** The value in seconds of a duration made only of literals, signs and parentheses; null otherwise. */
    private static Double constantSeconds(DurationExpr d) {
        if (d instanceof DurationLiteral l) {
            return l.millis() / 1000.0;
        }
        if (d instanceof DurationParen p) {
            return constantSeconds(p.expr());
        }
        if (d instanceof DurationUnary u) {
            Double v = constantSeconds(u.expr());
            return v == null ? null : u.negative() ? -v : v;
        }
        return null;
    }

    private void checkPositive(DurationExpr d, String what) {
        Double v = constantSeconds(d);
        if (v != null && v <= 0) {
            sink.error(Ids.PROMQL_NON_POSITIVE_DURATION, d.span(),
                    "The " + what + " must be longer than zero.", null);
        }
    }

    // ------------------------------------------------------------------ tokens

    private double number(String text, Span span) {
        try {
            return Numbers.parse(text);
        } catch (NumberFormatException e) {
            sink.error(Ids.PROMQL_INVALID_NUMBER, span, capitalize(e.getMessage()) + ".", null);
            return 0;
        }
    }

    private long durationMillis(String text, Span span) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            String hint = e.getMessage().contains("largest") ? "For example `1h30m`, not `30m1h`." : null;
            sink.error(e.getMessage().contains("too long") ? Ids.PROMQL_DURATION_OUT_OF_RANGE : Ids.PROMQL_INVALID_DURATION,
                    span, capitalize(e.getMessage()) + ".", hint);
            return 0;
        }
    }

    private String string(String token, Span span) {
        try {
            return refs.interpolate(Strings.unquote(token), span);
        } catch (IllegalArgumentException e) {
            sink.error(Ids.PROMQL_INVALID_STRING, span, "This string is not valid: " + e.getMessage() + ".",
                    "Escapes are `\\\\`, `\\\"`, `\\n`, `\\t`, `\\xHH`, `\\uHHHH`; a backquoted string has none.");
            return "";
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() || s.charAt(0) == '`' ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 27) + "..." : text;
    }

    // ------------------------------------------------------------------ spans

    /** The span from the first to the last token of {@code ctx}, placed in the file. */
    Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == null || start.getType() == Token.EOF) {
            return start == null ? Span.NONE : pointAt(start);
        }
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex() || stop.getType() == Token.EOF) {
            return span(start);
        }
        return span(start).to(span(stop));
    }

    Span span(Token token) {
        if (token.getType() == Token.EOF || token.getText() == null) {
            return pointAt(token);
        }
        String text = token.getText();
        int line = token.getLine();
        int column = token.getCharPositionInLine();
        int lastNewline = text.lastIndexOf('\n');
        int endLine;
        int endColumn;
        if (lastNewline < 0) {
            endLine = line;
            endColumn = column + text.codePointCount(0, text.length());
        } else {
            endLine = line;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    endLine++;
                }
            }
            endColumn = text.codePointCount(lastNewline + 1, text.length());
        }
        return refs.tag(new Span(source.path(), line + lineOffset, column + 1 + (line == 1 ? columnOffset : 0),
                endLine + lineOffset, endColumn + 1 + (endLine == 1 ? columnOffset : 0)));
    }

    private Span pointAt(Token token) {
        int line = Math.max(1, token.getLine());
        int column = Math.max(0, token.getCharPositionInLine());
        return refs.tag(Span.point(source.path(), line + lineOffset, column + 1 + (line == 1 ? columnOffset : 0)));
    }
}
