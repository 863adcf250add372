package dev.vigil.lsp.features.completion;

import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Functions;
import dev.vigil.compiler.promql.PromqlFunction;
import dev.vigil.compiler.promql.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * PromQL signatures as Prometheus's documentation writes them ({@code histogram_quantile(φ scalar, b
 * instant-vector)}), from the compiler's function table ({@link Functions}: argument types, how many may
 * be left out or repeated, the result type) and its aggregation operators. The table has no parameter
 * names; those of the functions with more than one parameter are Prometheus's, the others are named by
 * their type.
 */
final class Signatures {
    /** Prometheus's parameter names, where a function takes more than one argument. */
    private static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("histogram_quantile", List.of("φ", "b")),
            Map.entry("histogram_fraction", List.of("lower", "upper", "b")),
            Map.entry("histogram_quantiles", List.of("v", "quantile_label", "φ", "φ")),
            Map.entry("clamp", List.of("v", "min", "max")),
            Map.entry("clamp_max", List.of("v", "max")),
            Map.entry("clamp_min", List.of("v", "min")),
            Map.entry("double_exponential_smoothing", List.of("v", "sf", "tf")),
            Map.entry("holt_winters", List.of("v", "sf", "tf")),
            Map.entry("info", List.of("v", "data_label_selector")),
            Map.entry("label_join", List.of("v", "dst_label", "separator", "src_label")),
            Map.entry("label_replace", List.of("v", "dst_label", "replacement", "src_label", "regex")),
            Map.entry("predict_linear", List.of("v", "t")),
            Map.entry("quantile_over_time", List.of("φ", "v")),
            Map.entry("round", List.of("v", "to_nearest")),
            Map.entry("sort_by_label", List.of("v", "label")),
            Map.entry("sort_by_label_desc", List.of("v", "label")),
            Map.entry("min_of", List.of("a", "b")),
            Map.entry("max_of", List.of("a", "b")));

    /** The parameter of an aggregation that takes one, before the vector. */
    private static final Map<AggregateOp, String> AGGREGATION_PARAMETER = Map.of(
            AggregateOp.TOPK, "k scalar", AggregateOp.BOTTOMK, "k scalar", AggregateOp.LIMITK, "k scalar",
            AggregateOp.LIMIT_RATIO, "ratio scalar", AggregateOp.QUANTILE, "φ scalar",
            AggregateOp.COUNT_VALUES, "label string");

    /** A signature: its parameters as shown, which of them repeats (-1 for none), and its text. */
    record Signature(String name, List<String> parameters, int repeated, String returns, String documentation) {
        String label() {
            return name + "(" + String.join(", ", parameters) + ")" + (returns == null ? "" : " → " + returns);
        }

        /** The parameter the caret is in when {@code commas} commas precede it. */
        int active(int commas) {
            if (parameters.isEmpty()) {
                return 0;
            }
            if (commas >= parameters.size() && repeated >= 0) {
                return repeated;
            }
            return Math.min(commas, parameters.size() - 1);
        }

        SignatureInformation information() {
            SignatureInformation s = new SignatureInformation(label());
            s.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, documentation));
            List<ParameterInformation> params = new ArrayList<>();
            int at = name.length() + 1;
            for (String p : parameters) {
                ParameterInformation info = new ParameterInformation();
                info.setLabel(Either.forRight(Tuple.two(at, at + p.length())));
                params.add(info);
                at += p.length() + 2;
            }
            s.setParameters(params);
            return s;
        }
    }

    private Signatures() {
    }

    static String typeName(ValueType t) {
        return switch (t) {
            case VECTOR -> "instant-vector";
            case MATRIX -> "range-vector";
            default -> t.description();
        };
    }

    static Optional<Signature> function(String name) {
        return Functions.get(name).map(Signatures::of);
    }

    static Signature of(PromqlFunction f) {
        List<String> names = NAMES.get(f.name());
        List<String> params = new ArrayList<>();
        int count = f.argTypes().size();
        for (int i = 0; i < count; i++) {
            ValueType type = f.argType(i);
            String name = names != null && i < names.size() ? names.get(i) : type == ValueType.SCALAR ? "s" : "v";
            String p = name + " " + typeName(type);
            boolean optional = f.variadic() != 0 && i == count - 1;
            if (optional) {
                p = "[" + p + (f.variadic() < 0 || f.variadic() > 1 ? ", …" : "") + "]";
            }
            params.add(p);
        }
        int repeated = f.variadic() != 0 && count > 0 ? count - 1 : -1;
        String doc = "Returns " + (f.returnType() == ValueType.VECTOR ? "an " : "a ") + typeName(f.returnType()) + "."
                + (f.experimental() ? "\n\nExperimental: Prometheus needs `--enable-feature=promql-experimental-functions`." : "");
        return new Signature(f.name(), params, repeated, typeName(f.returnType()), doc);
    }

    static Optional<Signature> aggregation(String name) {
        AggregateOp op;
        try {
            op = AggregateOp.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> params = new ArrayList<>();
        if (op.hasParam()) {
            params.add(AGGREGATION_PARAMETER.get(op));
        }
        params.add("v instant-vector");
        String doc = "Aggregates the series of `v` into one per group of `by (…)` or `without (…)`."
                + (op.experimental() ? "\n\nExperimental: Prometheus needs `--enable-feature=promql-experimental-functions`." : "");
        return Optional.of(new Signature(name.toLowerCase(Locale.ROOT), params, -1, "instant-vector", doc));
    }
}
