package dev.vigil.targets.verify;

import dev.vigil.targets.Repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.alertmanager.RoutingTestCase;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier and {@link TestRunner} on the reference sample's output, with the real promtool and
 * amtool; the runner's JUnit report read back by Surefire's own report parser.
 */
class VerifierTest {
    private static final Path REPO = Repo.root();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Project sample() throws Exception {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(REPO.resolve("samples/crm-events/src/main/vigil")));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private Path output(Project project) throws IOException {
        Path out = tmp.resolve("out");
        OutputDirectory.commit(Build.emit(project, EmitSettings.DEFAULT), out);
        return out;
    }

    private static Verifier.Tools realTools() {
        return new Verifier.Tools(Optional.of(new ToolRunner(Tool.require("promtool").executable(), LIMIT)),
                Optional.of(new ToolRunner(Tool.require("amtool").executable(), LIMIT)));
    }

    @Test
    void theSampleOutputPassesEveryCheck() throws Exception {
        Project project = sample();
        List<RoutingTestCase> routing = AlertmanagerEmitter.routingTests(project);
        Verifier.Report report = Verifier.verify(output(project), routing, realTools());
        assertTrue(report.passed(), () -> report.failures().stream().map(c -> c.run().report()).toList().toString());
        assertTrue(report.skipped().isEmpty());
        List<String> described = report.checks().stream().map(Verifier.Check::description).toList();
        assertTrue(described.contains("promtool check rules prometheus/rules/crm_events.rules.yml"), described::toString);
        assertTrue(described.contains("promtool test rules prometheus/tests/crm_events.test.yml"), described::toString);
        assertTrue(described.contains("amtool check-config alertmanager/alertmanager.yml"), described::toString);
        assertFalse(routing.isEmpty());
        assertEquals(3 + routing.size(), report.checks().size(), described::toString);
    }

    @Test
    void aFailingUnitTestIsReportedWithPromtoolsOutput() throws Exception {
        Path out = output(sample());
        Path tests = out.resolve("prometheus/tests/crm_events.test.yml");
        String text = Files.readString(tests, StandardCharsets.UTF_8);
        // The skew of three partitions is 3; expecting 4 must make promtool fail.
        String broken = text.replaceFirst("(?m)^      value: 3$", "      value: 4");
        assertFalse(broken.equals(text), "the expected sample value was not found in the generated test");
        Files.writeString(tests, broken, StandardCharsets.UTF_8);

        Verifier.Report report = Verifier.verify(out, List.of(), realTools());
        assertFalse(report.passed());
        assertEquals(1, report.failures().size(), report.failures().toString());
        Verifier.Check failed = report.failures().get(0);
        assertEquals("promtool test rules prometheus/tests/crm_events.test.yml", failed.description());
        assertTrue(failed.run().report().contains("FAILED"), failed.run().report());
    }

    @Test
    void theRunnerProvesTheSampleCaseByCaseAtItsPlaces() throws Exception {
        Project project = sample();
        TestReport report = TestRunner.verify(project, output(project), AlertmanagerEmitter.routingTests(project),
                realTools(), "crm-events");
        assertEquals(0, report.exitStatus(), () -> TestReports.text(report, Map.of(), true));
        List<String> cases = report.cases().stream().map(c -> c.kind().label() + " " + c.suite() + ": " + c.name() + " @"
                + c.span().file().replaceAll(".*/", "") + ":" + c.span().line()).toList();
        assertEquals("rule-file promtool check rules: prometheus/rules/crm_events.rules.yml @service.vigil:12", cases.get(0));
        assertTrue(cases.contains("unit-test crm_events: a hot partition among six raises the skew alert after 12 minutes"
                + " @tests.vigil:13"), cases::toString);
        assertTrue(cases.contains("routing routing: routing: {alertname=\"CrmEventsHotKeySkewHigh\", app=\"crm-events\", "
                + "service=\"crm_events\", severity=\"warning\", team=\"platform\"} @routing.vigil:28"), cases::toString);
        assertEquals(report.cases().size() + " passed, 0 failed", report.summary());
    }

    /**
     * A wrong receiver, given to the runner as a routing case list (`vigil check` reports such a case
     * itself, so a project with one never reaches amtool): amtool's verdict is read back to the case's line.
     */
    @Test
    void aWrongReceiverIsReportedAtItsCaseFromAmtoolsVerdict() throws Exception {
        Project project = sample();
        List<RoutingTestCase> cases = new java.util.ArrayList<>(AlertmanagerEmitter.routingTests(project));
        RoutingTestCase warning = cases.stream().filter(c -> c.receivers().equals(List.of("platform_slack"))).findFirst()
                .orElseThrow();
        cases.set(cases.indexOf(warning), new RoutingTestCase(warning.test(), warning.labels(), List.of("platform_pager"),
                warning.span()));
        TestReport report = TestRunner.verify(project, output(project), cases, realTools(), "crm-events");
        assertEquals(1, report.exitStatus());
        assertEquals(1, report.count(TestReport.Status.FAILED), () -> TestReports.text(report, Map.of(), true));
        TestReport.Finding f = report.findings().get(0);
        assertEquals(Ids.TEST_FAILED, f.diagnostic().code());
        assertEquals(warning.span(), f.diagnostic().span());
        assertTrue(f.diagnostic().span().file().endsWith("routing.vigil") && f.diagnostic().span().line() == 28,
                f.diagnostic().span()::toString);
        assertEquals("`{alertname=\"CrmEventsHotKeySkewHigh\", app=\"crm-events\", service=\"crm_events\", "
                + "severity=\"warning\", team=\"platform\"}` reaches `platform_slack`, not `platform_pager`, when amtool "
                + "routes it.", f.diagnostic().message());
        assertEquals(List.of(new TestFailures.Difference("receivers", "platform_pager", "platform_slack")), f.differences());
    }

    /**
     * The JUnit report of a run with a failed unit test, a failed routing case and a skipped tool is
     * well-formed XML that Surefire's own report parser (what the Surefire report plugin and CI
     * servers' Maven integrations read) counts as this report does.
     */
    @Test
    void theJUnitReportIsReadBySurefiresParser() throws Exception {
        Project project = sample();
        Path out = output(project);
        Path tests = out.resolve("prometheus/tests/crm_events.test.yml");
        String text = Files.readString(tests, StandardCharsets.UTF_8);
        Files.writeString(tests, text.replaceFirst("(?m)^      value: 3$", "      value: 4"), StandardCharsets.UTF_8);
        List<RoutingTestCase> cases = AlertmanagerEmitter.routingTests(project).stream()
                .map(c -> new RoutingTestCase(c.test(), c.labels(), List.of("nobody"), c.span())).toList();
        TestReport ran = TestRunner.verify(project, out, cases, realTools(), "crm-events <sample>");
        TestReport report = new TestReport(ran.name(), java.util.stream.Stream.concat(ran.cases().stream(),
                java.util.stream.Stream.of(new TestReport.Case(TestReport.Kind.SKIPPED, "skipped", "amtool: not run",
                        dev.vigil.compiler.source.Span.NONE, TestReport.Status.SKIPPED, List.of(), "", 0))).toList(),
                List.of());
        assertEquals(1 + cases.size(), report.count(TestReport.Status.FAILED), () -> TestReports.text(report, Map.of(), true));

        Path file = JUnitXml.writeTo(tmp.resolve("surefire-reports"), report, Map.of());
        assertEquals("TEST-vigil-crm-events__sample_.xml", file.getFileName().toString());
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(file.toFile());
        assertEquals("testsuite", doc.getDocumentElement().getTagName());

        // The parser makes a suite of each `classname`, as it does of a Java class: the totals are the report's.
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
        assertEquals(List.of("amtool check-config", "crm_events", "promtool check rules", "routing", "skipped"),
                suites.stream().map(ReportTestSuite::getFullClassName).sorted().toList());
        assertEquals(report.cases().size(), suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum());
        assertEquals(report.count(TestReport.Status.FAILED), suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum());
        assertEquals(0, suites.stream().mapToInt(ReportTestSuite::getNumberOfErrors).sum());
        assertEquals(1, suites.stream().mapToInt(ReportTestSuite::getNumberOfSkipped).sum());
        List<ReportTestCase> all = suites.stream().flatMap(x -> x.getTestCases().stream()).toList();
        ReportTestCase failed = all.stream()
                .filter(c -> c.getName().equals("three partitions with one hot partition stay below the skew threshold"))
                .findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(failed.hasFailure());
        assertEquals("Test.Failed", failed.getFailureType());
        assertTrue(failed.getFailureMessage().contains("tests.vigil:9:5: At `20m`, `kafka:group_skew_ratio` has "
                + "other values than the test"), failed.getFailureMessage());
        assertTrue(failed.getFailureDetail().matches("(?s).*expected 4\\s+got 3.*"), failed.getFailureDetail());
        assertEquals("crm_events", failed.getFullClassName());
        assertTrue(all.stream().filter(c -> c.getName().startsWith("routing: ")).allMatch(ReportTestCase::hasFailure));
    }

    @Test
    void missingToolsSkipTheirChecksAndSaySo() throws Exception {
        Project project = sample();
        Verifier.Report report = Verifier.verify(output(project), AlertmanagerEmitter.routingTests(project),
                new Verifier.Tools(Optional.empty(), Optional.empty()));
        assertTrue(report.checks().isEmpty());
        assertEquals(2, report.skipped().size(), report.skipped().toString());
        assertTrue(report.skipped().get(0).startsWith("promtool: rule files not checked: 1, unit test files not run: 1"),
                report.skipped().toString());
        assertTrue(report.skipped().get(1).startsWith("amtool: alertmanager/alertmanager.yml not checked"),
                report.skipped().toString());
    }

    @Test
    void aDirectoryWithoutOutputIsRefused() {
        assertThrows(NoSuchFileException.class,
                () -> Verifier.verify(tmp, List.of(), new Verifier.Tools(Optional.empty(), Optional.empty())));
    }

    @Test
    void aToolThatOverrunsItsLimitIsKilledAndFails() throws IOException {
        Path sleep = ToolRunner.locate("sleep").orElseThrow();
        ToolRunner.Run run = new ToolRunner(sleep, Duration.ofMillis(200)).run(List.of("30"), tmp);
        assertTrue(run.timedOut());
        assertFalse(run.ok());
        assertTrue(run.report().contains("killed after the time limit"), run.report());
    }

    @Test
    void locateTakesPathsAsPathsAndNamesFromThePath() throws IOException {
        assertTrue(ToolRunner.locate("sh").isPresent());
        assertTrue(ToolRunner.locate("vigil-no-such-tool").isEmpty());
        Path notExecutable = Files.writeString(tmp.resolve("tool"), "x");
        assertTrue(ToolRunner.locate(notExecutable.toString()).isEmpty());
        assertEquals(Optional.of(Path.of("/bin/sh")), ToolRunner.locate("/bin/sh"));
    }
}
