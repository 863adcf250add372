package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.target.TargetVersions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import dev.vigil.compiler.model.KubernetesMetadata;
import dev.vigil.compiler.model.KubernetesSyntax;
import dev.vigil.targets.build.OutputLimits;
import org.codehaus.plexus.build.BuildContext;

/**
 * The parameters every goal shares. A goal copies them into a {@link CompileRequest} and calls the
 * library; nothing else happens here. A new goal (such as a future {@code vigil:diff}) extends this
 * class and adds its own parameters and request.
 */
abstract class AbstractVigilMojo extends AbstractMojo {
    /** The directory of the project's {@code .vigil} sources; every {@code .vigil} file below it is read. */
    @Parameter(property = "vigil.sourceDirectory", defaultValue = "${project.basedir}/src/main/vigil", required = true)
    protected File sourceDirectory;

    /**
     * The scrape interval the checks assume, such as {@code 15s}; rate windows shorter than two
     * intervals are reported. Unset, the project's {@code settings { scrape_interval }} applies, or
     * Prometheus's default of {@code 1m}. Setting both here and in the sources is an error.
     */
    @Parameter(property = "vigil.scrapeInterval")
    protected String scrapeInterval;

    /**
     * The Prometheus release the rules must load in, such as {@code 2.42}. Unset, the project's
     * {@code settings { prometheus_version }} applies, or 2.42. Setting both here and in the sources
     * is an error.
     */
    @Parameter(property = "vigil.prometheusVersion")
    protected String prometheusVersion;

    /**
     * The Alertmanager release the configuration must load in, such as {@code 0.25}. Unset, the
     * project's {@code settings { alertmanager_version }} applies, or 0.25. Not in both places.
     */
    @Parameter(property = "vigil.alertmanagerVersion")
    protected String alertmanagerVersion;

    /**
     * The Grafana release the dashboards must load in, such as {@code 11.0}. Unset, the project's
     * {@code settings { grafana_version }} applies, or 11.0. Not in both places.
     */
    @Parameter(property = "vigil.grafanaVersion")
    protected String grafanaVersion;

    /** Treat warnings as errors: the build fails on any warning. */
    @Parameter(property = "vigil.strict", defaultValue = "false")
    protected boolean strict;

    /**
     * Severity overrides by check id or family, applied after the project's own {@code checks { }}
     * block: {@code error}, {@code warning}, {@code info} or {@code off}. The most specific key wins.
     * For example {@code <severityOverrides><Rate.WindowTooShort>error</Rate.WindowTooShort><Naming>off our names
     * predate the convention</Naming></severityOverrides>}: a level that lowers or turns off a check is
     * followed by the reason.
     * Syntax, input and duplicate errors cannot be lowered.
     */
    @Parameter
    protected Map<String, String> severityOverrides;

    /**
     * The namespace of every Kubernetes object the build writes, such as {@code monitoring}; wins over
     * the sources' {@code kubernetes { namespace }}.
     */
    @Parameter(property = "vigil.kubernetes.namespace")
    protected String kubernetesNamespace;

    /**
     * Labels of every Kubernetes object the build writes, each {@code KEY=VALUE}:
     * {@code <kubernetesLabels><label>release=kube-prometheus-stack</label></kubernetesLabels>}. They win
     * over the sources' labels of the same key.
     */
    @Parameter
    protected List<String> kubernetesLabels;

    /** Annotations of every Kubernetes object the build writes, each {@code KEY=VALUE}, as {@code kubernetesLabels}. */
    @Parameter
    protected List<String> kubernetesAnnotations;

    /**
     * {@code ConfigMap} ({@code alertmanager.yml} in a ConfigMap) or {@code AlertmanagerConfig} (a
     * prometheus-operator resource, for a shared Alertmanager); wins over the sources'
     * {@code kubernetes { alertmanager }}.
     */
    @Parameter(property = "vigil.kubernetes.alertmanager")
    protected String kubernetesAlertmanager;

    /**
     * {@code ConfigMap} (for Grafana's sidecar) or {@code GrafanaDashboard} (grafana-operator
     * resources); wins over the sources' {@code kubernetes { dashboards }}.
     */
    @Parameter(property = "vigil.kubernetes.dashboards")
    protected String kubernetesDashboards;

    /**
     * The labels of the Grafana instances a GrafanaDashboard selects, each {@code KEY=VALUE}:
     * {@code <kubernetesInstanceSelector><label>dashboards=grafana</label></kubernetesInstanceSelector>}.
     * Replaces the sources' whole {@code instance_selector}.
     */
    @Parameter
    protected List<String> kubernetesInstanceSelector;

    /**
     * The annotation Grafana's sidecar reads a dashboard's folder from; wins over the sources'
     * {@code folder_annotation}.
     */
    @Parameter(property = "vigil.kubernetes.folderAnnotation")
    protected String kubernetesFolderAnnotation;

    /**
     * Build the catalogue (a static site and a MkDocs tree) published at this URL; every {@code runbook_url} then
     * points at its alert's page. As the sources' {@code catalogue { base_url }}, which may then not be set too.
     */
    @Parameter(property = "vigil.catalogueUrl")
    protected String catalogueUrl;

    /** Skip every Vigil goal. */
    @Parameter(property = "vigil.skip", defaultValue = "false")
    protected boolean skip;

    /** The project directory; diagnostics show paths relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File baseDirectory;

    /**
     * The project's resolved dependencies; those of scope compile and runtime that go on a classpath (jars, and the
     * class directories of reactor modules not yet packaged) form the library path of {@code import "lib:..."}, in
     * the POM's order.
     */
    @Parameter(defaultValue = "${project.artifacts}", readonly = true)
    protected Set<Artifact> dependencies;

    /** The project's build directory; the plugin keeps its own state in {@code vigil-state} below it. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    private final BuildContext buildContext;
    private final org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext;

    protected AbstractVigilMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        this.buildContext = buildContext;
        this.legacyBuildContext = legacyBuildContext;
    }

    protected final CompileRequest compileRequest() throws ConfigurationException {
        Map<TargetVersions.Tool, String> versions = new java.util.EnumMap<>(TargetVersions.Tool.class);
        versions.put(TargetVersions.Tool.PROMETHEUS, prometheusVersion);
        versions.put(TargetVersions.Tool.ALERTMANAGER, alertmanagerVersion);
        versions.put(TargetVersions.Tool.GRAFANA, grafanaVersion);
        return new CompileRequest(baseDirectory.toPath(), sourceDirectory.toPath(), Optional.ofNullable(scrapeInterval),
                strict, severityOverrides == null ? Map.of() : severityOverrides, versions, libraryPath(dependencies),
                kubernetesMetadata(), kubernetesResources(), Optional.ofNullable(catalogueUrl));
    }

    /** The kinds of Kubernetes objects the POM asks for; a value that is none fails the build, naming the parameter. */
    private KubernetesMetadata.ResourcesByBuild kubernetesResources() throws ConfigurationException {
        try {
            return KubernetesSyntax.resourcesFromBuild(kubernetesAlertmanager, kubernetesDashboards,
                    kubernetesFolderAnnotation, kubernetesInstanceSelector == null ? List.of() : kubernetesInstanceSelector,
                    "kubernetesAlertmanager", "kubernetesDashboards", "kubernetesFolderAnnotation",
                    "kubernetesInstanceSelector");
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** The POM's Kubernetes metadata; a value Kubernetes would refuse fails the build, naming the parameter. */
    private KubernetesMetadata.Metadata kubernetesMetadata() throws ConfigurationException {
        try {
            return KubernetesSyntax.fromBuild(kubernetesNamespace,
                    kubernetesLabels == null ? List.of() : kubernetesLabels,
                    kubernetesAnnotations == null ? List.of() : kubernetesAnnotations,
                    "kubernetesNamespace", "kubernetesLabels", "kubernetesAnnotations");
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    /** The dependencies that can hold libraries: compile and runtime scope, on the classpath, a jar or a directory. */
    static List<Path> libraryPath(Collection<Artifact> dependencies) {
        List<Path> out = new ArrayList<>();
        for (Artifact a : dependencies == null ? List.<Artifact>of() : dependencies) {
            String scope = a.getScope() == null ? Artifact.SCOPE_COMPILE : a.getScope();
            File file = a.getFile();
            boolean classpath = a.getArtifactHandler() == null || a.getArtifactHandler().isAddedToClasspath();
            if ((scope.equals(Artifact.SCOPE_COMPILE) || scope.equals(Artifact.SCOPE_RUNTIME)) && classpath
                    && file != null && (file.isDirectory() || file.getName().endsWith(".jar") && file.isFile())) {
                out.add(file.toPath());
            }
        }
        return out;
    }

    /**
     * Compiles the sources; empty, with a log line saying so, when there are none. Mistakes in the
     * POM or the source paths fail the build; mistakes in the sources come back as diagnostics.
     */
    protected final Optional<CompileResult> compileSources(String goal) throws MojoFailureException {
        Optional<CompileResult> compiled;
        try {
            compiled = Compilation.compile(compileRequest()).map(OutputLimits::withLimits);
        } catch (ConfigurationException e) {
            throw failure(e);
        } catch (InputException e) {
            throw failure(e);
        }
        if (compiled.isEmpty()) {
            getLog().info("No Vigil sources in " + sourceDirectory + "; nothing to " + goal + ".");
        }
        return compiled;
    }

    /** Logs the diagnostics as the CLI renders them, and adds IDE markers where an IDE listens. */
    protected final void show(CompileResult result) {
        new DiagnosticReport(getLog(), Markers.ideContext(buildContext, legacyBuildContext), baseDirectory.toPath())
                .show(result);
    }

    protected final void failOnErrors(CompileResult result) throws MojoFailureException {
        if (result.hasErrors()) {
            throw new MojoFailureException(DiagnosticReport.failureMessage(sourceDirectory.toString(), result));
        }
    }

    /** The library's exceptions as Maven's: the user's mistakes fail the build, anything else is a crash. */
    protected static MojoFailureException failure(ConfigurationException e) {
        return new MojoFailureException(e.getMessage(), e);
    }

    protected static MojoFailureException failure(InputException e) {
        return new MojoFailureException("Vigil: " + e.getMessage(), e);
    }

    protected static MojoExecutionException crash(String doing, Exception e) {
        return new MojoExecutionException("Vigil could not " + doing + ": " + e.getMessage(), e);
    }

    protected final boolean skipped() {
        if (skip) {
            getLog().info("Vigil is skipped (vigil.skip).");
        }
        return skip;
    }
}
