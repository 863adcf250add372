package dev.vigil.compiler.validate.test;

import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.model.TestCase;
import dev.vigil.compiler.promql.AtExpr;
import dev.vigil.compiler.promql.Binary;
import dev.vigil.compiler.promql.Call;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.OffsetExpr;
import dev.vigil.compiler.promql.Paren;
import dev.vigil.compiler.promql.PromqlPrinter;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.support.Models;
import java.math.BigDecimal;
import java.util.Set;

/**
 * An {@code expect value} whose number is the result of float arithmetic and is not exact in binary
 * ({@code 0.15}, {@code 96.66666666666667}). promtool compares the last bit, and Prometheus 3 sums,
 * averages and divides in another order than 2.x, so such a test passes on one release and fails on
 * another ({@code exp 1.5E-01, got 1.5000000000000002E-01} on 3.5). Exact results ({@code 0.25},
 * {@code 747.5}) and values read straight from the test's series are safe. A number with 15 or more
 * significant digits read straight from the series is float noise copied from a run, but every release
 * reads it alike: info, a matter of readability.
 */
public final class FloatRounding implements Validator {
    /** Results within this many binary fraction digits are exact in every summation order. */
    private static final int FRACTION_BITS = 10;

    @Override
    public void validate(Project project, ProjectAnalysis analysis, DiagnosticSink sink) {
        Set<String> recorded = Models.recordingNames(project);
        for (Service s : project.services()) {
            for (TestCase t : s.tests()) {
                if (!(t.origin() instanceof Origin.Written)) {
                    continue;
                }
                for (TestCase.Expectation e : t.expectations()) {
                    if (!(e instanceof TestCase.ValueExpectation v) || v.expr() == null) {
                        continue;
                    }
                    boolean computed = computed(v.expr(), recorded);
                    for (TestCase.ExpectedSample sample : v.samples()) {
                        BigDecimal value = sample.value();
                        if (value == null) {
                            continue;
                        }
                        String query = PromqlPrinter.print(v.expr());
                        if (computed && !exact(value)) {
                            String rounded = query.length() <= 50 ? "round(" + query + ", 0.001)" : "round(<query>, 0.001)";
                            sink.warning(id(), sample.span(), "The expected `" + value.toPlainString() + "` is a float result "
                                    + "that is not exact in binary, so its last bit depends on the Prometheus release "
                                    + "(3.x adds and divides in another order than 2.x).",
                                    "Compare through rounding, `expect value " + rounded + " is [...]`, or feed series whose "
                                            + "result is exact, such as 0.25 or 0.5.");
                        } else if (!computed && noisy(value)) {
                            // Read as fed (or rounded): every release gives the same double, so the verdict does not
                            // depend on the release; the digits are only float noise nobody can check by reading.
                            sink.report(new Diagnostic(id(), Severity.INFO, sample.span(), "The expected `"
                                    + value.toPlainString() + "` has " + value.stripTrailingZeros().precision()
                                    + " significant digits, float noise copied from a run; `" + query + "` is not "
                                    + "computed, so every release gives the same value: the verdict does not depend on the release.",
                                    "Feed values whose steps are exact in binary (0.25, 0.5), so the expected number is "
                                            + "one a reader can check.", null));
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether the query's values are computed, not read as fed: anything but a selector of input
     * series. {@code round(x, to)} is not: it snaps the result to the same double on every release.
     */
    private static boolean computed(Expr e, Set<String> recorded) {
        if (e instanceof Call c && c.function().equals("round") && c.args().size() == 2) {
            return false;
        }
        if (e instanceof Paren p) {
            return computed(p.expr(), recorded);
        }
        if (e instanceof OffsetExpr o) {
            return computed(o.expr(), recorded);
        }
        if (e instanceof AtExpr a) {
            return computed(a.expr(), recorded);
        }
        if (e instanceof VectorSelector v) {
            return v.name().map(recorded::contains).orElse(true);
        }
        // A filter keeps the values of its left side.
        if (e instanceof Binary b && b.op().isComparison() && !b.returnBool()) {
            return computed(b.lhs(), recorded);
        }
        return true;
    }

    /** Written with as many digits as a double holds: the author copied float noise. */
    private static boolean noisy(BigDecimal value) {
        return value.stripTrailingZeros().precision() >= 15;
    }

    /** A small binary fraction, exact whatever order a sum is taken in. */
    private static boolean exact(BigDecimal value) {
        double d = value.doubleValue();
        if (!Double.isFinite(d) || new BigDecimal(d).compareTo(value) != 0) {
            return false;
        }
        double scaled = d * (1 << FRACTION_BITS);
        return scaled == Math.rint(scaled) && Math.abs(d) < (1L << 40);
    }
}
