package dev.vigil.compiler.parse;

import dev.vigil.compiler.ast.Binding;
import dev.vigil.compiler.ast.ParamType;
import dev.vigil.compiler.ast.Scope;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.DurationExpr;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.DurationRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code $name} becomes while a template body or {@code for} block is built: the bound value, in
 * the form the place it stands in needs (a literal operand, a matcher value, a range, grouping labels,
 * matchers, a DSL value, text in a string). A name that is not bound is left as a constant reference.
 * A parameter whose type does not fit its place is reported here, at the template, once.
 */
final class TemplateRefs {
    /** `${name}` or `${name|filter}`; `$${` writes a literal `${`. */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$(\\$?)\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\|([A-Za-z_]*))?}");
    private static final List<String> FILTERS = List.of("pascal", "upper", "lower");

    private final Scope scope;
    private final DiagnosticSink sink;

    TemplateRefs(Scope scope, DiagnosticSink sink) {
        this.scope = scope;
        this.sink = sink;
    }

    Span tag(Span span) {
        return scope.tag(span);
    }

    /** {@code $name} as an operand; null when it is a constant. */
    Expr operand(String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return null;
        }
        switch (b.type()) {
            case QUERY -> {
                Expr q = b.query();
                // Kept whole where it stands: `$errors / $total` must not re-associate.
                return q instanceof Binary || q instanceof Unary ? new Paren(q, q.span()) : q;
            }
            case NUMBER, PERCENTAGE, STRING -> {
                Value v = b.value();
                if (v instanceof Value.ConstRefValue c) {
                    return new ConstRef(c.name(), span);
                }
                if (v instanceof Value.NumberValue n) {
                    return new NumberLiteral(n.value().doubleValue(), n.value().toPlainString(), span);
                }
                if (v instanceof Value.PercentValue p) {
                    String fraction = p.percent().movePointLeft(2).stripTrailingZeros().toPlainString();
                    return new NumberLiteral(p.percent().movePointLeft(2).doubleValue(), fraction, span);
                }
                if (v instanceof Value.StringValue s) {
                    return new StringLiteral(s.value(), span);
                }
                return null;
            }
            default -> {
                misplaced(name, b, span, "an operand", "a number, a percentage, a string or a query",
                        b.type() == ParamType.DURATION ? "Use it in a range (`[$" + name + "]`) or an offset, or declare it `number`."
                                : null);
                return new NumberLiteral(0, "0", span);
            }
        }
    }

    /** {@code label op $name}; null when it is a constant. */
    LabelMatcher matcher(String label, MatchOp op, String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return null;
        }
        Value v = b.value();
        if (v instanceof Value.ConstRefValue c) {
            return new LabelMatcher(label, op, "", c.name(), span);
        }
        boolean regex = op == MatchOp.RE || op == MatchOp.NRE;
        if ((b.type() == ParamType.STRING || b.type() == ParamType.LABEL) && v != null) {
            return new LabelMatcher(label, op, Values.text(v), null, span);
        }
        if ((b.type() == ParamType.STRINGS || b.type() == ParamType.LABELS) && v instanceof Value.ListValue l) {
            if (!regex) {
                misplaced(name, b, span, "a `" + op.symbol() + "` matcher", "a string",
                        "Write `" + label + (op == MatchOp.NEQ ? "!~" : "=~") + "$" + name + "`: the list becomes an alternation.");
                return new LabelMatcher(label, op, "", null, span);
            }
            List<String> alternatives = new ArrayList<>();
            for (Value item : l.items()) {
                alternatives.add(quoteRegex(Values.text(item)));
            }
            return new LabelMatcher(label, op, String.join("|", alternatives), null, span);
        }
        misplaced(name, b, span, "a label matcher", "a string or a list of strings", null);
        return new LabelMatcher(label, op, "", null, span);
    }

    /** {@code [$name]}, {@code offset $name}; null when it is a constant. */
    DurationExpr duration(String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return null;
        }
        if (b.value() instanceof Value.ConstRefValue c) {
            return new DurationRef(c.name(), span);
        }
        if (b.type() == ParamType.DURATION && b.value() instanceof Value.DurationValue d) {
            return new DurationLiteral(d.text(), d.millis(), span);
        }
        misplaced(name, b, span, "a range or offset", "a duration", null);
        return new DurationLiteral("1m", 60_000, span);
    }

    /** {@code by ($name)}: the labels a `label` or `labels` parameter holds; outside templates, `$name` as written. */
    List<String> groupingLabels(String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return List.of("$" + name);
        }
        if (b.type() == ParamType.LABEL && b.value() != null) {
            return List.of(Values.text(b.value()));
        }
        if (b.type() == ParamType.LABELS && b.value() instanceof Value.ListValue l) {
            return l.items().stream().map(Values::text).toList();
        }
        misplaced(name, b, span, "`by ($" + name + ")`", "a label name or a list of label names",
                "Declare it `" + name + " labels`, passed as `[job, instance]`.");
        return List.of();
    }

    /** {@code {$name}}: the matchers a `matchers` parameter holds; outside templates, a reference the checks report. */
    List<LabelMatcher> matchers(String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return List.of(new LabelMatcher("", MatchOp.EQ, "", name, span));
        }
        if (b.type() == ParamType.MATCHERS) {
            return b.matchers();
        }
        misplaced(name, b, span, "`{$" + name + "}`", "label matchers", "Declare it `" + name + " matchers`, passed as "
                + "`{job=\"api\"}`" + (b.type() == ParamType.STRING ? ", or match one label with `job=$" + name + "`." : "."));
        return List.of();
    }

    /** {@code $name} in a DSL value slot; null when it is a constant. */
    Value value(String name, Span span) {
        Binding b = scope.lookup(name);
        if (b == null) {
            return null;
        }
        if (b.type().isQueryLike()) {
            misplaced(name, b, span, "a value", "a string, number, percentage, duration or label list", null);
            return new Value.StringValue("", span);
        }
        return Values.respan(b.value(), span);
    }

    /** `${name}` and `${name|pascal}` in a string of a template body or loop; other text is kept as written. */
    String interpolate(String text, Span span) {
        if (!scope.isExpansion() || text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = INTERPOLATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = m.group().substring(1);
            } else {
                Binding b = scope.lookup(m.group(2));
                if (b == null) {
                    // Left as written it would reach the output as `${name}`, a typo no later check sees.
                    sink.error(Ids.REFERENCE_UNKNOWN, span, "`" + m.group() + "` names no parameter or `for` variable.",
                            "Write `$" + m.group() + "` for the text `" + m.group() + "` itself, such as a Grafana variable.");
                    replacement = m.group();
                } else {
                    replacement = filter(text(b), m.group(3), span);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String filter(String value, String filter, Span span) {
        if (filter == null) {
            return value;
        }
        return switch (filter) {
            case "pascal" -> pascal(value);
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "lower" -> value.toLowerCase(Locale.ROOT);
            default -> {
                String near = Suggest.closest(filter, FILTERS);
                sink.error(Ids.REUSE_INTERPOLATION, span, "`" + filter + "` is not an interpolation filter.",
                        near != null ? "Did you mean `" + near + "`?"
                                : "The filters are " + String.join(", ", FILTERS.stream().map(f -> "`" + f + "`").toList()) + ".");
                yield value;
            }
        };
    }

    /** `checkout-api` and `checkout_api` both become `CheckoutApi`, the usual form in an alert name. */
    static String pascal(String value) {
        StringBuilder out = new StringBuilder();
        for (String part : value.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private void misplaced(String name, Binding b, Span span, String place, String needs, String hint) {
        sink.error(Ids.REUSE_PARAMETER_TYPE, span, "`$" + name + "` is " + b.type().noun() + ", but " + place
                + " needs " + needs + ".", hint);
    }

    /** The text a bound value interpolates as. */
    static String text(Binding b) {
        if (b.query() != null) {
            return PromqlPrinter.print(b.query(), r -> "$" + r.name());
        }
        if (b.matchers() != null) {
            String selector = PromqlPrinter.print(new VectorSelector(null, b.matchers(), Span.NONE), r -> "$" + r.name());
            return selector.substring(1, selector.length() - 1);
        }
        return Values.text(b.value());
    }

    /** RE2 metacharacters escaped, so that each element matches itself. */
    private static String quoteRegex(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
