package dev.vigil.compiler.validate.absent;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.BinaryOp;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlChecker;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.ValueType;
import dev.vigil.compiler.promql.VectorMatching;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code absent} combined with a vector by {@code and}, {@code unless}, arithmetic or a comparison,
 * without {@code on(...)} over its equality labels: its single series carries only those labels, so
 * it matches no series on the other side: with {@code and}, arithmetic or a comparison the alert never
 * fires, and {@code unless} removes nothing, so the alert fires whatever its condition says. {@code or}
 * is the way to add an absence case to another condition.
 */
public final class NeverMatches implements Validator {
    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        AbsentCalls.eachAlert(project, (a, constants) -> Expr.walk(a.expr(), e -> {
            if (e instanceof Binary b && b.op() != BinaryOp.OR) {
                combined(b, b.lhs(), b.rhs(), analysis.labels(), sink);
                combined(b, b.rhs(), b.lhs(), analysis.labels(), sink);
            }
        }));
    }

    private void combined(Binary b, Expr side, Expr other, LabelInference li, DiagnosticSink sink) {
        if (!AbsentCalls.isAbsent(Expr.unparen(side)) || PromqlChecker.typeOf(other) != ValueType.VECTOR) {
            return;
        }
        Call c = (Call) Expr.unparen(side);
        VectorMatching vm = b.matching();
        Set<String> kept = AbsentCalls.equalityLabels(c);
        if (vm != null && vm.kind() == VectorMatching.Kind.ON && kept.containsAll(vm.labels())) {
            return;
        }
        // The other side's labels decide: one it always has and absent's series lacks means no match
        // ever (an error); none beyond absent's labels means it matches; unknown labels, a warning.
        LabelSet labels = li.infer(other).labels();
        boolean never = false;
        for (String name : labels.names()) {
            if (labels.definitely(name) && !kept.contains(name) && matchedOn(vm, name)) {
                never = true;
            }
        }
        if (!never && !labels.open() && kept.containsAll(labels.names())) {
            return;
        }
        String message = "`" + c.function() + "` is combined with `" + b.op().symbol()
                + "`, but its result carries only its equality labels and "
                + (never ? "never matches the other side, so " : "may match no series on the other side, so ")
                + effect(b, side, never);
        String hint = hint(b, c, other, labels, kept, li);
        sink.report(new Diagnostic(id(), never ? Severity.ERROR : Severity.WARNING, b.span(), message, hint, null));
    }

    /**
     * {@code x and absent(y)} usually means "the series of x that have no y of their own", which is
     * {@code x unless on (...) y}: absent only tells whether no y exists at all.
     */
    private static String hint(Binary b, Call c, Expr other, LabelSet labels, Set<String> kept, LabelInference li) {
        Optional<Expr> arg = AbsentCalls.argument(c);
        if (b.op() == BinaryOp.AND && arg.isPresent() && Expr.unparen(arg.get()) instanceof VectorSelector v) {
            LabelSet theirs = li.infer(v).labels();
            List<String> shared = labels.open() || theirs.open() ? List.of()
                    : labels.names().stream().filter(theirs::definitely).filter(labels::definitely).sorted().toList();
            String rest = PromqlPrinter.print(other);
            return "`" + c.function() + "` only tells whether no series exists at all: to keep the series that have no `"
                    + PromqlPrinter.print(v) + "` of their own, write `" + (rest.length() <= 60 ? rest : "...")
                    + " unless on (" + (shared.isEmpty() ? "..." : String.join(", ", shared)) + ") " + PromqlPrinter.print(v)
                    + "`; to add the absence case to another condition, use `or`.";
        }
        return "Use `or` to add the absence case to another condition, or match with `on(" + String.join(", ", kept) + ")`.";
    }

    /**
     * What matching nothing does: {@code and}, arithmetic and comparisons are empty, so the alert never
     * fires; {@code unless} removes nothing, so its condition is ignored.
     */
    private static String effect(Binary b, Expr side, boolean never) {
        if (b.op() != BinaryOp.UNLESS) {
            return never ? "the alert never fires." : "the alert may never fire.";
        }
        String removes = never ? "`unless` removes nothing: the alert fires " : "`unless` may remove nothing: the alert may fire ";
        return removes + (b.lhs() == side ? "whenever `absent` does, whatever the other side says."
                : "for every series of the other side, whatever `absent` says.");
    }

    /** Whether series are matched on {@code name}: with no {@code on}, unless it is ignored. */
    private static boolean matchedOn(VectorMatching vm, String name) {
        if (vm == null || vm.kind() == VectorMatching.Kind.NONE) {
            return true;
        }
        return vm.kind() == VectorMatching.Kind.ON ? vm.labels().contains(name) : !vm.labels().contains(name);
    }
}
