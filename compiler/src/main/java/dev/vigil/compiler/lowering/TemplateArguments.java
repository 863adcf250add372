package dev.vigil.compiler.lowering;

import dev.vigil.compiler.ast.Binding;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Decl.Argument;
import dev.vigil.compiler.ast.Decl.TemplateDecl;
import dev.vigil.compiler.ast.ParamType;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.lowering.TemplateExpansion.Context;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A {@code use} against its template's signature: each argument by name, of its parameter's type, the
 * defaults for what it leaves out, and every mismatch reported at the argument with what would fit.
 */
final class TemplateArguments {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final DiagnosticSink sink;
    /** A `$constant` argument's value where the use stands; null after reporting an unknown one. */
    private final BiFunction<Value, Context, Value> constants;
    /** Templates whose definition failed: their defaults were reported there. */
    private final Set<String> broken;

    TemplateArguments(DiagnosticSink sink, BiFunction<Value, Context, Value> constants, Set<String> broken) {
        this.sink = sink;
        this.constants = constants;
        this.broken = broken;
    }

    /** The bindings for a use, or null after reporting every argument that does not fit. */
    Map<String, Binding> of(TemplateDecl t, Decl.Use use, Context ctx) {
        Map<String, Decl.Param> params = new LinkedHashMap<>();
        t.params().forEach(p -> params.putIfAbsent(p.name().text(), p));
        Map<String, Binding> out = new HashMap<>();
        boolean ok = true;
        Set<String> given = new HashSet<>();
        for (Argument a : use.arguments()) {
            String name = a.name().text();
            Decl.Param p = params.get(name);
            if (p == null) {
                String near = Suggest.closest(name, params.keySet());
                sink.error(Ids.REUSE_UNKNOWN_PARAMETER, a.name().span(), "Template `" + t.name().text()
                        + "` has no parameter `" + name + "`.", near != null ? "Did you mean `" + near + "`?"
                                : "Its parameters are " + listed(params.keySet()) + ".");
                ok = false;
                continue;
            }
            if (!given.add(name)) {
                Span first = use.arguments().stream().filter(b -> b.name().text().equals(name)).findFirst().orElseThrow()
                        .name().span();
                sink.error(Ids.NAME_DUPLICATE, a.name().span(), "`" + name + "` is passed twice.",
                        "It is first passed at " + first + "; keep one.");
                ok = false;
                continue;
            }
            Optional<ParamType> type = ParamType.parse(p.type().text());
            if (type.isEmpty()) {
                ok = false;
                continue;
            }
            Binding b = bind(type.get(), a, p, ctx);
            if (b == null) {
                ok = false;
            } else {
                out.put(name, b);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Decl.Param p : params.values()) {
            if (!given.contains(p.name().text())) {
                // A parameter named `service` is reported at the template; `$service` is always bound.
                if (p.defaultValue() != null && broken.contains(t.name().text()) || p.name().text().equals("service")) {
                    continue;
                }
                if (p.defaultValue() == null) {
                    missing.add("`" + p.name().text() + " " + p.type().text() + "`");
                } else {
                    Binding b = ParamType.parse(p.type().text())
                            .map(type -> bind(type, p.defaultValue(), p, new Context(ctx.service(), ctx.templates(), true)))
                            .orElse(null);
                    if (b == null) {
                        ok = false;
                    } else {
                        out.put(p.name().text(), b);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            sink.error(Ids.REUSE_MISSING_ARGUMENT, use.template().span(), "`use " + t.name().text() + "` leaves out "
                    + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "has" : "have") + " no default.",
                    "Pass " + (missing.size() == 1 ? "it" : "them") + " by name, such as `" + missing.get(0)
                            .replaceAll("`(\\w+) .*", "$1") + " = ...`.");
            ok = false;
        }
        if (ctx.service() != null) {
            out.putIfAbsent("service", Binding.value(ParamType.STRING, new Value.StringValue(ctx.service(), use.span())));
        }
        return ok ? out : null;
    }

    /** The binding for an argument (or default) of {@code type}, or null after reporting why it does not fit. */
    Binding bind(ParamType type, Argument a, Decl.Param p, Context ctx) {
        if (a.query() != null) {
            if (type == ParamType.QUERY) {
                return Binding.query(a.query());
            }
            if (type == ParamType.MATCHERS && a.query() instanceof VectorSelector v && v.metricName() == null) {
                return Binding.matchers(v.matchers());
            }
            return mismatch(type, a, p, "a query", type == ParamType.MATCHERS
                    ? "Matchers are written in braces without a metric name: `{job=\"api\"}`." : null);
        }
        Value v = constants.apply(a.value(), ctx);
        if (v == null) {
            return null;
        }
        String why = fits(type, v);
        if (why == null) {
            if (type == ParamType.QUERY) {
                return Binding.query(v instanceof Value.NameValue n ? new VectorSelector(n.name(), List.of(), n.span())
                        : new NumberLiteral(((Value.NumberValue) v).value().doubleValue(), ((Value.NumberValue) v).text(), v.span()));
            }
            return Binding.value(type, v);
        }
        return mismatch(type, a, p, v.kind(), why.isEmpty() ? null : why);
    }

    /** Null when {@code v} has {@code type}; otherwise a hint, empty when there is none. */
    private static String fits(ParamType type, Value v) {
        return switch (type) {
            case STRING -> v instanceof Value.StringValue ? null
                    : v instanceof Value.NameValue n ? "Write it in quotes: `\"" + n.name() + "\"`." : "";
            case NUMBER -> v instanceof Value.NumberValue ? null
                    : v instanceof Value.PercentValue p ? "Write `" + p.percent().movePointLeft(2).stripTrailingZeros()
                            .toPlainString() + "`, or declare the parameter `percentage`." : "";
            case PERCENTAGE -> v instanceof Value.PercentValue ? null
                    : v instanceof Value.NumberValue n ? "Write it as a percentage: `" + percent(n) + "`." : "";
            case DURATION -> v instanceof Value.DurationValue ? null
                    : v instanceof Value.NumberValue n ? "Give the unit: `" + n.text() + "s` or `" + n.text() + "m`."
                    : v instanceof Value.StringValue s && isDuration(s.value()) ? "Write it without quotes: `" + s.value()
                            + "`." : "";
            case LABEL -> labelName(v) ? null : "A label name is a word such as `instance`.";
            case LABELS, STRINGS -> v instanceof Value.ListValue l ? l.items().stream().filter(i -> type == ParamType.LABELS
                    ? !labelName(i) : !(i instanceof Value.StringValue || i instanceof Value.NameValue)).findFirst()
                    .map(i -> "`" + Values.text(i) + "` is not " + (type == ParamType.LABELS ? "a label name; a label name is a "
                            + "word such as `instance`." : "a string."))
                    .orElse(null)
                    : "Write a list: `[" + (v instanceof Value.StringValue || v instanceof Value.NameValue
                            ? type == ParamType.LABELS ? Values.text(v) : shown(v)
                            : type == ParamType.LABELS ? "job, instance" : "\"orders\", \"payments\"") + "]`.";
            case MATCHERS -> "Matchers are written in braces: `{job=\"api\"}`.";
            case QUERY -> v instanceof Value.NameValue || v instanceof Value.NumberValue ? null
                    : v instanceof Value.StringValue ? "Queries are written without quotes." : "";
        };
    }

    /** `0.05` as `5%`, the fraction a number below 1 most likely means; `5` as `5%`. */
    private static String percent(Value.NumberValue n) {
        java.math.BigDecimal value = n.value();
        boolean fraction = value.signum() > 0 && value.compareTo(java.math.BigDecimal.ONE) < 0;
        return (fraction ? value.movePointRight(2) : value).stripTrailingZeros().toPlainString() + "%";
    }

    private static boolean isDuration(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return false;
        }
        try {
            dev.vigil.compiler.promql.Durations.parseMillis(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A list element as it would be written: strings in quotes. */
    private static String shown(Value v) {
        return v instanceof Value.StringValue s ? "\"" + s.value() + "\"" : Values.text(v);
    }

    private static boolean labelName(Value v) {
        String text = v instanceof Value.NameValue n ? n.name() : v instanceof Value.StringValue s ? s.value() : null;
        return text != null && LABEL_NAME.matcher(text).matches();
    }

    private Binding mismatch(ParamType type, Argument a, Decl.Param p, String kind, String hint) {
        // A default that does not fit is the declaration's mistake, whatever the uses pass.
        boolean isDefault = a == p.defaultValue();
        sink.error(isDefault ? Ids.REUSE_PARAMETER : Ids.REUSE_ARGUMENT_TYPE, a.valueSpan(), "`" + p.name().text() + "` is "
                + type.noun() + ", but " + (isDefault ? "its default" : "this") + " is " + kind + ".", hint != null ? hint
                        : "It is declared `" + p.name().text() + " " + type.keyword() + "` at " + p.span() + ".");
        return null;
    }

    static String listed(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
