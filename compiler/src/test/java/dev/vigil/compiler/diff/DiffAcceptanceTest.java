package dev.vigil.compiler.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance points of issue 11's {@code vigil diff}, on copies of the samples. */
class DiffAcceptanceTest {
    static final Path SAMPLES = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples");

    @TempDir
    Path work;

    /** The sample's sources copied to {@code before/} and {@code after/}, the first edited by {@code edit}. */
    private DiffReport diff(String sample, String file, UnaryOperator<String> beforeEdit) throws Exception {
        Path src = SAMPLES.resolve(sample).resolve("src/main/vigil");
        copy(src, work.resolve("before"));
        copy(src, work.resolve("after"));
        Path edited = work.resolve("before").resolve(file);
        String text = Files.readString(edited);
        String changed = beforeEdit.apply(text);
        assertFalse(changed.equals(text), "the edit must change " + file);
        Files.writeString(edited, changed);
        DiffInputs.Outcome o = DiffInputs.directories(work.resolve("before"), work.resolve("after"), work,
                CompileOptions.DEFAULT);
        assertTrue(o.report().isPresent(), () -> o.before().result().diagnostics().toString());
        return o.report().get();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** {@code text} with the first match of {@code regex} in the block of alert {@code alert} replaced. */
    static String inAlert(String text, String alert, String regex, String replacement) {
        int start = text.indexOf("alert " + alert + " {");
        assertTrue(start >= 0, alert);
        int end = text.indexOf("\n    }", start);
        Matcher m = Pattern.compile(regex).matcher(text.substring(start, end));
        assertTrue(m.find(), regex);
        return text.substring(0, start) + m.replaceFirst(replacement) + text.substring(end);
    }

    private static List<String> linesNaming(String text, String name) {
        return text.lines().filter(l -> l.contains(name)).toList();
    }

    @Test
    void anAlertTunedInThreeWaysIsOneLineWithAllThree() throws Exception {
        // The seed's tuning, undone in the old copy: threshold 0.3, severity critical, for 3m.
        DiffReport r = diff("vaultmesh", "psi_field_rules.vigil", t -> {
            t = inAlert(t, "PsiFieldPodDrift", "(when\\s+psi:pod_drift:abs\\s*>\\s*)\\$pod_drift_max", "$10.3");
            t = inAlert(t, "PsiFieldPodDrift", "(for\\s+)10m", "$13m");
            return inAlert(t, "PsiFieldPodDrift", "(severity\\s+)warning", "$1critical");
        });
        String text = DiffText.text(r);
        List<String> lines = linesNaming(text, "PsiFieldPodDrift");
        assertEquals(1, lines.size(), text);
        assertTrue(lines.get(0).strip().startsWith(
                "~ PsiFieldPodDrift: threshold 0.3 → 1.0, severity critical → warning, for 3m → 10m"), text);
        // The severity also moved it off the pager, and the line says so rather than another line.
        assertTrue(lines.get(0).endsWith("receivers vaultmesh_pager, vaultmesh_slack → vaultmesh_slack (the default only)"),
                text);
        assertEquals(1, r.changeCount(), text);
        assertFalse(r.breaking(), text);
        assertEquals(1, linesNaming(DiffText.markdown(r), "PsiFieldPodDrift").size());
        // docs/review.md shows this report; it must be what Vigil prints (the header names the CLI's sides).
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("vigil.repo", ".."))
                .resolve("docs/review.md"));
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("```text\n(vigil diff: [^\n]*\n)([^`]*)```")
                .matcher(doc);
        assertTrue(shown.find(), "docs/review.md shows a report");
        assertEquals(shown.group(2).strip(), text.lines().dropWhile(l -> l.startsWith("vigil diff:"))
                .collect(java.util.stream.Collectors.joining("\n")).strip(), "docs/review.md's example report");
    }

    @Test
    void anSloObjectiveChangeIsOneLineWithItsBudgetAndNoGeneratedRules() throws Exception {
        DiffReport r = diff("aurigraph", "slos.vigil", t -> t.replaceFirst("objective(\\s+)99\\.99%", "objective$199.9%"));
        String text = DiffText.text(r);
        assertEquals(1, r.changeCount(), text);
        Change c = r.services().get(0).changes().get(0);
        assertEquals(Change.Kind.SLO, c.kind());
        assertEquals("availability: objective 99.9% → 99.99%, error budget per 30d: 43m12s → 4m19s", DiffText.line(c));
        // The generated recording rules, alerts, dashboard and tests all changed; none is listed.
        assertFalse(text.contains("BurnRate") || text.contains("slo:") || text.contains("recording rules"), text);
    }

    @Test
    void aRoutingChangeNamesTheAlertsAndTheirOldAndNewReceivers() throws Exception {
        // The old copy's routing test agreed with its routing, or it would not have compiled.
        DiffReport r = diff("aurigraph", "routing.vigil", t -> t.replaceFirst("route severity = p2 to p2_pager",
                "route severity = p2 to sre_slack").replace("expect p2_pager, tech_lead", "expect sre_slack, tech_lead"));
        // The old copy sends p2 to Slack; the new one pages.
        Change effect = r.services().get(0).changes().stream().filter(c -> c.kind() == Change.Kind.ROUTING)
                .findFirst().orElseThrow();
        // Every p2 alert of the sample: the burn-rate pages, the canary triggers of all four phases, the P2 level.
        assertEquals(List.of("AurigraphAvailabilityBurnRatePage", "AurigraphCanaryPhase1ErrorRateHigh",
                "AurigraphCanaryPhase1LatencyHigh", "AurigraphCanaryPhase2ErrorRateHigh", "AurigraphCanaryPhase2LatencyHigh",
                "AurigraphCanaryPhase3ErrorRateHigh", "AurigraphCanaryPhase3LatencyHigh", "AurigraphCanaryPhase4ErrorRateHigh",
                "AurigraphCanaryPhase4LatencyHigh", "AurigraphConnectionPoolSaturated", "AurigraphConnectionPoolTimeouts",
                "AurigraphErrorRateBurnRatePage", "AurigraphErrorRateHigh", "AurigraphLatencyHigh",
                "AurigraphLatencyP95BurnRatePage", "AurigraphLatencyP99BurnRatePage", "AurigraphNodeDown",
                "AurigraphSuccessRateCritical", "AurigraphThroughputDropCritical"), effect.alerts());
        assertTrue(effect.detail().startsWith("p2 alerts of `aurigraph` (`AurigraphAvailabilityBurnRatePage`, "), effect.detail());
        assertTrue(effect.detail().endsWith(" now reach `p2_pager`, `tech_lead` instead of `sre_slack`, `tech_lead`"), effect.detail());
        assertEquals("route severity = p2: receiver sre_slack → p2_pager", DiffText.line(r.project().get(0)));
    }
}
