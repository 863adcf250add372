package dev.vigil.compiler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TemplateCheckerTest {
    private static List<String> problems(String text) {
        return TemplateChecker.check(text).problems().stream().map(Template.Problem::message).toList();
    }

    @Test
    void validTemplatesHaveNoProblems() {
        for (String ok : List.of(
                "Kafka hot-key skew high (>{{ $value | humanize }}x)",
                "{{ $labels.instance }} of {{ .Labels.job }} is {{ printf \"%.2f\" .Value }}",
                "{{- if gt $value 0.5 -}} high {{- else if gt $value 0.2 }} mid {{ else }} low {{ end }}",
                "{{ range $i, $s := query \"up == 0\" }}{{ $s.Labels.instance }} {{ . | value }}{{ end }}",
                "{{ with query \"sum(up)\" }}{{ . | first | value | humanize }}{{ end }}",
                "{{ $x := 3 }}{{ $x = 4 }}{{ $x }}{{/* a comment */}}{{- /* trimmed */ -}}",
                "{{ index $labels \"instance\" }} {{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}",
                "{{ $externalLabels.cluster }} {{ $externalURL }} {{ humanizeDuration 90 }} {{ -3 }}",
                "{{ range query \"up\" }}{{ break }}{{ end }}",
                "no template at all")) {
            assertEquals(List.of(), problems(ok), ok);
        }
    }

    @Test
    void brokenTemplatesAreReported() {
        assertEquals(List.of("an action `{{` is never closed with `}}`"), problems("{{ $labels.x "));
        assertEquals(List.of("`{{ if }}` is never closed with `{{ end }}`"), problems("{{ if $value }}x"));
        assertEquals(List.of("`{{ end }}` has no `if`, `range` or `with` to close"), problems("x{{ end }}"));
        assertEquals(List.of("function `humanise` is not defined"), problems("{{ $value | humanise }}"));
        assertEquals(List.of("variable `$lables` is not defined"), problems("{{ $lables.instance }}"));
        assertEquals(List.of("the action `{{ }}` is empty"), problems("{{ }}"));
        assertEquals(List.of("`{{ else }}` is outside an `if`, `range` or `with`"), problems("{{ else }}"));
        assertEquals(List.of("`3` cannot take the piped value: only a function can"), problems("{{ $value | 3 }}"));
        assertEquals(List.of("variable `$x` is not defined"), problems("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}"));
        assertEquals(List.of("`{{ break }}` is outside a `range`"), problems("{{ break }}"));
    }

    @Test
    void labelAndValueUsesAreFound() {
        TemplateChecker.Result r = TemplateChecker.check(
                "{{ $labels.consumergroup }} {{ .Labels.topic }} {{ index $labels \"partition\" }}"
                        + "{{ range query \"up\" }}{{ .Labels.notours }}{{ end }}");
        assertEquals(List.of("consumergroup", "topic", "partition"),
                r.labels().stream().map(TemplateChecker.LabelRef::name).toList());
        assertTrue(r.usesValue(), "query counts as a value");
        assertFalse(TemplateChecker.check("{{ $labels.instance }}").usesValue());
        assertTrue(TemplateChecker.check("x {{ $value | humanizePercentage }}").usesValue());
        assertTrue(TemplateChecker.check("{{ .Value }}").usesValue());
    }

    @Test
    void goParserRulesThatTheOldScannerMissed() {
        // Each of these was accepted by the old scanner and is refused by promtool 2.42 (see TemplateDifferentialTest).
        for (String refused : List.of("{{ /* c */ }}", "{{/* c */ }}", "{{ if 1 }}a{{ else }}b{{ else }}c{{ end }}",
                "{{ with 1 }}a{{ else if 2 }}b{{ end }}", "{{ range $labels }}{{ else }}{{ break }}{{ end }}",
                "{{ define \"x\" }}{{ $labels }}{{ end }}", "{{ 08 }}", "{{ \"\\q\" }}", "{{ 'ab' }}", "{{ \"a\".x }}",
                "{{ if $a, $b := 1 }}{{ end }}", "{{ 1 | true }}", "{{ $value=1 }}", "{{ 1+2 }}",
                "{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}")) {
            assertFalse(problems(refused).isEmpty(), refused);
        }
        // And these it refused, though Prometheus loads them.
        for (String accepted : List.of("{{ $value | }}", "{{ 0o17 }}{{ 0x1p-2 }}{{ 0b101 }}{{ -0x1E }}{{ 1i }}", "{{ $x = 1 }}",
                "{{ if true }}{{ $x := 1 }}{{ else }}{{ $x }}{{ end }}", "{{ 1 | $labels }}", "{{ $value | .x }}",
                "{{ with 1 }}a{{ else with 2 }}b{{ end }}")) {
            assertEquals(List.of(), problems(accepted), accepted);
        }
    }

    @Test
    void problemsPointIntoTheText() {
        TemplateChecker.Result r = TemplateChecker.check("ok {{ $value | humanise }} {{ if $labels.x }}");
        assertEquals(List.of(new Template.Problem("function `humanise` is not defined", 15),
                new Template.Problem("`{{ if }}` is never closed with `{{ end }}`", 27)), r.problems());
    }

    /** Token soup that looks like templates: parsing and checking never throw, rendering throws only TemplateException. */
    @Property(tries = 2000)
    void templateLikeTextNeverThrows(@ForAll long seed) {
        String[] parts = {"{{", "}}", "{{-", "-}}", " ", "\n", "$labels", ".x", ".Labels", "$value", "$", ".", "|",
            "humanize", "printf", "\"%d\"", "if", "end", "else", "range", "with", "define", "block", "template",
            "break", "continue", "\"", "`", "'", "(", ")", ":=", "=", "$a", "/*", "*/", "3", "-1.5e3", "0x", "1i",
            "index", ",", "query", "nil", "true", "\\", "\\u00e9", "é", "☃", "\t", "\"x\"", "'c'", "and", "eq"};
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(40); i > 0; i--) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        assertNeverThrows(b.toString());
    }

    /** Any string at all, control characters and surrogates included. */
    @Property(tries = 1000)
    void anyStringNeverThrows(@ForAll String text) {
        assertNeverThrows(text);
        assertNeverThrows("{{ " + text + " }}");
    }

    private static void assertNeverThrows(String text) {
        TemplateChecker.Result r = TemplateChecker.check(text);
        for (Template.Problem p : r.problems()) {
            assertTrue(p.offset() >= 0 && p.offset() <= text.length(), p + " in " + text);
        }
        try {
            TemplateRenderer.render(text, java.util.Map.of("job", "api"), 1.5, java.util.Map.of());
        } catch (TemplateException e) {
            // a refusal with a message is the one way it may fail
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
    }
}
