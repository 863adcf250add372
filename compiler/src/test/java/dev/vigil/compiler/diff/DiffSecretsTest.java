package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A receiver setting that holds a secret is shown in no diff format, only that it changed. The
 * compiler refuses such settings, so this builds the routing directly, as a reader that failed
 * to would leave it.
 */
class DiffSecretsTest {
    private static final String OLD_HOOK = "https://hooks.slack.com/services/T000/B000/OLDOLDOLD";
    private static final String NEW_HOOK = "https://hooks.slack.com/services/T000/B000/NEWNEWNEW";

    private static Routing routing(Object hook, Object headers, String channel) {
        TreeMap<String, Object> settings = new TreeMap<>();
        settings.put("text", hook);
        settings.put("channel", channel);
        settings.put("headers", headers);
        Routing.Receiver r = new Routing.Receiver("chat", Routing.ReceiverType.SLACK, settings, Span.NONE);
        return new Routing(List.of(r), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aChangedSecretIsReportedButNeverShown() {
        Changes changes = new Changes();
        RoutingDiff.compare(routing(OLD_HOOK, List.of("Bearer abcdefgh12345678"), "#ops"),
                routing(NEW_HOOK, List.of("Bearer zyxwvuts87654321"), "#alerts"), changes);
        DiffReport report = changes.build("old", "new", Set.of(), Set.of());
        Change receiver = report.project().get(0);
        assertEquals(List.of("channel", "headers", "text"), receiver.fields().stream().map(Change.Field::name).toList());
        assertEquals("#ops", receiver.fields().get(0).before());
        for (String out : List.of(DiffText.text(report), DiffText.markdown(report), DiffJson.render(report))) {
            for (String secret : List.of("OLDOLDOLD", "NEWNEWNEW", "abcdefgh12345678", "zyxwvuts87654321")) {
                assertFalse(out.contains(secret), out);
            }
            assertTrue(out.contains("secret (not shown)"), out);
            assertTrue(out.contains("#alerts"), out);
        }
    }
}
