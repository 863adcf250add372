package dev.vigil.compiler.analysis;

import dev.vigil.compiler.analysis.LabelSet.Label;
import dev.vigil.compiler.model.Metric;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.promql.AggregateOp;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.ConstRef;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.Functions;
import dev.vigil.compiler.promql.Grouping;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.MatrixSelector;
import dev.vigil.compiler.promql.NumberLiteral;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.PromqlFunction;
import dev.vigil.compiler.promql.RangeModifierExpr;
import dev.vigil.compiler.promql.StringLiteral;
import dev.vigil.compiler.promql.Subquery;
import dev.vigil.compiler.promql.Unary;
import dev.vigil.compiler.promql.ValueType;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Type and label inference for PromQL over one project. Build it once with {@link #forProject},
 * then ask {@link #infer(Expr)} about any expression of the project (or any other expression).
 *
 * <p>What it knows about a selector comes from the project: a declared {@code metric} gives its
 * labels (definitely present) and type; a histogram's {@code _bucket} series add {@code le}; a
 * recording rule's name gives the labels its expression produces plus its static labels, which is
 * how labels flow from rule to rule. A series read straight from scraping (a declared metric, or an
 * undeclared name that is not a recording rule's) also carries the project's target labels
 * ({@code settings { target_labels }}, by default {@code job} and {@code instance}, which
 * Prometheus attaches at scrape time): those are definitely present. Names with a colon are left
 * out of that, since by convention only recording rules have them, and so are {@code ALERTS} and
 * {@code ALERTS_FOR_STATE}, which Prometheus writes itself. An undeclared selector is open: it may
 * carry labels nobody listed. Equality and non-empty matchers make a label definitely present.
 *
 * <p>Every result is memoised per expression node (by identity) and every recording rule is
 * resolved once, so inferring every query of a project is linear in its size. A recording rule
 * that refers to itself, directly or through others, is treated as unknown (open) inside the cycle.
 * It never throws on a partial model: null expressions and unknown functions give unknown results.
 */
public final class LabelInference {
    private static final Inferred UNKNOWN_VECTOR = new Inferred(ValueType.VECTOR, LabelSet.UNKNOWN, null, Set.of());
    private static final Inferred NONE = new Inferred(ValueType.NONE, LabelSet.UNKNOWN, null, Set.of());

    private final Map<String, Metric> metrics = new HashMap<>();
    private final Map<String, List<Rule.Recording>> recordings = new HashMap<>();
    /** Each recording rule's series, by identity: a name that every service records is read per service. */
    private final Map<Rule.Recording, Inferred> series = new java.util.IdentityHashMap<>();
    /** Names whose rules are being narrowed to a selector's, against a rule that reads its own name. */
    private final java.util.Set<String> filtering = new java.util.HashSet<>();
    /** {@link ValueIndex} by recording name and label name, built on first use. */
    private final Map<String, ValueIndex> valueIndexes = new HashMap<>();
    private final Map<String, Inferred> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<Expr, Inferred> memo = new IdentityHashMap<>();
    /** The labels every scraped series carries; empty when the assumption is off. */
    private final List<String> targetLabels;
    /** What a scraped series that nobody declared looks like: open, with the target labels. */
    private final Inferred scraped;

    private LabelInference(List<String> targetLabels) {
        this.targetLabels = List.copyOf(targetLabels);
        SortedMap<String, Label> l = new TreeMap<>();
        for (String t : this.targetLabels) {
            l.put(t, new Label(t, true, null));
        }
        this.scraped = new Inferred(ValueType.VECTOR, new LabelSet(l, true), null, Set.of());
    }

    /**
     * Inference with no declared metrics, no recording rules and no target labels: every selector is
     * open and no label is known to be there.
     */
    public static LabelInference empty() {
        return new LabelInference(List.of());
    }

    /** Inference over {@code project}, with the target labels its settings name. */
    public static LabelInference forProject(Project project) {
        return forProject(project, project == null || project.settings() == null
                ? Project.Settings.SCRAPED_TARGET_LABELS : project.settings().targetLabels());
    }

    /**
     * Inference over {@code project} with the given target labels: none for series that were never
     * scraped, such as a unit test's input series.
     */
    public static LabelInference forProject(Project project, List<String> targetLabels) {
        LabelInference li = new LabelInference(targetLabels);
        if (project == null) {
            return li;
        }
        for (Service s : project.services()) {
            for (Metric m : s.metrics()) {
                if (m != null && m.name() != null) {
                    li.metrics.putIfAbsent(m.name(), m);
                }
            }
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Recording rec && rec.name() != null) {
                        li.recordings.computeIfAbsent(rec.name(), k -> new ArrayList<>()).add(rec);
                    }
                }
            }
        }
        return li;
    }

    // ------------------------------------------------------------------ queries about the project

    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** The labels every series read straight from scraping carries, in the project's order. */
    public List<String> targetLabels() {
        return targetLabels;
    }

    public boolean isRecordingRule(String name) {
        return recordings.containsKey(name);
    }

    /** The recording rules named {@code name}, in project order; empty when there are none. */
    public List<Rule.Recording> recordingRules(String name) {
        return recordings.getOrDefault(name, List.of());
    }

    /** What a recording rule's series look like, merged over every rule of that name; empty when none. */
    public Optional<Inferred> recordingRule(String name) {
        if (!recordings.containsKey(name)) {
            return Optional.empty();
        }
        Inferred done = resolved.get(name);
        if (done != null) {
            return Optional.of(done);
        }
        if (!resolving.add(name)) {
            return Optional.of(UNKNOWN_VECTOR); // a cycle: reported elsewhere, unknown here
        }
        Inferred merged = merge(recordings.get(name));
        resolving.remove(name);
        resolved.put(name, merged);
        return Optional.of(merged);
    }

    private Inferred merge(List<Rule.Recording> rules) {
        Inferred merged = null;
        for (Rule.Recording rec : rules) {
            Inferred one = ruleSeries(rec);
            merged = merged == null ? one
                    : new Inferred(ValueType.VECTOR, merged.labels().union(one.labels()),
                            merged.kind() == one.kind() ? one.kind() : null, union(merged.reads(), one.reads()));
        }
        return merged;
    }

    /**
     * The series one recording rule writes: its expression's labels and its static labels (public for the
     * language server's inlay hints, which show each rule's own, not the merge of every rule of its name).
     */
    public Inferred ruleSeries(Rule.Recording rec) {
        Inferred done = series.get(rec);
        if (done != null) {
            return done;
        }
        Inferred one = computeRuleSeries(rec);
        series.put(rec, one);
        return one;
    }

    private Inferred computeRuleSeries(Rule.Recording rec) {
        Inferred e = rec.expr() == null ? UNKNOWN_VECTOR : infer(rec.expr());
        LabelSet labels = e.labels();
        for (Map.Entry<String, String> l : rec.labels().entrySet()) {
            labels = labels.with(new Label(l.getKey(), true, l.getValue()));
        }
        return new Inferred(ValueType.VECTOR, labels, e.kind(), e.reads());
    }

    /**
     * The recording rules a selector reads: those of its name that its equality matchers do not rule out
     * ({@link #excludes}), in declaration order, found through the same index label inference uses.
     */
    public List<Rule.Recording> recordingRulesRead(VectorSelector v) {
        Optional<String> name = v.name();
        List<Rule.Recording> rules = name.isEmpty() ? null : recordings.get(name.get());
        if (rules == null) {
            return List.of();
        }
        List<Rule.Recording> out = new ArrayList<>();
        for (Rule.Recording rec : candidates(v, name.get(), rules)) {
            if (!excludes(v, rec)) {
                out.add(rec);
            }
        }
        return out;
    }

    /**
     * The series a selector of a recording rule's name can read: those of the rules whose known label
     * values its equality matchers do not exclude. Each service of a blueprint records under the same
     * name (`job:errors:rate5m{job="cart"}`); a selector for one of them reads that one's labels, not
     * the union of every service's.
     */
    private Inferred recordedFor(VectorSelector v, String name, Inferred all) {
        List<Rule.Recording> rules = recordings.get(name);
        if (rules.size() < 2 || v.matchers().stream().noneMatch(m -> m.op() == MatchOp.EQ && !m.isConstRef())
                || !filtering.add(name)) {
            return all; // a rule that reads its own name is reported elsewhere; here it reads them all
        }
        List<Rule.Recording> reachable = new ArrayList<>();
        for (Rule.Recording rec : candidates(v, name, rules)) {
            if (!excludes(v, rec)) {
                reachable.add(rec);
            }
        }
        filtering.remove(name);
        return reachable.isEmpty() || reachable.size() == rules.size() ? all : merge(reachable);
    }

    /**
     * The rules of {@code name} that the selector's first usable equality matcher does not rule out,
     * in declaration order, through an index by that label's fixed value: a name that 5,000 services
     * record, read by one selector per service, must not cost 5,000 comparisons per selector.
     */
    private List<Rule.Recording> candidates(VectorSelector v, String name, List<Rule.Recording> rules) {
        for (LabelMatcher m : v.matchers()) {
            if (m.op() == MatchOp.EQ && !m.isConstRef() && !m.value().isEmpty()) {
                ValueIndex index = valueIndexes.computeIfAbsent(name + '\u0000' + m.name(),
                        k -> ValueIndex.of(rules, m.name(), this));
                return index.matching(m.value());
            }
        }
        return rules;
    }

    /** One recording name's rules by the value they fix for one label, and those that fix none. */
    private record ValueIndex(Map<String, List<Integer>> byValue, List<Integer> unfixed, List<Rule.Recording> rules) {
        static ValueIndex of(List<Rule.Recording> rules, String label, LabelInference inference) {
            Map<String, List<Integer>> byValue = new HashMap<>();
            List<Integer> unfixed = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Label l = inference.ruleSeries(rules.get(i)).labels().get(label);
                if (l == null || l.value() == null) {
                    unfixed.add(i);
                } else {
                    byValue.computeIfAbsent(l.value(), k -> new ArrayList<>()).add(i);
                }
            }
            return new ValueIndex(byValue, unfixed, rules);
        }

        List<Rule.Recording> matching(String value) {
            List<Integer> fixed = byValue.getOrDefault(value, List.of());
            if (unfixed.isEmpty()) {
                return fixed.stream().map(rules::get).toList();
            }
            List<Integer> all = new ArrayList<>(fixed);
            all.addAll(unfixed);
            all.sort(null);
            return all.stream().map(rules::get).toList();
        }
    }

    /**
     * Whether the selector's equality matchers rule out every series the recording rule writes: a
     * matcher names a label whose value the rule fixes (statically or through its query) to another
     * value. Label inference and the generated tests' rule-file choice both decide it here.
     */
    public boolean excludes(VectorSelector v, Rule.Recording rec) {
        LabelSet labels = null;
        for (LabelMatcher m : v.matchers()) {
            // `label=""` also matches series without the label, which a fixed value does not rule out.
            if (m.op() != MatchOp.EQ || m.isConstRef() || m.value().isEmpty()) {
                continue;
            }
            if (labels == null) {
                labels = ruleSeries(rec).labels();
            }
            Label l = labels.get(m.name());
            if (l != null && l.value() != null && !l.value().equals(m.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The labels templates see as {@code $labels} in an alert's annotations and labels: those of the
     * query's result only. Static labels, {@code severity} and {@code alertname} are not among them.
     */
    public LabelSet templateLabels(Rule.Alert alert) {
        return alert.expr() == null ? LabelSet.UNKNOWN : infer(alert.expr()).labels();
    }

    /**
     * The labels an alert carries when it reaches Alertmanager: the query's labels, overridden by the
     * rule's static labels (which the lowered alert holds: the service's, {@code severity} and the
     * alert's own), and {@code alertname}. A static label whose value is a template has an unknown value.
     */
    public LabelSet alertLabels(Rule.Alert alert) {
        LabelSet l = templateLabels(alert);
        for (Map.Entry<String, String> e : alert.labels().entrySet()) {
            String v = e.getValue();
            l = l.with(new Label(e.getKey(), true, v == null || v.contains("{{") ? null : v));
        }
        if (alert.name() != null) {
            l = l.with(new Label("alertname", true, alert.name()));
        }
        return l;
    }

    /**
     * The labels a selector's series have before its matchers filter them: from the declared metric
     * or the recording rule it names, else unknown (open).
     */
    public LabelSet selectorBase(VectorSelector v) {
        return base(v).labels();
    }

    // ------------------------------------------------------------------ inference

    /** What is known about {@code expr}; never null, never throws. */
    public Inferred infer(Expr expr) {
        if (expr == null) {
            return NONE;
        }
        Inferred known = memo.get(expr);
        if (known != null) {
            return known;
        }
        Inferred result = expr instanceof Binary b ? binaryChain(b) : compute(expr);
        memo.put(expr, result);
        return result;
    }

    private Inferred compute(Expr e) {
        if (e instanceof NumberLiteral) {
            return Inferred.scalar();
        }
        if (e instanceof StringLiteral) {
            return new Inferred(ValueType.STRING, LabelSet.EMPTY, null, Set.of());
        }
        if (e instanceof ConstRef) {
            // Untyped here, as in PromqlChecker.typeOf: a constant operand carries no labels.
            return new Inferred(ValueType.NONE, LabelSet.EMPTY, null, Set.of());
        }
        if (e instanceof VectorSelector v) {
            return selector(v);
        }
        if (e instanceof MatrixSelector m) {
            Inferred s = infer(m.selector());
            return new Inferred(ValueType.MATRIX, s.labels(), s.kind(), s.reads());
        }
        if (e instanceof Subquery s) {
            Inferred in = infer(s.expr());
            return new Inferred(ValueType.MATRIX, in.labels(), in.kind(), in.reads());
        }
        if (e instanceof OffsetExpr o) {
            return infer(o.expr());
        }
        if (e instanceof AtExpr a) {
            return infer(a.expr());
        }
        if (e instanceof RangeModifierExpr r) {
            return infer(r.expr());
        }
        if (e instanceof Paren p) {
            return infer(p.expr());
        }
        if (e instanceof Unary u) {
            Inferred in = infer(u.expr());
            ValueType t = in.type() == ValueType.STRING || in.type() == ValueType.MATRIX ? ValueType.NONE : in.type();
            return new Inferred(t, t == ValueType.NONE ? LabelSet.UNKNOWN : in.labels(), null, in.reads());
        }
        if (e instanceof Call c) {
            return call(c);
        }
        if (e instanceof Aggregation a) {
            return aggregation(a);
        }
        return NONE;
    }

    // ------------------------------------------------------------------ selectors

    private Inferred base(VectorSelector v) {
        Optional<String> name = v.name();
        if (name.isEmpty()) {
            return UNKNOWN_VECTOR;
        }
        String n = name.get();
        Optional<Inferred> rec = recordingRule(n);
        if (rec.isPresent()) {
            return resolving.contains(n) ? rec.get() : recordedFor(v, n, rec.get());
        }
        Metric m = metrics.get(n);
        if (m != null) {
            LabelSet l = declared(m);
            if (m.type() == MetricType.SUMMARY) {
                l = l.with(new Label("quantile", true, null));
            }
            return new Inferred(ValueType.VECTOR, l, m.type(), reads(m.type()));
        }
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (!n.endsWith(suffix)) {
                continue;
            }
            Metric parent = metrics.get(n.substring(0, n.length() - suffix.length()));
            if (parent == null || (parent.type() != MetricType.HISTOGRAM && parent.type() != MetricType.SUMMARY)) {
                continue;
            }
            if (suffix.equals("_bucket")) {
                if (parent.type() != MetricType.HISTOGRAM) {
                    continue;
                }
                return new Inferred(ValueType.VECTOR, declared(parent).with(new Label("le", true, null)),
                        MetricType.HISTOGRAM, reads(MetricType.HISTOGRAM));
            }
            return new Inferred(ValueType.VECTOR, declared(parent), MetricType.COUNTER, reads(parent.type()));
        }
        return scrapedName(n) ? scraped : UNKNOWN_VECTOR;
    }

    /**
     * Whether an undeclared name is read straight from scraping: not a recording rule's (by
     * convention only those have colons) and not one of the series Prometheus writes for alerts.
     */
    private static boolean scrapedName(String n) {
        return n.indexOf(':') < 0 && !n.equals("ALERTS") && !n.equals("ALERTS_FOR_STATE");
    }

    private LabelSet declared(Metric m) {
        SortedMap<String, Label> l = new TreeMap<>();
        // Prometheus may attach job and instance even when the project does not count on them.
        for (String t : Project.Settings.SCRAPED_TARGET_LABELS) {
            l.put(t, new Label(t, false, null));
        }
        for (String t : targetLabels) {
            l.put(t, new Label(t, true, null));
        }
        for (String name : m.labels()) {
            l.put(name, new Label(name, true, null));
        }
        for (String name : m.optionalLabels()) {
            l.put(name, new Label(name, false, null));
        }
        return LabelSet.closed(l);
    }

    private Inferred selector(VectorSelector v) {
        Inferred b = base(v);
        LabelSet l = b.labels();
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals("__name__")) {
                continue;
            }
            if (m.isConstRef()) {
                l = l.with(new Label(m.name(), true, null));
            } else if (m.op() == MatchOp.EQ && m.value().isEmpty()) {
                l = l.without(m.name()); // `{x=""}` selects series without `x`
            } else if (!m.matchesEmpty()) {
                l = l.with(new Label(m.name(), true, m.op() == MatchOp.EQ ? m.value() : null));
            }
        }
        return new Inferred(ValueType.VECTOR, l, b.kind(), b.reads());
    }

    // ------------------------------------------------------------------ aggregations

    private Inferred aggregation(Aggregation a) {
        if (a.param() != null) {
            infer(a.param());
        }
        Inferred in = infer(a.expr());
        LabelSet inner = in.labels();
        AggregateOp op = a.op();
        LabelSet out;
        switch (op) {
            case TOPK, BOTTOMK, LIMITK, LIMIT_RATIO -> out = inner; // they select series, labels unchanged
            default -> {
                out = grouped(inner, a.grouping());
                if (op == AggregateOp.COUNT_VALUES) {
                    out = a.param() instanceof StringLiteral s && !s.value().isEmpty()
                            ? out.with(new Label(s.value(), true, null)) : out.withOpen(true);
                }
            }
        }
        MetricType kind = switch (op) {
            case COUNT, COUNT_VALUES, GROUP, STDDEV, STDVAR -> null;
            default -> in.kind();
        };
        return new Inferred(ValueType.VECTOR, out, kind, in.reads());
    }

    private static LabelSet grouped(LabelSet inner, Grouping g) {
        if (g == null) {
            return LabelSet.EMPTY;
        }
        if (g.without()) {
            LabelSet out = inner;
            for (String l : g.labels()) {
                out = out.without(l);
            }
            return out;
        }
        SortedMap<String, Label> out = new TreeMap<>();
        for (String l : g.labels()) {
            Label have = inner.get(l);
            if (have != null) {
                out.put(l, have);
            } else if (inner.open()) {
                out.put(l, new Label(l, false, null));
            }
        }
        return LabelSet.closed(out);
    }

    // ------------------------------------------------------------------ calls

    private Inferred call(Call c) {
        List<Inferred> args = new ArrayList<>(c.args().size());
        Set<MetricType> reads = EnumSet.noneOf(MetricType.class);
        for (Expr a : c.args()) {
            Inferred i = infer(a);
            args.add(i);
            reads.addAll(i.reads());
        }
        Optional<PromqlFunction> f = Functions.get(c.function());
        if (f.isEmpty()) {
            return new Inferred(ValueType.NONE, LabelSet.UNKNOWN, null, reads);
        }
        ValueType type = f.get().returnType();
        if (type != ValueType.VECTOR) {
            return new Inferred(type, LabelSet.EMPTY, null, reads);
        }
        Inferred first = null;
        for (Inferred i : args) {
            if (i.type() == ValueType.VECTOR || i.type() == ValueType.MATRIX) {
                first = i;
                break;
            }
        }
        LabelSet in = first == null ? LabelSet.EMPTY : first.labels();
        MetricType kind = null;
        LabelSet out;
        switch (c.function()) {
            case "vector", "time" -> out = LabelSet.EMPTY;
            case "absent", "absent_over_time" -> out = absent(c.args().isEmpty() ? null : c.args().get(0));
            case "histogram_quantile", "histogram_fraction" -> out = in.without("le");
            case "info" -> out = in.withOpen(true);
            case "label_replace" -> out = labelReplace(c, in);
            case "label_join" -> {
                String dst = string(c.args(), 1);
                out = dst == null ? in.withOpen(true) : dst.isEmpty() ? in : in.with(new Label(dst, false, null));
                kind = first == null ? null : first.kind();
            }
            case "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "clamp", "clamp_min", "clamp_max",
                    "last_over_time", "max_over_time", "min_over_time", "first_over_time" -> {
                out = in;
                kind = first == null ? null : first.kind();
            }
            default -> out = in;
        }
        return new Inferred(ValueType.VECTOR, out, kind, reads);
    }

    private static LabelSet absent(Expr arg) {
        Expr e = arg;
        while (e instanceof Paren || e instanceof MatrixSelector || e instanceof OffsetExpr || e instanceof AtExpr
                || e instanceof RangeModifierExpr) {
            e = e.children().get(0);
        }
        if (!(e instanceof VectorSelector v)) {
            return LabelSet.EMPTY;
        }
        SortedMap<String, Label> out = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals("__name__")) {
                continue;
            }
            // Prometheus keeps a label only when exactly one equality matcher names it.
            if (!seen.add(m.name())) {
                out.remove(m.name());
                continue;
            }
            if (m.op() == MatchOp.EQ && (m.isConstRef() || !m.value().isEmpty())) {
                out.put(m.name(), new Label(m.name(), true, m.isConstRef() ? null : m.value()));
            }
        }
        return LabelSet.closed(out);
    }

    private static LabelSet labelReplace(Call c, LabelSet in) {
        String dst = string(c.args(), 1);
        String replacement = string(c.args(), 2);
        String regex = string(c.args(), 4);
        if (dst == null) {
            return in.withOpen(true);
        }
        if (dst.isEmpty()) {
            return in;
        }
        boolean always = regex != null && (regex.equals(".*") || regex.equals("(.*)"));
        if (always && replacement != null && !replacement.isEmpty() && !replacement.contains("$")) {
            return in.with(new Label(dst, true, replacement));
        }
        // The regex may not match (the label is left as it was) or the replacement may expand to
        // nothing (the label is removed): either way the label is only possibly there.
        return in.with(new Label(dst, false, null));
    }

    private static String string(List<Expr> args, int i) {
        if (i >= args.size()) {
            return null;
        }
        Expr e = Expr.unparen(args.get(i));
        return e instanceof StringLiteral s ? s.value() : null;
    }

    // ------------------------------------------------------------------ binary operators

    /** The left spine of `a + b + c + ...` in a loop, as PromqlChecker walks it. */
    private Inferred binaryChain(Binary top) {
        Deque<Binary> spine = new ArrayDeque<>();
        Expr cur = top;
        while (cur instanceof Binary b && !memo.containsKey(b)) {
            spine.push(b);
            cur = b.lhs();
        }
        Inferred left = infer(cur);
        while (!spine.isEmpty()) {
            Binary b = spine.pop();
            left = binary(b, left, infer(b.rhs()));
            memo.put(b, left);
        }
        return left;
    }

    private static Inferred binary(Binary b, Inferred l, Inferred r) {
        Set<MetricType> reads = union(l.reads(), r.reads());
        ValueType lt = l.type();
        ValueType rt = r.type();
        ValueType type;
        if (lt == ValueType.STRING || lt == ValueType.MATRIX || rt == ValueType.STRING || rt == ValueType.MATRIX) {
            type = ValueType.NONE;
        } else if (lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            type = ValueType.SCALAR;
        } else if (lt == ValueType.VECTOR || rt == ValueType.VECTOR) {
            type = ValueType.VECTOR;
        } else {
            type = ValueType.NONE;
        }
        if (type == ValueType.SCALAR) {
            return new Inferred(type, LabelSet.EMPTY, null, reads);
        }
        if (type == ValueType.NONE) {
            return new Inferred(type, LabelSet.UNKNOWN, null, reads);
        }
        BinaryOp op = b.op();
        boolean filter = op.isComparison() && !b.returnBool();
        if (lt != ValueType.VECTOR) {
            return new Inferred(type, r.labels(), filter ? r.kind() : null, reads);
        }
        if (rt != ValueType.VECTOR) {
            return new Inferred(type, l.labels(), filter ? l.kind() : null, reads);
        }
        if (op == BinaryOp.AND) {
            return new Inferred(type, strengthen(b.matching(), l.labels(), r.labels()), l.kind(), reads);
        }
        if (op == BinaryOp.UNLESS) {
            return new Inferred(type, l.labels(), l.kind(), reads);
        }
        if (op == BinaryOp.OR) {
            return new Inferred(type, l.labels().union(r.labels()), l.kind() == r.kind() ? l.kind() : null, reads);
        }
        VectorMatching m = b.matching();
        VectorMatching.Cardinality card = m == null ? VectorMatching.Cardinality.ONE_TO_ONE : m.cardinality();
        LabelSet out = switch (card) {
            case ONE_TO_ONE -> oneToOne(m, l.labels(), r.labels());
            case MANY_TO_ONE -> grouped(m, l.labels(), r.labels());
            case ONE_TO_MANY -> grouped(m, r.labels(), l.labels());
        };
        MetricType kind = filter ? (card == VectorMatching.Cardinality.ONE_TO_MANY ? r.kind() : l.kind()) : null;
        return new Inferred(type, out, kind, reads);
    }

    /** Whether {@code label} takes part in matching under {@code m}. */
    public static boolean matches(VectorMatching m, String label) {
        if (m == null || m.kind() == VectorMatching.Kind.NONE) {
            return true;
        }
        boolean listed = m.labels().contains(label);
        return m.kind() == VectorMatching.Kind.ON ? listed : !listed;
    }

    private static LabelSet oneToOne(VectorMatching m, LabelSet l, LabelSet r) {
        if (m != null && m.kind() == VectorMatching.Kind.ON) {
            SortedMap<String, Label> out = new TreeMap<>();
            for (String name : m.labels()) {
                Label a = l.get(name);
                Label b = r.get(name);
                Label merged = matched(a, b, l.open(), r.open(), name);
                if (merged != null) {
                    out.put(name, merged);
                }
            }
            return LabelSet.closed(out);
        }
        LabelSet out = strengthen(m, l, r);
        if (m != null && m.kind() == VectorMatching.Kind.IGNORING) {
            for (String name : m.labels()) {
                out = out.without(name);
            }
        }
        return out;
    }

    /** group_left (many = l) or group_right (many = r, passed first). */
    private static LabelSet grouped(VectorMatching m, LabelSet many, LabelSet one) {
        LabelSet out = strengthen(m, many, one);
        for (String name : m.include()) {
            Label b = one.get(name);
            if (b != null) {
                out = out.with(b);
            } else if (one.open()) {
                out = out.with(new Label(name, false, null));
            } else {
                out = out.without(name);
            }
        }
        return out;
    }

    /** A matched label is on both sides with one value, so either side's certainty holds for both. */
    private static Label matched(Label a, Label b, boolean aOpen, boolean bOpen, String name) {
        if (a == null && b == null) {
            return aOpen && bOpen ? new Label(name, false, null) : null;
        }
        if (a == null) {
            return aOpen ? b : null;
        }
        if (b == null) {
            return bOpen ? a : null;
        }
        return new Label(name, a.definite() || b.definite(), a.value() != null ? a.value() : b.value());
    }

    private static LabelSet strengthen(VectorMatching m, LabelSet side, LabelSet other) {
        LabelSet out = side;
        for (Label b : other.labels().values()) {
            if (!b.definite() || !matches(m, b.name())) {
                continue;
            }
            Label a = side.get(b.name());
            if (a == null ? side.open() : !a.definite()) {
                out = out.with(new Label(b.name(), true, a != null && a.value() != null ? a.value() : b.value()));
            }
        }
        return out;
    }

    private static Set<MetricType> union(Set<MetricType> a, Set<MetricType> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        EnumSet<MetricType> s = EnumSet.copyOf(a);
        s.addAll(b);
        return s;
    }

    private static Set<MetricType> reads(MetricType t) {
        return t == null ? Set.of() : Set.of(t);
    }
}
