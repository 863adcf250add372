package dev.vigil.compiler.coverage;

import dev.vigil.compiler.coverage.Coverage.Item;
import dev.vigil.compiler.coverage.Coverage.Point;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.TestCoverage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Test.Uncovered}: below the required coverage, each object of a counted kind that some point
 * of is not met, as an error at its declaration saying which tests are missing and how to write them.
 */
public final class Uncovered {
    private Uncovered() {
    }

    /** Nothing when {@code requirement} holds; else one error per object not fully tested. */
    public static List<Diagnostic> diagnostics(Coverage coverage, TestCoverage requirement) {
        if (coverage.meets(requirement)) {
            return List.of();
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Item item : coverage.of(requirement.kinds())) {
            if (!item.covered()) {
                out.add(diagnostic(item));
            }
        }
        return out;
    }

    static Diagnostic diagnostic(Item item) {
        return switch (item.kind()) {
            case ALERTS -> alert(item);
            case ROUTES -> Diagnostic.error(Ids.TEST_UNCOVERED, item.span(), "No routing test case reaches `"
                    + item.name() + "`.", "Add a case this route takes to a routing `test`: `{labels} expect "
                    + receiver(item.name()) + "`, or `alert Name expect " + receiver(item.name()) + "`.");
            case INHIBITIONS -> Diagnostic.error(Ids.TEST_UNCOVERED, item.span(), "No routing test case is silenced by `"
                    + item.name() + "`.", "Add `TARGET while SOURCE expect inhibited`, with alerts this rule matches, to "
                    + "a routing `test`.");
            case RECORDING_RULES -> Diagnostic.error(Ids.TEST_UNCOVERED, item.span(), "No test reads the recording rule `"
                    + item.name() + "`.", "Expect its value in a test (`at TIME expect value " + item.name()
                    + " is [...]`), or expect an alert that reads it.");
            case SLOS -> slo(item);
        };
    }

    private static Diagnostic alert(Item item) {
        List<String> missing = item.missing().stream().map(Point::name).toList();
        List<String> what = new ArrayList<>();
        List<String> how = new ArrayList<>();
        String a = item.name();
        if (missing.contains(Coverage.FIRES)) {
            what.add("makes it fire");
            how.add("`at TIME expect alert " + a + " {labels}` to a test whose series make it fire");
        }
        if (missing.contains(Coverage.SILENT)) {
            what.add("expects it silent");
            how.add("`at TIME expect no alert " + a + "` to a test whose series keep it quiet");
        }
        if (missing.contains(Coverage.NO_TRAFFIC)) {
            what.add("expects it silent without traffic");
            how.add("`at TIME expect no alert " + a + "` to a test where " + inputs(item) + " absent or flat (`0x30`)");
        }
        return Diagnostic.error(Ids.TEST_UNCOVERED, item.span(), "Alert `" + a + "` has no test that "
                + or(what) + ".", "Add " + String.join("; add ", how) + ".");
    }

    private static Diagnostic slo(Item item) {
        Map<String, List<String>> byAlert = new LinkedHashMap<>();
        for (Point p : item.missing()) {
            byAlert.computeIfAbsent(p.alert(), k -> new ArrayList<>()).add(p.label());
        }
        List<String> parts = new ArrayList<>();
        byAlert.forEach((alert, points) -> parts.add("`" + alert + "` (" + String.join(", ", points) + ")"));
        String hint = item.scenarios().isEmpty()
                ? "Vigil generates no test for this SLO (it does for `events` and `latency` SLIs whose selectors it can "
                        + "feed exactly): write tests that expect these alerts firing, silent, and silent while "
                        + inputs(item) + " flat."
                : "Write tests that expect these alerts as the missing points say; the generated scenarios are "
                        + String.join(", ", item.scenarios()) + ".";
        return Diagnostic.error(Ids.TEST_UNCOVERED, item.span(), "SLO `" + item.name() + "` has burn-rate alerts that no "
                + "test covers: " + String.join(", ", parts) + ".", hint);
    }

    /** {@code `a` is} or {@code `a` and `b` are}, for the counters a rate reads. */
    private static String inputs(Item item) {
        List<String> names = item.rateInputs().stream().map(n -> "`" + n + "`").toList();
        if (names.isEmpty()) {
            return "its counters are";
        }
        return and(names) + (names.size() == 1 ? " is" : " are");
    }

    private static String receiver(String route) {
        return route.substring(route.lastIndexOf(" to ") + 4);
    }

    private static String or(List<String> parts) {
        return join(parts, " or ");
    }

    private static String and(List<String> parts) {
        return join(parts, " and ");
    }

    private static String join(List<String> parts, String last) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }
}
