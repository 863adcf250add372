package dev.vigil.maven;

import dev.vigil.compiler.InputException;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.runbook.RunbookTemplates;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.codehaus.plexus.build.BuildContext;

/**
 * Writes the whole output of {@code vigil build}: Prometheus rules and unit tests, Alertmanager
 * configuration, Grafana dashboards, runbooks, Kubernetes manifests, Mimir rules and
 * {@code manifest.json}. Nothing is written when the sources have errors. When the sources, the
 * configuration and the plugin are unchanged since the last successful run, and the output is still
 * as that run left it, the goal does nothing and says so.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class GenerateMojo extends AbstractVigilMojo {
    /** Where the output is written. Vigil only ever removes files that its own previous manifest lists. */
    @Parameter(property = "vigil.outputDirectory", defaultValue = "${project.build.directory}/vigil", required = true)
    private File outputDirectory;

    /**
     * A directory of FreeMarker runbook templates that override the built-in ones, as {@code vigil build
     * --templates}; it must lie inside the project's base directory.
     */
    @Parameter(property = "vigil.runbookTemplates")
    private File runbookTemplates;

    /** Attach the output as a zip artifact, so {@code install} and {@code deploy} publish it. */
    @Parameter(property = "vigil.attach", defaultValue = "false")
    private boolean attach;

    /** The classifier of the attached zip. */
    @Parameter(property = "vigil.classifier", defaultValue = "monitoring", required = true)
    private String classifier;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final MavenProjectHelper projectHelper;

    @Inject
    public GenerateMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext,
            MavenProjectHelper projectHelper) {
        super(buildContext, legacyBuildContext);
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        // Templates come from the project being built, never from elsewhere on the machine.
        Optional<String> refused = runbookTemplates == null ? Optional.empty()
                : RunbookTemplates.refusal(runbookTemplates.toPath(), project.getBasedir().toPath());
        if (refused.isPresent()) {
            throw failure(new ConfigurationException("runbookTemplates (vigil.runbookTemplates): " + refused.get()));
        }
        Generation.Outcome outcome;
        try {
            GenerateRequest request = new GenerateRequest(compileRequest(), outputDirectory.toPath(),
                    Optional.ofNullable(runbookTemplates).map(File::toPath), PluginFingerprint.of(plugin),
                    buildDirectory.toPath().resolve("vigil-state").resolve("generate.state"));
            outcome = Generation.run(request);
        } catch (ConfigurationException e) {
            throw failure(e);
        } catch (InputException e) {
            throw failure(e);
        } catch (IOException | RuntimeException e) {
            throw crash("write " + outputDirectory, e);
        }
        outcome.compilation().ifPresent(this::show);
        switch (outcome.status()) {
            case NO_SOURCES -> {
                getLog().info("No Vigil sources in " + sourceDirectory + "; nothing to generate.");
                return;
            }
            case UP_TO_DATE -> getLog().info("Vigil output " + outputDirectory
                    + " is up to date (sources, configuration and plugin unchanged); nothing to do.");
            case FAILED -> {
                failOnErrors(outcome.compilation().get());
                return;
            }
            case WRITTEN -> {
                OutputDirectory.Result w = outcome.written().get();
                getLog().info("Vigil wrote " + outputDirectory + ": " + w.written() + " changed, " + w.unchanged()
                        + " unchanged, " + w.removed() + " removed");
            }
        }
        if (attach) {
            attachZip();
        }
    }

    private void attachZip() throws MojoExecutionException {
        Path zip = buildDirectory.toPath().resolve(project.getBuild().getFinalName() + "-" + classifier + ".zip");
        try {
            Zips.write(outputDirectory.toPath(), zip);
        } catch (IOException e) {
            throw crash("zip " + outputDirectory, e);
        }
        projectHelper.attachArtifact(project, "zip", classifier, zip.toFile());
        getLog().info("Vigil attached " + zip.getFileName() + " (classifier " + classifier + ")");
    }
}
