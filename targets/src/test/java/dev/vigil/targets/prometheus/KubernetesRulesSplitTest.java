package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.build.OutputLimits;
import dev.vigil.targets.kubernetes.KubernetesLimits;
import dev.vigil.targets.kubernetes.KubernetesObject;
import dev.vigil.targets.kubernetes.KubernetesSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's rules spread over PrometheusRules at group boundaries, and a group too large for any is refused. */
class KubernetesRulesSplitTest {
    private static Project compile(String... sources) {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            files.add(new SourceFile("s" + i + ".vigil", sources[i]));
        }
        CompileResult r = Compiler.compile(files);
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    private static String service(String name, int groups, int rules, String extra) {
        StringBuilder s = new StringBuilder("service " + name + " {\n");
        for (int g = 0; g < groups; g++) {
            s.append("  group ").append(name).append("_g").append(g).append(" {\n");
            for (int r = 0; r < rules; r++) {
                s.append("    record job:").append(name).append(g).append('_').append(r)
                        .append(":rate5m = sum by (job) (rate(http_requests_total{job=\"").append(name)
                        .append(g == 4 ? extra : "").append("\"}[5m]))\n");
            }
            s.append("  }\n");
        }
        return s.append("}\n").toString();
    }

    private static Service named(Project p, String name) {
        return p.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static long ruleFileBytes(KubernetesObject o) {
        return KubernetesLimits.bytes(Yaml.dump(o.document().get("spec")));
    }

    @Test
    void partsKeepGroupsWholeAndInOrderUnderTheLimit() {
        Project p = compile(service("shop", 6, 5, ""));
        Service shop = named(p, "shop");
        List<KubernetesObject> whole = KubernetesRulesEmitter.objects(p, shop, KubernetesLimits.OPERATOR_RULE_FILE);
        assertEquals(1, whole.size());
        long all = ruleFileBytes(whole.get(0));
        int limit = (int) (all / 3 + 50);

        List<KubernetesObject> parts = KubernetesRulesEmitter.objects(p, shop, limit);
        assertEquals(List.of("shop", "shop--2", "shop--3"), parts.stream().map(KubernetesObject::name).toList());
        assertEquals(List.of("kubernetes/prometheusrule-shop.yaml", "kubernetes/prometheusrule-shop--2.yaml",
                "kubernetes/prometheusrule-shop--3.yaml"), parts.stream().map(KubernetesObject::path).toList());
        List<String> groups = new ArrayList<>();
        KubernetesSchemas schemas = KubernetesSchemas.load();
        for (KubernetesObject part : parts) {
            assertTrue(ruleFileBytes(part) <= limit, part.name() + ": " + ruleFileBytes(part) + " > " + limit);
            JsonNode doc = KubernetesSchemas.documents(part.text()).get(0);
            assertEquals(List.of(), schemas.problems(doc), part.name());
            doc.path("spec").path("groups").forEach(g -> groups.add(g.path("name").asText()));
            assertEquals("shop", doc.path("metadata").path("labels").path("vigil.dev/service").asText());
        }
        assertEquals(shop.groups().stream().map(g -> g.name()).toList(), groups, "every group once, in order");
    }

    @Test
    void partsDependOnlyOnTheServiceAndOnTheGroupsBeforeThem() {
        Project alone = compile(service("shop", 6, 5, ""));
        int limit = (int) (ruleFileBytes(KubernetesRulesEmitter.objects(alone, named(alone, "shop"),
                KubernetesLimits.OPERATOR_RULE_FILE).get(0)) / 3 + 50);
        List<String> before = texts(alone, limit);

        Project withOthers = compile(service("shop", 6, 5, ""), service("billing", 9, 7, ""));
        assertEquals(before, texts(withOthers, limit), "another service moved the shop's groups");

        // Group 4 grows: the parts before it stay byte for byte.
        Project grown = compile(service("shop", 6, 5, "-with-a-much-longer-job-name"));
        List<String> after = texts(grown, limit);
        int untouched = 0;
        while (untouched < before.size() && !before.get(untouched).contains("shop_g4")) {
            assertEquals(before.get(untouched), after.get(untouched));
            untouched++;
        }
        assertTrue(untouched >= 1, "no part before group 4");
    }

    private static List<String> texts(Project p, int limit) {
        return KubernetesRulesEmitter.objects(p, named(p, "shop"), limit).stream().map(KubernetesObject::text).toList();
    }

    /** A service whose group `shop_huge` (line 5, after {@code before}'s lines) is too large for a PrometheusRule. */
    private static String hugeGroup(String before) {
        String huge = "x".repeat(KubernetesLimits.OPERATOR_RULE_FILE);
        return before + "service shop {\n  group shop_small {\n    record job:up:sum = sum by (job) (up)\n  }\n"
                + "  group shop_huge {\n    alert ShopDown {\n      when up{job=\"shop\"} == 0\n      for 5m\n"
                + "      severity warning\n      summary \"The shop is down\"\n      description \"" + huge + "\"\n"
                + "    }\n  }\n}\n";
    }

    @Test
    void aGroupLargerThanAnyPrometheusRuleIsAnErrorAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        CompileResult compiled = Compiler.compile(List.of(new SourceFile("shop.vigil", hugeGroup(""))));
        assertTrue(compiled.project().isPresent(), compiled.diagnostics().toString());

        List<Diagnostic> found = OutputLimits.check(compiled.project().get());
        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals(Ids.OUTPUT_TOO_LARGE, d.code());
        assertTrue(d.isError());
        assertEquals(5, d.span().line(), "at the group");
        assertTrue(d.message().startsWith("The PrometheusRule `shop--2` of the group `shop_huge` of service `shop` is too "
                + "large for Kubernetes: its rules are "), d.message());
        assertTrue(d.message().contains("over the 524,288 bytes (512 KiB) prometheus-operator puts in one rule file"), d.message());

        Path out = tmp.resolve("out");
        Build.Result built = Build.write(compiled, out, EmitSettings.DEFAULT);
        assertFalse(built.succeeded());
        assertFalse(Files.exists(out), "a build with an object too large wrote output");
        assertTrue(built.compilation().diagnostics().stream().anyMatch(x -> x.code().equals(Ids.OUTPUT_TOO_LARGE)));
    }

    /**
     * A project that does not deploy kubernetes/ silences the check as it would any other, by its
     * `checks` block, a `vigil:ignore` comment or the build's levels: vigil check shows it silenced
     * (and the suppression used), and the build writes.
     */
    @Test
    void theSizeCheckIsSilencedLikeAnyOther(@TempDir Path tmp) throws Exception {
        Map<String, CompileResult> silenced = new LinkedHashMap<>();
        silenced.put("checks block", Compiler.compile(List.of(new SourceFile("shop.vigil",
                hugeGroup("checks {\n  Output.TooLarge off \"we deploy prometheus/ with Ansible\"\n}\n")))));
        silenced.put("vigil:ignore", Compiler.compile(List.of(new SourceFile("shop.vigil", hugeGroup("").replace(
                "  group shop_huge", "  // vigil:ignore Output.TooLarge the rules go to Mimir, not to a cluster\n  group shop_huge")))));
        silenced.put("build level", Compiler.compile(List.of(new SourceFile("shop.vigil", hugeGroup(""))),
                new CompileOptions(OptionalLong.empty(), Map.of(Ids.OUTPUT_TOO_LARGE, new CheckLevel(Severity.WARNING, "")))));
        for (Map.Entry<String, CompileResult> e : silenced.entrySet()) {
            CompileResult checked = OutputLimits.withLimits(e.getValue());
            assertTrue(checked.project().isPresent(), e.getKey() + ": " + checked.diagnostics());
            assertFalse(checked.hasErrors(), e.getKey() + ": " + checked.diagnostics());
            Diagnostic d = checked.diagnostics().stream().filter(x -> x.code().equals(Ids.OUTPUT_TOO_LARGE)).findFirst()
                    .orElseThrow(() -> new AssertionError(e.getKey() + ": " + checked.diagnostics()));
            assertTrue(d.isSuppressed() || d.severity() == Severity.WARNING, e.getKey() + ": " + d);
            assertTrue(checked.diagnostics().stream().noneMatch(x -> x.code().equals(Ids.SUPPRESSION_UNUSED)),
                    e.getKey() + ": " + checked.diagnostics());

            Path out = tmp.resolve(e.getKey().replace(' ', '-').replace(':', '-'));
            Build.Result built = Build.write(e.getValue(), out, EmitSettings.DEFAULT);
            assertTrue(built.succeeded(), e.getKey() + ": " + built.compilation().diagnostics());
            assertTrue(Files.exists(out.resolve("kubernetes/prometheusrule-shop--2.yaml")), e.getKey());
        }
    }

    /** The size errors take their place among the compiler's diagnostics, in source order, as --format json shows them. */
    @Test
    void theSizeErrorsAreInSourceOrderWithTheOthers() {
        // A check that does not exist, further down the file: a warning after the too large group.
        String source = hugeGroup("") + "checks {\n  Alert.NoSuchCheck warning \"typo\"\n}\n";
        CompileResult compiled = Compiler.compile(List.of(new SourceFile("shop.vigil", source)));
        assertTrue(compiled.project().isPresent(), compiled.diagnostics().toString());
        assertEquals(List.of(Ids.REFERENCE_UNKNOWN_CHECK), compiled.diagnostics().stream().map(Diagnostic::code).toList());
        CompileResult checked = OutputLimits.withLimits(compiled);
        assertFalse(checked.project().isPresent());
        List<Diagnostic> sorted = new ArrayList<>(checked.diagnostics());
        sorted.sort(Diagnostic.ORDER);
        assertEquals(sorted, checked.diagnostics());
        assertEquals(List.of(Ids.OUTPUT_TOO_LARGE, Ids.REFERENCE_UNKNOWN_CHECK),
                checked.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void theSampleRulesFitInOnePart() {
        Project p = compile(service("shop", 3, 3, ""));
        assertEquals(List.of("shop"), KubernetesRulesEmitter.objects(p).stream().map(KubernetesObject::name).toList());
        assertEquals(List.of(), OutputLimits.check(p));
    }
}
