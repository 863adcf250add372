package dev.vigil.targets.grafana;

import java.math.BigDecimal;

/** Numbers as Grafana's JSON shows them: {@code 4}, not {@code 4.00} or {@code 4E+0}. */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
