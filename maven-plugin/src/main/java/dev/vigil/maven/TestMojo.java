package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.coverage.Coverage;
import dev.vigil.compiler.coverage.CoverageReports;
import dev.vigil.compiler.coverage.Coverages;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.verify.CoverageCase;
import dev.vigil.targets.verify.JUnitXml;
import dev.vigil.targets.verify.TestReport;
import dev.vigil.targets.verify.TestReports;
import dev.vigil.targets.verify.TestRunner;
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
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * Proves the generated output with the real tools, as {@code vigil test} does and with the same code
 * ({@link TestRunner}): {@code promtool check rules}, {@code promtool test rules} (the DSL's and the
 * SLOs' unit tests), {@code amtool check-config} and {@code amtool config routes test} for every
 * routing test, in parallel. Each failure is logged at the {@code .vigil} line of the expectation
 * that failed, and the report is written as JUnit XML into {@code target/surefire-reports}, where CI
 * servers find the Java tests' reports. A missing tool is an error unless
 * {@code vigil.test.skipMissingTools} is set.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class TestMojo extends AbstractVigilMojo {
    /** The output of {@code vigil:generate} to test. */
    @Parameter(property = "vigil.outputDirectory", defaultValue = "${project.build.directory}/vigil", required = true)
    private File outputDirectory;

    /** Where the JUnit XML report goes, as {@code TEST-vigil-<artifactId>.xml}: Surefire's directory. */
    @Parameter(property = "vigil.test.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports",
            required = true)
    private File reportsDirectory;

    /** The project's name in the JUnit report. */
    @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
    private String artifactId;

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

    /** Log every case and the tools' own output, as {@code vigil test --verbose} prints them. */
    @Parameter(property = "vigil.test.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * Fail below this share of the coverage points, 0 to 100 ({@code 100} or {@code strict}: every
     * alert fired, silent and without traffic, every route and inhibit rule taken, every recording
     * rule read, every SLO alert tested), naming each object not fully tested at its declaration. It
     * replaces the sources' {@code settings { test_coverage }}; unset, that setting decides.
     */
    @Parameter(property = "vigil.test.minCoverage")
    private String minCoverage;

    /** Where the coverage report is written, as {@code coverage.json} and the Markdown summary {@code coverage.md}. */
    @Parameter(property = "vigil.test.coverageDirectory", defaultValue = "${project.build.directory}/vigil-coverage",
            required = true)
    private File coverageDirectory;

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
        Project lowered = compiled.get().project().get();
        TestCoverage required = lowered.settings().testCoverage();
        if (minCoverage != null && !minCoverage.isBlank()) {
            required = required.withMinimum(CoverageCase.parseMinimum(minCoverage).orElseThrow(() ->
                    new MojoFailureException("minCoverage (vigil.test.minCoverage) must be a percentage from 0 to 100, "
                            + "such as `90`, not `" + minCoverage + "`.")));
        }
        Coverage coverage = Coverages.of(lowered);
        Verifier.Tools tools = new Verifier.Tools(tool("promtool", promtool), tool("amtool", amtool));
        TestReport report;
        Path junit;
        try {
            report = TestRunner.verify(lowered, outputDirectory.toPath(), AlertmanagerEmitter.routingTests(lowered), tools,
                    artifactId).with(CoverageCase.of(coverage, required).stream().toList());
            junit = JUnitXml.writeTo(reportsDirectory.toPath(), report, compiled.get().sources());
            writeCoverage(coverage, required);
        } catch (NoSuchFileException e) {
            throw new MojoFailureException("There is no Vigil output in " + outputDirectory
                    + " to test; run vigil:generate first (it binds to generate-resources).", e);
        } catch (IOException e) {
            throw crash("run promtool and amtool on " + outputDirectory, e);
        }
        List<String> failed = new ArrayList<>();
        for (TestReport.Case c : report.cases()) {
            switch (c.status()) {
                case PASSED -> getLog().info("passed: " + c.suite() + ": " + c.name());
                case SKIPPED -> getLog().warn("SKIPPED (tool missing, vigil.test.skipMissingTools is set): " + c.name());
                default -> {
                    for (TestReport.Finding f : c.findings()) {
                        getLog().error(TestReports.finding(f, compiled.get().sources()).stripTrailing());
                        Span s = f.diagnostic().span();
                        failed.add((s.isNone() ? "" : s.file() + ":" + s.line() + ":" + s.column() + ": ")
                                + f.diagnostic().message());
                    }
                    if (verbose) {
                        getLog().info(c.output().stripTrailing());
                    } else {
                        getLog().debug(c.output().stripTrailing());
                    }
                }
            }
        }
        getLog().info("Vigil test coverage: " + CoverageReports.headline(coverage, required) + " (report: "
                + coverageDirectory.toPath().resolve("coverage.md") + ")");
        String summary = "Vigil tests: " + report.summary() + " (JUnit report: " + junit + ")";
        if (report.exitStatus() != 0) {
            getLog().error(summary);
            throw new MojoFailureException("Vigil tests failed on " + outputDirectory + ": " + report.summary() + "\n  "
                    + String.join("\n  ", failed));
        }
        getLog().info(summary);
    }

    private void writeCoverage(Coverage coverage, TestCoverage required) throws IOException {
        Path dir = coverageDirectory.toPath();
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("coverage.json"), CoverageReports.jsonText(coverage, required),
                java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(dir.resolve("coverage.md"), CoverageReports.markdown(coverage, required),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private Optional<ToolRunner> tool(String name, String configured) throws MojoFailureException {
        Optional<Path> found = ToolRunner.locate(configured);
        if (found.isEmpty()) {
            String missing = name + " was not found (vigil.test." + name + " = `" + configured + "`)";
            if (!skipMissingTools) {
                throw new MojoFailureException(missing + ". Install it (Debian: the "
                        + TestReport.Tool.of(name).debianPackage()
                        + " package), point vigil.test." + name + " at it, or set vigil.test.skipMissingTools to skip "
                        + "the checks that need it.");
            }
            getLog().warn(missing + "; its checks are SKIPPED because vigil.test.skipMissingTools is set.");
            return Optional.empty();
        }
        return Optional.of(new ToolRunner(found.get(), Duration.ofSeconds(Math.max(1, timeoutSeconds))));
    }
}
