package dev.vigil.targets.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.analysis.LabelSet;
import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The label probe's own parts: Go's label text is read back, a wrong label is noticed, witnesses fit their matchers. */
class OracleSelfTest {
    @Test
    void labelsAreReadAsGoPrintsThem() {
        assertEquals(new TreeMap<>(Map.of("a", "x", "b", "y\"z", "c", "line\nbreak", "d", "é")),
                LabelProbe.parseLabels("{a=\"x\", b=\"y\\\"z\", c=\"line\\nbreak\", d=\"é\"}"));
        assertEquals(new TreeMap<>(), LabelProbe.parseLabels("{}"));
    }

    @Test
    void disagreementsAreNoticed() {
        LabelSet inferred = LabelSet.closed(Map.of(
                "alertname", new LabelSet.Label("alertname", true, "A"),
                "job", new LabelSet.Label("job", true, null),
                "instance", new LabelSet.Label("instance", false, null)));
        assertEquals(List.of(), LabelProbe.disagreements(inferred, new TreeMap<>(Map.of("alertname", "A", "job", "j"))));
        assertEquals(3, LabelProbe.disagreements(inferred, new TreeMap<>(Map.of("alertname", "B", "extra", "x"))).size());
        assertEquals(List.of(), LabelProbe.disagreements(inferred.withOpen(true),
                new TreeMap<>(Map.of("alertname", "A", "job", "j", "extra", "x"))));
    }

    @Test
    void witnessesSatisfyTheMatchers() {
        assertEquals(Optional.of("500"), Witness.value(List.of(matcher(MatchOp.RE, "5..")), "v"));
        assertEquals(Optional.of("400"), Witness.value(List.of(matcher(MatchOp.RE, "[45]..")), "v"));
        assertEquals(Optional.of("vip-1"), Witness.value(List.of(matcher(MatchOp.RE, "vip-1|vip-2")), "v"));
        assertEquals(Optional.of("aether-"), Witness.value(List.of(matcher(MatchOp.RE, "aether-.*")), "v"));
        assertEquals(Optional.of("v"), Witness.value(List.of(matcher(MatchOp.NEQ, "")), "v"));
        assertEquals(Optional.of("x"), Witness.value(List.of(matcher(MatchOp.NRE, "v|")), "v"));
        assertEquals(Optional.empty(), Witness.value(List.of(matcher(MatchOp.EQ, "a"), matcher(MatchOp.EQ, "b")), "v"));
    }

    private static LabelMatcher matcher(MatchOp op, String value) {
        return new LabelMatcher("l", op, value, null, Span.NONE);
    }
}
