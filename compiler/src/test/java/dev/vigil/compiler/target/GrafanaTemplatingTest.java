package dev.vigil.compiler.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.target.GrafanaTemplating.Reference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grafana's variable references and the text the Prometheus data source fills in, as its own tests state them. */
class GrafanaTemplatingTest {
    @Test
    void findsEveryFormOfReference() {
        String text = "a{x=~\"$job\", y=\"${env}\", z=~\"${job:csv}\", w=~\"[[inst]]\", v=~\"[[inst:pipe]]\"}[$__rate_interval]";
        List<String> found = GrafanaTemplating.references(text).stream()
                .map(r -> r.name() + ":" + r.format() + ":" + r.text(text)).toList();
        assertEquals(List.of("job:null:$job", "env:null:${env}", "job:csv:${job:csv}", "inst:null:[[inst]]",
                "inst:pipe:[[inst:pipe]]", "__rate_interval:null:$__rate_interval"), found);
    }

    @Test
    void aNameRunsOnOverWordCharacters() {
        // `$job_total` names the variable `job_total`, not `$job` and `_total`.
        Reference r = GrafanaTemplating.references("\"$job_total\"").get(0);
        assertEquals("job_total", r.name());
    }

    @Test
    void aPlainVariableIsEscapedForAString() {
        assertEquals(Optional.of("a.b"), GrafanaTemplating.render(List.of("a.b"), false, null));
        assertEquals(Optional.of("a\\\\b"), GrafanaTemplating.render(List.of("a\\b"), false, null));
        assertEquals(Optional.of("it\\\\'s"), GrafanaTemplating.render(List.of("it's"), false, null));
    }

    @Test
    void aMultiValueVariableIsEscapedAsARegexAndJoined() {
        assertEquals(Optional.of("a\\\\.b"), GrafanaTemplating.render(List.of("a.b"), true, null));
        assertEquals(Optional.of("(prod|a\\\\.b|x\\\\\\\\y)"),
                GrafanaTemplating.render(List.of("prod", "a.b", "x\\y"), true, null));
    }

    @Test
    void formatsWriteWhatTheySay() {
        List<String> values = List.of("prod", "a.b");
        assertEquals(Optional.of("prod,a.b"), GrafanaTemplating.render(values, true, "csv"));
        assertEquals(Optional.of("prod|a.b"), GrafanaTemplating.render(values, true, "pipe"));
        assertEquals(Optional.of("(prod|a\\.b)"), GrafanaTemplating.render(values, true, "regex"));
        assertEquals(Optional.of("\"prod\",\"a.b\""), GrafanaTemplating.render(values, true, "doublequote"));
        assertEquals(Optional.empty(), GrafanaTemplating.render(values, true, "lucene"));
    }
}
