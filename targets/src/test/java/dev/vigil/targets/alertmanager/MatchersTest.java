package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.regex.Re2;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.routing.Inhibitions;
import dev.vigil.compiler.routing.Truth;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchersTest {
    private static final SeverityOrder FOUR = new SeverityOrder(List.of("page", "critical", "warning", "info"), Span.NONE);

    private static String m(String label, String op, String value) {
        return Matchers.of(new Routing.Matcher(label, op, value, Span.NONE), FOUR);
    }

    @Test
    void severityComparisonsFollowTheDeclaredOrder() {
        assertEquals("severity=~\"page|critical\"", m("severity", ">=", "critical"));
        assertEquals("severity=~\"page\"", m("severity", ">", "critical"));
        assertEquals("severity=~\"critical|warning|info\"", m("severity", "<=", "critical"));
        assertEquals("severity=~\"info\"", m("severity", "<", "warning"));
        assertEquals("severity=~\"page|critical|warning|info\"", m("severity", ">=", "info"));
    }

    /** The emitted alternation, run as Alertmanager runs it, accepts exactly what Vigil's routing semantics accepts. */
    @Test
    void severityRegexesAgreeWithTheRoutingSemantics() {
        SeverityOrder odd = new SeverityOrder(List.of("p.1", "p+2", "p3"), Span.NONE);
        for (SeverityOrder order : List.of(FOUR, odd)) {
            AlertRouting semantics = new AlertRouting(order);
            List<String> values = new ArrayList<>(order.levels());
            values.addAll(List.of("", "px1", "p", "PAGE", "critical|warning", "other"));
            for (String op : List.of(">=", ">", "<=", "<")) {
                for (String level : order.levels()) {
                    Routing.Matcher m = new Routing.Matcher("severity", op, level, Span.NONE);
                    String regex = Matchers.severityRegex(op, level, order);
                    for (String v : values) {
                        boolean emitted = Re2.ALERTMANAGER.matches(regex, v).orElseThrow();
                        assertEquals(Truth.of(emitted), semantics.holds(m, v), "severity " + op + " " + level + " on " + v);
                    }
                }
            }
        }
    }

    @Test
    void anEmptySelectionMatchesNothingRatherThanAMissingLabel() {
        assertEquals("severity=~\"" + Matchers.NEVER.replace("\\", "\\\\") + "\"", m("severity", ">", "page"));
    }

    @Test
    void plainOperatorsMapDirectlyWithQuotedValues() {
        assertEquals("team=\"payments\"", m("team", "=", "payments"));
        assertEquals("team!=\"a b\"", m("team", "!=", "a b"));
        assertEquals("alertname=~\"Pay(ments|outs)\"", m("alertname", "=~", "Pay(ments|outs)"));
        assertEquals("job!~\"node.*\"", m("job", "!~", "node.*"));
    }

    @Test
    void quotingEscapesWhatAlertmanagerUnescapes() {
        assertEquals("msg=\"say \\\"hi\\\" \\\\ bye\\nnext\"", m("msg", "=", "say \"hi\" \\ bye\nnext"));
        // A regex backslash is doubled too; Alertmanager turns `\\.` back into `\.`.
        assertEquals("host=~\"a\\\\.example\"", m("host", "=~", "a\\.example"));
    }

    /** The default severity inhibition's alternation of the less urgent levels. */
    @Test
    void regexAlternationsEscapeMetacharacters() {
        SeverityOrder odd = new SeverityOrder(List.of("p0", "p.1", "p+2"), Span.NONE);
        List<Inhibitions.Rule> rules = Inhibitions.rules(Routing.EMPTY, odd);
        assertEquals(List.of("severity=~\"p\\\\.1|p\\\\+2\""), Matchers.of(rules.get(0).target(), odd));
        assertEquals(List.of("severity=\"p+2\""), Matchers.of(rules.get(1).target(), odd));
    }
}
