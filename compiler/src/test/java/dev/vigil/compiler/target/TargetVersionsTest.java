package dev.vigil.compiler.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.target.TargetVersions.Tool;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetVersionsTest {
    @Test
    void versionsParseAsReleasesAreWritten() {
        assertEquals(Optional.of(new Version(2, 42, 0)), Version.parse("2.42"));
        assertEquals(Optional.of(new Version(0, 25, 1)), Version.parse("v0.25.1"));
        assertEquals("2.42", Version.parse("2.42.0").orElseThrow().toString());
        assertEquals("0.25.1", Version.parse("0.25.1").orElseThrow().toString());
        for (String bad : new String[] {"2", "2.x", "2.42.0.1", "latest", "", "2.42-rc.0"}) {
            assertTrue(Version.parse(bad).isEmpty(), bad);
        }
        assertTrue(Version.of(2, 54).atLeast(Version.of(2, 42)));
        assertTrue(Version.of(3, 0).atLeast(Version.of(2, 55)));
        assertFalse(Version.of(2, 9).atLeast(Version.of(2, 10)), "numbers, not text");
    }

    @Test
    void theDefaultsAreTheLongTermSupportPair() {
        assertEquals("3.5", TargetVersions.DEFAULT.prometheus().toString());
        assertEquals("0.33", TargetVersions.DEFAULT.alertmanager().toString());
        assertEquals("11.0", TargetVersions.DEFAULT.grafana().toString());
        TargetVersions newer = TargetVersions.DEFAULT.with(Map.of(Tool.ALERTMANAGER, Version.of(0, 27)));
        assertEquals(Version.of(0, 27), newer.alertmanager());
        assertEquals(TargetVersions.DEFAULT.prometheus(), newer.prometheus());
    }

    @Test
    void aMigrationTargetsEveryReleaseBetweenTwo() {
        TargetVersions both = TargetVersions.DEFAULT.withRange(Tool.PROMETHEUS, Version.of(2, 53), Version.of(3, 5));
        assertEquals(Version.of(2, 53), both.prometheus());
        assertEquals(Version.of(3, 5), both.newest(Tool.PROMETHEUS));
        assertTrue(both.spans(Tool.PROMETHEUS, Version.of(3, 0)));
        assertFalse(TargetVersions.DEFAULT.spans(Tool.PROMETHEUS, Version.of(3, 0)));
        assertEquals(Version.of(3, 5), both.with(Map.of(Tool.PROMETHEUS, Version.of(3, 5))).newest(Tool.PROMETHEUS));
        assertEquals("Prometheus 2.53 to 3.5, Alertmanager 0.33, Grafana 11.0", both.toString());
    }

    @Test
    void buildOptionsAreRefusedWithASentence() {
        assertEquals(Version.of(3, 0), Tool.PROMETHEUS.parse("3.0"));
        IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class, () -> Tool.PROMETHEUS.parse("3.x"));
        assertEquals("`3.x` is not a Prometheus version such as `3.5`", notOne.getMessage());
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class, () -> Tool.GRAFANA.parse("9.5"));
        assertTrue(old.getMessage().startsWith("Grafana 9.5 is too old: Vigil writes dashboards in schema version 39"),
                old.getMessage());
        assertEquals("--alertmanager-version", Tool.ALERTMANAGER.option());
        assertEquals(Optional.of(Tool.GRAFANA), Tool.ofSetting("grafana_version"));
    }

    @Test
    void featuresAreAvailableFromTheirReleaseUntilTheyAreRemoved() {
        TargetFeature urlFile = TargetFeature.AM_WEBHOOK_URL_FILE;
        assertFalse(urlFile.availableIn(Version.of(0, 25)));
        assertTrue(urlFile.availableIn(Version.of(0, 26)));
        TargetFeature holtWinters = TargetFeature.ofFunction("holt_winters").orElseThrow();
        assertTrue(holtWinters.availableIn(Version.of(2, 55)));
        assertFalse(holtWinters.availableIn(Version.of(3, 0)));
        assertEquals("the function `double_exponential_smoothing`",
                TargetFeature.ofFunction("double_exponential_smoothing").orElseThrow().description());
        assertEquals("the aggregation `limitk`", TargetFeature.ofFunction("limitk").orElseThrow().description());
        assertEquals("the template function `now`", TargetFeature.ofTemplateFunction("now").orElseThrow().description());
        assertTrue(TargetFeature.ofFunction("rate").isEmpty(), "in every supported release");
        assertTrue(TargetVersions.DEFAULT.supports(TargetFeature.KEEP_FIRING_FOR));
    }

    /** Every function the checker knows is either in every supported release or in the table. */
    @Test
    void everyPromqlFunctionNewerThanTheOldestSupportedReleaseIsInTheTable() {
        java.util.Set<String> since240 = java.util.Set.of("abs", "absent", "absent_over_time", "acos", "acosh", "asin",
                "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos",
                "cosh", "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg",
                "delta", "deriv", "exp", "floor", "histogram_count", "histogram_fraction", "histogram_quantile",
                "histogram_sum", "hour", "idelta", "increase", "irate", "label_join", "label_replace",
                "last_over_time", "ln", "log10", "log2", "max_over_time", "min_over_time", "minute", "month", "pi",
                "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets", "round",
                "scalar", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "stddev_over_time", "stdvar_over_time",
                "sum_over_time", "tan", "tanh", "time", "timestamp", "vector", "year");
        for (dev.vigil.compiler.promql.PromqlFunction f : dev.vigil.compiler.promql.Functions.all()) {
            assertTrue(since240.contains(f.name()) || TargetFeature.ofFunction(f.name()).isPresent(),
                    f.name() + " is neither in Prometheus 2.40 nor in TargetFeature");
        }
    }
}
