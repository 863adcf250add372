package dev.vigil.compiler.target;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The releases of Prometheus, Alertmanager and Grafana the output must load in. A feature that
 * needs a newer release than the target, or that the target has removed, is reported at check
 * time (see {@link TargetFeature}). The defaults are the releases the test suite runs.
 */
public record TargetVersions(Version prometheus, Version alertmanager, Version grafana) {
    public static final TargetVersions DEFAULT = new TargetVersions(Tool.PROMETHEUS.byDefault,
            Tool.ALERTMANAGER.byDefault, Tool.GRAFANA.byDefault);

    public TargetVersions {
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(alertmanager, "alertmanager");
        Objects.requireNonNull(grafana, "grafana");
    }

    /** A tool Vigil writes for, with its setting, its default and the oldest release Vigil can write for. */
    public enum Tool {
        // promtool 2.42 is what the test suite runs. The feature table starts at 2.40: older releases
        // lack functions (the native histogram ones, 2.40) that the table does not list.
        PROMETHEUS("Prometheus", "prometheus_version", Version.of(2, 42), Version.of(2, 40),
                "Vigil checks queries against Prometheus 2.40 and newer"),
        // amtool 0.25 is what the test suite runs. Vigil always writes route `matchers` and inhibition
        // `source_matchers`/`target_matchers`, new in 0.22 (prometheus/alertmanager#2755).
        ALERTMANAGER("Alertmanager", "alertmanager_version", Version.of(0, 25), Version.of(0, 22),
                "Vigil writes route `matchers`, which Alertmanager 0.22 introduced"),
        // Vigil writes dashboards in schemaVersion 39 (grafana/grafana#76801, first released in 10.3),
        // the schema Grafana 10.4 and 11.0 save.
        GRAFANA("Grafana", "grafana_version", Version.of(11, 0), Version.of(10, 3),
                "Vigil writes dashboards in schema version 39, which Grafana 10.3 introduced");

        private final String product;
        private final String setting;
        private final Version byDefault;
        private final Version oldest;
        private final String whyOldest;

        Tool(String product, String setting, Version byDefault, Version oldest, String whyOldest) {
            this.product = product;
            this.setting = setting;
            this.byDefault = byDefault;
            this.oldest = oldest;
            this.whyOldest = whyOldest;
        }

        /** The product name, as messages say it: {@code Prometheus}. */
        public String product() {
            return product;
        }

        /** The key in a {@code settings} block: {@code prometheus_version}. */
        public String setting() {
            return setting;
        }

        /** The CLI option: {@code --prometheus-version}. */
        public String option() {
            return "--" + setting.replace('_', '-');
        }

        public Version byDefault() {
            return byDefault;
        }

        public Version oldest() {
            return oldest;
        }

        /**
         * Why {@code version} cannot be a target, as a sentence fragment ("Vigil writes ..."); empty
         * when it can.
         */
        public Optional<String> refuse(Version version) {
            return version.atLeast(oldest) ? Optional.empty() : Optional.of(whyOldest);
        }

        /**
         * The release {@code text} names, for a build option.
         *
         * @throws IllegalArgumentException with a sentence saying what is wrong: not a version, or too old
         */
        public Version parse(String text) {
            Version v = Version.parse(text).orElseThrow(() -> new IllegalArgumentException(
                    "`" + text + "` is not a " + product + " version such as `" + byDefault + "`"));
            Optional<String> refused = refuse(v);
            if (refused.isPresent()) {
                throw new IllegalArgumentException(product + " " + v + " is too old: " + refused.get());
            }
            return v;
        }

        /** The tool a {@code settings} key names, if it names one. */
        public static Optional<Tool> ofSetting(String key) {
            for (Tool t : values()) {
                if (t.setting.equals(key)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    public Version of(Tool tool) {
        return switch (tool) {
            case PROMETHEUS -> prometheus;
            case ALERTMANAGER -> alertmanager;
            case GRAFANA -> grafana;
        };
    }

    /** These targets with the given tools' releases replaced. */
    public TargetVersions with(Map<Tool, Version> replaced) {
        Map<Tool, Version> all = new EnumMap<>(Tool.class);
        for (Tool t : Tool.values()) {
            all.put(t, replaced.getOrDefault(t, of(t)));
        }
        return new TargetVersions(all.get(Tool.PROMETHEUS), all.get(Tool.ALERTMANAGER), all.get(Tool.GRAFANA));
    }

    /** Whether the target release of {@code feature}'s tool has it. */
    public boolean supports(TargetFeature feature) {
        return feature.availableIn(of(feature.tool()));
    }
}
