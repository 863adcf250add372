package dev.vigil.compiler.promql;

import java.util.Locale;

/** The extended range selector modifiers of Prometheus 3 (experimental there). */
public enum RangeModifier {
    ANCHORED,
    SMOOTHED;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
