package dev.vigil.targets.verify;

import dev.vigil.compiler.coverage.Coverage;
import dev.vigil.compiler.coverage.CoverageReports;
import dev.vigil.compiler.coverage.Uncovered;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.verify.TestReport.Case;
import dev.vigil.targets.verify.TestReport.Finding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The required test coverage as one case of a {@link TestReport}, so that every report format, the
 * exit status, the JUnit XML and the Maven goal treat it as they treat a test: it passes at or above
 * the minimum, and below it fails with a {@code Test.Uncovered} error at each object not fully tested,
 * after one naming the shortfall (at the {@code test_coverage} setting when the sources set it).
 */
public final class CoverageCase {
    private CoverageCase() {
    }

    /** The case, or none when nothing is required. */
    public static Optional<Case> of(Coverage coverage, TestCoverage requirement) {
        if (!requirement.required()) {
            return Optional.empty();
        }
        String minimum = CoverageReports.percent(requirement.minimumPercent());
        String name = "at least " + minimum + " of the coverage points";
        Span at = requirement.minimumSpan() == null ? Span.NONE : requirement.minimumSpan();
        if (coverage.meets(requirement)) {
            return Optional.of(new Case(TestReport.Kind.COVERAGE, "coverage", name, at, TestReport.Status.PASSED,
                    List.of(), "", 0));
        }
        List<Finding> findings = new ArrayList<>();
        String by = requirement.minimumSpan() == null ? "is required" : "`test_coverage` requires";
        findings.add(new Finding(Diagnostic.error(Ids.TEST_UNCOVERED, at, "The tests cover "
                + CoverageReports.headline(coverage, requirement.withMinimum(null)) + ", under the " + minimum
                + " that " + by + ".", "Each object below lacks a test; `vigil test --coverage` shows every point."),
                List.of()));
        for (Diagnostic d : Uncovered.diagnostics(coverage, requirement)) {
            findings.add(new Finding(d, List.of()));
        }
        return Optional.of(new Case(TestReport.Kind.COVERAGE, "coverage", name, at, TestReport.Status.FAILED, findings,
                "", 0));
    }

    /** A minimum as a build tool writes it, {@code 90} or {@code 90%}; empty when it is not a share from 0 to 100. */
    public static Optional<BigDecimal> parseMinimum(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            BigDecimal p = new BigDecimal(t);
            return p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 ? Optional.empty() : Optional.of(p);
        } catch (NumberFormatException e) {
            return t.equals("strict") ? Optional.of(BigDecimal.valueOf(100)) : Optional.empty();
        }
    }
}
