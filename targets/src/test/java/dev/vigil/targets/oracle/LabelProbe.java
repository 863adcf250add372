package dev.vigil.targets.oracle;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.DurationLiteral;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.ToolBatch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Label inference against Prometheus. For the alerts of a built project, input series are derived
 * from the selectors the alert reads (through the emitted recording rules, down to raw metrics):
 * declared labels, {@code job} and {@code instance} (on two instances), values from the matchers,
 * including those of the recording-rule selectors on the way. A promtool test file then evaluates
 * every alert in a few "worlds", one after the other, that give the series different rates or
 * values, each with a deliberately empty {@code exp_alerts}, so promtool prints the labels of every
 * alert that fires. The project's own DSL tests that expect an alert to fire can serve as further
 * worlds. The labels are compared with {@code LabelInference.alertLabels}: a definite label must be
 * there, with its value when inference knows one; a label of a closed set must be listed; a listed
 * value must be the value.
 */
final class LabelProbe {
    /** Beside the emitted tests, so that {@code ../rules/} names the emitted rule files. */
    static final String DIR = "prometheus/oracle-labels/";
    private static final double[] FACTORS = {0, 0.01, 0.5, 1, 2, 10, 100, 1000};
    /** The probe's evaluation interval in minutes: coarse, since only the labels of what fires matter. */
    private static final long STEP_MINUTES = 5;
    private static final long MAX_WINDOW = 30 * 60_000;
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");
    private static final Pattern GROUP = Pattern.compile("^\\s+name: (.*),$");
    private static final Pattern ALERT = Pattern.compile("^\\s+alertname: (\\S+), time: ([^,]+),");
    private static final Pattern LABELS = Pattern.compile("^\\s+Labels:(\\{.*\\})$");

    /** One alert of the project and what the probe found out about it. */
    static final class Target {
        final String project;
        final Rule.Alert alert;
        /** {@code when} is a comparison of a selector or an aggregation with a number. */
        final boolean simple;
        String skipped;
        final List<RawSelector> reads = new ArrayList<>();
        /** Matchers of the recording-rule selectors on the way, by label: the raw series should satisfy them. */
        final Map<String, List<LabelMatcher>> pinned = new TreeMap<>();
        /** Label sets the alert fired with, and the world each came from. */
        final Map<SortedMap<String, String>, String> fired = new LinkedHashMap<>();

        Target(String project, Rule.Alert alert) {
            this.project = project;
            this.alert = alert;
            this.simple = simpleShape(alert.expr());
        }

        String describe() {
            return project + ": alert " + alert.name();
        }
    }

    /** A selector of a raw metric (not a recording rule) that an alert reads, directly or through rules. */
    record RawSelector(String metric, List<LabelMatcher> matchers) {
    }

    /** What the probe of one project writes (test files by path below its output) and reads back. */
    record Plan(String project, List<Target> targets, Map<String, String> files, List<String> problems) {
        Plan(String project, List<Target> targets, Map<String, String> files) {
            this(project, targets, files, new ArrayList<>());
        }

        List<Target> probed() {
            return targets.stream().filter(t -> t.skipped == null).toList();
        }
    }

    private LabelProbe() {
    }

    /** Whether {@code when} is {@code selector-or-aggregation OP number} (either way round), without {@code bool}. */
    static boolean simpleShape(Expr when) {
        if (!(Expr.unparen(when) instanceof Binary b) || !b.op().isComparison() || b.returnBool()) {
            return false;
        }
        return number(b.rhs()) && vector(b.lhs()) || number(b.lhs()) && vector(b.rhs());
    }

    private static boolean number(Expr e) {
        Expr u = Expr.unparen(e);
        return u instanceof NumberLiteral || u instanceof ConstRef || u instanceof Unary n && number(n.expr());
    }

    private static boolean vector(Expr e) {
        Expr u = Expr.unparen(e);
        return u instanceof VectorSelector || u instanceof Aggregation;
    }

    /**
     * Plans the probe of a built project: the targets (every alert), and the promtool test files
     * to write beside its output. The first runs {@code worlds} worlds of made-up series in turn
     * and asks about every alert that can be probed at the end of each; with {@code fromTests}, each
     * emitted DSL test file that expects an alert to fire also becomes a probe, its groups asking
     * about every alert at those times.
     */
    static Plan plan(String name, Project project, OutputManifest output, int worlds, long seed, boolean fromTests) {
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        Map<String, String> testFiles = new LinkedHashMap<>();
        output.files().forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.startsWith("prometheus/rules/") && path.endsWith(".yml")) {
                ruleFiles.put(path, text);
            } else if (path.startsWith("prometheus/tests/") && path.endsWith(".test.yml") && !path.endsWith(".slo.test.yml")) {
                testFiles.put(path, text);
            }
        });
        Map<String, List<Expr>> records = new LinkedHashMap<>();
        Map<String, Expr> emitted = new LinkedHashMap<>();
        List<String> groupOrder = new ArrayList<>();
        for (String text : ruleFiles.values()) {
            readRules(text, records, emitted, groupOrder);
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (Service s : project.services()) {
            s.metrics().forEach(m -> metrics.putIfAbsent(m.name(), m));
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        targets.add(new Target(name, a));
                    }
                }
            }
        }
        Set<String> counters = new TreeSet<>();
        Set<String> grouping = new TreeSet<>();
        long lookback = 0;
        long maxFor = 0;
        for (Target t : targets) {
            Expr e = emitted.get(t.alert.name());
            if (e == null) {
                t.skipped = "not found in the emitted rule files";
                continue;
            }
            Reads reads = new Reads(records);
            reads.walk(e);
            if (reads.unnamed) {
                t.skipped = "reads a selector without a metric name";
                continue;
            }
            t.reads.addAll(reads.raw);
            t.pinned.putAll(reads.pinned);
            counters.addAll(reads.counters);
            grouping.addAll(reads.grouping);
            lookback = Math.max(lookback, reads.lookback);
            maxFor = Math.max(maxFor, t.alert.forMillis());
        }
        World world = new World(metrics, counters, grouping);
        for (Target t : targets) {
            if (t.skipped == null) {
                for (RawSelector r : t.reads) {
                    if (!world.add(r, t.pinned)) {
                        t.skipped = "no label values satisfy the matchers of " + r.metric() + r.matchers();
                    }
                }
            }
        }
        List<Target> probed = targets.stream().filter(t -> t.skipped == null).toList();
        Map<String, String> files = new LinkedHashMap<>();
        if (probed.isEmpty()) {
            return new Plan(name, targets, files);
        }
        // The worlds follow each other in one group, each long enough for every `for` and offset.
        long segment = ((maxFor + lookback) / 60_000 + 4) / STEP_MINUTES * STEP_MINUTES + 3 * STEP_MINUTES;
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "worlds");
        group.put("interval", "1m");
        group.put("input_series", world.series(worlds, segment, new Random(seed ^ name.hashCode())));
        List<Object> tests = new ArrayList<>();
        for (int w = 0; w < worlds; w++) {
            for (Target t : probed) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("eval_time", ((w + 1) * segment - STEP_MINUTES) + "m");
                test.put("alertname", t.alert.name());
                test.put("exp_alerts", List.of());
                tests.add(test);
            }
        }
        group.put("alert_rule_test", tests);
        List<Object> groups = List.of(group);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rule_files", ruleFiles.keySet().stream().map(f -> "../rules/" + f.substring(f.lastIndexOf('/') + 1)).toList());
        doc.put("evaluation_interval", STEP_MINUTES + "m");
        if (new LinkedHashSet<>(groupOrder).size() == groupOrder.size()) {
            doc.put("group_eval_order", groupOrder);
        }
        doc.put("tests", groups);
        files.put(DIR + "worlds.test.yml", Yaml.dump(doc));
        if (fromTests) {
            List<String> alerts = probed.stream().map(t -> t.alert.name()).toList();
            testFiles.forEach((path, text) -> fromTest(text, alerts)
                    .ifPresent(t -> files.put(DIR + path.substring(path.lastIndexOf('/') + 1), t)));
        }
        return new Plan(name, targets, files);
    }

    /**
     * An emitted DSL test file made into a probe: the groups that expect an alert to fire, with the
     * same input series, asking at those times about every alert with an empty expectation.
     */
    @SuppressWarnings("unchecked")
    private static Optional<String> fromTest(String text, List<String> alerts) {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(text);
        List<Object> groups = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) doc.get("tests")) {
            Set<Object> times = new LinkedHashSet<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) g.getOrDefault("alert_rule_test", List.of())) {
                if (!((List<?>) t.getOrDefault("exp_alerts", List.of())).isEmpty()) {
                    times.add(t.get("eval_time"));
                }
            }
            if (times.isEmpty()) {
                continue;
            }
            Map<String, Object> group = new LinkedHashMap<>(g);
            group.put("name", "test: " + g.get("name"));
            group.remove("promql_expr_test");
            List<Object> tests = new ArrayList<>();
            for (Object time : times) {
                for (String a : alerts) {
                    tests.add(new LinkedHashMap<>(Map.of("eval_time", time, "alertname", a, "exp_alerts", List.of())));
                }
            }
            group.put("alert_rule_test", tests);
            groups.add(group);
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        doc.put("tests", groups);
        return Optional.of(Yaml.dump(doc));
    }

    /** Reads promtool's report on a probe file: every alert that fired, with its labels. */
    static void read(Plan plan, ToolBatch.Verdict verdict) {
        Map<String, Target> byName = new LinkedHashMap<>();
        plan.probed().forEach(t -> byName.put(t.alert.name(), t));
        String world = "?";
        String time = "?";
        Target current = null;
        boolean any = false;
        for (String line : verdict.output().split("\n")) {
            Matcher m;
            if ((m = GROUP.matcher(line)).matches()) {
                world = m.group(1);
            } else if ((m = ALERT.matcher(line)).find()) {
                current = byName.get(m.group(1));
                time = m.group(2);
                any = true;
            } else if ((m = LABELS.matcher(line)).matches() && current != null) {
                current.fired.putIfAbsent(parseLabels(m.group(1)), world + " at " + time);
            }
        }
        if (!verdict.ok() && !any) {
            plan.problems.add(plan.project + ": promtool could not run the probe:\n" + verdict.output());
        }
    }

    /** How many alerts the probes covered, and why the others were not. */
    static String summary(String what, List<Plan> plans) {
        int alerts = 0;
        int covered = 0;
        int simple = 0;
        int simpleCovered = 0;
        int labelSets = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Plan p : plans) {
            for (Target t : p.targets()) {
                alerts++;
                simple += t.simple ? 1 : 0;
                if (!t.fired.isEmpty()) {
                    covered++;
                    simpleCovered += t.simple ? 1 : 0;
                    labelSets += t.fired.size();
                } else {
                    String why = (t.simple ? "simple shape, " : "other shape, ")
                            + (t.skipped != null ? t.skipped : "did not fire in any world");
                    reasons.merge(why, 1, Integer::sum);
                }
            }
        }
        return "LabelProbe " + what + ": " + alerts + " alerts in " + plans.size() + " projects, " + covered
                + " covered (fired, " + labelSets + " label sets compared), of the " + simple + " of a simple shape "
                + simpleCovered + " covered; not covered: " + reasons;
    }

    /** Where Prometheus and label inference disagree about the alerts that fired. */
    static List<String> compare(Plan plan, LabelInference inference) {
        List<String> out = new ArrayList<>();
        for (Target t : plan.probed()) {
            LabelSet inferred = inference.alertLabels(t.alert);
            t.fired.forEach((actual, world) -> {
                List<String> problems = disagreements(inferred, actual);
                if (!problems.isEmpty()) {
                    out.add(t.describe() + " (" + world + "): Vigil infers " + inferred + ", Prometheus attached "
                            + actual + ": " + String.join("; ", problems) + "\n    when " + PromqlPrinter.print(t.alert.expr()));
                }
            });
        }
        return out;
    }

    static List<String> disagreements(LabelSet inferred, SortedMap<String, String> actual) {
        List<String> problems = new ArrayList<>();
        for (LabelSet.Label l : inferred.labels().values()) {
            String value = actual.get(l.name());
            if (l.definite() && value == null) {
                problems.add("definite label `" + l.name() + "` is missing");
            } else if (value != null && l.value() != null && !l.value().equals(value)) {
                problems.add("`" + l.name() + "` is \"" + value + "\", not the inferred \"" + l.value() + "\"");
            }
        }
        for (String name : actual.keySet()) {
            if (inferred.cannotHave(name)) {
                problems.add("`" + name + "` is there, but the inferred set is closed without it");
            }
        }
        return problems;
    }

    /** Parses Go's label set text, {@code {a="x", b="y\"z"}}. */
    static SortedMap<String, String> parseLabels(String text) {
        SortedMap<String, String> out = new TreeMap<>();
        int i = 1;
        while (i < text.length() && text.charAt(i) != '}') {
            int eq = text.indexOf("=\"", i);
            String name = text.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\') {
                    char e = text.charAt(++j);
                    switch (e) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case 'x' -> {
                            value.append((char) Integer.parseInt(text.substring(j + 1, j + 3), 16));
                            j += 2;
                        }
                        case 'u' -> {
                            value.append((char) Integer.parseInt(text.substring(j + 1, j + 5), 16));
                            j += 4;
                        }
                        default -> value.append(e);
                    }
                } else {
                    value.append(c);
                }
            }
            out.put(name, value.toString());
            i = j + 1;
            if (text.startsWith(", ", i)) {
                i += 2;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void readRules(String text, Map<String, List<Expr>> records, Map<String, Expr> alerts, List<String> order) {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(text);
        for (Map<String, Object> g : (List<Map<String, Object>>) doc.get("groups")) {
            order.add((String) g.get("name"));
            for (Map<String, Object> r : (List<Map<String, Object>>) g.get("rules")) {
                Optional<Expr> e = PromqlParser.parse(String.valueOf(r.get("expr")), new DiagnosticSink());
                if (e.isEmpty()) {
                    continue; // promtool check rules reports it
                }
                if (r.containsKey("record")) {
                    records.computeIfAbsent((String) r.get("record"), k -> new ArrayList<>()).add(e.get());
                } else {
                    alerts.put((String) r.get("alert"), e.get());
                }
            }
        }
    }

    /** The raw selectors an expression reads, through recording rules, and what the series must look like. */
    private static final class Reads {
        final Map<String, List<Expr>> records;
        final Set<String> visited = new LinkedHashSet<>();
        final List<RawSelector> raw = new ArrayList<>();
        final Set<String> counters = new TreeSet<>();
        final Set<String> grouping = new TreeSet<>();
        final Map<String, List<LabelMatcher>> pinned = new TreeMap<>();
        boolean unnamed;
        /** How far back the expression reads: its offsets and windows (those up to 30 minutes). */
        long lookback;

        Reads(Map<String, List<Expr>> records) {
            this.records = records;
        }

        void walk(Expr root) {
            Expr.walk(root, e -> {
                if (e instanceof VectorSelector v) {
                    Optional<String> name = v.name();
                    if (name.isEmpty()) {
                        unnamed = true;
                    } else if (records.containsKey(name.get())) {
                        v.matchers().stream().filter(m -> !m.name().equals("__name__"))
                                .forEach(m -> pinned.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m));
                        if (visited.add(name.get())) {
                            records.get(name.get()).forEach(this::walk);
                        }
                    } else {
                        raw.add(new RawSelector(name.get(),
                                v.matchers().stream().filter(m -> !m.name().equals("__name__")).toList()));
                    }
                } else if (e instanceof Call c && COUNTER_FUNCTIONS.contains(c.function())) {
                    c.args().forEach(a -> Expr.walk(a, x -> {
                        if (x instanceof VectorSelector v) {
                            v.name().ifPresent(counters::add);
                        }
                    }));
                } else if (e instanceof Aggregation a && a.grouping() != null) {
                    grouping.addAll(a.grouping().labels());
                } else if (e instanceof Binary b && b.matching() != null) {
                    grouping.addAll(b.matching().labels());
                    grouping.addAll(b.matching().include());
                } else if (e instanceof OffsetExpr o && o.offset() instanceof DurationLiteral d) {
                    lookback = Math.max(lookback, d.millis());
                } else if (e instanceof MatrixSelector m && m.range() instanceof DurationLiteral d && d.millis() <= MAX_WINDOW) {
                    // A window fills with a world's samples before the condition shows it; an SLO's hours and days never do.
                    lookback = Math.max(lookback, d.millis());
                }
            });
        }
    }

    /**
     * The input series of every probed alert: one series per selector (a histogram's buckets are a
     * family of series), with the same value for a label wherever no matcher says otherwise.
     */
    private static final class World {
        private static final List<String> DEFAULT_BUCKETS = List.of("0.1", "0.5", "1");
        final Map<String, Metric> metrics;
        final Set<String> counterNames;
        final Set<String> grouping;
        /** Families of series (label sets without {@code le}), each with its series. */
        final Map<String, List<String>> families = new LinkedHashMap<>();
        final Map<String, Boolean> familyIsCounter = new LinkedHashMap<>();

        World(Map<String, Metric> metrics, Set<String> counterNames, Set<String> grouping) {
            this.metrics = metrics;
            this.counterNames = counterNames;
            this.grouping = grouping;
        }

        /**
         * Adds the series of one selector, with the label values its own matchers and the
         * {@code pinned} ones accept, and a twin on another instance; false when no value fits.
         */
        boolean add(RawSelector s, Map<String, List<LabelMatcher>> pinned) {
            String metric = s.metric();
            Metric declared = metrics.get(metric);
            boolean derived = false;
            if (declared == null && metrics.get(Metric.baseName(metric)) != null) {
                declared = metrics.get(Metric.baseName(metric));
                derived = declared.type() == MetricType.HISTOGRAM || declared.type() == MetricType.SUMMARY;
                if (!derived) {
                    declared = null;
                }
            }
            Set<String> names = new LinkedHashSet<>();
            if (declared != null) {
                names.addAll(declared.labels());
            } else {
                names.addAll(grouping);
            }
            names.addAll(List.of("job", "instance"));
            s.matchers().forEach(m -> names.add(m.name()));
            names.remove("le");
            boolean counter = counterNames.contains(metric) || metric.endsWith("_total") || metric.endsWith("_count")
                    || metric.endsWith("_sum") || metric.endsWith("_bucket")
                    || declared != null && (declared.type() == MetricType.COUNTER || derived);
            for (String instance : List.of("host:9100", "host2:9100")) {
                SortedMap<String, String> labels = new TreeMap<>();
                for (String n : names) {
                    List<LabelMatcher> own = s.matchers().stream().filter(m -> m.name().equals(n)).toList();
                    List<LabelMatcher> all = new ArrayList<>(own);
                    all.addAll(pinned.getOrDefault(n, List.of()));
                    String preferred = n.equals("instance") ? instance : n.equals("job") ? "job1" : "v";
                    Optional<String> v = Witness.value(all, preferred).or(() -> Witness.value(own, preferred));
                    if (v.isEmpty()) {
                        return false;
                    }
                    if (!v.get().isEmpty()) {
                        labels.put(n, v.get());
                    }
                }
                List<String> series = family(metric, labels, declared, s.matchers());
                if (series.isEmpty()) {
                    return false;
                }
                families.merge(metric + labels, series, (a, b) -> {
                    List<String> merged = new ArrayList<>(a);
                    b.stream().filter(x -> !merged.contains(x)).forEach(merged::add);
                    return merged;
                });
                familyIsCounter.put(metric + labels, counter);
            }
            return true;
        }

        /** The series of one label set, each with its share of the family's value: a histogram's buckets are cumulative. */
        private static List<String> family(String metric, SortedMap<String, String> labels, Metric declared,
                List<LabelMatcher> matchers) {
            if (!metric.endsWith("_bucket")) {
                return List.of(text(metric, labels) + "\t1/1");
            }
            List<LabelMatcher> le = matchers.stream().filter(m -> m.name().equals("le")).toList();
            Set<String> bounds = new LinkedHashSet<>();
            if (declared != null && !declared.buckets().isEmpty()) {
                declared.buckets().forEach(b -> bounds.add(b.stripTrailingZeros().toPlainString()));
            } else {
                bounds.addAll(DEFAULT_BUCKETS);
            }
            le.stream().filter(m -> m.op() == MatchOp.EQ && !m.value().equals("+Inf")).forEach(m -> bounds.add(m.value()));
            List<String> sorted = new ArrayList<>(bounds.stream()
                    .sorted((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b))).toList());
            sorted.add("+Inf");
            List<String> out = new ArrayList<>();
            for (String b : sorted) {
                if (le.stream().allMatch(m -> m.matches(b).orElse(false))) {
                    SortedMap<String, String> withLe = new TreeMap<>(labels);
                    withLe.put("le", b);
                    out.add(text(metric, withLe) + "\t" + (sorted.indexOf(b) + 1) + "/" + sorted.size());
                }
            }
            return out;
        }

        /**
         * The series of {@code worlds} worlds of {@code segment} minutes each, one after the other:
         * every family at 1, at 0, at 1000, then at random factors. A counter grows by the factor
         * each minute (so it never resets), a gauge is the factor; a histogram's buckets share it.
         */
        List<Object> series(int worlds, long segment, Random random) {
            List<Object> out = new ArrayList<>();
            for (Map.Entry<String, List<String>> f : families.entrySet()) {
                List<BigDecimal> factors = new ArrayList<>();
                for (int w = 0; w < worlds; w++) {
                    factors.add(BigDecimal.valueOf(switch (w) {
                        case 0 -> 1;
                        case 1 -> 0;
                        case 2 -> 1000;
                        default -> FACTORS[random.nextInt(FACTORS.length)];
                    }));
                }
                boolean counter = familyIsCounter.get(f.getKey());
                for (String s : f.getValue()) {
                    String[] parts = s.split("\t");
                    String[] share = parts[1].split("/");
                    List<String> segments = new ArrayList<>();
                    BigDecimal last = BigDecimal.ZERO;
                    for (int w = 0; w < worlds; w++) {
                        BigDecimal k = factors.get(w).multiply(new BigDecimal(share[0]))
                                .divide(new BigDecimal(share[1]), java.math.MathContext.DECIMAL64);
                        if (counter) {
                            BigDecimal start = w == 0 ? BigDecimal.ZERO : last.add(k);
                            segments.add(number(start) + "+" + number(k) + "x" + (segment - 1));
                            last = start.add(k.multiply(BigDecimal.valueOf(segment - 1)));
                        } else {
                            segments.add(number(k) + "x" + (segment - 1));
                        }
                    }
                    Map<String, Object> series = new LinkedHashMap<>();
                    series.put("series", parts[0]);
                    series.put("values", String.join(" ", segments));
                    out.add(series);
                }
            }
            return out;
        }

        private static String number(BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }

        private static String text(String metric, SortedMap<String, String> labels) {
            StringBuilder b = new StringBuilder(metric).append('{');
            labels.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ", ").append(k).append('=')
                    .append(dev.vigil.compiler.promql.Strings.quote(v)));
            return b.append('}').toString();
        }
    }
}
