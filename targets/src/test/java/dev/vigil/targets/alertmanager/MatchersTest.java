package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.source.Span;
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

    @Test
    void regexAlternationsEscapeMetacharacters() {
        assertEquals("severity=~\"p\\\\.1|p\\\\+2\"", Matchers.regexIn("severity", List.of("p.1", "p+2")));
    }
}
