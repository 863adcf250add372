package dev.vigil.compiler.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected texts were printed by promtool 2.42 for the same templates and values. */
class TemplateRendererTest {
    private static String render(String template, double value) throws TemplateException {
        return TemplateRenderer.render(template, Map.of("job", "api"), value, Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1234567;    1.234567e+06|1.235M|1234567.00|1.235e+08%|14d 6h 56m 7s||1.177Mi",
        "123456;     123456|123.5k|123456.00|1.235e+07%|1d 10h 17m 36s||120.6ki",
        "0.00001234; 1.234e-05|12.34u|0.00|0.001234%|12.34us||1.234e-05",
        "3;          3|3|3.00|300%|3s||3",
        "0.5;        0.5|500m|0.50|50%|500ms||0.5",
        "1e21;       1e+21|1Z|1000000000000000000000.00|1e+23%|-106751991167300d -15h -30m -8s||867.4Ei",
        "-2.5;       -2.5|-2.5|-2.50|-250%|-2.5s||-2.5",
        "1e20;       1e+20|100E|100000000000000000000.00|1e+22%|-106751991167300d -15h -30m -8s||86.74Ei",
        "0.0001;     0.0001|100u|0.00|0.01%|100us||0.0001",
        "339;        339|339|339.00|3.39e+04%|5m 39s||339",
        "1000;       1000|1k|1000.00|1e+05%|16m 40s||1000",
    })
    void matchesPrometheus(double value, String expected) throws TemplateException {
        assertEquals(expected, render("{{ $value }}|{{ $value | humanize }}|{{ printf \"%.2f\" $value }}|"
                + "{{ humanizePercentage $value }}|{{ humanizeDuration $value }}|{{ $labels.missing }}|"
                + "{{ humanize1024 $value }}", value));
    }

    @Test
    void controlFlowVariablesAndLabels() throws TemplateException {
        assertEquals("big API api", render("{{ if gt $value 100.0 }}big{{ else }}small{{ end }} "
                + "{{ $labels.job | toUpper }} {{ with .Labels.job }}{{ . }}{{ end }}{{ .Labels.nope }}", 339));
        assertEquals("a-b 5", render("{{- $x := 5 -}} a-b {{ $x }}", 1));
    }

    /** Cases where the two earlier copies were wrong; expected texts from promtool 2.42 (TemplateDifferentialTest). */
    @Test
    void goSemanticsTheOldRendererMissed() throws TemplateException {
        assertEquals("job=api;|api,", render("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}|"
                + "{{ range $labels }}{{ . }},{{ end }}", 1));
        assertEquals("Don'T Stop|STRAßE|istanbul", render("{{ title \"don't stop\" }}|{{ toUpper \"straße\" }}|"
                + "{{ toLower \"İSTANBUL\" }}", 1));
        assertEquals("-b-c-|bc|<nil>|x\f1", render("{{ reReplaceAll \"a*\" \"-\" \"baaac\" }}|"
                + "{{ reReplaceAll \"(a)\" \"$1x\" \"abc\" }}|{{ print nil }}|x\f {{- 1 }}", 1));
        assertEquals("10|101|-ff|int|\"\\t\\a\"", render("{{ printf \"%o|%b|%x|%T|%q\" 8 5 -255 1 \"\\t\\a\" }}", 1));
        assertEquals("97|31|15|0.25|é", render("{{ 'a' }}|{{ 0x1F }}|{{ 0o17 }}|{{ 0x1p-2 }}|{{ \"\\u00e9\" }}", 1));
        assertEquals("{map[job:api] map[]  2}", render("{{ . }}", 2));
        assertEquals("[api]<2>", render("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" $labels.job }}"
                + "{{ block \"b\" $value }}<{{ . }}>{{ end }}", 2));
        assertEquals("api", render("{{ or $labels.job (humanize \"not a number\") }}", 1));
        assertEquals("1970-01-01 00:00:01.5 +0000 UTC|5400|/graph?g0.expr=up+%3D%3D+0&g0.tab=0",
                render("{{ humanizeTimestamp 1.5 }}|{{ parseDuration \"1h30m\" }}|{{ graphLink \"up == 0\" }}", 1));
    }

    @Test
    void whatPrometheusFailsToRunIsRefused() {
        for (String t : List.of("{{ .Foo }}", "{{ nil }}", "{{ $labels.job.x }}", "{{ gt $value 1 }}", "{{ 08 }}")) {
            assertThrows(TemplateException.class, () -> render(t, 1), t);
        }
    }

    @Test
    void queriesAreRefusedWithAReason() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> render("{{ with query \"up\" }}{{ . | first | value }}{{ end }}", 1));
        assertEquals("`query` needs a running Prometheus; give the annotation in the test", e.getMessage());
    }
}
