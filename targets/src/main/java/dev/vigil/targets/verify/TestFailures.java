package dev.vigil.targets.verify;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.QueryText;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.Durations;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failing {@code promtool test rules} run back to the {@code .vigil} expectations behind it,
 * with what differs. promtool (2.42 to 3.5 print the same) reports each failure as a block:
 * <pre>
 *     name: a hot partition raises the skew alert,
 *     alertname: X, time: 20m,
 *         exp:[ 0: Labels:{...} Annotations:{...} ],
 *         got:[]
 *     expr: "q", time: 10m,
 *         exp: {labels} 2E+00
 *         got: {labels} 1E+00
 * </pre>
 * The {@code name:} line (the test's name) comes only before an alert's block. An expression's
 * block is matched to the tests that expect that query at that time, narrowed by the samples they
 * expect and by promtool's order (tests run in file order, each test's alerts before its queries).
 */
public final class TestFailures {
    private static final Pattern NAME = Pattern.compile("^    name: (.*),\\s*$");
    private static final Pattern ALERT = Pattern.compile("^\\s*alertname: (\\S+?), time: ([0-9a-z.]+),\\s*(?:err: (.*))?$");
    private static final Pattern EXPR = Pattern.compile(
            "^\\s*expr: (\"(?:[^\"\\\\]|\\\\.)*\"), time: ([0-9a-z.]+),\\s*(?:err: (.*))?$");
    private static final Pattern LOG = Pattern.compile("^(time|ts|level)=\\S");
    private static final String NONE = "(none)";

    private TestFailures() {
    }

    /** What a block is about. */
    public enum Kind {
        ALERT, EXPR, OTHER
    }

    /** An alert as promtool prints it. */
    public record Alert(SortedMap<String, String> labels, SortedMap<String, String> annotations) {
        public Alert {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        }
    }

    /** A sample as promtool prints it; {@code value} as printed ({@code 2E+00}). */
    public record Sample(SortedMap<String, String> labels, String value) {
        public Sample {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }

    /**
     * One failure block of promtool's output: the test's name where promtool gives it, the alert or
     * query, the time ({@code -1} when unreadable), what was expected and what came, or the error.
     */
    public record Reported(Kind kind, String test, String subject, long atMillis, List<Alert> expectedAlerts,
            List<Alert> actualAlerts, List<Sample> expectedSamples, List<Sample> actualSamples, String error,
            String text) {
        public Reported {
            expectedAlerts = List.copyOf(expectedAlerts);
            actualAlerts = List.copyOf(actualAlerts);
            expectedSamples = List.copyOf(expectedSamples);
            actualSamples = List.copyOf(actualSamples);
        }
    }

    /** One thing that came out otherwise than written: {@code expected} and {@code actual} as a reader compares them. */
    public record Difference(String subject, String expected, String actual) {
    }

    /**
     * A failure named at its expectations: the test (null when promtool's block names none Vigil
     * knows), what failed ({@code alert `X`}, or a query in backticks), when, the spans of the
     * expectations written for it (sorted), what differs, and promtool's block as printed.
     */
    public record Failure(TestCase test, Kind kind, String what, long atMillis, List<Span> spans,
            List<Difference> differences, String error, String text) {
        public Failure {
            spans = List.copyOf(spans);
            differences = List.copyOf(differences);
        }
    }

    /** The failure blocks in {@code output}, in promtool's order. */
    public static List<Reported> parse(String output) {
        List<Reported> out = new ArrayList<>();
        String pendingName = null;
        List<String> block = null;
        for (String line : output.split("\n", -1)) {
            String trimmed = line.strip();
            // Headers, and the tool's own log lines (an unknown feature flag is logged, not a failure).
            if (trimmed.isEmpty() || line.startsWith("Unit Testing:") || trimmed.equals("FAILED:")
                    || trimmed.startsWith("SUCCESS") || LOG.matcher(line).find()) {
                continue;
            }
            Matcher n = NAME.matcher(line);
            if (n.matches()) {
                finish(block, out);
                block = null;
                pendingName = n.group(1);
                continue;
            }
            if (ALERT.matcher(line).matches() || EXPR.matcher(line).matches()) {
                finish(block, out);
                block = new ArrayList<>();
                block.add(pendingName == null ? "" : pendingName);
                block.add(line);
                pendingName = null;
            } else if (block != null && indent(line) >= 8) {
                block.add(line);
            } else {
                // Something else promtool says: an error of its own, kept as printed.
                finish(block, out);
                block = new ArrayList<>();
                block.add(pendingName == null ? "" : pendingName);
                block.add(line);
                pendingName = null;
            }
        }
        finish(block, out);
        return merge(out);
    }

    /** Consecutive lines of an unrecognised message are one block. */
    private static List<Reported> merge(List<Reported> blocks) {
        List<Reported> out = new ArrayList<>();
        for (Reported r : blocks) {
            Reported last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind() == Kind.OTHER && r.kind() == Kind.OTHER && r.test() == null) {
                out.set(out.size() - 1, new Reported(Kind.OTHER, last.test(), null, -1, List.of(), List.of(), List.of(),
                        List.of(), last.error() + "\n" + r.error(), last.text() + "\n" + r.text()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static void finish(List<String> block, List<Reported> out) {
        if (block == null) {
            return;
        }
        String test = block.get(0).isEmpty() ? null : block.get(0);
        List<String> lines = block.subList(1, block.size());
        String text = String.join("\n", lines);
        Matcher a = ALERT.matcher(lines.get(0));
        Matcher e = EXPR.matcher(lines.get(0));
        if (a.matches()) {
            List<Alert> exp = new ArrayList<>();
            List<Alert> got = new ArrayList<>();
            List<Alert> into = exp;
            for (String l : lines.subList(1, lines.size())) {
                String t = l.strip();
                if (t.startsWith("got:")) {
                    into = got;
                } else if (t.startsWith("Labels:")) {
                    into.add(new Alert(LabelText.parse(t.substring("Labels:".length())), new TreeMap<>()));
                } else if (t.startsWith("Annotations:") && !into.isEmpty()) {
                    Alert last = into.remove(into.size() - 1);
                    into.add(new Alert(last.labels(), LabelText.parse(t.substring("Annotations:".length()))));
                }
            }
            out.add(new Reported(Kind.ALERT, test, a.group(1), millis(a.group(2)), exp, got, List.of(), List.of(),
                    a.group(3), text));
        } else if (e.matches()) {
            List<Sample> exp = List.of();
            List<Sample> got = List.of();
            for (String l : lines.subList(1, lines.size())) {
                String t = l.strip();
                if (t.startsWith("exp:")) {
                    exp = samples(t.substring(4).strip());
                } else if (t.startsWith("got:")) {
                    got = samples(t.substring(4).strip());
                }
            }
            out.add(new Reported(Kind.EXPR, test, unquote(e.group(1)), millis(e.group(2)), List.of(), List.of(), exp, got,
                    e.group(3), text));
        } else {
            out.add(new Reported(Kind.OTHER, test, null, -1, List.of(), List.of(), List.of(), List.of(), text.strip(), text));
        }
    }

    /** {@code {a="1"} 2E+00, {a="2"} 3E+00}, or {@code nil}. */
    private static List<Sample> samples(String text) {
        List<Sample> out = new ArrayList<>();
        int i = 0;
        while (i < text.length() && text.charAt(i) == '{') {
            int end = LabelText.end(text, i);
            if (end < 0) {
                break;
            }
            SortedMap<String, String> labels = LabelText.parse(text.substring(i, end));
            int next = text.indexOf(", {", end);
            String value = (next < 0 ? text.substring(end) : text.substring(end, next)).strip();
            out.add(new Sample(labels, value));
            i = next < 0 ? text.length() : next + 2;
        }
        return out;
    }

    /** As {@link #locate(String, Project, List)} over every test of the project. */
    public static List<Failure> locate(String output, Project project) {
        List<TestCase> all = new ArrayList<>();
        project.services().forEach(s -> all.addAll(s.tests()));
        return locate(output, project, all);
    }

    /**
     * The failures in {@code output}, each at the expectations written for it among {@code tests}
     * (the tests of the file promtool ran, in file order). A block that names no test Vigil knows, or
     * that Vigil cannot read, is a failure without spans.
     */
    public static List<Failure> locate(String output, Project project, List<TestCase> tests) {
        Map<TestCase, Map<String, Constant>> scopes = scopes(project, tests);
        List<Failure> out = new ArrayList<>();
        int after = 0; // promtool runs the tests in order: a later block is never about an earlier test
        for (Reported r : parse(output)) {
            switch (r.kind()) {
                case ALERT -> {
                    List<TestCase> named = r.test() == null ? tests : byName(tests, r.test());
                    if (r.test() != null && !named.isEmpty()) {
                        after = tests.indexOf(named.get(0));
                    }
                    List<TestCase> candidates = named.stream().filter(t -> expectsAlert(t, r)).toList();
                    if (candidates.isEmpty()) {
                        out.add(unplaced(r, named.size() == 1 ? named.get(0) : null));
                    }
                    for (TestCase t : candidates) {
                        out.addAll(alertFailures(t, r));
                    }
                }
                case EXPR -> {
                    List<TestCase> candidates = exprCandidates(tests, r, scopes, after);
                    if (candidates.isEmpty()) {
                        out.add(unplaced(r, null));
                    }
                    for (TestCase t : candidates) {
                        List<Span> spans = new ArrayList<>();
                        for (TestCase.Expectation x : t.expectations()) {
                            if (x instanceof TestCase.ValueExpectation v && sameQuery(v, r, scopes.get(t))) {
                                spans.add(x.span());
                            }
                        }
                        out.add(new Failure(t, Kind.EXPR, "`" + r.subject() + "`", r.atMillis(), placed(spans),
                                sampleDifferences(r.expectedSamples(), r.actualSamples()), r.error(), r.text()));
                    }
                }
                default -> out.add(unplaced(r, r.test() == null ? null
                        : byName(tests, r.test()).stream().findFirst().orElse(null)));
            }
        }
        return out;
    }

    private static Failure unplaced(Reported r, TestCase test) {
        String what = r.kind() == Kind.ALERT ? "alert `" + r.subject() + "`"
                : r.kind() == Kind.EXPR ? "`" + r.subject() + "`" : "promtool";
        List<Difference> diffs = r.kind() == Kind.ALERT ? alertDifferences(r.expectedAlerts(), r.actualAlerts()).stream()
                .map(Attributed::difference).toList()
                : r.kind() == Kind.EXPR ? sampleDifferences(r.expectedSamples(), r.actualSamples()) : List.of();
        return new Failure(test, r.kind(), what, r.atMillis(), List.of(), diffs, r.error(), r.text());
    }

    private static Map<TestCase, Map<String, Constant>> scopes(Project project, List<TestCase> tests) {
        Map<TestCase, Map<String, Constant>> out = new LinkedHashMap<>();
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (tests.contains(t)) {
                    out.put(t, QueryText.scope(project, s));
                }
            }
        }
        return out;
    }

    private static List<TestCase> byName(List<TestCase> tests, String name) {
        return tests.stream().filter(t -> name.equals(t.name())).toList();
    }

    private static boolean expectsAlert(TestCase t, Reported r) {
        return t.expectations().stream().anyMatch(x -> x instanceof TestCase.AlertExpectation a && a.alert() != null
                && a.alert().name().equals(r.subject()) && a.atMillis() == r.atMillis());
    }

    /** The alert's failures in one test, each at the expectation whose alert differs. */
    private static List<Failure> alertFailures(TestCase t, Reported r) {
        List<TestCase.AlertExpectation> at = new ArrayList<>();
        for (TestCase.Expectation x : t.expectations()) {
            if (x instanceof TestCase.AlertExpectation a && a.alert() != null && a.alert().name().equals(r.subject())
                    && a.atMillis() == r.atMillis()) {
                at.add(a);
            }
        }
        Map<Span, List<Difference>> bySpan = new LinkedHashMap<>();
        List<Difference> unattributed = new ArrayList<>();
        for (Attributed d : alertDifferences(r.expectedAlerts(), r.actualAlerts())) {
            TestCase.AlertExpectation owner = d.expected() == null ? null : owner(at, d.expected());
            if (owner == null) {
                unattributed.add(d.difference());
            } else {
                bySpan.computeIfAbsent(owner.span(), k -> new ArrayList<>()).add(d.difference());
            }
        }
        if (!unattributed.isEmpty()) {
            // An alert no expectation asked for: the expectations of `no alert` are the ones it breaks, else all.
            List<TestCase.AlertExpectation> silent = at.stream().filter(a -> !a.firing()).toList();
            for (TestCase.AlertExpectation a : silent.isEmpty() ? at : silent) {
                bySpan.computeIfAbsent(a.span(), k -> new ArrayList<>()).addAll(unattributed);
            }
        }
        if (bySpan.isEmpty()) {
            at.forEach(a -> bySpan.put(a.span(), new ArrayList<>()));
        }
        List<Failure> out = new ArrayList<>();
        for (Map.Entry<Span, List<Difference>> e : bySpan.entrySet()) {
            out.add(new Failure(t, Kind.ALERT, "alert `" + r.subject() + "`", r.atMillis(), placed(List.of(e.getKey())),
                    e.getValue(), r.error(), r.text()));
        }
        return out;
    }

    /** The firing expectation whose written labels are all on {@code expected}, the most specific one. */
    private static TestCase.AlertExpectation owner(List<TestCase.AlertExpectation> at, Alert expected) {
        TestCase.AlertExpectation best = null;
        for (TestCase.AlertExpectation a : at) {
            if (a.firing() && expected.labels().entrySet().containsAll(a.labels().entrySet())
                    && (best == null || a.labels().size() > best.labels().size())) {
                best = a;
            }
        }
        return best;
    }

    private static List<TestCase> exprCandidates(List<TestCase> tests, Reported r,
            Map<TestCase, Map<String, Constant>> scopes, int after) {
        List<TestCase> candidates = tests.stream().filter(t -> t.expectations().stream()
                .anyMatch(x -> x instanceof TestCase.ValueExpectation v && sameQuery(v, r, scopes.get(t)))).toList();
        if (candidates.size() > 1) {
            candidates = narrow(candidates, candidates.stream().filter(t -> t.expectations().stream()
                    .anyMatch(x -> x instanceof TestCase.ValueExpectation v && sameQuery(v, r, scopes.get(t))
                            && sameSamples(v, r.expectedSamples()))).toList());
        }
        if (candidates.size() > 1) {
            candidates = narrow(candidates, candidates.stream().filter(t -> tests.indexOf(t) >= after).toList());
        }
        return candidates;
    }

    private static List<TestCase> narrow(List<TestCase> all, List<TestCase> fewer) {
        return fewer.isEmpty() ? all : fewer;
    }

    private static boolean sameQuery(TestCase.ValueExpectation v, Reported r, Map<String, Constant> constants) {
        return v.expr() != null && v.atMillis() == r.atMillis() && r.subject().equals(query(v, constants));
    }

    private static String query(TestCase.ValueExpectation v, Map<String, Constant> constants) {
        try {
            return QueryText.of(v.expr(), constants == null ? Map.of() : constants);
        } catch (IllegalStateException unresolved) {
            return PromqlPrinter.print(v.expr());
        }
    }

    /** Whether promtool's expected samples are this expectation's: the same count, values, and the labels written. */
    private static boolean sameSamples(TestCase.ValueExpectation v, List<Sample> printed) {
        if (v.samples().size() != printed.size()) {
            return false;
        }
        List<Sample> left = new ArrayList<>(printed);
        for (TestCase.ExpectedSample s : v.samples()) {
            Map<String, String> written = new TreeMap<>();
            s.labels().name().ifPresent(n -> written.put("__name__", n));
            for (LabelMatcher m : s.labels().matchers()) {
                if (m.op() == MatchOp.EQ && !m.isConstRef()) {
                    written.put(m.name(), m.value());
                }
            }
            Sample match = left.stream().filter(p -> p.labels().entrySet().containsAll(written.entrySet())
                    && sameNumber(s.value(), p.value())).findFirst().orElse(null);
            if (match == null) {
                return false;
            }
            left.remove(match);
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal written, String printed) {
        try {
            return written != null && Double.compare(written.doubleValue(), Double.parseDouble(printed)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Span> placed(List<Span> spans) {
        TreeSet<Span> out = new TreeSet<>();
        spans.stream().filter(s -> s != null && !s.isNone()).forEach(out::add);
        return List.copyOf(out);
    }

    /** A difference, and the expected alert it is about (null for an alert no one expected). */
    private record Attributed(Alert expected, Difference difference) {
    }

    /**
     * What differs between the alerts expected and those that fired: the same labels with other
     * annotations, a pair that differs in some labels, an expected alert that did not fire, or one
     * that fired unexpected.
     */
    private static List<Attributed> alertDifferences(List<Alert> expected, List<Alert> actual) {
        List<Attributed> out = new ArrayList<>();
        List<Alert> exp = new ArrayList<>(expected);
        List<Alert> got = new ArrayList<>(actual);
        for (Alert e : expected) {
            Alert same = got.stream().filter(g -> g.labels().equals(e.labels())).findFirst().orElse(null);
            if (same != null) {
                exp.remove(e);
                got.remove(same);
                mapDifferences("annotation", e.annotations(), same.annotations(), e, out);
            }
        }
        for (Alert e : List.copyOf(exp)) {
            Alert nearest = null;
            int shared = 0;
            for (Alert g : got) {
                int s = shared(e.labels(), g.labels());
                if (s > shared) {
                    nearest = g;
                    shared = s;
                }
            }
            // A lone pair is the same alert with a wrong label; otherwise pair only alerts that share more than a name.
            if (nearest != null && (shared > 1 || exp.size() == 1 && got.size() == 1)) {
                exp.remove(e);
                got.remove(nearest);
                mapDifferences("label", without(e.labels()), without(nearest.labels()), e, out);
                mapDifferences("annotation", e.annotations(), nearest.annotations(), e, out);
            }
        }
        for (Alert e : exp) {
            out.add(new Attributed(e, new Difference("alert " + LabelText.show(without(e.labels())), "firing",
                    "not firing")));
        }
        for (Alert g : got) {
            out.add(new Attributed(null, new Difference("alert " + LabelText.show(without(g.labels())), "not firing",
                    "firing")));
        }
        return out;
    }

    private static void mapDifferences(String what, Map<String, String> expected, Map<String, String> actual, Alert owner,
            List<Attributed> out) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (!Objects.equals(e, a)) {
                out.add(new Attributed(owner, new Difference(what + " `" + k + "`", e == null ? NONE : LabelText.quote(e),
                        a == null ? NONE : LabelText.quote(a))));
            }
        }
    }

    private static int shared(Map<String, String> a, Map<String, String> b) {
        int n = 0;
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (e.getValue().equals(b.get(e.getKey()))) {
                n++;
            }
        }
        return n;
    }

    /** Labels as a reader compares them: the alert's name is already said. */
    private static SortedMap<String, String> without(SortedMap<String, String> labels) {
        SortedMap<String, String> out = new TreeMap<>(labels);
        out.remove("alertname");
        return out;
    }

    private static List<Difference> sampleDifferences(List<Sample> expected, List<Sample> actual) {
        List<Difference> out = new ArrayList<>();
        List<Sample> got = new ArrayList<>(actual);
        for (Sample e : expected) {
            Sample same = got.stream().filter(g -> g.labels().equals(e.labels())).findFirst().orElse(null);
            if (same == null) {
                out.add(new Difference("sample " + LabelText.series(e.labels()), number(e.value()), "(no sample)"));
            } else {
                got.remove(same);
                if (!number(e.value()).equals(number(same.value()))) {
                    out.add(new Difference("sample " + LabelText.series(e.labels()), number(e.value()),
                            number(same.value())));
                }
            }
        }
        for (Sample g : got) {
            out.add(new Difference("sample " + LabelText.series(g.labels()), "(no sample)", number(g.value())));
        }
        return out;
    }

    /** promtool's {@code 2.5E-01} as a reader writes it: {@code 0.25}. */
    static String number(String printed) {
        try {
            double d = Double.parseDouble(printed);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return printed;
            }
            BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            return Math.abs(d) >= 1e-6 && Math.abs(d) < 1e15 || d == 0 ? b.toPlainString() : b.toString();
        } catch (NumberFormatException e) {
            return printed; // a histogram, or a form this reader does not know: as printed
        }
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
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
        return LabelText.unquote(quoted, 0).value();
    }
}
