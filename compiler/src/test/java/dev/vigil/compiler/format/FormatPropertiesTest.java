package dev.vigil.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The formatter's properties over generated programs: every construct of the language, laid out with
 * random whitespace, line breaks and comments between any two tokens. Formatting is idempotent, keeps
 * every comment, and the formatted program compiles to the same model and findings.
 */
class FormatPropertiesTest {
    /** Strings first, so that nothing inside one is split; then names, numbers (a percent sign stays on its number), operators. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|\\$?[A-Za-z_][A-Za-z0-9_:]*|[0-9][0-9.]*(?:e[+-]?[0-9]+)?[a-z]*%?|=~|!~|!=|==|>=|<=|\\S");

    private static final String[] EXPRESSIONS = {
        "up{job=\"api\"} == 0",
        "sum by (job) (rate(m_total{status=~\"5..\"}[5m])) / (sum by (job) (rate(m_total[5m])) > 0) > $floor",
        "histogram_quantile(0.99, sum by (le, job) (rate(m_seconds_bucket{job=\"api\", instance!=\"\"}[5m]))) > 0.5",
        "max_over_time(up[10m:1m]) < 1 or absent(up{job=\"api\"})",
        "rate(m_total[5m] offset 1h) * 2 ^ 2",
        "sum(rate(m_total[5m])) by (job) / on (job) group_left () (count by (job) (up) > 0)",
        "100 * (job:m:rate5m + job:m:rate5m + job:m:rate5m + job:m:rate5m + job:m:rate5m + job:m:rate5m) / 3",
        "-(job:m:rate5m) < bool -1",
        "topk(3, sum without (instance) (rate(m_total{job=\"api\", status=~\"5..\", method!~\"GET|HEAD\"}[5m])))"
                + " and on () sum(rate(m_total[5m])) > 0",
        "clamp_min(avg by (job) (job:m:rate5m), 0.001) unless job:m:rate5m{job=\"a very long job name that pushes "
                + "the line\"} > 1e3",
    };

    @Provide
    Arbitrary<String> programs() {
        return Arbitraries.longs().map(seed -> layout(program(new Random(seed)), new Random(~seed)));
    }

    @Property(tries = 150)
    void formattingIsIdempotentKeepsCommentsAndMeaning(@ForAll("programs") String program) {
        Formatter.Result once = Formatter.format("gen.vigil", program);
        assertTrue(once.formatted().isPresent(), () -> once.diagnostics() + "\n" + program);
        String text = once.formatted().get();
        assertEquals(text, Formatter.format("gen.vigil", text).formatted().orElseThrow(), program);
        assertEquals(comments(program), comments(text));
        Object before = Meaning.of(List.of(new SourceFile("gen.vigil", program)));
        // A program with errors has no model; the comparison would then say little.
        assertTrue(((java.util.Map<?, ?>) before).get("project") != null, program);
        assertEquals(before, Meaning.of(List.of(new SourceFile("gen.vigil", text))), program);
        for (String line : text.split("\n")) {
            assertTrue(!line.endsWith(" "), () -> "trailing space in\n" + text);
        }
    }

    /** The generator is worth something only if what it generates is a real project, with a model to compare. */
    @Example
    void theGeneratedProgramsCompile() {
        for (long seed = 0; seed < 20; seed++) {
            String program = layout(program(new Random(seed)), new Random(seed));
            CompileResult r = Compiler.compile(List.of(new SourceFile("gen.vigil", program)));
            List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(List.of(), errors, program);
            assertTrue(r.project().isPresent());
        }
    }

    @Example
    void aProgramWithSyntaxErrorsIsNotFormatted() {
        Formatter.Result r = Formatter.format("bad.vigil", "service api {\n  alert X { when }\n");
        assertTrue(r.formatted().isEmpty());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().startsWith("Syntax.")), r.diagnostics().toString());
    }

    private static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("/\\* c\\d+ \\*/|// c\\d+|# c\\d+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    // ------------------------------------------------------------------ generation

    private static String program(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("severities critical > warning > info\n");
        }
        if (r.nextBoolean()) {
            b.append("settings { scrape_interval 15s evaluation_interval 30s }\n");
        }
        if (r.nextBoolean()) {
            b.append("checks { Alert.MissingRunbook off \"generated\" Naming.AlertCase error }\n");
        }
        b.append("const global_limit = ").append(r.nextInt(100)).append('\n');
        b.append("service api {\n team \"platform\" labels { app = \"api\", tier = \"web\" }\n");
        if (r.nextBoolean()) {
            b.append("links { repo \"https://git.example.com/api\" runbooks \"https://runbooks.example.com/api\" }\n");
        }
        b.append("const floor = 0.").append(1 + r.nextInt(9)).append('\n');
        b.append("metric m_total counter { labels [job, status, method, instance] help \"Requests.\" unit \"requests\" }\n");
        b.append("metric m_seconds histogram { labels [job, instance] buckets [0.1, 0.5, 1] }\n");
        b.append("metric up gauge\n");
        b.append("group api_rules every ").append(15 + r.nextInt(4) * 15).append("s limit 100 {\n");
        b.append("record job:m:rate5m = sum by (job) (rate(m_total[5m]))\n");
        b.append("record job:m:ratio labels { source = \"vigil\" } = ").append(expr(r)).append('\n');
        int alerts = 1 + r.nextInt(3);
        for (int i = 0; i < alerts; i++) {
            b.append("alert ApiAlert").append(i).append(" {\n when ").append(expr(r)).append('\n');
            if (r.nextBoolean()) {
                b.append("guard sum(rate(m_total[5m]))\n");
            }
            b.append("for ").append(1 + r.nextInt(20)).append("m\n");
            if (r.nextBoolean()) {
                b.append("keep_firing_for 5m\n");
            }
            b.append("severity ").append(r.nextBoolean() ? "critical" : "warning").append('\n');
            b.append("labels { component = \"api\" }\n");
            b.append("summary \"Alert ").append(i).append(" at {{ $value | humanize }}\"\n");
            b.append("description `Over two lines:\nthe second one.`\n");
            b.append("panel api_overview.latency\n");
            b.append("runbook { meaning \"It means trouble.\" triage \"Look.\" diagnose \"Rates\" = ").append(expr(r))
                    .append(" remediate \"Restart.\" run \"kubectl rollout restart deploy/api\" escalate \"Page.\"")
                    .append(" related ApiAlert").append(i).append(", api_overview }\n}\n");
        }
        b.append("}\n");
        if (r.nextBoolean()) {
            b.append("slo availability { objective 99.9% window 30d description \"Good requests.\"")
                    .append(" sli events { errors = m_total{status=~\"5..\"} total = m_total } by [job]")
                    .append(" alerting { page critical page_for 2m ticket warning } }\n");
        }
        b.append("dashboard api_overview \"API overview\" { uid \"api-overview\" tags [\"api\", \"web\"] refresh 30s")
                .append(" variable job = label_values(m_total, job) { multi true include_all true }")
                .append(" row \"Latency\" { timeseries latency \"Latency\" { query ").append(expr(r))
                .append(" legend \"{{job}}\" unit \"s\" min 0 thresholds { green 0, red 1 } } }")
                .append(" stat alerting \"Alerting\" { query up thresholds from ApiAlert0 } }\n");
        if (r.nextBoolean()) {
            b.append("test \"a healthy target does not alert\" { every 1m series up{job=\"api\", instance=\"a:1\"} = \"1x30\"")
                    .append(" at 10m expect value up is [ {__name__=\"up\", job=\"api\", instance=\"a:1\"} = 1 ] }\n");
        }
        b.append("}\n");
        b.append("routing { receiver pager pagerduty { routing_key_file \"/etc/am/pd\" }")
                .append(" receiver chat slack { channel \"#api\" api_url_file \"/etc/am/slack\" send_resolved true }")
                .append(" route severity >= critical to pager { group_by [alertname, job] group_wait 10s continue }")
                .append(" route default to chat { group_by [alertname] repeat_interval 4h }")
                .append(" inhibit severity = warning while severity = critical on [alertname]")
                .append(" test \"pages\" { {alertname = \"ApiAlert0\", severity = \"critical\"} expect pager, chat } }\n");
        return b.toString();
    }

    private static String expr(Random r) {
        return EXPRESSIONS[r.nextInt(EXPRESSIONS.length)];
    }

    /** The program's tokens joined by random whitespace, with comments of all three kinds between some of them. */
    private static String layout(String program, Random r) {
        String[] separators = {" ", " ", " ", "  ", "\n", "\n  ", "\n\n\n", "\t", " \n    "};
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(program);
        int comment = 0;
        while (m.find()) {
            if (out.length() > 0) {
                int roll = r.nextInt(40);
                if (roll == 0) {
                    out.append(" /* c").append(comment++).append(" */ ");
                } else if (roll == 1) {
                    out.append(" // c").append(comment++).append('\n');
                } else if (roll == 2) {
                    out.append("\n# c").append(comment++).append("\n\n");
                } else {
                    out.append(separators[r.nextInt(separators.length)]);
                }
            }
            out.append(m.group());
        }
        return out.append('\n').toString();
    }
}
