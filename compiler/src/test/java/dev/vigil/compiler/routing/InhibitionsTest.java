package dev.vigil.compiler.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's inhibition rule ({@code inhibit/inhibit.go}), case by case, over the rules Vigil writes;
 * EndToEndTest (targets) checks it against a running Alertmanager.
 */
class InhibitionsTest {
    private static Inhibitions of(String... routing) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("service s {\n  group g {");
        for (String alert : List.of("A", "PodRestarting", "ApiDown")) {
            lines.add("    alert " + alert + " { when up == 0 severity info summary \"x\" }");
        }
        lines.addAll(List.of("  }\n}", "routing {", "  receiver r webhook { url \"http://127.0.0.1:1/\" }",
                "  route default to r"));
        lines.addAll(List.of(routing));
        lines.add("}");
        CompileResult r = Compiler.compile(List.of(new SourceFile("t.vigil", String.join("\n", lines) + "\n")));
        Project p = r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
        return Inhibitions.of(p);
    }

    private static Inhibitions.Effect effect(Inhibitions in, Map<String, String> target, Map<String, String> source) {
        List<Inhibitions.Verdict> verdicts = in.verdicts(target, source);
        return verdicts.stream().filter(v -> v.effect() == Inhibitions.Effect.INHIBITS).findFirst()
                .or(() -> verdicts.stream().findFirst()).map(Inhibitions.Verdict::effect).orElse(null);
    }

    @Test
    void withoutASeverityInhibitionEachLevelSilencesTheLessUrgentOnesOfItsAlertAndService() {
        Inhibitions in = of();
        assertEquals(2, in.rules().size());
        assertNull(in.rules().get(0).declared());
        Map<String, String> warning = Map.of("alertname", "A", "service", "s", "severity", "warning");
        Map<String, String> info = Map.of("alertname", "A", "service", "s", "severity", "info");
        Map<String, String> critical = Map.of("alertname", "A", "service", "s", "severity", "critical");
        assertEquals(Inhibitions.Effect.INHIBITS, effect(in, warning, critical));
        assertEquals(Inhibitions.Effect.INHIBITS, effect(in, info, critical));
        assertEquals(Inhibitions.Effect.INHIBITS, effect(in, info, warning));
        assertEquals(Inhibitions.Effect.NOT_TARGET, effect(in, critical, warning));
        // Both lack `service`: empty equals empty.
        assertEquals(Inhibitions.Effect.INHIBITS, effect(in, Map.of("alertname", "A", "severity", "info"),
                Map.of("alertname", "A", "severity", "critical")));
        assertEquals(Inhibitions.Effect.UNEQUAL, effect(in, Map.of("alertname", "A", "severity", "info"),
                Map.of("alertname", "B", "severity", "critical")));
    }

    @Test
    void aDeclaredSeverityInhibitionReplacesTheDefaultOnes() {
        Inhibitions in = of("  inhibit severity = warning while severity = critical on [service]");
        assertEquals(1, in.rules().size());
        assertTrue(in.rules().get(0).declared() != null);
        // Another inhibition keeps them, after it.
        Inhibitions other = of("  inhibit alertname = \"Down\" while alertname = \"Up\"");
        assertEquals(3, other.rules().size());
        assertNull(other.rules().get(2).declared());
    }

    @Test
    void anAlertNamedOnASideIsMatchedByItsAlertname() {
        Inhibitions in = of("  inhibit severity = info while severity = critical",
                "  inhibit PodRestarting while ApiDown on [service]");
        Inhibitions.Rule named = in.rules().get(1);
        assertEquals("alertname", named.target().get(0).label());
        assertEquals(Inhibitions.Effect.INHIBITS, in.apply(named, Map.of("alertname", "PodRestarting", "service", "api"),
                Map.of("alertname", "ApiDown", "service", "api")).effect());
        Inhibitions.Verdict other = in.apply(named, Map.of("alertname", "PodRestarting", "service", "api"),
                Map.of("alertname", "ApiDown", "service", "db"));
        assertEquals(Inhibitions.Effect.UNEQUAL, other.effect());
        assertEquals("service", other.label());
        assertEquals(Inhibitions.Effect.NOT_SOURCE, in.apply(named, Map.of("alertname", "PodRestarting"),
                Map.of("alertname", "ApiUp")).effect());
    }

    /** Alerts that both match both sides do not inhibit each other, though each matches one side's role. */
    @Test
    void twoAlertsMatchingBothSidesDoNotInhibitEachOther() {
        Inhibitions in = of("  inhibit severity =~ \"warning|critical\" while severity =~ \"warning|critical\" on [service]");
        Map<String, String> a = Map.of("alertname", "A", "service", "s", "severity", "warning");
        Map<String, String> b = Map.of("alertname", "B", "service", "s", "severity", "critical");
        assertEquals(Inhibitions.Effect.BOTH_SIDES, effect(in, a, b));
        assertEquals(Inhibitions.Effect.BOTH_SIDES, effect(in, b, a));
    }

    /** Whatever the rules, an alert never inhibits itself (the same labels are one alert in Alertmanager). */
    @Property(tries = 200)
    void noAlertInhibitsItself(@ForAll @IntRange(min = 0, max = 3) int severity, @ForAll @IntRange(min = 0, max = 2) int name,
            @ForAll boolean withService, @ForAll @IntRange(min = 0, max = 2) int rules) {
        List<String> declared = List.of("  inhibit severity >= warning while severity >= warning on [service]",
                "  inhibit A while A", "  inhibit alertname =~ \"A|B\" while alertname =~ \"A|B\"");
        Inhibitions in = of(declared.subList(0, rules).toArray(String[]::new));
        Map<String, String> alert = new TreeMap<>(Map.of("alertname", List.of("A", "B", "C").get(name),
                "severity", List.of("critical", "warning", "info", "other").get(severity)));
        if (withService) {
            alert.put("service", "s");
        }
        for (Inhibitions.Verdict v : in.verdicts(alert, alert)) {
            assertTrue(v.effect() != Inhibitions.Effect.INHIBITS, alert + " inhibits itself by " + v.rule());
        }
    }
}
