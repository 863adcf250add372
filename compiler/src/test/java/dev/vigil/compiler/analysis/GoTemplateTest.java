package dev.vigil.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GoTemplateTest {
    private static List<String> problems(String text) {
        return GoTemplate.parse(text).problems().stream().map(GoTemplate.Problem::message).toList();
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
        GoTemplate.Result r = GoTemplate.parse(
                "{{ $labels.consumergroup }} {{ .Labels.topic }} {{ index $labels \"partition\" }}"
                        + "{{ range query \"up\" }}{{ .Labels.notours }}{{ end }}");
        assertEquals(List.of("consumergroup", "topic", "partition"),
                r.labels().stream().map(GoTemplate.LabelRef::name).toList());
        assertTrue(r.usesValue(), "query counts as a value");
        assertFalse(GoTemplate.parse("{{ $labels.instance }}").usesValue());
        assertTrue(GoTemplate.parse("x {{ $value | humanizePercentage }}").usesValue());
        assertTrue(GoTemplate.parse("{{ .Value }}").usesValue());
    }

    @Property(tries = 1000)
    void randomTextNeverThrows(@ForAll long seed) {
        String[] parts = {"{{", "}}", "{{-", "-}}", " ", "$labels", ".x", "$value", "|", "humanize", "if", "end",
            "else", "range", "\"", "`", "(", ")", ":=", "$a", "/*", "*/", "3", "index", "'", ",", "query"};
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(30); i > 0; i--) {
            b.append(parts[r.nextInt(parts.length)]);
        }
        GoTemplate.parse(b.toString());
    }
}
