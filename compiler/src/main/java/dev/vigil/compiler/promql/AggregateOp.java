package dev.vigil.compiler.promql;

import java.util.Locale;

/** Aggregation operators; {@link #hasParam()} says whether a first parameter precedes the vector. */
public enum AggregateOp {
    SUM(false),
    AVG(false),
    COUNT(false),
    MIN(false),
    MAX(false),
    GROUP(false),
    STDDEV(false),
    STDVAR(false),
    TOPK(true),
    BOTTOMK(true),
    COUNT_VALUES(true),
    QUANTILE(true),
    LIMITK(true),
    LIMIT_RATIO(true);

    private final boolean hasParam;

    AggregateOp(boolean hasParam) {
        this.hasParam = hasParam;
    }

    public boolean hasParam() {
        return hasParam;
    }

    /** Prometheus marks these experimental. */
    public boolean experimental() {
        return this == LIMITK || this == LIMIT_RATIO;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator for a keyword in any case, or null. */
    public static AggregateOp fromKeyword(String word) {
        for (AggregateOp op : values()) {
            if (op.keyword().equalsIgnoreCase(word)) {
                return op;
            }
        }
        return null;
    }
}
