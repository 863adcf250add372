package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code vigil test} with the real promtool and amtool: every sample passes, and broken copies of a
 * sample (edited here, in a temporary directory) fail at the lines of the expectations broken.
 */
class TestCommandTest {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", ".."));

    @TempDir
    Path dir;

    /** {@code --promtool P --amtool A}: from {@code -Dvigil.tool.NAME} or the PATH; missing, a failure on CI, else a skip. */
    private static List<String> tools() {
        List<String> out = new ArrayList<>();
        for (String name : List.of("promtool", "amtool")) {
            String configured = System.getProperty("vigil.tool." + name);
            String value = configured != null && !configured.isBlank() ? configured : name;
            if (dev.vigil.targets.verify.ToolRunner.locate(value).isEmpty()) {
                String missing = "`" + name + "` was not found on the PATH (or -Dvigil.tool." + name + ")";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail(missing + ". On CI (CI=true) the tool is required.");
                }
                System.err.println("WARNING: " + missing + "; the tests that need it are SKIPPED.");
                Assumptions.abort(missing);
            }
            out.add("--" + name);
            out.add(value);
        }
        return out;
    }

    private static LintCommandTest.Run test(String... args) {
        List<String> all = new ArrayList<>(List.of("test"));
        all.addAll(tools());
        all.addAll(List.of(args));
        return LintCommandTest.run(all.toArray(String[]::new));
    }

    /** A copy of the crm-events sample with {@code edits} (file, from, to) applied; each edit must match. */
    private Path brokenCopy(String name, String... edits) throws IOException {
        Path source = REPO.resolve("samples/crm-events/src/main/vigil");
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        for (int i = 0; i < edits.length; i += 3) {
            Path file = copy.resolve(edits[i]);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.contains(edits[i + 1]), () -> "the sample no longer has the text to break: " + file);
            Files.writeString(file, text.replace(edits[i + 1], edits[i + 2]), StandardCharsets.UTF_8);
        }
        return copy;
    }

    @Test
    void everySamplePasses() throws IOException {
        List<Path> samples;
        try (Stream<Path> list = Files.list(REPO.resolve("samples"))) {
            samples = list.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList();
        }
        assertEquals(6, samples.size(), samples::toString);
        for (Path sample : samples) {
            LintCommandTest.Run r = test(sample.toString());
            assertEquals(0, r.status(), () -> sample + ":\n" + r.out() + r.err());
            assertTrue(r.out().matches("(?s)\\d+ passed, 0 failed\n"), r.out());
        }
    }

    /** A wrong alert expectation, a wrong value and a wrong annotation, each reported at its own line. */
    private Path brokenTests() throws IOException {
        return brokenCopy("broken-tests",
                // the alert fires after seven minutes, not at six
                "tests.vigil", "at 10m expect alert CrmEventsUnderReplicatedConsumers",
                "at 6m expect alert CrmEventsUnderReplicatedConsumers",
                // a drained group's skew is 0
                "tests.vigil", "consumergroup=\"crm-events-sse\"} = 0]", "consumergroup=\"crm-events-sse\"} = 1]",
                // the summary says the skew
                "tests.vigil", "consumergroup = \"crm-events-sse\" } value 6",
                "consumergroup = \"crm-events-sse\" } value 6 annotations { summary = \"Kafka hot-key skew too high\" }");
    }

    @Test
    void eachBrokenExpectationIsReportedAtItsLineWithWhatDiffers() throws IOException {
        Path project = brokenTests();
        LintCommandTest.Run r = test(project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.contains("tests.vigil:23:5: error[Test.Failed]: At `20m`, `CrmEventsHotKeySkewHigh` fires with other "
                + "annotations than the test `a hot partition among six raises the skew alert after 12 minutes` expects.\n"),
                out);
        assertTrue(out.contains("   = annotation `summary`:\n       expected \"Kafka hot-key skew too high\"\n"
                + "            got \"Kafka hot-key skew high (>6x)\"\n"), out);
        assertTrue(out.contains("tests.vigil:30:5: error[Test.Failed]: At `15m`, `kafka:group_skew_ratio` has other "
                + "values than the test `a drained group has a skew of zero, not NaN` expects.\n"), out);
        assertTrue(out.contains("       expected 1\n            got 0\n"), out);
        assertTrue(out.contains("tests.vigil:38:5: error[Test.Failed]: At `6m`, `CrmEventsUnderReplicatedConsumers` does not "
                + "fire, but the test `a single consumer is reported after seven minutes` expects it to.\n"), out);
        assertTrue(out.contains("       expected firing\n            got not firing\n"), out);
        assertTrue(out.endsWith(" passed, 3 failed\n"), out);
        // promtool's own report only on request.
        assertFalse(out.contains("exp:"), out);
        LintCommandTest.Run verbose = test("--verbose", project.toString());
        assertTrue(verbose.out().contains("        | ") && verbose.out().contains("promtool test rules prometheus/tests/")
                && verbose.out().contains("exp:"), verbose.out());
        assertTrue(verbose.out().contains("FAILED  crm_events: a drained group has a skew of zero, not NaN ("), verbose.out());
    }

    @Test
    void jsonAndJunitCarryTheSameFailures() throws Exception {
        Path project = brokenTests();
        Path junitFile = dir.resolve("reports/TEST-vigil.xml");
        LintCommandTest.Run json = test("--format", "json", "--junit-out", junitFile.toString(), project.toString());
        assertEquals(1, json.status(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(3, root.get("failed").asInt());
        List<String> places = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            for (JsonNode f : c.get("findings")) {
                places.add(f.get("file").asText().replaceAll(".*/", "") + ":" + f.get("line").asInt() + " " + f.get("code")
                        .asText() + " " + f.get("differences").get(0).get("subject").asText());
            }
        }
        assertEquals(List.of("tests.vigil:23 Test.Failed annotation `summary`",
                "tests.vigil:30 Test.Failed sample kafka:group_skew_ratio{consumergroup=\"crm-events-sse\", topic=\"crm\"}",
                "tests.vigil:38 Test.Failed alert {app=\"crm-events\", consumergroup=\"crm-events-sse\", service=\"crm_events\", "
                        + "severity=\"info\", team=\"platform\"}"), places);

        Document written = xml(Files.readString(junitFile));
        LintCommandTest.Run junit = test("--format", "junit", project.toString());
        assertEquals(1, junit.status());
        Document printed = xml(junit.out());
        for (Document d : List.of(written, printed)) {
            Element suite = d.getDocumentElement();
            assertEquals("vigil-broken-tests", suite.getAttribute("name"));
            assertEquals("3", suite.getAttribute("failures"));
            NodeList failures = suite.getElementsByTagName("failure");
            assertEquals(3, failures.getLength());
            assertTrue(((Element) failures.item(0)).getAttribute("message").contains("tests.vigil:23:5: At `20m`"));
        }
    }

    /** A wrong receiver: amtool's verdict, or `vigil check`'s own where it evaluates the case first, at the case's line. */
    @Test
    void aWrongReceiverIsReportedAtItsCase() throws IOException {
        Path project = brokenCopy("broken-routing", "routing.vigil",
                "alert CrmEventsHotKeySkewHigh expect platform_slack",
                "alert CrmEventsHotKeySkewHigh expect platform_pager");
        LintCommandTest.Run r = test(project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*routing\\.vigil:28:\\d+: error\\[[A-Za-z.]+\\]: .*`platform_slack`.*"), r.out());
    }

    /** A wrong inhibition assertion: no tool tests inhibition, so `vigil check`'s verdict stops the run at the case. */
    @Test
    void aWrongInhibitionAssertionIsReportedAtItsCase() throws IOException {
        Path project = brokenCopy("broken-inhibition", "routing.vigil",
                "alert CrmEventsHotKeySkewHigh while alert CrmEventsServiceDown expect not inhibited",
                "alert CrmEventsHotKeySkewHigh while alert CrmEventsServiceDown expect inhibited");
        LintCommandTest.Run r = test(project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*routing\\.vigil:30:\\d+: error\\[Test\\.RoutingExpectation\\]: .*CrmEventsHotKeySkewHigh.*"),
                r.out());
    }

    @Test
    void aProjectWithErrorsFailsWithItsDiagnostics() throws IOException {
        Path project = brokenCopy("broken-source", "tests.vigil", "at 20m expect no alert CrmEventsHotKeySkewHigh",
                "at 20m expect no alert CrmEventsHotKeySkewHihg");
        LintCommandTest.Run r = test(project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("tests.vigil:10:"), r.out());
        assertTrue(r.out().contains("error[Reference.Unknown]"), r.out());
        LintCommandTest.Run junit = test("--format", "junit", project.toString());
        assertEquals(1, junit.status());
        assertTrue(junit.out().contains("type=\"Reference.Unknown\""), junit.out());
    }

    @Test
    void aMissingToolExitsTwoAndNamesItsPackage() {
        String sample = REPO.resolve("samples/crm-events").toString();
        LintCommandTest.Run noPromtool = LintCommandTest.run("test", "--promtool", "/nonexistent/promtool", sample);
        assertEquals(2, noPromtool.status(), noPromtool.out() + noPromtool.err());
        assertTrue(noPromtool.err().contains("`promtool` was not found; it comes with the Debian package `prometheus` "
                + "(looked for `/nonexistent/promtool`)"), noPromtool.err());
        assertEquals("", noPromtool.out());
        LintCommandTest.Run noAmtool = LintCommandTest.run("test", "--amtool", dir.resolve("amtool").toString(), sample);
        assertEquals(2, noAmtool.status(), noAmtool.out() + noAmtool.err());
        assertTrue(noAmtool.err().contains("`amtool` was not found; it comes with the Debian package "
                + "`prometheus-alertmanager`"), noAmtool.err());
    }

    /** A tool that ends without a verdict (promtool and amtool exit 0 or 1) is a tool problem, not a failed test. */
    @Test
    void aToolThatCannotFinishIsAnErrorAndExitsTwo() throws IOException {
        Path crashing = dir.resolve("promtool");
        Files.writeString(crashing, "#!/bin/sh\necho 'panic: runtime error' >&2\nexit 3\n");
        assertTrue(crashing.toFile().setExecutable(true));
        List<String> args = new ArrayList<>(tools());
        args.set(args.indexOf("--promtool") + 1, crashing.toString());
        args.add(0, "test");
        args.addAll(List.of("--junit-out", dir.resolve("junit.xml").toString(),
                REPO.resolve("samples/crm-events").toString()));
        LintCommandTest.Run r = LintCommandTest.run(args.toArray(String[]::new));
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("error[Test.ToolError]: `promtool check rules prometheus/rules/crm_events.rules.yml` "
                + "ended with exit status 3."), r.out());
        assertTrue(r.out().contains(" passed, 0 failed, 11 errors\n"), r.out());
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("errors=\"11\""));
    }

    /** With nothing on the PATH, as on a machine without the tools: a real process, so the environment is its own. */
    @Test
    void anEmptyPathFindsNoToolAndExitsTwo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                VigilCommand.class.getName(), "test", REPO.resolve("samples/crm-events").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", "");
        env.remove(TestCommand.PROMTOOL_ENV);
        env.put(TestCommand.AMTOOL_ENV, dir.resolve("no-amtool").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "vigil test did not finish");
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("`promtool` was not found; it comes with the Debian package `prometheus` (looked for "
                + "`promtool`)"), out);
        assertTrue(out.contains("`amtool` was not found; it comes with the Debian package `prometheus-alertmanager` "
                + "(looked for `" + dir.resolve("no-amtool") + "`)"), out);
    }

    /**
     * docs/testing.md's example passes, and broken as the page says, prints what the page shows; the
     * README shows the same failure.
     */
    @Test
    void theDocumentedExampleRunsAsShown() throws IOException {
        String page = Files.readString(REPO.resolve("docs/testing.md"));
        String section = page.substring(page.indexOf("## An example"));
        String source = between(section, "```vigil\n", "```\n");
        String shown = between(section, "```text\n", "```\n");
        Path project = dir.resolve("docs");
        Files.createDirectories(project);
        Path file = project.resolve("checkout.vigil");
        Files.writeString(file, source);
        LintCommandTest.Run passing = test(project.toString());
        assertEquals(0, passing.status(), passing.out() + passing.err());
        assertTrue(section.contains("`vigil test` passes: `" + passing.out().strip() + "`"), passing.out());

        Files.writeString(file, source.replace("= 0.25 ]", "= 0.5 ]"));
        LintCommandTest.Run failing = test(project.toString());
        assertEquals(1, failing.status(), failing.out() + failing.err());
        assertEquals(shown, failing.out().replace(project + File.separator, ""));
        String readme = Files.readString(REPO.resolve("README.md"));
        String inReadme = between(readme.substring(readme.indexOf("## Testing")), "```text\n", "```\n");
        assertTrue(shown.startsWith(inReadme), inReadme);
    }

    /** crm-events without its tests of the hottest partition and without its inhibition case: 11 of its 13 points. */
    private Path undertested() throws IOException {
        return brokenCopy("undertested", "tests.vigil",
                "at 10m expect value kafka:group_hottest_partition is [{__name__=\"kafka:group_hottest_partition\", "
                        + "topic=\"crm\", consumergroup=\"crm-events-sse\", partition=\"2\"} = 600]",
                "at 10m expect no alert CrmEventsHotKeySkewHigh",
                "tests.vigil",
                "at 10m expect value kafka:group_hottest_partition is [{__name__=\"kafka:group_hottest_partition\", "
                        + "topic=\"audit\", consumergroup=\"audit-archiver\", partition=\"0\"} = 5000]",
                "at 10m expect no alert CrmEventsHotKeySkewHigh",
                "routing.vigil", "    alert CrmEventsUnderReplicatedConsumers while alert CrmEventsServiceDown expect inhibited\n",
                "");
    }

    @Test
    void theCoverageOfASampleIsReportedAfterItsTests() throws IOException {
        LintCommandTest.Run r = test("--coverage", REPO.resolve("samples/crm-events").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("""
                15 passed, 0 failed

                Test coverage: 13 of 13 points (100%); 100% required

                alerts                               fires  silent  no traffic
                  CrmEventsHotKeySkewHigh            yes    yes     -
                  CrmEventsUnderReplicatedConsumers  yes    yes     -
                  CrmEventsServiceDown               yes    yes     -

                routes                                          reached
                  route severity >= critical to platform_pager  yes
                  route default to platform_slack               yes

                inhibitions                                                                          inhibits
                  inhibit CrmEventsUnderReplicatedConsumers while CrmEventsServiceDown on [service]  yes

                recording rules                  read
                  kafka:group_partition_lag      yes
                  kafka:group_lag_sum            yes
                  kafka:group_skew_ratio         yes
                  kafka:group_hottest_partition  yes
                """), r.out());
        // The sample requires every point (`test_coverage strict`): its coverage is a case of its own.
        LintCommandTest.Run verbose = test("--verbose", REPO.resolve("samples/crm-events").toString());
        assertTrue(verbose.out().matches("(?s).*PASSED  coverage: at least 100% of the coverage points \\([^)]*service\\.vigil:9\\)\n.*"),
                verbose.out());
    }

    /** Below the sources' `test_coverage strict`, each untested object is an error at its declaration. */
    @Test
    void belowTheRequiredCoverageEachUntestedObjectIsNamedAtItsDeclaration() throws IOException {
        Path project = undertested();
        LintCommandTest.Run r = test(project.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        String out = r.out().replace(project + File.separator, "");
        assertTrue(out.contains("service.vigil:9:19: error[Test.Uncovered]: The tests cover 11 of 13 points (84.6%), "
                + "under the 100% that `test_coverage` requires.\n"), out);
        assertTrue(out.contains("routing.vigil:23:3: error[Test.Uncovered]: No routing test case is silenced by `inhibit "
                + "CrmEventsUnderReplicatedConsumers while CrmEventsServiceDown on [service]`.\n"), out);
        assertTrue(out.contains("rules.vigil:23:5: error[Test.Uncovered]: No test reads the recording rule "
                + "`kafka:group_hottest_partition`.\n"), out);
        assertTrue(out.contains("= hint: Expect its value in a test (`at TIME expect value kafka:group_hottest_partition "
                + "is [...]`), or expect an alert that reads it.\n"), out);
        assertEquals(3, out.split("error\\[Test.Uncovered]", -1).length - 1, out);
        assertTrue(out.endsWith(" passed, 1 failed\n"), out);

        // --min-coverage replaces the setting for the run: 84.6% is enough for 80%, not for 90%.
        assertEquals(0, test("--min-coverage", "80", project.toString()).status());
        LintCommandTest.Run ninety = test("--min-coverage", "90%", project.toString());
        assertEquals(1, ninety.status(), ninety.out());
        assertTrue(ninety.out().contains("error[Test.Uncovered]: The tests cover 11 of 13 points (84.6%), under the 90% "
                + "that is required.\n"), ninety.out());
        // Without a minimum nothing fails, and the report still shows what is missing, where.
        LintCommandTest.Run none = test("--min-coverage", "0", "--coverage", project.toString());
        assertEquals(0, none.status(), none.out());
        assertTrue(none.out().replace(project + File.separator, "").contains(
                "  kafka:group_hottest_partition  no    rules.vigil:23\n"), none.out());
    }

    @Test
    void theCoverageIsInTheJsonAndJunitReportsAndInMarkdown() throws Exception {
        Path project = undertested();
        LintCommandTest.Run json = test("--format", "json", "--coverage", project.toString());
        assertEquals(1, json.status(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        JsonNode coverage = root.get("coverage");
        assertEquals(11, coverage.get("covered").asInt());
        assertEquals(13, coverage.get("points").asInt());
        assertEquals(100, coverage.get("required").asInt());
        assertFalse(coverage.get("meets").asBoolean());
        JsonNode failed = null;
        for (JsonNode c : root.get("cases")) {
            if (c.get("kind").asText().equals("coverage")) {
                failed = c;
            }
        }
        assertEquals("failed", failed.get("status").asText());
        assertEquals(3, failed.get("findings").size());
        assertEquals("Test.Uncovered", failed.get("findings").get(1).get("code").asText());

        Path junit = dir.resolve("reports/TEST-vigil.xml");
        Path markdown = dir.resolve("reports/coverage.md");
        LintCommandTest.Run both = test("--format", "junit", "--junit-out", junit.toString(), "--coverage-format",
                "markdown", "--coverage-out", markdown.toString(), project.toString());
        assertEquals(1, both.status(), both.err());
        NodeList failures = xml(Files.readString(junit)).getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("Test.Uncovered", ((Element) failures.item(0)).getAttribute("type"));
        String md = Files.readString(markdown).replace(project + File.separator, "");
        assertTrue(md.startsWith("### Vigil test coverage: 11 of 13 points (84.6%); 100% required\n"), md);
        assertTrue(md.contains("- recording rule `kafka:group_hottest_partition` (rules.vigil:23): missing read\n"), md);
    }

    @Test
    void coverageUsageMistakesExitTwo() {
        String sample = REPO.resolve("samples/crm-events").toString();
        for (List<String> args : List.of(List.of("--min-coverage", "101"), List.of("--min-coverage", "most"),
                List.of("--format", "junit", "--coverage"), List.of("--format", "json", "--coverage-format", "markdown"),
                List.of("--coverage-format", "json"))) {
            List<String> all = new ArrayList<>(List.of("test"));
            all.addAll(args);
            all.add(sample);
            LintCommandTest.Run r = LintCommandTest.run(all.toArray(String[]::new));
            assertEquals(2, r.status(), () -> args + ": " + r.out() + r.err());
        }
    }

    /** docs/testing.md's coverage example fails below its 90% as the page shows, and passes with the test it adds. */
    @Test
    void theDocumentedCoverageExampleRunsAsShown() throws IOException {
        String page = Files.readString(REPO.resolve("docs/testing.md"));
        String section = page.substring(page.indexOf("### Requiring coverage"));
        String source = between(section, "```vigil\n", "```\n");
        String shown = between(section, "```text\n", "```\n");
        String added = between(section.substring(section.indexOf("```text\n")), "```vigil\n", "```\n");
        Path project = dir.resolve("coverage-docs");
        Files.createDirectories(project);
        Files.writeString(project.resolve("payments.vigil"), source);
        LintCommandTest.Run failing = test("--coverage", project.toString());
        assertEquals(1, failing.status(), failing.out() + failing.err());
        assertEquals(shown, failing.out().replace(project + File.separator, ""));

        Files.writeString(project.resolve("idle.vigil"), added);
        LintCommandTest.Run passing = test(project.toString());
        assertEquals(0, passing.status(), passing.out() + passing.err());
        assertTrue(section.contains("`vigil test` passes (`" + passing.out().strip() + "`"), passing.out());
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    @Test
    void usageMistakesExitTwo() {
        assertEquals(2, LintCommandTest.run("test", dir.resolve("nothing-here").toString()).status());
        assertEquals(2, LintCommandTest.run("test", "--format", "yaml", dir.toString()).status());
    }

    private static Document xml(String text) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
