package dev.vigil.compiler.analysis;

import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Queries;
import dev.vigil.compiler.promql.Aggregation;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.ValueType;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Labels named in {@code by (...)}, {@code without (...)}, {@code on (...)} or {@code ignoring (...)}
 * that no input series can have. Where every label of the input is known (a closed set: a declared
 * metric, a recording rule, an aggregation), a label it lacks cannot be there: {@code by} and
 * {@code on} then group or match without it (an error), and {@code without} or {@code ignoring}
 * drop nothing, which matters (an error) only when the name is a misspelling of a label the input
 * has. Where the input may carry labels nobody listed (an undeclared metric), a name is reported
 * only when it is two adjacent letters swapped in a label every input series has ({@code jbo} for
 * {@code job}), since such a name is never a label of its own (a warning).
 */
public final class ClauseLabels {
    /** One label: where its clause is written, what is wrong, the label meant (or null), and whether it is certain. */
    public record Finding(Span span, String message, String hint, String suggestion, boolean error) {
    }

    private ClauseLabels() {
    }

    /** How messages name the input: an aggregation's operand, or the two sides of an operator. */
    private record Input(String noneHas, String notListed, String has) {
        static Input sides(String op) {
            return new Input("neither side of `" + op + "` has", "neither side of `" + op + "` lists", "The two sides have");
        }
    }

    private static final Input INPUT = new Input("no input series has", "the input does not list", "The input has");

    /** Every finding in every query of the project, in query order ({@link ProjectAnalysis#clauseLabels} keeps them). */
    static void inProject(Project project, LabelInference li, Consumer<Finding> out) {
        // The rules an SLO generates stand at the SLO; Slo.GroupingLabel judges its `by` there.
        Set<Span> slos = new java.util.HashSet<>();
        project.services().forEach(s -> s.slos().forEach(slo -> slos.add(slo.span())));
        for (Queries.Use use : Queries.of(project)) {
            Expr.walk(use.expr(), e -> of(li, e).stream().filter(f -> !slos.contains(f.span())).forEach(out));
        }
    }

    /** The findings of one node: an aggregation's grouping, or a binary operation's matching. */
    public static List<Finding> of(LabelInference li, Expr e) {
        List<Finding> out = new ArrayList<>();
        if (e instanceof Aggregation a && a.grouping() != null && !a.grouping().labels().isEmpty()) {
            LabelSet in = li.infer(a.expr()).labels();
            String clause = a.grouping().without() ? "without" : "by";
            for (String x : a.grouping().labels()) {
                judge(clause, x, in.open(), in.names(), definite(in), a.grouping().without(), INPUT, a.grouping().span())
                        .ifPresent(out::add);
            }
        } else if (e instanceof Binary b && b.matching() != null && b.matching().kind() != VectorMatching.Kind.NONE
                && b.op() != BinaryOp.OR) {
            Inferred l = li.infer(b.lhs());
            Inferred r = li.infer(b.rhs());
            if (l.type() != ValueType.VECTOR || r.type() != ValueType.VECTOR) {
                return out;
            }
            VectorMatching m = b.matching();
            Set<String> names = new TreeSet<>(l.labels().names());
            names.addAll(r.labels().names());
            Set<String> definite = definite(l.labels());
            definite.addAll(definite(r.labels()));
            boolean open = l.labels().open() || r.labels().open();
            String clause = m.kind() == VectorMatching.Kind.ON ? "on" : "ignoring";
            for (String x : m.labels()) {
                if (m.kind() == VectorMatching.Kind.ON && l.labels().cannotHave(x) != r.labels().cannotHave(x)) {
                    continue; // one side only: Matching.MissingLabel's, with its own "did you mean"
                }
                judge(clause, x, open, names, definite, m.kind() == VectorMatching.Kind.IGNORING,
                        Input.sides(b.op().symbol()), m.span()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Finding> judge(String clause, String x, boolean open, Set<String> names,
            Set<String> definite, boolean removes, Input input, Span at) {
        if (x.equals("__name__") || names.contains(x)) {
            return Optional.empty();
        }
        String written = "`" + clause + " (" + x + ")` names `" + x + "`, which ";
        if (open) {
            String meant = swapped(x, definite);
            if (meant == null) {
                return Optional.empty();
            }
            return Optional.of(new Finding(at, written + input.notListed() + "; it reads like `" + meant
                    + "`, which every input series has.", "Did you mean `" + meant + "`?", meant, false));
        }
        String meant = Suggest.closest(x, names);
        String has = input.has() + (names.isEmpty() ? " no labels" : " only " + describe(names));
        if (removes) {
            if (meant == null) {
                return Optional.empty(); // dropping a label that is not there is harmless
            }
            String effect = clause.equals("without") ? "it removes nothing and `" + meant + "` stays"
                    : "it leaves nothing out and `" + meant + "` still takes part in matching";
            return Optional.of(new Finding(at, written + input.noneHas() + ", so " + effect + ".",
                    "Did you mean `" + meant + "`? " + has + ".", meant, true));
        }
        String effect = clause.equals("by") ? "the result is not grouped by it" : "the sides are matched without it";
        String hint = (meant != null ? "Did you mean `" + meant + "`? " + has + "."
                : has + "; keep `" + x + "` where it is aggregated away, or remove it here.");
        return Optional.of(new Finding(at, written + input.noneHas() + ", so " + effect + ".", hint, meant, true));
    }

    private static Set<String> definite(LabelSet s) {
        Set<String> out = new TreeSet<>();
        for (LabelSet.Label l : s.labels().values()) {
            if (l.definite()) {
                out.add(l.name());
            }
        }
        return out;
    }

    private static String describe(Set<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.length() == 0 ? "" : ", ").append('`').append(n).append('`');
        }
        return b.toString();
    }

    /**
     * The label of {@code known} that {@code name} is with two adjacent letters swapped, or null. Such
     * a near miss is a typing slip, never a label name of its own, unlike a one-letter change
     * ({@code node} and {@code mode} are both real).
     */
    public static String swapped(String name, Set<String> known) {
        for (String k : known) {
            if (k.length() != name.length() || k.equals(name)) {
                continue;
            }
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < k.length(); i++) {
                if (k.charAt(i) != name.charAt(i)) {
                    diffs++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            if (diffs == 2 && first + 1 < k.length() && k.charAt(first) == name.charAt(first + 1)
                    && k.charAt(first + 1) == name.charAt(first)) {
                return k;
            }
        }
        return null;
    }
}
