package dev.vigil.targets.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.JsonRenderer;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.verify.TestReport.Case;
import dev.vigil.targets.verify.TestReport.Finding;
import dev.vigil.targets.verify.TestReport.Status;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link TestReport} as text for a terminal or a build log, and as JSON. */
public final class TestReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Past this, expected and actual go on lines of their own, one above the other. */
    private static final int ONE_LINE = 70;

    private TestReports() {
    }

    /**
     * Each finding as {@code vigil check} prints a diagnostic, followed by what differs; with
     * {@code verbose}, every case with its verdict and the tools' own output; then the summary line.
     */
    public static String text(TestReport report, Map<String, SourceFile> sources, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (Case c : report.cases()) {
            for (Finding f : c.findings()) {
                out.append(finding(f, sources)).append('\n');
            }
        }
        if (verbose) {
            Set<String> shown = new LinkedHashSet<>();
            for (Case c : report.cases()) {
                out.append(String.format("%-7s %s: %s%s%n", c.status().name(), c.suite(), c.name(),
                        c.span().isNone() ? "" : " (" + at(c.span()) + ")"));
                // One tool run decides every test of its file: its output is shown once.
                if (!c.output().isEmpty() && shown.add(c.output())) {
                    c.output().stripTrailing().lines().forEach(l -> out.append("        | ").append(l).append('\n'));
                }
            }
        }
        return out.append(report.summary()).append('\n').toString();
    }

    /** One finding: the diagnostic with its source line, then a line per difference. */
    public static String finding(Finding f, Map<String, SourceFile> sources) {
        Diagnostic d = f.diagnostic();
        StringBuilder out = new StringBuilder(TextRenderer.render(d, sources.get(d.span().file())));
        String gutter = " ".repeat(String.valueOf(Math.max(1, d.span().line())).length());
        for (TestFailures.Difference x : f.differences()) {
            if (x.subject().length() + x.expected().length() + x.actual().length() <= ONE_LINE) {
                out.append(gutter).append(" = ").append(x.subject()).append(": expected ").append(x.expected())
                        .append(", got ").append(x.actual()).append('\n');
            } else {
                out.append(gutter).append(" = ").append(x.subject()).append(":\n");
                out.append(gutter).append("     expected ").append(x.expected()).append('\n');
                out.append(gutter).append("          got ").append(x.actual()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The report as one JSON object: the counts, and each case with its place, verdict and findings
     * (each a diagnostic as {@code vigil check --format json} prints it, with {@code differences});
     * with {@code verbose}, the tool's output of each case that did not pass.
     */
    public static String json(TestReport report, boolean verbose) {
        return json(report, verbose, null);
    }

    /** {@link #json(TestReport, boolean)} with the coverage report as its {@code coverage} member (none when null). */
    public static String json(TestReport report, boolean verbose, ObjectNode coverage) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("project", report.name());
        root.put("passed", report.count(Status.PASSED));
        root.put("failed", report.count(Status.FAILED));
        root.put("errors", report.count(Status.ERROR));
        root.put("skipped", report.count(Status.SKIPPED));
        ArrayNode cases = root.putArray("cases");
        for (Case c : report.cases()) {
            ObjectNode n = cases.addObject();
            n.put("kind", c.kind().label());
            n.put("suite", c.suite());
            n.put("name", c.name());
            if (c.span().isNone()) {
                n.putNull("file");
                n.putNull("line");
            } else {
                n.put("file", c.span().file());
                n.put("line", c.span().line());
            }
            n.put("status", c.status().label());
            ArrayNode findings = n.putArray("findings");
            for (Finding f : c.findings()) {
                ObjectNode d = (ObjectNode) diagnostic(f.diagnostic());
                ArrayNode diffs = d.putArray("differences");
                for (TestFailures.Difference x : f.differences()) {
                    diffs.addObject().put("subject", x.subject()).put("expected", x.expected()).put("actual", x.actual());
                }
                findings.add(d);
            }
            if (verbose && c.status() != Status.PASSED) {
                n.put("output", c.output());
            }
        }
        if (coverage != null) {
            root.set("coverage", coverage);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A diagnostic with exactly the keys of {@code vigil check --format json}. */
    private static com.fasterxml.jackson.databind.JsonNode diagnostic(Diagnostic d) {
        try {
            return MAPPER.readTree(JsonRenderer.render(List.of(d))).get(0);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String at(Span s) {
        return s.file() + ":" + s.line();
    }
}
