package dev.vigil.targets.verify;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.alertmanager.RoutingTestCase;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.prometheus.PrometheusTestsEmitter;
import dev.vigil.targets.prometheus.RuleFiles;
import dev.vigil.targets.verify.TestReport.Case;
import dev.vigil.targets.verify.TestReport.Finding;
import dev.vigil.targets.verify.TestReport.Kind;
import dev.vigil.targets.verify.TestReport.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigil test} as a library, for the command line and the Maven goal: the {@link Verifier}'s
 * tool runs over a project's output, read back into a {@link TestReport} in Vigil's terms. Every
 * failure is a diagnostic at the {@code .vigil} line of the expectation (or routing case) that
 * failed, with what differs; the tools' own output is kept beside it, never instead of it.
 */
public final class TestRunner {
    /** promtool check rules names a rule as {@code group "G", rule 3, "Name":}. */
    private static final Pattern RULE = Pattern.compile("group \"([^\"]*)\", rule \\d+, \"([^\"]*)\"");

    private TestRunner() {
    }

    /**
     * The outcome of {@link #test}: the compilation, and the report when it had no errors and its
     * output could be written; {@code internalFailure} is an emitter that failed, a bug in Vigil.
     */
    public record Outcome(CompileResult compilation, Optional<TestReport> report, Optional<Throwable> internalFailure) {
    }

    /**
     * Emits a compiled project into a temporary directory, runs every tool on it (the routing cases
     * from the project), and deletes the directory. When a tool the output needs is missing, nothing
     * runs and the report lists it.
     */
    public static Outcome test(CompileResult compiled, EmitSettings settings, Verifier.Tools tools, String name)
            throws IOException {
        if (compiled.project().isEmpty() || compiled.hasErrors()) {
            return new Outcome(compiled, Optional.empty(), Optional.empty());
        }
        Path dir = Files.createTempDirectory("vigil-test-");
        try {
            Path out = dir.resolve("out");
            Build.Result built = Build.write(compiled, out, settings);
            if (!built.succeeded()) {
                return new Outcome(built.compilation(), Optional.empty(), built.internalFailure());
            }
            List<TestReport.Tool> missing = new ArrayList<>();
            for (String needed : Verifier.toolsNeeded(out)) {
                Optional<ToolRunner> tool = needed.equals("promtool") ? tools.promtool() : tools.amtool();
                if (tool.isEmpty()) {
                    missing.add(TestReport.Tool.of(needed));
                }
            }
            if (!missing.isEmpty()) {
                return new Outcome(compiled, Optional.of(new TestReport(name, List.of(), missing)), Optional.empty());
            }
            Project project = compiled.project().get();
            return new Outcome(compiled, Optional.of(verify(project, out, AlertmanagerEmitter.routingTests(project), tools,
                    name)), Optional.empty());
        } finally {
            OutputDirectory.deleteTree(dir);
        }
    }

    /**
     * Runs every tool on the output of {@code project} in {@code output} (written by {@code vigil
     * build} or {@code vigil:generate}) and reads the results back to the sources. A missing tool's
     * runs are skipped cases.
     */
    public static TestReport verify(Project project, Path output, List<RoutingTestCase> routing, Verifier.Tools tools,
            String name) throws IOException {
        Verifier.Report report = Verifier.verify(output, routing, project.settings().targets().prometheusFlags(), tools);
        List<Case> cases = new ArrayList<>();
        for (Verifier.Check c : report.checks()) {
            switch (c.kind()) {
                case CHECK_RULES -> cases.add(ruleFile(project, c));
                case TEST_RULES -> cases.addAll(unitTests(project, c));
                case CHECK_CONFIG -> cases.add(config(project, c));
                case ROUTES_TEST -> cases.add(routingCase(c));
                default -> throw new IllegalStateException(c.kind().toString());
            }
        }
        for (String s : report.skipped()) {
            cases.add(new Case(Kind.SKIPPED, "skipped", s, Span.NONE, Status.SKIPPED, List.of(), "", 0));
        }
        return new TestReport(name, cases, List.of());
    }

    // ------------------------------------------------------------------ promtool check rules

    private static Case ruleFile(Project project, Verifier.Check c) {
        Service service = project.services().stream().filter(s -> RuleFiles.path(s).equals(c.file())).findFirst()
                .orElse(null);
        Span span = service == null ? Span.NONE : service.span();
        Optional<Case> decided = errorOrPassed(c, Kind.RULE_FILE, "promtool check rules", c.file(), span);
        if (decided.isPresent()) {
            return decided.get();
        }
        String problem = firstProblem(c.run());
        Matcher m = RULE.matcher(c.run().stdout() + c.run().stderr());
        if (m.find() && service != null) {
            span = ruleSpan(service, m.group(1), m.group(2)).orElse(span);
        }
        Diagnostic d = Diagnostic.error(Ids.TEST_OUTPUT_REJECTED, span, "promtool refuses the rule file `" + c.file()
                + "`: " + sentence(problem), "This is a bug in Vigil unless promtool is older than the target release; "
                + "`--verbose` shows promtool's report.");
        return new Case(Kind.RULE_FILE, "promtool check rules", c.file(), span, Status.FAILED,
                List.of(new Finding(d, List.of())), c.run().report(), c.run().millis());
    }

    private static Optional<Span> ruleSpan(Service service, String group, String rule) {
        for (RuleGroup g : service.groups()) {
            if (g.name().equals(group)) {
                return Optional.of(g.rules().stream().filter(r -> r.name().equals(rule)).map(Rule::span).findFirst()
                        .orElse(g.span()));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ promtool test rules

    private static List<Case> unitTests(Project project, Verifier.Check c) {
        Service service = null;
        List<TestCase> tests = List.of();
        for (Service s : project.services()) {
            if (PrometheusTestsEmitter.path(s).equals(c.file())) {
                service = s;
                tests = s.tests().stream().filter(t -> Origin.isWritten(t.origin())).toList();
            } else if (PrometheusTestsEmitter.sloPath(s).equals(c.file())) {
                service = s;
                tests = s.tests().stream().filter(t -> !Origin.isWritten(t.origin())).toList();
            }
        }
        String suite = service == null ? c.file() : service.name();
        long share = tests.isEmpty() ? c.run().millis() : c.run().millis() / tests.size();
        List<Case> out = new ArrayList<>();
        if (c.run().timedOut() || !c.passed() && c.run().exitCode() != 1) {
            for (TestCase t : tests) {
                out.add(toolError(c, Kind.UNIT_TEST, suite, t.name(), t.span()).orElseThrow());
            }
            return out.isEmpty() ? List.of(toolError(c, Kind.UNIT_TEST, suite, c.file(), Span.NONE).orElseThrow()) : out;
        }
        Map<TestCase, List<Finding>> findings = new LinkedHashMap<>();
        tests.forEach(t -> findings.put(t, new ArrayList<>()));
        List<Finding> unplaced = new ArrayList<>();
        if (!c.passed()) {
            for (TestFailures.Failure f : TestFailures.locate(c.run().stdout() + "\n" + c.run().stderr(), project, tests)) {
                if (f.spans().isEmpty()) {
                    unplaced.add(new Finding(unplacedDiagnostic(f, c), details(f)));
                } else {
                    for (Span s : f.spans()) {
                        findings.get(f.test()).add(new Finding(Diagnostic.error(Ids.TEST_FAILED, s, message(f), null),
                                f.differences()));
                    }
                }
            }
            if (unplaced.isEmpty() && findings.values().stream().allMatch(List::isEmpty)) {
                // promtool failed and said nothing Vigil can read: the file fails, with what it said.
                unplaced.add(new Finding(Diagnostic.error(Ids.TEST_FAILED, Span.NONE, "promtool fails the unit tests in `"
                        + c.file() + "`: " + sentence(firstProblem(c.run())), "`--verbose` shows promtool's report."),
                        List.of()));
            }
        }
        for (Map.Entry<TestCase, List<Finding>> e : findings.entrySet()) {
            TestCase t = e.getKey();
            boolean failed = !e.getValue().isEmpty();
            out.add(new Case(Kind.UNIT_TEST, suite, t.name(), t.span(), failed ? Status.FAILED : Status.PASSED,
                    e.getValue(), failed ? c.run().report() : "", share));
        }
        if (!unplaced.isEmpty()) {
            out.add(new Case(Kind.UNIT_TEST, suite, c.file(), Span.NONE, Status.FAILED, unplaced, c.run().report(), 0));
        }
        return out;
    }

    private static Diagnostic unplacedDiagnostic(TestFailures.Failure f, Verifier.Check c) {
        String in = f.test() == null ? "in `" + c.file() + "`" : "in the test `" + f.test().name() + "`";
        if (f.kind() == TestFailures.Kind.OTHER) {
            return Diagnostic.error(Ids.TEST_FAILED, f.test() == null ? Span.NONE : f.test().span(),
                    "promtool reports a failure " + in + ": " + sentence(firstLine(f.error())),
                    "`--verbose` shows promtool's report.");
        }
        return Diagnostic.error(Ids.TEST_FAILED, f.test() == null ? Span.NONE : f.test().span(),
                "promtool reports a failure of " + f.what() + " at `" + at(f) + "` " + in
                        + " that no expectation Vigil wrote asks for.",
                "`--verbose` shows promtool's report.");
    }

    /** An unrecognised block's lines, for the reader: what promtool said is all there is. */
    private static List<TestFailures.Difference> details(TestFailures.Failure f) {
        return f.kind() == TestFailures.Kind.OTHER ? List.of() : f.differences();
    }

    /** The failure in Vigil's terms, one sentence. */
    static String message(TestFailures.Failure f) {
        String in = f.test() == null ? "the test" : "the test `" + f.test().name() + "`";
        String when = "At `" + at(f) + "`, ";
        if (f.error() != null && !f.error().isBlank()) {
            return when + "promtool cannot evaluate " + f.what() + " in " + in + ": " + sentence(f.error());
        }
        List<TestFailures.Difference> d = f.differences();
        if (f.kind() == TestFailures.Kind.EXPR) {
            boolean valuesOnly = d.stream().noneMatch(x -> x.expected().equals("(no sample)")
                    || x.actual().equals("(no sample)"));
            return when + f.what() + (valuesOnly ? " has other values than " : " returns other samples than ") + in
                    + " expects.";
        }
        String alert = f.what().substring("alert ".length());
        if (!d.isEmpty() && d.stream().allMatch(x -> x.subject().startsWith("annotation "))) {
            return when + alert + " fires with other annotations than " + in + " expects.";
        }
        if (d.stream().anyMatch(x -> x.subject().startsWith("label "))) {
            return when + alert + " fires with other labels than " + in + " expects.";
        }
        if (!d.isEmpty() && d.stream().allMatch(x -> x.actual().equals("not firing"))) {
            return when + alert + " does not fire, but " + in + " expects it to.";
        }
        if (!d.isEmpty() && d.stream().allMatch(x -> x.actual().equals("firing"))) {
            return when + alert + " fires, but " + in + " expects it not to.";
        }
        return when + alert + " does not fire as " + in + " expects.";
    }

    private static String at(TestFailures.Failure f) {
        return f.atMillis() < 0 ? "?" : Durations.format(f.atMillis());
    }

    // ------------------------------------------------------------------ amtool

    private static Case config(Project project, Verifier.Check c) {
        Span span = project.routing().receivers().stream().map(r -> r.span()).findFirst().orElse(Span.NONE);
        Optional<Case> decided = errorOrPassed(c, Kind.ALERTMANAGER_CONFIG, "amtool check-config", c.file(), span);
        if (decided.isPresent()) {
            return decided.get();
        }
        Diagnostic d = Diagnostic.error(Ids.TEST_OUTPUT_REJECTED, span, "amtool refuses the Alertmanager configuration `"
                + c.file() + "`: " + sentence(firstProblem(c.run())), "This is a bug in Vigil unless amtool is older "
                + "than the target release; `--verbose` shows amtool's report.");
        return new Case(Kind.ALERTMANAGER_CONFIG, "amtool check-config", c.file(), span, Status.FAILED,
                List.of(new Finding(d, List.of())), c.run().report(), c.run().millis());
    }

    private static Case routingCase(Verifier.Check c) {
        RoutingTestCase rc = c.routing();
        String labels = LabelText.show(rc.labels());
        String name = rc.test() + ": " + labels;
        Optional<Case> decided = errorOrPassed(c, Kind.ROUTING, "routing", name, rc.span());
        if (decided.isPresent()) {
            return decided.get();
        }
        List<String> resolved = c.run().stdout().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.regionMatches(true, 0, "warning", 0, "warning".length())).toList();
        String expected = String.join(", ", rc.receivers());
        Diagnostic d;
        List<TestFailures.Difference> diffs;
        if (resolved.size() == 1) {
            String actual = String.join(", ", List.of(resolved.get(0).split(",")));
            d = Diagnostic.error(Ids.TEST_FAILED, rc.span(), "`" + labels + "` reaches " + receivers(actual) + ", not "
                    + receivers(expected) + ", when amtool routes it.", null);
            diffs = List.of(new TestFailures.Difference("receivers", expected, actual));
        } else {
            d = Diagnostic.error(Ids.TEST_FAILED, rc.span(), "amtool cannot route `" + labels + "`: "
                    + sentence(firstProblem(c.run())), "`--verbose` shows amtool's report.");
            diffs = List.of();
        }
        return new Case(Kind.ROUTING, "routing", name, rc.span(), Status.FAILED, List.of(new Finding(d, diffs)),
                c.run().report(), c.run().millis());
    }

    private static String receivers(String joined) {
        return "`" + joined.replace(", ", "`, `") + "`";
    }

    // ------------------------------------------------------------------ shared

    /** The case of a run that passed or could not finish; empty when it failed, which the caller explains. */
    private static Optional<Case> errorOrPassed(Verifier.Check c, Kind kind, String suite, String name, Span span) {
        Optional<Case> broken = toolError(c, kind, suite, name, span);
        if (broken.isPresent() || !c.passed()) {
            return broken;
        }
        return Optional.of(new Case(kind, suite, name, span, Status.PASSED, List.of(), "", c.run().millis()));
    }

    /**
     * A run that could not finish: killed after the time limit, or ended otherwise than with a verdict
     * (promtool and amtool exit 1 on a failure).
     */
    private static Optional<Case> toolError(Verifier.Check c, Kind kind, String suite, String name, Span span) {
        ToolRunner.Run r = c.run();
        if (!r.timedOut() && (r.exitCode() == 0 || r.exitCode() == 1)) {
            return Optional.empty();
        }
        String what = r.timedOut() ? "was killed after the time limit" : "ended with exit status " + r.exitCode();
        Diagnostic d = Diagnostic.error(Ids.TEST_TOOL_ERROR, span, "`" + c.description() + "` " + what + ".",
                r.timedOut() ? "Raise the time limit (`--timeout`), or look for a test that feeds very long series."
                        : "`--verbose` shows what the tool printed.");
        return Optional.of(new Case(kind, suite, name, span, Status.ERROR, List.of(new Finding(d, List.of())), r.report(),
                r.millis()));
    }

    /** The first line of a tool's complaint, without its own headers. */
    private static String firstProblem(ToolRunner.Run r) {
        for (String text : List.of(r.stderr(), r.stdout())) {
            for (String line : text.split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("Checking ") && !t.contains("FAILED") || t.equals("FAILED:")
                        || t.startsWith("Unit Testing:") || t.regionMatches(true, 0, "warning:", 0, 8)
                        || t.startsWith("amtool: error: failed to validate")) {
                    continue;
                }
                return t.replaceFirst("^Checking '[^']*'\\s*", "").replaceFirst("^FAILED:\\s*", "");
            }
        }
        return "no message";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }

    /** A tool's message as the end of a sentence: in backticks when it is not prose, with a full stop. */
    private static String sentence(String text) {
        String t = firstLine(text).replace('`', '\'');
        return t.isEmpty() ? "no message." : "`" + t + "`.";
    }
}
