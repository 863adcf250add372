package dev.vigil.compiler.promql;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.target.FeatureFlag;
import dev.vigil.compiler.target.TargetFeature;
import dev.vigil.compiler.target.TargetVersions;
import dev.vigil.compiler.target.Version;
import dev.vigil.compiler.source.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Infers value types and applies the type rules Prometheus checks when it parses a query (its
 * {@code checkAST}): function arity and argument types, aggregation parameters, which binary
 * operators and modifiers apply to which operand types, selectors that would match everything,
 * subqueries and signs on the wrong types. Rules about how things were written (durations, modifier
 * placement) are reported by the parser instead. Experimental functions and syntax are errors
 * unless the target Prometheus runs with their feature flag, since without it Prometheus refuses them.
 *
 * <p>Given the target Prometheus release, it also reports what that release's parser rejects
 * although the grammar (Prometheus 3's) reads it: before 2.54, a range or offset without a unit, and
 * a duration where a number belongs.
 *
 * <p>One pass over the tree; it never throws on what users write.
 */
public final class PromqlChecker {
    private static final Function<String, Optional<ValueType>> NO_CONSTANTS = name -> Optional.empty();

    private final DiagnosticSink sink;
    private final Function<String, Optional<ValueType>> constantTypes;
    /** The target release, when it reads durations and numbers apart (before 2.54); null otherwise. */
    private final Version strictDurations;
    /** What the queries run in; null when unknown, and then features behind a flag are only warned about. */
    private final TargetVersions targets;

    private PromqlChecker(DiagnosticSink sink, Function<String, Optional<ValueType>> constantTypes,
            TargetVersions targets) {
        this.sink = sink;
        this.constantTypes = constantTypes;
        this.targets = targets;
        Version target = targets == null ? null : targets.prometheus();
        this.strictDurations = target != null && !TargetFeature.NUMBERS_AS_DURATIONS.availableIn(target) ? target : null;
    }

    /** Checks {@code expr} and returns its type; a constant ({@code $name}) counts as of unknown type. */
    public static ValueType check(Expr expr, DiagnosticSink sink) {
        return check(expr, sink, NO_CONSTANTS);
    }

    /**
     * Checks {@code expr} and returns its type. {@code constantTypes} gives the type of a Vigil
     * constant used as an operand, by name without {@code $}; empty means unknown, and checks that
     * would need it are skipped.
     */
    public static ValueType check(Expr expr, DiagnosticSink sink, Function<String, Optional<ValueType>> constantTypes) {
        return check(expr, sink, constantTypes, null);
    }

    /**
     * As {@link #check(Expr, DiagnosticSink, Function)}, for queries that {@code targets} runs: its
     * Prometheus release and the feature flags that release runs with.
     */
    public static ValueType check(Expr expr, DiagnosticSink sink, Function<String, Optional<ValueType>> constantTypes,
            TargetVersions targets) {
        return new PromqlChecker(sink, constantTypes == null ? NO_CONSTANTS : constantTypes, targets).type(expr);
    }

    /** The type of {@code expr} without reporting anything; {@link ValueType#NONE} where it cannot be told. */
    public static ValueType typeOf(Expr expr) {
        return check(expr, new DiagnosticSink());
    }

    private ValueType type(Expr e) {
        if (e instanceof NumberLiteral n) {
            durationAsNumber(n.text(), n.span());
            return ValueType.SCALAR;
        }
        if (e instanceof StringLiteral) {
            return ValueType.STRING;
        }
        if (e instanceof ConstRef c) {
            Optional<ValueType> t = constantTypes.apply(c.name());
            return t == null ? ValueType.NONE : t.orElse(ValueType.NONE);
        }
        if (e instanceof VectorSelector v) {
            selector(v, true);
            return ValueType.VECTOR;
        }
        if (e instanceof MatrixSelector m) {
            type(m.selector());
            experimentalDuration(m.range(), false);
            unitless(m.range(), "a range");
            return ValueType.MATRIX;
        }
        if (e instanceof Subquery s) {
            return subquery(s);
        }
        if (e instanceof OffsetExpr o) {
            experimentalDuration(o.offset(), true);
            unitless(o.offset() instanceof DurationUnary u ? u.expr() : o.offset(), "an offset");
            return type(o.expr());
        }
        if (e instanceof AtExpr a) {
            if (a.anchor() == AtExpr.Anchor.TIMESTAMP) {
                String value = a.text().replaceFirst("^[-+]", "");
                Span end = a.span();
                // The value ends the `@` expression and never spans lines.
                durationAsNumber(value, new Span(end.file(), end.endLine(), Math.max(1, end.endColumn() - value.length()),
                        end.endLine(), end.endColumn()));
            }
            return type(a.expr());
        }
        if (e instanceof RangeModifierExpr r) {
            experimental(r.span(), "`" + r.modifier().keyword() + "`", FeatureFlag.EXTENDED_RANGE_SELECTORS,
                    TargetFeature.ANCHORED_SMOOTHED);
            return type(r.expr());
        }
        if (e instanceof Paren p) {
            return type(p.expr());
        }
        if (e instanceof Unary u) {
            return unary(u);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Call c) {
            return call(c);
        }
        if (e instanceof Aggregation a) {
            return aggregation(a);
        }
        return ValueType.NONE;
    }

    // ------------------------------------------------------------------ selectors

    /** {@code info}'s label selector may be empty; it filters the info series' data labels. */
    private void selector(VectorSelector v, boolean mustSelectSomething) {
        boolean nonEmpty = v.metricName() != null;
        for (LabelMatcher m : v.matchers()) {
            if (m.name().equals("__name__") && v.metricName() != null) {
                sink.error(Ids.PROMQL_DUPLICATE_METRIC_NAME, m.span(),
                        "The metric name is set twice: `" + v.metricName() + "` and `__name__` in the braces.",
                        "Keep only one of them.");
            }
            if (!m.matchesEmpty()) {
                nonEmpty = true;
            }
        }
        if (!nonEmpty && mustSelectSomething) {
            sink.error(Ids.PROMQL_EMPTY_SELECTOR, v.span(),
                    "This selector would select every series: it needs a metric name or a matcher that does not "
                            + "match the empty string.",
                    "For example `{job=\"api\"}` or `{job=~\".+\"}`.");
        }
    }

    private ValueType subquery(Subquery s) {
        ValueType inner = type(s.expr());
        if (inner != ValueType.VECTOR && inner != ValueType.NONE) {
            sink.error(Ids.PROMQL_SUBQUERY_ON_NON_VECTOR, s.span(),
                    "A subquery needs an instant vector to evaluate, but this is a " + inner.withArticle() + ".",
                    inner == ValueType.MATRIX
                            ? "Apply a function such as `rate(...)` or `max_over_time(...)` inside, then take the subquery."
                            : null);
        }
        experimentalDuration(s.range(), false);
        unitless(s.range(), "a subquery range");
        if (s.step() != null) {
            experimentalDuration(s.step(), false);
            unitless(s.step(), "a subquery step");
        }
        return ValueType.MATRIX;
    }

    /** Before 2.54 a range, offset or subquery step is a duration with units: Prometheus refuses `[5]`. */
    private void unitless(DurationExpr d, String slot) {
        if (strictDurations == null || !(d instanceof DurationLiteral l) || Durations.hasUnit(l.text())) {
            return;
        }
        boolean whole = l.millis() % 1000 == 0;
        String seconds = Durations.format(l.millis());
        sink.report(dev.vigil.compiler.diag.Diagnostic.blocking(Ids.PROMQL_DURATION_WITHOUT_UNIT, l.span(),
                "`" + l.text() + "` has no unit, and Prometheus " + strictDurations + " reads " + slot
                        + " only as a duration such as `5m`.",
                "Write `" + seconds + "` for " + l.text() + " seconds" + (whole && l.millis() > 0
                        ? " or `" + l.millis() / 1000 + "m` for minutes" : "")
                        + "; a plain number of seconds needs Prometheus 2.54 or newer."));
    }

    /** Before 2.54 a duration cannot stand for a number: Prometheus refuses `x > 1d`. */
    private void durationAsNumber(String text, Span span) {
        if (strictDurations == null || !Durations.hasUnit(text)) {
            return;
        }
        long millis;
        try {
            millis = Durations.parseMillis(text);
        } catch (IllegalArgumentException reportedByTheParser) {
            return;
        }
        String seconds = millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
        sink.report(dev.vigil.compiler.diag.Diagnostic.blocking(Ids.PROMQL_DURATION_AS_NUMBER, span,
                "`" + text + "` is a duration, and Prometheus " + strictDurations + " takes only a plain number here.",
                "Write `" + seconds + "`, its length in seconds; durations stand for numbers from Prometheus 2.54 on."));
    }

    /** Anything beyond a literal (or a signed literal after {@code offset}) is a duration expression. */
    private void experimentalDuration(DurationExpr d, boolean signAllowed) {
        DurationExpr core = d;
        if (signAllowed && core instanceof DurationUnary u) {
            core = u.expr();
        }
        if (core instanceof DurationLiteral || core instanceof DurationRef) {
            return;
        }
        experimental(d.span(), "This duration expression", FeatureFlag.DURATION_EXPRESSIONS,
                TargetFeature.DURATION_EXPRESSIONS);
    }

    /**
     * PromQL that Prometheus reads only behind {@code flag}. Against a known target it is an error
     * unless the target runs with the flag: Prometheus and promtool refuse the rule file. A target
     * release without {@code feature} at all is {@code Target.Unsupported}'s to report.
     */
    private void experimental(Span span, String what, FeatureFlag flag, TargetFeature feature) {
        String message = what + " is experimental: Prometheus reads it only when started with `" + flag.option() + "`.";
        String hint = "If your Prometheus runs with the flag, declare it: `prometheus_features [\"" + flag.flag()
                + "\"]` in `settings` (`--prometheus-feature " + flag.flag() + "` for `vigil lint`).";
        if (targets == null) {
            sink.warning(Ids.PROMQL_EXPERIMENTAL_FEATURE, span, message, hint);
        } else if (!targets.enables(flag) && (feature == null || targets.supports(feature))) {
            sink.error(Ids.PROMQL_EXPERIMENTAL_FEATURE, span, message, hint);
        }
    }

    // ------------------------------------------------------------------ operators

    private ValueType unary(Unary u) {
        ValueType t = type(u.expr());
        if (t == ValueType.STRING || t == ValueType.MATRIX) {
            sink.error(Ids.PROMQL_UNARY_OPERAND_TYPE, u.span(),
                    "A sign applies to scalars and instant vectors, but this is " + t.withArticle() + ".",
                    t == ValueType.MATRIX ? "Apply a function such as `rate(...)` to the range first." : null);
            return ValueType.NONE;
        }
        return t;
    }

    /** Walks the left spine of a chain (`a + b + c + ...`) in a loop, so long generated queries cannot overflow the stack. */
    private ValueType binary(Binary top) {
        Deque<Binary> spine = new ArrayDeque<>();
        Expr cur = top;
        while (cur instanceof Binary b) {
            spine.push(b);
            cur = b.lhs();
        }
        ValueType t = type(cur);
        while (!spine.isEmpty()) {
            t = binary(spine.pop(), t);
        }
        return t;
    }

    private ValueType binary(Binary b, ValueType lt) {
        ValueType rt = type(b.rhs());
        BinaryOp op = b.op();
        VectorMatching m = b.matching();
        String sym = "`" + op.symbol() + "`";
        if (b.returnBool() && !op.isComparison()) {
            sink.error(Ids.PROMQL_BOOL_ON_NON_COMPARISON, b.span(),
                    "`bool` applies only to comparison operators, not to " + sym + ".", "Remove `bool`.");
        }
        if (op.isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            sink.error(Ids.PROMQL_SCALAR_COMPARISON_WITHOUT_BOOL, b.span(),
                    "A comparison between two scalars must use `bool`.",
                    "Write `" + op.symbol() + " bool` to get 0 or 1.");
        }
        if (m != null && m.kind() == VectorMatching.Kind.ON && !m.include().isEmpty()) {
            Set<String> on = new HashSet<>(m.labels());
            for (String label : m.include()) {
                if (on.contains(label)) {
                    sink.error(Ids.PROMQL_LABEL_IN_ON_AND_GROUP, m.span(),
                            "Label `" + label + "` must not be listed in both `on(...)` and the group modifier.",
                            "Labels in `on(...)` are kept anyway; remove it from the group modifier.");
                }
            }
        }
        boolean badOperand = false;
        for (ValueType t : List.of(lt, rt)) {
            if (t == ValueType.STRING || t == ValueType.MATRIX) {
                badOperand = true;
                sink.error(Ids.PROMQL_BINARY_OPERAND_TYPE, (t == lt ? b.lhs() : b.rhs()).span(),
                        sym + " works on scalars and instant vectors, but this operand is " + t.withArticle() + ".",
                        t == ValueType.MATRIX ? "Apply a function such as `rate(...)` to the range first." : null);
            }
        }
        if (badOperand) {
            return ValueType.NONE;
        }
        boolean known = lt != ValueType.NONE && rt != ValueType.NONE;
        if (known && (lt != ValueType.VECTOR || rt != ValueType.VECTOR)) {
            if (m != null && !m.labels().isEmpty()) {
                sink.error(Ids.PROMQL_MATCHING_ON_SCALAR, m.span().isNone() ? b.span() : m.span(),
                        "`on(...)` and `ignoring(...)` apply only between two instant vectors.", "Remove the clause.");
            }
        } else if (known && op.isSetOperator() && m != null
                && m.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
            sink.error(Ids.PROMQL_GROUPING_ON_SET_OPERATOR, m.span().isNone() ? b.span() : m.span(),
                    "`" + (m.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? "group_left" : "group_right")
                            + "` cannot be used with " + sym + ", which always matches many-to-many.",
                    "Remove the group modifier.");
        }
        if (op.isSetOperator() && (lt == ValueType.SCALAR || rt == ValueType.SCALAR)) {
            sink.error(Ids.PROMQL_SET_OPERATOR_ON_SCALAR, b.span(),
                    sym + " works only between instant vectors, but an operand here is a scalar.",
                    "Compare with a filter instead, for example `metric > 0`.");
        }
        if (m != null && m.hasFill()) {
            experimental(m.span().isNone() ? b.span() : m.span(), "The fill modifier", FeatureFlag.BINOP_FILL_MODIFIERS,
                    TargetFeature.FILL_MODIFIERS);
        }
        if (lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            return ValueType.SCALAR;
        }
        if (lt == ValueType.VECTOR || rt == ValueType.VECTOR) {
            return ValueType.VECTOR;
        }
        return ValueType.NONE;
    }

    // ------------------------------------------------------------------ calls

    private ValueType call(Call c) {
        Optional<PromqlFunction> found = Functions.get(c.function());
        if (found.isEmpty()) {
            for (Expr arg : c.args()) {
                type(arg);
            }
            String suggestion = closestFunction(c.function());
            sink.error(Ids.PROMQL_UNKNOWN_FUNCTION, c.span(), "`" + c.function() + "` is not a PromQL function.",
                    suggestion == null ? null : "Did you mean `" + suggestion + "`?");
            return ValueType.NONE;
        }
        PromqlFunction f = found.get();
        int n = c.args().size();
        int min = f.minArgs();
        int max = f.maxArgs();
        if (n < min || (max >= 0 && n > max)) {
            String expected = min == max ? String.valueOf(min)
                    : n < min ? "at least " + min : "at most " + max;
            sink.error(Ids.PROMQL_ARGUMENT_COUNT, c.span(),
                    "`" + f.name() + "` takes " + expected + " argument" + (expected.equals("1") ? "" : "s")
                            + ", but " + n + " " + (n == 1 ? "was" : "were") + " given.", null);
        }
        for (int i = 0; i < n; i++) {
            Expr arg = c.args().get(i);
            boolean infoLabels = f.name().equals("info") && i == 1 && arg instanceof VectorSelector;
            ValueType actual = infoLabels ? ValueType.VECTOR : type(arg);
            if (infoLabels) {
                selector((VectorSelector) arg, false);
            }
            if (f.argTypes().isEmpty()) {
                continue;
            }
            ValueType want = f.argType(i);
            if (actual != want && actual != ValueType.NONE) {
                sink.error(Ids.PROMQL_ARGUMENT_TYPE, arg.span(),
                        "Argument " + (i + 1) + " of `" + f.name() + "` must be " + want.withArticle()
                                + ", but this is " + actual.withArticle() + ".",
                        conversionHint(want, actual));
            }
        }
        if (f.name().equals("info") && n > 1) {
            infoSelector(c.args().get(1));
        }
        if (f.experimental()) {
            experimental(c.span(), "`" + f.name() + "`", FeatureFlag.EXPERIMENTAL_FUNCTIONS,
                    TargetFeature.ofFunction(f.name()).orElse(null));
        }
        return f.returnType();
    }

    /** {@code info}'s second argument selects info series by labels only. */
    private void infoSelector(Expr arg) {
        if (!(arg instanceof VectorSelector v)) {
            sink.error(Ids.PROMQL_INFO_SELECTOR, arg.span(),
                    "The second argument of `info` must be a label selector such as `{k8s_cluster_name=~\".+\"}`.",
                    null);
        } else if (v.metricName() != null) {
            sink.error(Ids.PROMQL_INFO_SELECTOR, arg.span(),
                    "The second argument of `info` selects data labels only, so it takes no metric name.",
                    "To choose the info metric, match `__name__` in the braces: `{__name__=\"target_info\"}`.");
        }
    }

    private ValueType aggregation(Aggregation a) {
        if (a.param() != null) {
            ValueType pt = type(a.param());
            ValueType want = a.op() == AggregateOp.COUNT_VALUES ? ValueType.STRING : ValueType.SCALAR;
            if (pt != want && pt != ValueType.NONE) {
                sink.error(Ids.PROMQL_ARGUMENT_TYPE, a.param().span(),
                        "The parameter of `" + a.op().keyword() + "` must be " + want.withArticle()
                                + ", but this is " + pt.withArticle() + ".",
                        a.op() == AggregateOp.COUNT_VALUES ? "Give the output label name, for example `\"value\"`."
                                : conversionHint(want, pt));
            }
        }
        ValueType et = type(a.expr());
        if (et != ValueType.VECTOR && et != ValueType.NONE) {
            sink.error(Ids.PROMQL_ARGUMENT_TYPE, a.expr().span(),
                    "`" + a.op().keyword() + "` aggregates an instant vector, but this is " + et.withArticle() + ".",
                    conversionHint(ValueType.VECTOR, et));
        }
        if (a.op().experimental()) {
            experimental(a.span(), "`" + a.op().keyword() + "`", FeatureFlag.EXPERIMENTAL_FUNCTIONS,
                    TargetFeature.ofFunction(a.op().keyword()).orElse(null));
        }
        return ValueType.VECTOR;
    }

    private static String conversionHint(ValueType want, ValueType actual) {
        if (want == ValueType.MATRIX && actual == ValueType.VECTOR) {
            return "Select a range, for example `metric[5m]`, or use a subquery `(...)[5m:1m]`.";
        }
        if (want == ValueType.VECTOR && actual == ValueType.MATRIX) {
            return "Apply a function such as `rate(...)` or `last_over_time(...)` to the range first.";
        }
        if (want == ValueType.VECTOR && actual == ValueType.SCALAR) {
            return "Wrap it in `vector(...)`.";
        }
        if (want == ValueType.SCALAR && actual == ValueType.VECTOR) {
            return "Wrap it in `scalar(...)`, or give a number.";
        }
        return null;
    }

    /** The known function closest to {@code name} (a likely typo), if there is one. */
    private static String closestFunction(String name) {
        return dev.vigil.compiler.diag.Suggest.closest(name.toLowerCase(java.util.Locale.ROOT),
                Functions.all().stream().map(PromqlFunction::name).toList());
    }
}
