package dev.vigil.compiler.target;

import java.util.Arrays;
import java.util.Optional;

/**
 * A Prometheus {@code --enable-feature} flag that decides whether rules may use a piece of PromQL.
 * Prometheus (and promtool) refuse a rule file that uses such PromQL without the flag, so the target
 * declares the flags its servers run with ({@code settings { prometheus_features [...] } }).
 */
public enum FeatureFlag {
    /** Experimental functions and aggregations (`mad_over_time`, `limitk` ...): 2.49 on. */
    EXPERIMENTAL_FUNCTIONS("promql-experimental-functions"),
    /** Arithmetic in durations (`[5m + 1m]`): 3.4 on. promtool 3.5 cannot enable it. */
    DURATION_EXPRESSIONS("promql-duration-expr"),
    /** The `anchored` and `smoothed` range modifiers: 3.7 on. */
    EXTENDED_RANGE_SELECTORS("promql-extended-range-selectors"),
    /** The `fill` modifiers of binary operators: 3.10 on. */
    BINOP_FILL_MODIFIERS("promql-binop-fill-modifiers");

    private final String flag;

    FeatureFlag(String flag) {
        this.flag = flag;
    }

    /** The name Prometheus takes: {@code promql-experimental-functions}. */
    public String flag() {
        return flag;
    }

    /** The command-line option that enables it. */
    public String option() {
        return "--enable-feature=" + flag;
    }

    public static Optional<FeatureFlag> of(String name) {
        return Arrays.stream(values()).filter(f -> f.flag.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return flag;
    }
}
