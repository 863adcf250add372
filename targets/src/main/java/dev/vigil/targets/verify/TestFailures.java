package dev.vigil.targets.verify;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the {@code .vigil} expectations behind a failing {@code promtool test rules} run. promtool
 * reports each failure as {@code alertname: X, time: T} or {@code expr: "Q", time: T}; the
 * expectation written for it is the one that expects that alert, or that query, at that time.
 * promtool names the failing test group ({@code name: T,}, Vigil's test name) where the release prints
 * it; without it, every test that expects the same at that time is named.
 */
public final class TestFailures {
    private static final Pattern NAME = Pattern.compile("^    name: (.*),$");
    private static final Pattern ALERT = Pattern.compile("^\\s*alertname: (\\S+?), time: ([0-9a-z]+),");
    private static final Pattern EXPR = Pattern.compile("^\\s*expr: (\"(?:[^\"\\\\]|\\\\.)*\"), time: ([0-9a-z]+),");

    private TestFailures() {
    }

    /** One failure promtool reported, and the spans of the expectations that may have caused it. */
    public record Failure(String what, long atMillis, List<Span> spans) {
        public Failure {
            spans = List.copyOf(spans);
        }
    }

    /** The failures in {@code output}, in promtool's order, each with its expectations (sorted). */
    public static List<Failure> locate(String output, Project project) {
        List<Failure> out = new ArrayList<>();
        String test = null;
        for (String line : output.split("\n", -1)) {
            Matcher n = NAME.matcher(line);
            if (line.startsWith("Unit Testing:") || line.trim().equals("FAILED:")) {
                test = null;
            } else if (n.matches()) {
                test = n.group(1);
                continue;
            }
            Matcher a = ALERT.matcher(line);
            Matcher e = EXPR.matcher(line);
            if (a.find()) {
                long at = millis(a.group(2));
                String name = a.group(1);
                out.add(new Failure("alert `" + name + "`", at, spans(project, test, at, x ->
                        x instanceof TestCase.AlertExpectation ae && ae.alert() != null && name.equals(ae.alert().name()))));
            } else if (e.find()) {
                long at = millis(e.group(2));
                String query = unquote(e.group(1));
                out.add(new Failure("`" + query + "`", at, spans(project, test, at, x ->
                        x instanceof TestCase.ValueExpectation ve && ve.expr() != null
                                && query.equals(PromqlPrinter.print(ve.expr())))));
            }
        }
        return out;
    }

    private static List<Span> spans(Project project, String test, long at,
            java.util.function.Predicate<TestCase.Expectation> same) {
        TreeSet<Span> found = new TreeSet<>();
        if (at < 0) {
            return List.of();
        }
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (test != null && !test.equals(t.name())) {
                    continue;
                }
                for (TestCase.Expectation x : t.expectations()) {
                    if (x.atMillis() == at && same.test(x) && x.span() != null && !x.span().isNone()) {
                        found.add(x.span());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static long millis(String goDuration) {
        try {
            return "0s".equals(goDuration) ? 0 : Durations.parseMillis(goDuration);
        } catch (RuntimeException e) {
            return -1; // a format this parser does not know: name no expectation rather than a wrong one
        }
    }

    /** A Go {@code %q} string: quotes and backslashes escaped. */
    private static String unquote(String quoted) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
                c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
            }
            b.append(c);
        }
        return b.toString();
    }
}
