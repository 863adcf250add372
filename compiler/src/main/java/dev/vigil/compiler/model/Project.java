package dev.vigil.compiler.model;

import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.ast.VigilFile;
import java.util.List;

/**
 * The semantic model of a whole project: every service, the shared constants, the severity order,
 * project settings and routing. The parsed files are kept for tools that need the syntax (formatting,
 * comments).
 */
public record Project(List<Service> services, List<Constant> constants, SeverityOrder severities, Settings settings,
        Routing routing, List<VigilFile> files) {
    public Project {
        services = List.copyOf(services);
        constants = List.copyOf(constants);
        files = List.copyOf(files);
    }

    /** This project with {@code newServices} in place of its services. */
    public Project withServices(List<Service> newServices) {
        return new Project(newServices, constants, severities, settings, routing, files);
    }

    /**
     * Whether the project was compiled from .vigil sources, as opposed to read from existing YAML by
     * `vigil lint`; hints then speak the language the user wrote.
     */
    public boolean fromVigilSources() {
        return !files.isEmpty();
    }

    /**
     * Project settings. The scrape interval defaults to one minute, as Prometheus's does; the target
     * versions to the releases the test suite runs. {@code targetLabels} are the labels every series
     * read straight from scraping carries ({@code job} and {@code instance} unless the project says
     * otherwise, say for federation with {@code honor_labels}); label inference takes them as
     * definitely present. {@code testCoverage} is what {@code vigil test} requires of the tests;
     * {@code kubernetes} the metadata of the Kubernetes objects the build writes. {@code grafanaDatasource}
     * is the uid of the Prometheus data source of every dashboard that names none of its own, or null (and
     * {@link Dashboard#DATASOURCE_VARIABLE}) for Grafana's {@code datasource} variable. {@code catalogue} is the
     * generated site's settings, or null when the project builds none.
     */
    public record Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
            TargetVersions targets, List<String> targetLabels, TestCoverage testCoverage, KubernetesMetadata kubernetes,
            String grafanaDatasource, Catalogue catalogue) {
        /** What Prometheus attaches to every scraped series. */
        public static final List<String> SCRAPED_TARGET_LABELS = List.of("job", "instance");
        public static final Settings DEFAULT = new Settings(60_000, 60_000, null, TargetVersions.DEFAULT);

        public Settings {
            java.util.Objects.requireNonNull(targets, "targets");
            targetLabels = List.copyOf(new java.util.LinkedHashSet<>(targetLabels));
            testCoverage = testCoverage == null ? TestCoverage.NONE : testCoverage;
            kubernetes = kubernetes == null ? KubernetesMetadata.NONE : kubernetes;
        }

        /** Settings with no catalogue. */
        public Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
                TargetVersions targets, List<String> targetLabels, TestCoverage testCoverage,
                KubernetesMetadata kubernetes, String grafanaDatasource) {
            this(scrapeIntervalMillis, evaluationIntervalMillis, prometheusUrl, targets, targetLabels, testCoverage,
                    kubernetes, grafanaDatasource, null);
        }

        /** Settings whose dashboards read the data source their {@code datasource} variable selects. */
        public Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
                TargetVersions targets, List<String> targetLabels, TestCoverage testCoverage,
                KubernetesMetadata kubernetes) {
            this(scrapeIntervalMillis, evaluationIntervalMillis, prometheusUrl, targets, targetLabels, testCoverage,
                    kubernetes, null);
        }

        /** Settings with no Kubernetes metadata of the project's own. */
        public Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
                TargetVersions targets, List<String> targetLabels, TestCoverage testCoverage) {
            this(scrapeIntervalMillis, evaluationIntervalMillis, prometheusUrl, targets, targetLabels, testCoverage,
                    KubernetesMetadata.NONE);
        }

        /** Settings that require no test coverage. */
        public Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
                TargetVersions targets, List<String> targetLabels) {
            this(scrapeIntervalMillis, evaluationIntervalMillis, prometheusUrl, targets, targetLabels, TestCoverage.NONE);
        }

        /** Settings with the default target labels. */
        public Settings(long scrapeIntervalMillis, long evaluationIntervalMillis, String prometheusUrl,
                TargetVersions targets) {
            this(scrapeIntervalMillis, evaluationIntervalMillis, prometheusUrl, targets, SCRAPED_TARGET_LABELS);
        }
    }
}
