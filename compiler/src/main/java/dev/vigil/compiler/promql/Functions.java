package dev.vigil.compiler.promql;

import static dev.vigil.compiler.promql.ValueType.MATRIX;
import static dev.vigil.compiler.promql.ValueType.SCALAR;
import static dev.vigil.compiler.promql.ValueType.STRING;
import static dev.vigil.compiler.promql.ValueType.VECTOR;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every function of Prometheus 3.x PromQL (as of 3.14), with its signature, and {@code holt_winters},
 * which 3.0 removed. Experimental ones need {@code --enable-feature=promql-experimental-functions}
 * in Prometheus. The duration functions {@code step()}, {@code range()}, {@code start()},
 * {@code end()}, {@code min_of} and {@code max_of} are listed too: in expression position they are
 * scalars. Which release has which function is {@link dev.vigil.compiler.target.TargetFeature}'s
 * business.
 */
public final class Functions {
    private static final Map<String, PromqlFunction> BY_NAME;

    static {
        Map<String, PromqlFunction> m = new TreeMap<>();
        for (String name : List.of("abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos",
                "cosh", "deg", "exp", "floor", "histogram_avg", "histogram_count", "histogram_stddev",
                "histogram_stdvar", "histogram_sum", "ln", "log10", "log2", "rad", "sgn", "sin", "sinh", "sort",
                "sort_desc", "sqrt", "tan", "tanh", "timestamp")) {
            add(m, name, 0, VECTOR, false, VECTOR);
        }
        for (String name : List.of("absent_over_time", "avg_over_time", "changes", "count_over_time", "delta",
                "deriv", "idelta", "increase", "irate", "last_over_time", "max_over_time", "min_over_time",
                "present_over_time", "rate", "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time")) {
            add(m, name, 0, VECTOR, false, MATRIX);
        }
        for (String name : List.of("first_over_time", "mad_over_time", "ts_of_first_over_time",
                "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time")) {
            add(m, name, 0, VECTOR, true, MATRIX);
        }
        for (String name : List.of("day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
                "month", "year")) {
            add(m, name, 1, VECTOR, false, VECTOR);
        }
        for (String name : List.of("pi", "time", "step", "range", "start", "end")) {
            add(m, name, 0, SCALAR, false);
        }
        add(m, "min_of", 0, SCALAR, false, SCALAR, SCALAR);
        add(m, "max_of", 0, SCALAR, false, SCALAR, SCALAR);
        add(m, "clamp", 0, VECTOR, false, VECTOR, SCALAR, SCALAR);
        add(m, "clamp_max", 0, VECTOR, false, VECTOR, SCALAR);
        add(m, "clamp_min", 0, VECTOR, false, VECTOR, SCALAR);
        add(m, "double_exponential_smoothing", 0, VECTOR, true, MATRIX, SCALAR, SCALAR);
        add(m, "holt_winters", 0, VECTOR, false, MATRIX, SCALAR, SCALAR);
        add(m, "histogram_fraction", 0, VECTOR, false, SCALAR, SCALAR, VECTOR);
        add(m, "histogram_quantile", 0, VECTOR, false, SCALAR, VECTOR);
        add(m, "histogram_quantiles", -1, VECTOR, true, VECTOR, STRING, SCALAR, SCALAR);
        add(m, "info", 1, VECTOR, true, VECTOR, VECTOR);
        add(m, "label_join", -1, VECTOR, false, VECTOR, STRING, STRING, STRING);
        add(m, "label_replace", 0, VECTOR, false, VECTOR, STRING, STRING, STRING, STRING);
        add(m, "predict_linear", 0, VECTOR, false, MATRIX, SCALAR);
        add(m, "quantile_over_time", 0, VECTOR, false, SCALAR, MATRIX);
        add(m, "round", 1, VECTOR, false, VECTOR, SCALAR);
        add(m, "scalar", 0, SCALAR, false, VECTOR);
        add(m, "sort_by_label", -1, VECTOR, true, VECTOR, STRING);
        add(m, "sort_by_label_desc", -1, VECTOR, true, VECTOR, STRING);
        add(m, "start_timestamp", 0, VECTOR, true, VECTOR);
        add(m, "vector", 0, VECTOR, false, SCALAR);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private Functions() {
    }

    private static void add(Map<String, PromqlFunction> m, String name, int variadic, ValueType returns,
            boolean experimental, ValueType... args) {
        m.put(name, new PromqlFunction(name, List.of(args), variadic, returns, experimental));
    }

    /** The function of that name; names are case-sensitive, as in Prometheus. */
    public static Optional<PromqlFunction> get(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All functions, sorted by name. */
    public static Collection<PromqlFunction> all() {
        return BY_NAME.values();
    }

    /** Whether {@code name} is a duration function, usable inside {@code [...]} and after {@code offset} too. */
    public static boolean isDurationFunction(String name) {
        return switch (name) {
            case "step", "range", "min_of", "max_of" -> true;
            default -> false;
        };
    }
}
