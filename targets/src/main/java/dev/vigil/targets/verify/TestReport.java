package dev.vigil.targets.verify;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.Span;
import java.util.List;

/**
 * What {@code vigil test} found: one case per thing a tool proved (a DSL or SLO test, a rule file,
 * the Alertmanager configuration, a routing case), each at its place in the sources. A case that
 * failed carries its findings, diagnostics at the expectation that failed with what differs; the
 * tool's own output is kept for {@code --verbose} and the JUnit report. {@code missingTools} lists the
 * tools the output needs that were not found, in which case nothing ran.
 */
public record TestReport(String name, List<Case> cases, List<Tool> missingTools) {
    public TestReport {
        cases = List.copyOf(cases);
        missingTools = List.copyOf(missingTools);
    }

    /** The exit status for a usage or tool problem, as every command has it. */
    public static final int EXIT_TOOL = 2;

    /** The tools {@code vigil test} runs, and the Debian package each comes with. */
    public enum Tool {
        PROMTOOL("promtool", "prometheus"), AMTOOL("amtool", "prometheus-alertmanager");

        private final String command;
        private final String debianPackage;

        Tool(String command, String debianPackage) {
            this.command = command;
            this.debianPackage = debianPackage;
        }

        public String command() {
            return command;
        }

        public String debianPackage() {
            return debianPackage;
        }

        /** {@code `promtool` was not found; it comes with the Debian package `prometheus`}, for a message. */
        public String missing() {
            return "`" + command + "` was not found; it comes with the Debian package `" + debianPackage + "`";
        }

        public static Tool of(String command) {
            for (Tool t : values()) {
                if (t.command.equals(command)) {
                    return t;
                }
            }
            throw new IllegalArgumentException(command);
        }
    }

    /** What a case proves. */
    public enum Kind {
        UNIT_TEST("unit-test"), RULE_FILE("rule-file"), ALERTMANAGER_CONFIG("alertmanager-config"),
        ROUTING("routing"), SKIPPED("skipped"), COMPILE("compile"), COVERAGE("coverage");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name in the JSON report. */
        public String label() {
            return label;
        }
    }

    /** PASSED and FAILED are the tests' verdicts; ERROR is a tool that could not finish (exit status 2). */
    public enum Status {
        PASSED, FAILED, ERROR, SKIPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A diagnostic and what differs, each difference a line of the report. */
    public record Finding(Diagnostic diagnostic, List<TestFailures.Difference> differences) {
        public Finding {
            differences = List.copyOf(differences);
        }
    }

    /**
     * One case: {@code suite} groups cases as a JUnit class does (the service of a unit test), {@code
     * output} is the raw output of the tool run that decided it, {@code millis} its share of that run.
     */
    public record Case(Kind kind, String suite, String name, Span span, Status status, List<Finding> findings,
            String output, long millis) {
        public Case {
            findings = List.copyOf(findings);
            span = span == null ? Span.NONE : span;
        }
    }

    /** A project that did not compile: one failed case holding its errors, so every format shows them. */
    public static TestReport compileFailed(String name, List<Diagnostic> diagnostics) {
        List<Finding> errors = diagnostics.stream().filter(Diagnostic::isError).map(d -> new Finding(d, List.of())).toList();
        return new TestReport(name, List.of(new Case(Kind.COMPILE, "vigil check", "the sources compile", Span.NONE,
                Status.FAILED, errors, "", 0)), List.of());
    }

    /** This report with {@code more} cases after its own. */
    public TestReport with(List<Case> more) {
        List<Case> all = new java.util.ArrayList<>(cases);
        all.addAll(more);
        return new TestReport(name, all, missingTools);
    }

    public long count(Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    /** 0 when everything passed, 1 on a failed case, 2 when a tool was missing or could not finish. */
    public int exitStatus() {
        if (!missingTools.isEmpty() || count(Status.ERROR) > 0) {
            return EXIT_TOOL;
        }
        return count(Status.FAILED) > 0 ? 1 : 0;
    }

    /** Every finding, in case order. */
    public List<Finding> findings() {
        return cases.stream().flatMap(c -> c.findings().stream()).toList();
    }

    /** The closing line: {@code 14 passed, 1 failed}, then errors and skipped cases when there are any. */
    public String summary() {
        long errors = count(Status.ERROR);
        long skipped = count(Status.SKIPPED);
        return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed"
                + (errors > 0 ? ", " + errors + " error" + (errors == 1 ? "" : "s") : "")
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
