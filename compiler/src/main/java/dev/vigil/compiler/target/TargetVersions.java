package dev.vigil.compiler.target;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The releases of Prometheus, Alertmanager and Grafana the output must load in. A feature that
 * needs a newer release than the target, or that the target has removed, is reported at check
 * time (see {@link TargetFeature}). The defaults are the current long-term-support pair the test
 * suite runs, Prometheus 3.5 and Alertmanager 0.33.
 *
 * <p>During a migration the output may have to load in several releases of one tool (Prometheus
 * 2.53 and 3.5): {@code prometheus}, {@code alertmanager} and {@code grafana} are then the oldest,
 * which every feature must exist in, and {@code newest} holds the newest, which must not have
 * removed what the output uses. A tool missing from {@code newest} targets one release.
 */
public record TargetVersions(Version prometheus, Version alertmanager, Version grafana, Map<Tool, Version> newest,
        Set<FeatureFlag> prometheusFlags) {
    public static final TargetVersions DEFAULT = new TargetVersions(Tool.PROMETHEUS.byDefault,
            Tool.ALERTMANAGER.byDefault, Tool.GRAFANA.byDefault, Map.of());

    public TargetVersions {
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(alertmanager, "alertmanager");
        Objects.requireNonNull(grafana, "grafana");
        Map<Tool, Version> spans = new EnumMap<>(Tool.class);
        Map<Tool, Version> oldest = Map.of(Tool.PROMETHEUS, prometheus, Tool.ALERTMANAGER, alertmanager,
                Tool.GRAFANA, grafana);
        newest.forEach((tool, v) -> {
            if (v.compareTo(oldest.get(tool)) > 0) {
                spans.put(tool, v);
            }
        });
        newest = java.util.Collections.unmodifiableMap(spans);
        prometheusFlags = prometheusFlags.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(prometheusFlags));
    }

    public TargetVersions(Version prometheus, Version alertmanager, Version grafana, Map<Tool, Version> newest) {
        this(prometheus, alertmanager, grafana, newest, Set.of());
    }

    public TargetVersions(Version prometheus, Version alertmanager, Version grafana) {
        this(prometheus, alertmanager, grafana, Map.of());
    }

    /** These targets, with Prometheus running with {@code flags} (and no others). */
    public TargetVersions withFlags(Set<FeatureFlag> flags) {
        return new TargetVersions(prometheus, alertmanager, grafana, newest, flags);
    }

    /** Whether the target Prometheus runs with {@code flag}. */
    public boolean enables(FeatureFlag flag) {
        return prometheusFlags.contains(flag);
    }

    /** The newest release of {@code tool} the output must load in. */
    public Version newest(Tool tool) {
        return newest.getOrDefault(tool, of(tool));
    }

    /** Whether the targets of {@code tool} include releases both before and from {@code release}. */
    public boolean spans(Tool tool, Version release) {
        return !of(tool).atLeast(release) && newest(tool).atLeast(release);
    }

    /** A tool Vigil writes for, with its setting, its default and the oldest release Vigil can write for. */
    public enum Tool {
        // 3.5 is Prometheus's long-term-support line. The feature table starts at 2.40: older releases
        // lack functions (the native histogram ones, 2.40) that the table does not list.
        PROMETHEUS("Prometheus", "prometheus_version", Version.of(3, 5), Version.of(2, 40),
                "Vigil checks queries against Prometheus 2.40 and newer"),
        // 0.33 is what Debian ships beside Prometheus 3.5. Vigil always writes route `matchers` and
        // inhibition `source_matchers`/`target_matchers`, new in 0.22 (prometheus/alertmanager#2755).
        ALERTMANAGER("Alertmanager", "alertmanager_version", Version.of(0, 33), Version.of(0, 22),
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

    /** These targets with the given tools' releases replaced, each by one release. */
    public TargetVersions with(Map<Tool, Version> replaced) {
        Map<Tool, Version> all = new EnumMap<>(Tool.class);
        Map<Tool, Version> newer = new EnumMap<>(Tool.class);
        newer.putAll(newest);
        for (Tool t : Tool.values()) {
            all.put(t, replaced.getOrDefault(t, of(t)));
            if (replaced.containsKey(t)) {
                newer.remove(t);
            }
        }
        return new TargetVersions(all.get(Tool.PROMETHEUS), all.get(Tool.ALERTMANAGER), all.get(Tool.GRAFANA), newer,
                prometheusFlags);
    }

    /** These targets with {@code tool} targeting every release from {@code oldest} to {@code newest}. */
    public TargetVersions withRange(Tool tool, Version oldest, Version newestRelease) {
        TargetVersions one = with(Map.of(tool, oldest));
        Map<Tool, Version> newer = new EnumMap<>(Tool.class);
        newer.putAll(one.newest);
        newer.put(tool, newestRelease);
        return new TargetVersions(one.prometheus, one.alertmanager, one.grafana, newer, prometheusFlags);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Tool t : Tool.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.product()).append(' ').append(of(t));
            if (newest.containsKey(t)) {
                b.append(" to ").append(newest.get(t));
            }
            if (t == Tool.PROMETHEUS && !prometheusFlags.isEmpty()) {
                b.append(" with ").append(prometheusFlags);
            }
        }
        return b.toString();
    }

    /** Whether the target release of {@code feature}'s tool has it. */
    public boolean supports(TargetFeature feature) {
        return feature.availableIn(of(feature.tool()));
    }
}
