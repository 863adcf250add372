package dev.vigil.compiler.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alertmanager's semantics, case by case; RoutingOracleTest (targets) checks them against amtool at random. */
class AlertRoutingTest {
    private static final AlertRouting FOUR = new AlertRouting(
            new SeverityOrder(List.of("page", "critical", "warning", "info"), Span.NONE));

    private static Routing.Matcher m(String label, String op, String value) {
        return new Routing.Matcher(label, op, value, Span.NONE);
    }

    /**
     * Operator, matcher value, the alert's value ("" also for a missing label) and the truth, over
     * the severities page > critical > warning > info. Regexes match the whole value as RE2 does,
     * `.` not matching a newline; a regex RE2 refuses or an undeclared level is undecided.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        =  | ''                   | ''       | YES
        != | ''                   | ''       | NO
        =~ | 'a|'                 | ''       | YES
        !~ | .+                   | ''       | YES
        =~ | api                  | xapix    | NO
        =~ | a.b                  | 'a\nb'   | NO
        =~ | (?P<status_code>5..) | 503      | YES
        =~ | (?=5)                | 503      | MAYBE
        >= | critical             | page     | YES
        >  | critical             | critical | NO
        <  | critical             | info     | YES
        <= | info                 | debug    | NO
        <= | info                 | ''       | NO
        >= | debug                | page     | MAYBE
        """)
    void matchersHoldAsInAlertmanager(String op, String value, String actual, Truth expected) {
        Routing.Matcher m = new Routing.Matcher("x", op, value, Span.NONE);
        assertEquals(expected, FOUR.holds(m, actual), "x" + op + value + " on " + actual);
        Map<String, String> labels = actual.isEmpty() ? Map.of() : Map.of("x", actual);
        assertEquals(expected, FOUR.matches(m, AlertLabels.of(labels)), "absent and empty are one");
    }

    @Test
    void inferredLabelsAreThreeValued() {
        LabelSet inferred = LabelSet.closed(Map.of("team", new LabelSet.Label("team", true, "db"),
                "instance", new LabelSet.Label("instance", true, null)));
        AlertLabels labels = AlertLabels.of(inferred);
        assertEquals(Truth.YES, FOUR.matches(m("team", "=", "db"), labels));
        assertEquals(Truth.MAYBE, FOUR.matches(m("instance", "=", "a"), labels));
        assertEquals(Truth.YES, FOUR.matches(m("zone", "=", ""), labels)); // the set cannot have it
        assertEquals(Truth.MAYBE, FOUR.matchesAll(List.of(m("team", "=", "db"), m("instance", "=", "a")), labels));
        assertEquals(Truth.NO, FOUR.matchesAll(List.of(m("instance", "=", "a"), m("team", "=", "web")), labels));
        assertEquals(Truth.MAYBE, FOUR.matches(m("x", "=", "a"), AlertLabels.of(inferred.withOpen(true))));
    }

    @Test
    void routesAreWalkedAsAlertmanagerDoes() {
        Project p = Compiler.compile(List.of(new SourceFile("t.vigil", String.join("\n",
                "routing {",
                "  receiver a webhook { url \"http://127.0.0.1:1/a\" }",
                "  receiver b webhook { url \"http://127.0.0.1:1/b\" }",
                "  receiver c webhook { url \"http://127.0.0.1:1/c\" }",
                "  receiver d webhook { url \"http://127.0.0.1:1/d\" }",
                "  route default to d { route team = \"x\" to a }",
                "  route severity >= critical to a { continue }",
                "  route team = \"db\" to b {",
                "    route env = \"prod\" to c",
                "  }",
                "  route team =~ \"db|web\" to c",
                "}")))).project().orElseThrow();
        AlertRouting semantics = AlertRouting.of(p);
        // `continue` passes the alert on, and the default route, written first, comes last.
        assertEquals(List.of("a", "d"), semantics.receivers(p.routing(), Map.of("severity", "critical")));
        // The first match stops the walk; a route whose children fail takes the alert itself.
        assertEquals(List.of("b"), semantics.receivers(p.routing(), Map.of("team", "db")));
        assertEquals(List.of("a", "c"), semantics.receivers(p.routing(), Map.of("team", "db", "env", "prod", "severity", "critical")));
        assertEquals(List.of("c"), semantics.receivers(p.routing(), Map.of("team", "web")));
        assertEquals(List.of("a"), semantics.receivers(p.routing(), Map.of("team", "x")));
        // An undecided route is reached but does not stop its siblings.
        AlertLabels unknownTeam = label -> label.equals("team") ? null : "";
        assertEquals(List.of("b", "c", "a", "d"), semantics.reach(p.routing().routes(), unknownTeam).stream()
                .map(r -> r.receiver().name()).toList());
    }
}
