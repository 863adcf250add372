package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.verify.TestFailures;
import dev.vigil.targets.verify.ToolRunner;
import dev.vigil.targets.verify.Verifier;
import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * Proves the generated output with the real tools: {@code promtool check rules} and
 * {@code promtool test rules} (the unit tests compiled from the DSL's tests), {@code amtool
 * check-config} and {@code amtool config routes test} for every routing test. Any failure fails the
 * build with the tool's output. A missing tool is an error unless {@code vigil.test.skipMissingTools}
 * is set.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class TestMojo extends AbstractVigilMojo {
    /** The output of {@code vigil:generate} to test. */
    @Parameter(property = "vigil.outputDirectory", defaultValue = "${project.build.directory}/vigil", required = true)
    private File outputDirectory;

    /** promtool: a path to the executable, or a name looked up on the {@code PATH}. */
    @Parameter(property = "vigil.test.promtool", defaultValue = "promtool", required = true)
    private String promtool;

    /** amtool: a path to the executable, or a name looked up on the {@code PATH}. */
    @Parameter(property = "vigil.test.amtool", defaultValue = "amtool", required = true)
    private String amtool;

    /** Skip, with a warning, the checks whose tool is missing, instead of failing the build. */
    @Parameter(property = "vigil.test.skipMissingTools", defaultValue = "false")
    private boolean skipMissingTools;

    /** The longest one tool run may take, in seconds; a run that takes longer is killed and fails. */
    @Parameter(property = "vigil.test.timeout", defaultValue = "60")
    private int timeoutSeconds;

    /** Skip this goal, as {@code -DskipTests} skips the other tests of a build. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Inject
    public TestMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        super(buildContext, legacyBuildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        if (skipTests) {
            getLog().info("Vigil tests are skipped (skipTests).");
            return;
        }
        Optional<CompileResult> compiled = compileSources("test");
        if (compiled.isEmpty()) {
            return;
        }
        // The routing tests are part of the sources, not of the output: they come from the compiled project.
        failOnErrors(compiled.get());
        Verifier.Tools tools = new Verifier.Tools(tool("promtool", promtool), tool("amtool", amtool));
        Verifier.Report report;
        try {
            var project = compiled.get().project().get();
            report = Verifier.verify(outputDirectory.toPath(), AlertmanagerEmitter.routingTests(project),
                    project.settings().targets().prometheusFlags(), tools);
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("There is no Vigil output in " + outputDirectory
                    + " to test; run vigil:generate first (it binds to generate-resources).", e);
        } catch (IOException e) {
            throw crash("run promtool and amtool on " + outputDirectory, e);
        }
        for (String s : report.skipped()) {
            getLog().warn("SKIPPED (tool missing, vigil.test.skipMissingTools is set): " + s);
        }
        List<String> failed = new ArrayList<>();
        for (Verifier.Check c : report.checks()) {
            if (c.passed()) {
                getLog().info("passed: " + c.description());
            } else {
                getLog().error("FAILED: " + c.description() + "\n" + c.run().report().stripTrailing());
                failed.add(c.description());
                if (c.description().startsWith("promtool test rules")) {
                    failed.addAll(expectations(c.run().report(), compiled.get()));
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new MojoFailureException("Vigil tests failed on " + outputDirectory + " (" + failed.size() + " of "
                    + report.checks().size() + "):\n  " + String.join("\n  ", failed));
        }
        getLog().info("Vigil tests: all " + report.checks().size() + " checks passed"
                + (report.skipped().isEmpty() ? "" : ", some SKIPPED for missing tools"));
    }

    /** Each failure promtool reports, named at the `.vigil` line of the expectation written for it. */
    private List<String> expectations(String output, CompileResult compiled) {
        List<String> out = new ArrayList<>();
        for (TestFailures.Failure f : TestFailures.locate(output, compiled.project().get())) {
            for (var span : f.spans()) {
                String line = span.file() + ":" + span.line() + ":" + span.column() + ": the expectation of "
                        + f.what() + " at " + Durations.format(f.atMillis()) + " failed";
                getLog().error(line);
                out.add("  " + line);
            }
        }
        return out;
    }

    private Optional<ToolRunner> tool(String name, String configured) throws MojoFailureException {
        Optional<Path> found = ToolRunner.locate(configured);
        if (found.isEmpty()) {
            String missing = name + " was not found (vigil.test." + name + " = `" + configured + "`)";
            if (!skipMissingTools) {
                throw new MojoFailureException(missing + ". Install it (Debian: the "
                        + (name.equals("promtool") ? "prometheus" : "prometheus-alertmanager")
                        + " package), point vigil.test." + name + " at it, or set vigil.test.skipMissingTools to skip "
                        + "the checks that need it.");
            }
            getLog().warn(missing + "; its checks are SKIPPED because vigil.test.skipMissingTools is set.");
            return Optional.empty();
        }
        return Optional.of(new ToolRunner(found.get(), Duration.ofSeconds(Math.max(1, timeoutSeconds))));
    }
}
