package dev.vigil.targets.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.template.Functions;
import dev.vigil.compiler.template.TemplateChecker;
import dev.vigil.compiler.template.TemplateException;
import dev.vigil.compiler.template.TemplateRenderer;
import dev.vigil.targets.tools.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's one reading of Go templates against the real tool, over a catalogue of templates: every
 * template the checker refuses is one {@code promtool check rules} refuses, and the other way round
 * (unless it uses a feature of a newer Prometheus than the installed promtool); every template the
 * renderer renders comes out of {@code promtool test rules} with exactly that annotation. All
 * templates go through one rule file per command, so promtool runs twice in all.
 */
class TemplateDifferentialTest {
    /** Labels of every case's series (plus {@code case}); {@code $labels} also sees {@code __name__}. */
    private static final Map<String, String> LABELS = Map.of("job", "api", "instance", "web-1.example.com:9100",
            "team", "sre-platform");
    private static final Map<String, String> EXTERNAL_LABELS = Map.of("cluster", "eu-1");

    /**
     * A template; {@code value} is the series value in promtool's notation. {@code render}: the
     * renderer must render it (else a template that is only checked). {@code since}: the Prometheus
     * release that first accepts it, when newer than 2.42.
     */
    private record Case(String template, String value, boolean render, String since) {
    }

    private static final List<Case> CATALOGUE = new ArrayList<>();

    private static void render(String template, String value) {
        CATALOGUE.add(new Case(template, value, true, null));
    }

    private static void render(String template) {
        render(template, "339");
    }

    private static void check(String template) {
        CATALOGUE.add(new Case(template, "1", false, null));
    }

    private static void newer(String template, String since) {
        CATALOGUE.add(new Case(template, "1", false, since));
    }

    static {
        // Values as Prometheus prints and humanizes them.
        for (String v : List.of("1234567", "123456", "0.00001234", "3", "0.5", "1e21", "-2.5", "0", "NaN", "+Inf",
                "-Inf", "1e-7", "1000", "0.30000000000000004", "86400", "3599.5", "-0.001", "1048576", "1e300")) {
            render("{{ $value }}|{{ .Value }}|{{ $value | humanize }}|{{ humanize1024 $value }}|"
                    + "{{ humanizePercentage $value }}|{{ humanizeDuration $value }}|{{ printf \"%.2f\" $value }}", v);
        }
        render("{{ humanizeTimestamp $value }}|{{ $value | toTime }}", "1700000000.123");
        render("{{ humanizeTimestamp $value }}", "NaN");
        render("{{ humanize \"1234\" }}|{{ humanizeDuration \"90\" }}|{{ humanize \"Inf\" }}|{{ humanize 2048 }}");
        // printf verbs, widths, flags, and fmt's complaints.
        render("{{ printf \"%d|%5d|%-5d|%05d|%+d|%x|%X|%o|%b|%x|%d\" 42 42 42 42 42 255 255 8 5 -255 -7 }}");
        render("{{ printf \"%v|%s|%d\" nil nil nil }}|{{ printf \"%s\" }}|{{ printf \"a\" nil }}|{{ printf \"%v\" (args nil) }}");
        render("{{ printf \"%s|%q|%v|%10s|%-10s|%.3s|%x\" \"api\" \"a\\\"b\\n\" \"v\" \"r\" \"l\" \"abcdef\" \"hi\" }}");
        render("{{ printf \"%f|%.1f|%8.3f|%-8.2f|%e|%.2e|%g|%G|%v\" $value $value $value $value $value $value $value $value $value }}", "1234.5678");
        render("{{ printf \"%t|%v|%T|%T|%T|%%\" true false 1 1.5 \"s\" }}");
        render("{{ printf \"%d %d\" 1 }}|{{ printf \"%d\" 1 2 }}|{{ printf \"%d\" 1.5 }}|{{ printf \"%s\" 3 }}|{{ printf \"%z\" 1 }}");
        render("{{ printf \"% d|%+.2f|%08.3f|% .1f\" 5 2.5 -3.14159 7.0 }}");
        render("{{ printf \"%v\" $labels }}|{{ printf \"%s\" .Labels.job }}|{{ printf \"%q\" \"\\t\\u00e9\\x07\" }}");
        render("{{ printf \"%5.1f%%\" 99.44 }}|{{ printf \"%.0f\" 2.5 }}|{{ printf \"%.0f\" 3.5 }}|{{ printf \"%g\" 1e21 }}");
        // Control flow.
        render("{{ if gt $value 100.0 }}big{{ else if gt $value 10.0 }}mid{{ else }}small{{ end }}");
        render("{{ if gt $value 100.0 }}big{{ else if gt $value 10.0 }}mid{{ else }}small{{ end }}", "50");
        render("{{ if eq $labels.job \"api\" \"web\" }}match{{ end }}|{{ if ne $labels.job \"api\" }}no{{ else }}yes{{ end }}");
        render("{{ if and $labels.job (not $labels.missing) }}both{{ end }}|{{ or $labels.missing \"fallback\" }}|{{ and 1 0 }}|{{ or 0 \"\" }}");
        render("{{ or $labels.job (humanize \"not a number\") }}|{{ and $labels.missing (humanize \"x\") }}|");
        render("{{ with $labels.missing }}has {{ . }}{{ else }}none{{ end }}|{{ with $labels.job }}job {{ . }}{{ end }}");
        render("{{ with $x := $labels.team }}{{ $x }}/{{ . }}{{ end }}");
        render("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}");
        render("{{ range $labels }}{{ . }},{{ end }}|{{ range $v := .Labels }}[{{ $v }}]{{ end }}");
        render("{{ range $k, $v := $labels }}{{ if eq $k \"job\" }}{{ continue }}{{ end }}{{ if eq $k \"team\" }}{{ break }}{{ end }}{{ $k }} {{ end }}");
        render("{{ range $k, $v := $externalLabels }}{{ $k }}={{ $v }}{{ else }}none{{ end }}|{{ range args }}x{{ else }}empty{{ end }}");
        render("{{ if lt 1 2 }}lt{{ end }}{{ if le \"a\" \"b\" }}le{{ end }}{{ if ge 2.5 2.5 }}ge{{ end }}{{ if eq true true }}eq{{ end }}");
        render("{{ if lt $value 1.0 }}less{{ else }}not less{{ end }}", "NaN");
        // Pipelines and variables.
        render("{{ $labels.job | toUpper | printf \"%s!\" }}|{{ \"x\" | printf \"%s-%s\" \"y\" }}|{{ $value | printf \"%.1f\" }}");
        render("{{ $value | }}|{{ $labels.job | len }}|{{ (len $labels) }}|{{ ($labels).job }}");
        render("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}|{{ $y := $labels.job }}{{ if true }}{{ $y = \"inner\" }}{{ end }}{{ $y }}");
        render("{{ if $j := $labels.job }}{{ $j }}{{ end }}|{{ $ := 5 }}{{ $ }}");
        render("{{ $v := $value }}{{ $v }}|{{ $.Value }}|{{ $.Labels.job }}|{{ $labels.__name__ }}");
        // Labels, data and missing keys.
        render("{{ index $labels \"job\" }}|{{ index $labels \"missing\" }}|{{ index .Labels \"instance\" }}|{{ $labels.nope }}|{{ .Labels.nope }}");
        render("{{ .Labels }}|{{ $externalLabels }}|{{ $externalLabels.cluster }}|{{ .ExternalLabels.cluster }}|{{ $externalURL }}|{{ .ExternalURL }}");
        render("{{ . }}");
        render("{{ len \"héllo\" }}|{{ index \"abc\" 1 }}|{{ slice \"abcdef\" 1 3 }}|{{ slice \"abc\" 1 }}|{{ slice \"abc\" }}");
        // Whitespace trimming: Go trims only space, tab, CR and LF.
        render("a  {{- \"b\" -}}  c|{{- \" x\" }}\n\n  y|a\t\n{{- 1 }}|x\f {{- 1 }}|a {{- /* c */ -}} b|{{ 1 -}}\n {{ 2 }}");
        render("  {{- $labels.job -}}  \n|{{ $labels.job }} \u00a0{{- \"nbsp\" }}|a{{/* comment */}}b|{{- 3 -}}");
        render("line1\n{{ $labels.job }}\nline3\n");
        // String functions.
        render("{{ title \"hello wORLD\" }}|{{ title \"don't stop\" }}|{{ title \"élan vital_x-y 3d\" }}|{{ title \"a.b/c\" }}");
        render("{{ toUpper \"straße\" }}|{{ toLower \"İSTANBUL\" }}|{{ toUpper $labels.job }}|{{ toLower \"ÀÉ\" }}");
        render("{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}|{{ reReplaceAll \"a*\" \"-\" \"baaac\" }}");
        render("{{ reReplaceAll \"(?P<host>[^.]+)\\\\..*\" \"${host}\" $labels.instance }}|{{ reReplaceAll \"(a)\" \"$1x\" \"abc\" }}|{{ reReplaceAll \"(a)\" \"${1}x$$\" \"abc\" }}");
        render("{{ reReplaceAll \"x*\" \"-\" \"abc\" }}|{{ reReplaceAll \"^\" \">\" \"abc\" }}|{{ reReplaceAll \"b\" \"$\" \"abc\" }}");
        render("{{ if match \"^web-\" $labels.instance }}web{{ end }}|{{ match \"\\\\d+\" \"abc\" }}");
        render("{{ stripPort $labels.instance }}|{{ stripPort \"[::1]:9090\" }}|{{ stripPort \"host\" }}|{{ stripPort \"a:b:c\" }}");
        render("{{ stripDomain $labels.instance }}|{{ stripDomain \"10.0.0.1:80\" }}|{{ stripDomain \"db.local\" }}|{{ stripDomain \"[::1]:80\" }}");
        render("{{ graphLink \"rate(x[5m]) > 0\" }}|{{ tableLink \"up{job=\\\"a b\\\"}\" }}|{{ urlquery \"a b&c=d/é~*\" }}|{{ safeHtml \"<b>\" }}");
        render("{{ html \"<a href='x'>&</a>\" }}|{{ js \"it's <\\\"q\\\"> & \\\\ =\" }}|{{ html 1 2 }}|{{ urlquery \"x\" 3 }}");
        render("{{ print 1 2 \"a\" 3 \"b\" \"c\" }}|{{ print nil }}|{{ println \"a\" 1 }}|{{ print 1.5 true }}");
        render("{{ args 1 \"a\" }}|{{ (args 1 \"a\").arg1 }}|{{ parseDuration \"1h30m\" }}|{{ parseDuration \"90s\" }}|{{ parseDuration \"0\" }}");
        // Literals and escapes.
        render("{{ \"tab\\there\" }}|{{ \"\\u00e9\\x41\\101\" }}|{{ \"quote\\\"\" }}|{{ `raw\\n` }}|{{ \"\\U0001F600\" }}|{{ \"\\a\" | len }}");
        render("{{ 'a' }}|{{ '\\n' }}|{{ '\\'' }}|{{ 'é' }}|{{ '\\x41' }}");
        render("{{ 1e3 }}|{{ 0x1F }}|{{ 1_000 }}|{{ 0o17 }}|{{ 017 }}|{{ 1.5 }}|{{ .5 }}|{{ 0x1p-2 }}|{{ 3.0 }}|{{ -0 }}|{{ +7 }}|{{ 1e100 }}|{{ 0b101 }}");
        render("{{ true }}|{{ false }}|{{ not 0 }}|{{ not \"\" }}|{{ not $labels.job }}");
        render("{{ `multi\nline` }}|{{ 1\n}}|{{\n\t2 }}");
        // Templates of one's own.
        render("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" $labels.job }}{{ template \"x\" }}");
        render("{{ block \"b\" $value }}<{{ . }}>{{ end }}|{{ define \"e\" }}{{ end }}{{ template \"e\" }}");
        // Mistakes Prometheus refuses when it loads the rule.
        for (String t : List.of("{{ $labels.x ", "{{ if $value }}x", "x{{ end }}", "{{ humanise 1 }}", "{{ $lables.x }}",
                "{{ }}", "{{ else }}", "{{ $value | 3 }}", "{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}", "{{ break }}",
                "{{ continue }}", "{{ /* c */ }}", "{{/* c */ }}", "{{/* c", "{{ if 1 }}a{{ else }}b{{ else }}c{{ end }}",
                "{{ with 1 }}a{{ else if 2 }}b{{ end }}", "{{ range $labels }}a{{ else if 2 }}b{{ end }}",
                "{{ if 1 }}a{{ else with 2 }}b{{ end }}", "{{ range $labels }}{{ else }}{{ break }}{{ end }}",
                "{{ define \"x\" }}{{ $labels }}{{ end }}", "{{ block \"b\" . }}{{ $value }}{{ end }}", "{{ 08 }}",
                "{{ \"\\q\" }}", "{{ 'ab' }}", "{{ '' }}", "{{ \"a\".x }}", "{{ 1.x }}", "{{ range $i, $j, $k := 1 }}{{ end }}",
                "{{ if $a, $b := 1 }}{{ end }}", "{{ 9999999999999999999999 }}", "{{ \"abc }}", "{{ 1 2 ) }}", "{{ ( 1 }}",
                "{{ 1.2.3 }}", "{{ x-}}", "{{ -}}", "{{- -}}", "{{ :x }}", "{{ $x := }}", "{{ if }}{{ end }}", "{{ with }}{{ end }}",
                "{{ range $labels }}{{ define \"d\" }}{{ end }}{{ end }}", "{{ template }}", "{{ block \"b\" }}{{ end }}",
                "{{ end 1 }}", "{{ if 1 }}{{ else 1 }}{{ end }}", "{{ 0x }}", "{{ 1e }}", "{{ humanize | . }}", "{{ é }}",
                "{{ ☃ }}", "{{ a:b }}", "{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}",
                "{{ if 1 }}{{ else if 2 }}{{ else }}{{ else }}{{ end }}", "{{ break 1 }}", "{{ \"\\ud800\" }}", "{{ \"a\\\nb\" }}",
                "{{ with $x := 1 }}{{ $x }}{{ end }}{{ $x }}", "{{ range $i, $e := $labels }}{{ end }}{{ $i }}",
                "{{ define \"d\" }}{{ break }}{{ end }}", "{{ $value | printf \"%d\" | }}{{", "{{ if 1 }}{{ end }}{{ end }}",
                "{{ humanize 1 2 3 | | }}", "{{ \"x\" \"y\" | . }}", "{{ nil | humanize }}", "{{ 1 |  true }}", "{{ $labels .x }}",
                "{{ $labels. }}", "{{ .Labels..x }}", "{{ $value=1 }}", "{{ $ := }}", "{{ range $i, := $labels }}{{ end }}",
                "{{ 'x }}", "{{ `unclosed }}", "{{ \"a\"b }}", "{{ 1+2 }}", "{{ 0b2 }}", "{{ 1__0 }}", "{{ _1 }}", "{{ if if }}{{ end }}",
                "{{ printf \"%s\" (humanise 1) }}", "{{ with $labels }}{{ $.Labels.x }}{{ $y }}{{ end }}")) {
            check(t);
        }
        // Accepted by Prometheus's parser, though some fail or print nothing when run.
        for (String t : List.of("{{ $x = 1 }}", "{{ nil }}", "{{ $x := $x }}", "{{ if true }}{{ $x := 1 }}{{ else }}{{ $x }}{{ end }}",
                "{{ template \"nope\" }}", "{{ (1).x }}", "{{ .Foo }}", "{{ $labels.x.y }}", "{{ 1i }}", "{{ 1+2i }}", "{{ $ }}",
                "{{ . | humanize }}", "{{ 1 | $labels }}", "{{ $value | .x }}", "{{ $x:=1 }}{{$x}}", "{{ range $i, $j := $labels }}{{ end }}",
                "{{ define \"a\" }}{{ end }}{{ define \"a\" }}y{{ end }}", "{{ if 1 }}{{ else if 2 }}{{ else }}{{ end }}",
                "{{ range $labels }}{{ if true }}{{ continue }}{{ end }}{{ end }}", "{{ \"\\xff\" }}", "{{ '\\'' }}", "{{ template \"x\" 1 2 }}",
                "{{ with query \"up\" }}{{ . | first | value }}{{ end }}", "{{ range query \"up\" }}{{ .Labels.instance }}{{ end }}",
                "{{ query \"up\" | first | label \"job\" }}", "{{ externalURL }}{{ pathPrefix }}", "{{ call 1 }}",
                "{{ range $labels }}{{ break }}{{ end }}", "{{ block \"b\" . }}{{ $ }}{{ end }}", "{{ humanize.x 1 }}",
                "{{- /* trimmed */ -}}", "{{/* a }} {{ b */}}", "{{ (query \"x\") }}", "{{ 0x1E }}", "{{ -0x1E }}", "{{ 18446744073709551615 }}")) {
            check(t);
        }
        // Prometheus 3 accepts these; promtool 2.42 does not.
        newer("{{ with 1 }}a{{ else with 2 }}b{{ end }}", "3.0");
        newer("{{ with $labels.x }}a{{ else with $labels.job }}{{ . }}{{ else }}c{{ end }}", "3.0");
        // Every function in the table, by name: known to promtool unless a newer Prometheus added it.
        for (Functions.Function f : Functions.all()) {
            CATALOGUE.add(new Case("{{ if false }}{{ " + f.name() + " }}{{ end }}", "1", false, f.since()));
        }
        for (String unknown : List.of("humanise", "toupper", "upper", "default", "split", "join", "humanizeBytes")) {
            check("{{ if false }}{{ " + unknown + " }}{{ end }}");
        }
    }

    private static final Pattern REFUSED = Pattern.compile("rule \\d+, \"T(\\d+)\"");
    private static final Pattern FAILED_ALERT = Pattern.compile("alertname: T(\\d+)");

    @Test
    void promtoolAgreesWithTheCheckerAndTheRenderer(@TempDir Path tmp) throws Exception {
        Tool promtool = Tool.require("promtool");
        String version = version(promtool);
        assertTrue(CATALOGUE.size() >= 200, "catalogue of " + CATALOGUE.size());

        // 1. Loading: one rule file with every template.
        Files.writeString(tmp.resolve("all.rules.yml"), rules(allIndices()));
        Tool.Result checked = promtool.run(List.of("check", "rules", tmp.resolve("all.rules.yml").toString()));
        TreeSet<Integer> refused = new TreeSet<>();
        Matcher m = REFUSED.matcher(checked.stdout() + checked.stderr());
        while (m.find()) {
            refused.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(refused.isEmpty(), checked.ok(), checked.report());
        List<String> disagreements = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.size(); i++) {
            Case c = CATALOGUE.get(i);
            List<?> problems = TemplateChecker.check(c.template()).problems();
            boolean newer = c.since() != null && compare(c.since(), version) > 0;
            if (refused.contains(i) != (!problems.isEmpty() || newer)) {
                disagreements.add("T" + i + " " + quote(c.template()) + ": promtool " + (refused.contains(i) ? "refuses" : "accepts")
                        + ", Vigil's checker " + (problems.isEmpty() ? "accepts" : "refuses: " + problems)
                        + (newer ? " (Prometheus " + c.since() + " feature)" : ""));
            }
            if (!refused.contains(i)) {
                accepted.add(i);
            }
        }
        assertEquals(List.of(), disagreements, "checker and `promtool check rules` disagree; promtool said:\n" + checked.report());
        System.out.printf("Template differential: %d templates, %d refused by promtool %s%n", CATALOGUE.size(),
                refused.size(), version);

        // 2. Rendering: the accepted templates as alerts in one unit test.
        Map<Integer, String> expected = new TreeMap<>();
        List<String> unrendered = new ArrayList<>();
        for (int i : accepted) {
            Case c = CATALOGUE.get(i);
            try {
                expected.put(i, TemplateRenderer.render(c.template(), labels(i), value(c.value()), EXTERNAL_LABELS));
            } catch (TemplateException e) {
                if (c.render()) {
                    unrendered.add("T" + i + " " + quote(c.template()) + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), unrendered, "templates the renderer should render");
        assertTrue(expected.size() >= 100, "rendered " + expected.size());
        System.out.printf("Template differential: %d rendered by Vigil and compared with promtool's annotations%n",
                expected.size());
        Files.writeString(tmp.resolve("rendered.rules.yml"), rules(accepted));
        Files.writeString(tmp.resolve("rendered.test.yml"), unitTest(expected));
        Tool.Result run = promtool.run(List.of("test", "rules", tmp.resolve("rendered.test.yml").toString()));
        if (!run.ok()) {
            StringBuilder which = new StringBuilder();
            Matcher f = FAILED_ALERT.matcher(run.stdout() + run.stderr());
            while (f.find()) {
                int i = Integer.parseInt(f.group(1));
                which.append("T").append(i).append(" ").append(quote(CATALOGUE.get(i).template())).append("\n  Vigil: ")
                        .append(quote(expected.get(i))).append('\n');
            }
            fail("the renderer and `promtool test rules` disagree on:\n" + which + "\npromtool said:\n" + run.report());
        }
    }

    private static List<Integer> allIndices() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.size(); i++) {
            all.add(i);
        }
        return all;
    }

    private static Map<String, String> labels(int i) {
        Map<String, String> labels = new TreeMap<>(LABELS);
        labels.put("case", String.valueOf(i));
        labels.put("__name__", "catalogue");
        return labels;
    }

    private static double value(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    private static String rules(List<Integer> indices) {
        List<Object> rules = new ArrayList<>();
        for (int i : indices) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("alert", "T" + i);
            rule.put("expr", "catalogue{case=\"" + i + "\"}");
            rule.put("annotations", Map.of("a", CATALOGUE.get(i).template()));
            rules.add(rule);
        }
        return new org.yaml.snakeyaml.Yaml().dump(Map.of("groups", List.of(Map.of("name", "catalogue", "rules", rules))));
    }

    private static String unitTest(Map<Integer, String> expected) {
        List<Object> series = new ArrayList<>();
        List<Object> alerts = new ArrayList<>();
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            int i = e.getKey();
            StringBuilder selector = new StringBuilder("catalogue{");
            labels(i).forEach((k, v) -> {
                if (!k.equals("__name__")) {
                    selector.append(k).append("=\"").append(v).append("\",");
                }
            });
            String v = CATALOGUE.get(i).value();
            series.add(Map.of("series", selector.append('}').toString(), "values", v + " " + v + " " + v));
            Map<String, Object> labels = new TreeMap<>(labels(i));
            labels.remove("__name__");
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("eval_time", "1m");
            check.put("alertname", "T" + i);
            check.put("exp_alerts", List.of(Map.of("exp_labels", labels, "exp_annotations", Map.of("a", e.getValue()))));
            alerts.add(check);
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("external_labels", EXTERNAL_LABELS);
        test.put("input_series", series);
        test.put("alert_rule_test", alerts);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rule_files", List.of("rendered.rules.yml"));
        doc.put("tests", List.of(test));
        return new org.yaml.snakeyaml.Yaml().dump(doc);
    }

    private static String version(Tool promtool) {
        Tool.Result r = promtool.run(List.of("--version"));
        Matcher m = Pattern.compile("version (\\d+\\.\\d+)").matcher(r.stdout() + r.stderr());
        assertTrue(m.find(), r.report());
        return m.group(1);
    }

    /** Compares release numbers such as 2.42 and 3.6. */
    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "`" + s.replace("\n", "\\n").replace("\t", "\\t") + "`";
    }
}
