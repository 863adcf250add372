package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.promql.Strings;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Label and annotation values survive byte for byte: from a DSL string, through the emitted YAML,
 * back through SnakeYAML, and through promtool itself, which must see exactly the value written.
 */
class LabelValueRoundTripTest {
    /** Any Unicode scalar value, weighted towards what breaks YAML: quotes, backslashes, colons, line breaks, `{{`. */
    @Provide
    static Arbitrary<String> values() {
        Arbitrary<Integer> tricky = Arbitraries.of((int) '"', (int) '\'', (int) '\\', (int) ':', (int) '#', (int) '\n',
                (int) '\t', (int) ' ', (int) '{', (int) '}', (int) '|', (int) '>', (int) '-', (int) '&', (int) '*',
                (int) '!', (int) '%', (int) '@', (int) '`', 0x85, 0xA0, 0x2028, 0xFEFF, 0x1F600, (int) 'é', (int) 'Ж');
        Arbitrary<Integer> any = Arbitraries.integers().between(1, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        return Arbitraries.frequencyOf(Tuple.of(3, tricky), Tuple.of(1, any), Tuple.of(3, Arbitraries.integers().between(32, 126)))
                .list().ofMaxSize(24)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
    }

    private static Project project(List<String> values) {
        StringBuilder src = new StringBuilder("service s {\n  group g {\n");
        for (int i = 0; i < values.size(); i++) {
            String q = Strings.quote(values.get(i));
            src.append("    alert Value").append(i).append(" {\n")
                    .append("      when vector(1) > 0\n")
                    .append("      for 1m\n")
                    .append("      severity info\n")
                    .append("      labels { value = ").append(q).append(" }\n")
                    .append("      description ").append(q).append("\n")
                    .append("    }\n");
        }
        src.append("  }\n}\n");
        CompileResult r = Compiler.compile(List.of(new SourceFile("values.vigil", src.toString())));
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> emittedRules(Project p) {
        OutputManifest out = new OutputManifest();
        new PrometheusRulesEmitter().emit(p, EmitSettings.DEFAULT, out);
        Map<String, Object> doc = (Map<String, Object>) Yaml.load(new String(out.read("prometheus/rules/s.rules.yml"),
                StandardCharsets.UTF_8));
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) doc.get("groups")).get(0).get("rules");
    }

    /** The YAML writer alone, on any string, including `{{` that is not a valid template. */
    @Property(tries = 1000)
    @SuppressWarnings("unchecked")
    void anyStringSurvivesTheYamlWriter(@ForAll("values") String value) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("alert", "A");
        rule.put("labels", Map.of("value", value));
        rule.put("annotations", Map.of("description", value));
        Map<String, Object> loaded = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) Yaml.load(
                Yaml.dump(Map.of("rules", List.of(rule))))).get("rules")).get(0);
        assertEquals(value, ((Map<String, String>) loaded.get("labels")).get("value"));
        assertEquals(value, ((Map<String, String>) loaded.get("annotations")).get("description"));
    }

    /** The whole way: a DSL string, the model, the emitted rules file, read back. */
    @Property(tries = 300)
    @SuppressWarnings("unchecked")
    void valuesSurviveFromTheSourceToTheRulesFile(@ForAll("values") String value) {
        // `{{` starts a template, which the compiler checks; templates get their own tests.
        Assume.that(!value.contains("{{") && !value.contains("}}"));
        Map<String, Object> rule = emittedRules(project(List.of(value))).get(0);
        assertEquals(value, ((Map<String, String>) rule.get("labels")).get("value"));
        assertEquals(value, ((Map<String, String>) rule.get("annotations")).get("description"));
    }

    /**
     * promtool reads the same bytes: each alert's label must equal the value in a unit test whose
     * expectation is written independently of the rules file. Values with `{{` are templates to
     * Prometheus, so they are left to the YAML property above.
     */
    @Test
    void promtoolSeesExactlyTheValuesWritten(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Tool promtool = Tool.require("promtool");
        List<String> values = new ArrayList<>(List.of("plain", "quote \" and ' apostrophe", "back\\slash", "colon: x",
                "# hash", "new\nline", "tab\tbed", "ünïcødé ✓ 😀", "trailing space ", " leading", "- dash", "* star",
                "&anchor", "!tag", "%percent", "@at", "`tick`", "|pipe", ">fold", "yes", "null", "1e3", "0x1F", "~"));
        values.addAll(values().sampleStream().filter(v -> !v.contains("{{") && !v.contains("}}") && !v.contains("{")
                && v.codePoints().noneMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\t')
                && !v.contains("\uFEFF")).limit(80).toList());
        Project p = project(values);
        OutputManifest out = new OutputManifest();
        new PrometheusRulesEmitter().emit(p, EmitSettings.DEFAULT, out);
        Path rules = tmp.resolve("s.rules.yml");
        Files.write(rules, out.read("prometheus/rules/s.rules.yml"));

        List<Object> alertTests = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> labels = new LinkedHashMap<>();
            // An empty label value is no label at all in Prometheus.
            if (!values.get(i).isEmpty()) {
                labels.put("value", values.get(i));
            }
            labels.put("severity", "info");
            labels.put("service", "s");
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("exp_labels", labels);
            expected.put("exp_annotations", Map.of("description", values.get(i)));
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("eval_time", "2m");
            check.put("alertname", "Value" + i);
            check.put("exp_alerts", List.of(expected));
            alertTests.add(check);
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("input_series", List.of());
        test.put("alert_rule_test", alertTests);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rule_files", List.of("s.rules.yml"));
        doc.put("tests", List.of(test));
        // The expectation goes through plain SnakeYAML, not Vigil's writer, so the two can disagree.
        Path testFile = tmp.resolve("s.test.yml");
        Files.writeString(testFile, new org.yaml.snakeyaml.Yaml().dump(doc));

        Tool.Result check = promtool.run(List.of("check", "rules", rules.toString()));
        assertTrue(check.ok(), check.report());
        Tool.Result run = promtool.run(List.of("test", "rules", testFile.toString()));
        assertTrue(run.ok(), run.report());
    }
}
