package dev.vigil.targets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Label values and annotations survive emission unchanged: texts full of what breaks YAML, JSON, Markdown
 * and HTML (quotes, backslashes, line breaks, `---`, `#`, `: `, leading spaces, `<script>`, `[x](y)`,
 * any Unicode) are written into a `.vigil` source with {@link VigilText#string} (the project's own
 * quoting), built, and read back with SnakeYAML and Jackson from the Prometheus rule file (a label, the
 * summary, the description and an annotation of an alert), the Alertmanager configuration (a route's
 * matcher, a Slack receiver's channel and title) and the Grafana dashboard (its title, a tag and a
 * panel's title). Each must equal the text written.
 *
 * <p>Alert labels and annotations and Alertmanager's notification fields are Go templates to
 * Prometheus and Alertmanager, which Vigil checks: there `{{` appears only as a whole, valid action
 * ({@code {{ $value }}}, {@code {{ $labels.job }}}, ...; never `$value` in a label, which
 * Template.ValueInLabel rejects), and a lone `}}` as text. A route matcher's value must be an alert's
 * label value, so it is generated as one. Grafana's titles and tags are no templates and take `{{` anywhere.
 */
class RoundTripPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pieces texts are made of: what each format treats specially, then any character. */
    private static final List<String> TRICKY = List.of("\"", "'", "\\", "\\n", "\n", "\r\n", "\t", " ", "  leading", "---",
            "...", "# not a comment", ": ", "- ", "? ", "|", ">", "&anchor", "*alias", "!tag", "%", "@", "`", "~", "null",
            "yes", "1e3", "0x1F", "<script>alert(1)</script>", "<b>bold</b>", "&amp;", "[link](javascript:alert(1))",
            "**bold**", "_em_", "# Heading", "> quote", "$value", "${var}", "$1", "é", "Ж", "日本", "😀", "\u00a0",
            "\u2028", "\u0085", "}}", "}");
    private static final List<String> ACTIONS = List.of("{{ $value }}", "{{ $value | humanize }}", "{{ $labels.job }}",
            "{{ .Labels.job }}", "{{ \"}}\" }}", "{{/* a comment */}}");

    record Texts(String label, String summary, String description, String annotation, String matcher, String channel,
            String title, String dashboard, String tag, String panel) {
    }

    @Property(tries = 20, seed = Samples.FIXED_SEED)
    void textsSurviveEmissionWithTheFixedSeed(@ForAll("texts") Texts t) throws Exception {
        exercise(t);
    }

    @Property(tries = 20)
    void textsSurviveEmissionWithARandomSeed(@ForAll("texts") Texts t) throws Exception {
        exercise(t);
    }

    /** Text with no template meaning: any piece, `{{` included. */
    private static Arbitrary<String> plain() {
        return text(Arbitraries.of("{{", "{{ $value }}"));
    }

    /** Text read as a Go template: `{{` only as a valid action. */
    private static Arbitrary<String> templated() {
        return text(Arbitraries.of(ACTIONS));
    }

    private static Arbitrary<String> text(Arbitrary<String> braces) {
        Arbitrary<String> any = Arbitraries.integers().between(1, 0x10FFFF).filter(cp -> (cp < 0xD800 || cp > 0xDFFF) && cp != '{')
                .map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6)
                .filter(s -> s.indexOf('{') < 0);
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(TRICKY)), Tuple.of(1, braces), Tuple.of(1, any),
                Tuple.of(3, ascii)).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<Texts> texts() {
        Arbitrary<String> templated = templated();
        Arbitrary<String> plain = plain();
        // `$value` in a label would make every new value a new alert: Template.ValueInLabel rejects it.
        Arbitrary<String> label = text(Arbitraries.of(ACTIONS).filter(a -> !a.contains("$value")));
        // The route's value must be some alert's label (Routing.UnknownLabel), which is a template too.
        return Combinators.combine(List.of(label, templated, templated, templated, label, templated, templated,
                plain, plain, plain)).as(v -> new Texts((String) v.get(0), (String) v.get(1), (String) v.get(2),
                        (String) v.get(3), (String) v.get(4), (String) v.get(5), (String) v.get(6), (String) v.get(7),
                        (String) v.get(8), (String) v.get(9)));
    }

    private static String source(Texts t) {
        return "service s {\n"
                + "  group g {\n"
                + "    alert A {\n"
                + "      when vector(1) > 0\n"
                + "      for 1m\n"
                + "      severity critical\n"
                + "      labels { value = " + VigilText.string(t.label()) + ", team = " + VigilText.string(t.matcher()) + " }\n"
                + "      summary " + VigilText.string(t.summary()) + "\n"
                + "      description " + VigilText.string(t.description()) + "\n"
                + "      annotations { note = " + VigilText.string(t.annotation()) + " }\n"
                + "    }\n"
                + "  }\n"
                + "  dashboard d " + VigilText.string(t.dashboard()) + " {\n"
                + "    uid \"d\"\n"
                + "    tags [" + VigilText.string(t.tag()) + "]\n"
                + "    row \"r\" { timeseries p " + VigilText.string(t.panel()) + " { query vector(1) } }\n"
                + "  }\n"
                + "}\n"
                + "routing {\n"
                + "  receiver chat slack { channel " + VigilText.string(t.channel()) + " api_url_file \"/etc/am/slack\""
                + " title " + VigilText.string(t.title()) + " }\n"
                + "  receiver other slack { channel \"#x\" api_url_file \"/etc/am/slack\" }\n"
                + "  route team = " + VigilText.string(t.matcher()) + " to chat\n"
                + "  route default to other\n"
                + "}\n";
    }

    @SuppressWarnings("unchecked")
    private static void exercise(Texts t) throws Exception {
        String source = source(t);
        CompileResult r = Compiler.compile(List.of(new SourceFile("texts.vigil", source)));
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors, source);
        SortedMap<String, byte[]> files = Build.emit(r.project().orElseThrow(), EmitSettings.DEFAULT).files();

        Map<String, Object> rules = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(text(files, "prometheus/rules/s.rules.yml"));
        Map<String, Object> alert = ((List<Map<String, Object>>) ((List<Map<String, Object>>) rules.get("groups")).get(0)
                .get("rules")).get(0);
        Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
        Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
        assertEquals(t.label(), labels.get("value"), source);
        assertEquals(t.summary(), annotations.get("summary"), source);
        assertEquals(t.description(), annotations.get("description"), source);
        assertEquals(t.annotation(), annotations.get("note"), source);

        Map<String, Object> am = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(text(files, "alertmanager/alertmanager.yml"));
        Map<String, Object> route = ((List<Map<String, Object>>) ((Map<String, Object>) am.get("route")).get("routes")).get(0);
        List<String> matchers = (List<String>) route.get("matchers");
        assertEquals(1, matchers.size(), source);
        assertEquals(t.matcher(), matcherValue(matchers.get(0), "team"), source);
        Map<String, Object> slack = ((List<Map<String, Object>>) ((List<Map<String, Object>>) am.get("receivers")).stream()
                .filter(x -> "chat".equals(x.get("name"))).findFirst().orElseThrow().get("slack_configs")).get(0);
        assertEquals(t.channel(), slack.get("channel"), source);
        assertEquals(t.title(), slack.get("title"), source);

        String dashboardFile = files.keySet().stream().filter(f -> f.startsWith("grafana/") && f.endsWith(".json"))
                .filter(f -> !f.contains("slo")).findFirst().orElseThrow(() -> new AssertionError(files.keySet()));
        JsonNode dashboard = JSON.readTree(files.get(dashboardFile));
        assertEquals(t.dashboard(), dashboard.path("title").asText(), source);
        assertEquals(t.tag(), dashboard.path("tags").path(0).asText(), source);
        assertEquals(t.panel(), dashboard.findValues("title").stream().map(JsonNode::asText)
                .filter(x -> x.equals(t.panel())).findFirst().orElse("<no panel titled so>"), source);
    }

    private static String text(Map<String, byte[]> files, String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new AssertionError("no " + path + " in " + files.keySet());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The value of Alertmanager's matcher {@code label="..."}, unescaped as Alertmanager does: `\\`, `\"` and `\n`. */
    private static String matcherValue(String matcher, String label) {
        assertEquals(label + "=\"", matcher.substring(0, label.length() + 2), matcher);
        assertEquals('"', matcher.charAt(matcher.length() - 1), matcher);
        StringBuilder out = new StringBuilder();
        String quoted = matcher.substring(label.length() + 2, matcher.length() - 1);
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                char next = quoted.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
