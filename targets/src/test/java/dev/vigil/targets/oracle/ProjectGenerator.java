package dev.vigil.targets.oracle;

import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Random but plausible Vigil projects, as two source files: 1-3 services with team, labels, links
 * and metrics (counters, gauges, histograms with buckets), rule groups of recording rules and
 * alerts (thresholds, {@code for}, severities of a declared order, static labels, templates, guards),
 * SLOs (events and latency SLIs, {@code by}, objectives), dashboards, DSL tests whose expectations
 * follow from their input, and a routing block (receivers of every type with file secrets,
 * matchers, severity comparisons, {@code continue}, child routes, inhibitions, time intervals).
 * Most projects compile without errors; the rest exercise the checks.
 */
final class ProjectGenerator {
    private static final List<List<String>> SEVERITIES = List.of(
            List.of("critical", "warning", "info"), List.of("page", "ticket"), List.of("p1", "p2", "p3", "p4"));
    private static final List<String> SERVICES = List.of("checkout", "payments", "search", "ledger", "gateway", "inventory");
    private static final List<String> TEAMS = List.of("platform", "payments-core", "search", "sre");
    private static final List<String> LABEL_VALUES = List.of("api", "edge", "web \"edge\"", "naïve", "a:b/c", "x y", "tier-1");
    private static final List<String> REQUEST_LABELS = List.of("method", "status", "route");
    private static final List<String> DURATIONS = List.of("1m", "2m", "5m", "10m");
    private static final List<List<String>> BUCKETS = List.of(
            List.of("0.05", "0.1", "0.25", "0.5", "1"), List.of("0.1", "0.5", "1", "2.5"), List.of("0.01", "0.2", "1.5"));
    /** Regexes with an obvious example, for matchers. */
    private static final List<String> ERROR_REGEXES = List.of("5..", "[45]..", "5.*", "500|503");

    private final Random r;
    private final List<String> levels;
    private final StringBuilder main = new StringBuilder();
    private final StringBuilder extra = new StringBuilder();
    private final List<String> alerts = new ArrayList<>();
    private final List<String> serviceNames = new ArrayList<>();
    private final Set<String> componentValues = new LinkedHashSet<>();

    private ProjectGenerator(Random r) {
        this.r = r;
        this.levels = pick(SEVERITIES);
    }

    /** One project: {@code main.vigil} with the services, {@code extra.vigil} with their tests and the routing. */
    static List<SourceFile> generate(Random random) {
        ProjectGenerator g = new ProjectGenerator(random);
        g.project();
        return List.of(new SourceFile("main.vigil", g.main.toString()), new SourceFile("extra.vigil", g.extra.toString()));
    }

    private void project() {
        if (!levels.equals(SEVERITIES.get(0)) || r.nextBoolean()) {
            main.append("severities ").append(String.join(" > ", levels)).append("\n\n");
        }
        if (r.nextInt(3) == 0) {
            main.append("settings {\n  scrape_interval ").append(pick(List.of("15s", "30s", "1m")))
                    .append("\n  evaluation_interval ").append(pick(List.of("30s", "1m"))).append("\n}\n\n");
        }
        List<String> names = new ArrayList<>(SERVICES);
        Collections.shuffle(names, r);
        int services = 1 + r.nextInt(3);
        for (int i = 0; i < services; i++) {
            service(names.get(i));
        }
        routing();
    }

    private void service(String name) {
        serviceNames.add(name);
        String camel = camel(name);
        List<String> reqLabels = subset(REQUEST_LABELS, 1);
        if (!reqLabels.contains("status")) {
            reqLabels.add("status");
        }
        String byLabel = pick(reqLabels);
        List<String> buckets = pick(BUCKETS);
        boolean histogram = r.nextInt(3) > 0;
        boolean links = r.nextBoolean();

        StringBuilder s = main;
        s.append("service ").append(name).append(" {\n");
        s.append("  team ").append(quote(pick(TEAMS))).append('\n');
        if (r.nextBoolean()) {
            s.append("  labels { app = ").append(quote(name.replace('_', '-')));
            if (r.nextBoolean()) {
                s.append(", tier = ").append(quote(pick(LABEL_VALUES)));
            }
            s.append(" }\n");
        }
        if (links) {
            s.append("  links {\n    runbooks   \"https://runbooks.example.com/").append(name).append("\"\n")
                    .append("    dashboards \"https://grafana.example.com/d\"\n  }\n");
        }
        double threshold = pick(List.of(0.001, 0.005, 0.01));
        boolean constant = r.nextBoolean();
        if (constant) {
            s.append("  const error_threshold = ").append(threshold).append('\n');
        }
        s.append("  metric ").append(name).append("_requests_total counter {\n    labels [")
                .append(String.join(", ", reqLabels)).append("]\n    help   \"Requests served.\"\n  }\n");
        if (histogram) {
            s.append("  metric ").append(name).append("_request_duration_seconds histogram {\n    labels  [")
                    .append(byLabel.equals("status") ? "method" : byLabel).append("]\n    buckets [")
                    .append(String.join(", ", buckets)).append("]\n  }\n");
        }
        s.append("  metric ").append(name).append("_queue_depth gauge {\n    labels [queue]\n  }\n");

        String req = name + "_requests_total";
        String errRegex = pick(ERROR_REGEXES);
        String group = name + "_rules";
        s.append("\n  group ").append(group).append(" every ").append(pick(List.of("30s", "1m")));
        if (r.nextInt(4) == 0) {
            s.append(" limit 100");
        }
        s.append(" {\n");
        String rate = "job:" + name + "_requests:rate5m";
        s.append("    record ").append(rate).append(" =\n      sum by (").append(byLabel).append(") (rate(").append(req)
                .append("[5m]))\n");
        String ratio = "job:" + name + "_errors:ratio_rate5m";
        s.append("    record ").append(ratio);
        if (r.nextBoolean()) {
            s.append(" labels { source = \"vigil\" }");
        }
        s.append(" =\n      sum(rate(").append(req).append("{status=~").append(quote(errRegex)).append("}[5m]))\n")
                .append("        / (sum(rate(").append(req).append("[5m])) > 0)\n");
        String p95 = "job:" + name + "_request_duration_seconds:p95_5m";
        if (histogram) {
            s.append("    record ").append(p95).append(" =\n      histogram_quantile(0.95, sum by (le) (rate(")
                    .append(name).append("_request_duration_seconds_bucket[5m])))\n");
        }

        // Alerts: each shape fires when every counter grows and every gauge is 1 (or all are 0).
        String errorsHigh = camel + "ErrorsHigh";
        alert(s, errorsHigh, "sum by (" + byLabel + ") (rate(" + req + "{status=~" + quote(errRegex) + "}[5m])) > "
                + (constant ? "$error_threshold" : String.valueOf(threshold)),
                r.nextBoolean() ? "sum(rate(" + req + "[5m]))" : null,
                "Errors for " + byLabel + " {{ $labels." + byLabel + " }} at {{ $value | humanize }}/s");
        String ratioHigh = camel + "ErrorRatioHigh";
        alert(s, ratioHigh, ratio + " > " + pick(List.of("0.01", "0.05", "0.1")), null,
                "Error ratio {{ $value | humanizePercentage }}");
        String queue = "q" + (1 + r.nextInt(3));
        String queueHigh = camel + "QueueDeep";
        double queueThreshold = pick(List.of(0.5, 0.9));
        alert(s, queueHigh, name + "_queue_depth{queue=" + quote(queue) + "} > " + queueThreshold, null,
                r.nextBoolean() ? "Queue {{ $labels.queue }} is {{ $value }} deep" : "Queue {{ $labels.queue }} is deep");
        if (r.nextBoolean()) {
            alert(s, camel + "QueueIdle", "max by (queue) (" + name + "_queue_depth) < " + pick(List.of("5", "10")), null,
                    "Queue {{ $labels.queue }} idle");
        }
        if (r.nextBoolean()) {
            alert(s, camel + "Down", "up{job=" + quote(name) + "} == 0", null, "{{ $labels.instance }} of " + name + " is down");
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            otherShape(s, camel + "Shape" + i, name, req, byLabel, queue);
        }
        if (histogram && r.nextBoolean()) {
            alert(s, camel + "LatencyHigh", p95 + " > " + pick(List.of("0.1", "0.25")), null,
                    "P95 latency {{ $value | humanizeDuration }}");
        }
        s.append("  }\n");

        if (r.nextInt(3) == 0) {
            slo(s, name, req, errRegex, reqLabels, histogram, buckets, byLabel);
        }
        if (r.nextInt(3) == 0) {
            dashboard(s, name, rate, queueHigh);
        }
        s.append("}\n\n");
        tests(name, queue, queueHigh, queueThreshold, errorsHigh);
    }

    private void alert(StringBuilder s, String name, String when, String guard, String summary) {
        alerts.add(name);
        s.append("    alert ").append(name).append(" {\n");
        s.append("      when     ").append(when).append('\n');
        if (guard != null) {
            s.append("      guard    ").append(guard).append('\n');
        }
        if (r.nextInt(4) > 0) {
            s.append("      for      ").append(pick(DURATIONS)).append('\n');
        }
        if (r.nextInt(6) == 0) {
            s.append("      keep_firing_for ").append(pick(DURATIONS)).append('\n');
        }
        s.append("      severity ").append(pick(levels)).append('\n');
        if (r.nextBoolean()) {
            String component = pick(LABEL_VALUES);
            componentValues.add(component);
            s.append("      labels   { component = ").append(quote(component)).append(" }\n");
        }
        s.append("      summary  ").append(quote(summary)).append('\n');
        if (r.nextInt(3) == 0) {
            s.append("      description `").append(name).append(" has fired.\nValue: {{ $value }}.`\n");
        }
        if (r.nextInt(3) == 0) {
            s.append("      runbook {\n        triage \"Look at the dashboard.\"\n        remediate \"Restart it.\" run \"kubectl rollout restart deploy/x\"\n      }\n");
        }
        s.append("    }\n");
    }

    /** Alerts of other shapes: `without`, functions that keep or make labels, arithmetic with matching, offsets, absent. */
    private void otherShape(StringBuilder s, String alert, String name, String req, String byLabel, String queue) {
        String depth = name + "_queue_depth";
        switch (r.nextInt(8)) {
            case 0 -> alert(s, alert, "sum without (instance) (rate(" + req + "[5m])) > 0.001", null,
                    "Traffic on {{ $labels.job }}");
            case 1 -> alert(s, alert, "label_replace(" + depth + ", \"lane\", \"$1\", \"queue\", \"q(.*)\") > 0.5", null,
                    "Lane {{ $labels.lane }} is busy");
            case 2 -> alert(s, alert, "avg_over_time(" + depth + "{queue=" + quote(queue) + "}[10m]) > 0.5", null,
                    "Queue {{ $labels.queue }} stays deep");
            case 3 -> alert(s, alert, "sum by (" + byLabel + ") (rate(" + req + "{status=~\"5..\"}[5m]))\n"
                    + "        / on (" + byLabel + ") (sum by (" + byLabel + ") (rate(" + req + "[5m])) > 0) > 0.1", null,
                    "{{ $labels." + byLabel + " }} fails {{ $value | humanizePercentage }}");
            case 4 -> alert(s, alert, "(" + depth + " - " + depth + " offset 10m) > 2", null, "Queue {{ $labels.queue }} grows");
            case 5 -> alert(s, alert, "absent(" + depth + "{queue=" + quote(queue) + "})", null, "No depth for " + queue);
            case 6 -> alert(s, alert, "count by (queue) (" + depth + " > 0.5) >= 1", null, "{{ $labels.queue }} is busy");
            default -> alert(s, alert, "sum by (" + byLabel + ") (increase(" + req + "[10m])) > 5", null,
                    "{{ $value }} requests for {{ $labels." + byLabel + " }}");
        }
    }

    private void slo(StringBuilder s, String name, String req, String errRegex, List<String> reqLabels, boolean histogram,
            List<String> buckets, String byLabel) {
        s.append("\n  slo availability {\n    objective ").append(pick(List.of("99.9%", "99%", "99.5%", "95%"))).append('\n');
        if (r.nextBoolean()) {
            s.append("    window    ").append(pick(List.of("30d", "28d", "7d"))).append('\n');
        }
        s.append("    sli events {\n      errors = ").append(req).append("{status=~").append(quote(errRegex)).append("}\n")
                .append("      total  = ").append(req).append("\n    }\n");
        if (r.nextBoolean() && !byLabel.equals("status")) {
            s.append("    by [").append(byLabel).append("]\n");
        }
        s.append("    alerting {\n      page ").append(levels.get(0)).append(" ticket ")
                .append(r.nextInt(4) == 0 ? "off" : levels.get(1)).append('\n');
        switch (r.nextInt(3)) {
            case 0 -> s.append("      min_rate 0.5\n");
            case 1 -> s.append("      min_events 100\n");
            default -> { }
        }
        s.append("    }\n  }\n");
        alerts.add(camel(name) + "AvailabilityBurnRatePage");
        if (histogram && r.nextBoolean()) {
            String bucket = pick(buckets);
            s.append("\n  slo latency {\n    objective 99%\n    sli latency {\n      histogram = ").append(name)
                    .append("_request_duration_seconds\n      threshold ").append(bucket).append("\n    }\n  }\n");
        }
    }

    private void dashboard(StringBuilder s, String name, String rate, String alert) {
        s.append("\n  dashboard ").append(name).append("_overview \"").append(camel(name)).append(" overview\" {\n")
                .append("    variable queue = label_values(").append(name).append("_queue_depth, queue)\n")
                .append("    row \"Traffic\" {\n      timeseries requests \"Requests\" {\n        query ").append(rate)
                .append("\n        unit \"reqps\"\n      }\n      stat depth \"Queue depth\" {\n        query ")
                .append(name).append("_queue_depth{queue=\"$queue\"}\n        thresholds from ").append(alert)
                .append("\n      }\n    }\n  }\n");
    }

    /** DSL tests whose expectations follow from the input: a deep queue alerts after `for`, nothing else fires. */
    private void tests(String name, String queue, String queueAlert, double threshold, String errorsAlert) {
        if (r.nextInt(5) > 0) {
            return; // a promtool test group costs 0.1 s: one service in five has one
        }
        int depth = 1 + r.nextInt(9);
        extra.append("extend service ").append(name).append(" {\n  test \"a deep queue\" {\n    every 1m\n")
                .append("    series ").append(name).append("_queue_depth{queue=").append(quote(queue)).append("} = \"")
                .append(depth).append("x40\"\n");
        extra.append("    at 15m expect no alert ").append(errorsAlert).append('\n');
        extra.append("    at 15m expect value sum(").append(name).append("_queue_depth) is [ {} = ").append(depth).append(" ]\n");
        extra.append("    at 15m expect alert ").append(queueAlert).append(" {queue=").append(quote(queue)).append("} value ")
                .append(depth).append('\n');
        extra.append("  }\n}\n\n");
    }

    private void routing() {
        List<String> receivers = new ArrayList<>();
        StringBuilder s = extra;
        s.append("routing {\n");
        String[] types = {"pagerduty", "slack", "email", "webhook", "opsgenie"};
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            String type = types[r.nextInt(types.length)];
            String name = type + "_" + i;
            receivers.add(name);
            s.append("  receiver ").append(name).append(' ').append(type).append(" { ").append(switch (type) {
                case "pagerduty" -> "routing_key_file \"/etc/alertmanager/secrets/pd-" + i + "\"";
                case "slack" -> "channel \"#ops-" + i + "\" api_url_file \"/etc/alertmanager/secrets/slack\""
                        + (r.nextBoolean() ? " send_resolved true" : "");
                case "email" -> "to \"oncall" + i + "@example.com\" from \"alerts@example.com\" smarthost \"smtp.example.com:587\" "
                        + "auth_password_file \"/etc/alertmanager/secrets/smtp\"";
                case "webhook" -> "url \"http://127.0.0.1:9095/hook/" + i + "\"";
                default -> "api_key_file \"/etc/alertmanager/secrets/opsgenie\"";
            }).append(" }\n");
        }
        boolean interval = r.nextBoolean();
        if (interval) {
            s.append("  time_interval office_hours {\n    weekdays [\"monday:friday\"]\n    times    [\"09:00-17:00\"]\n");
            if (r.nextBoolean()) {
                s.append("    location \"Europe/Berlin\"\n");
            }
            s.append("  }\n");
        }
        int routes = r.nextInt(4);
        for (int i = 0; i < routes; i++) {
            s.append("  route ").append(matchers()).append(" to ").append(pick(receivers));
            List<String> settings = new ArrayList<>();
            if (r.nextBoolean()) {
                settings.add("group_by [alertname, service]");
            }
            if (r.nextInt(3) == 0) {
                settings.add("group_wait " + pick(List.of("10s", "30s")));
            }
            if (r.nextInt(3) == 0) {
                settings.add("repeat_interval " + pick(List.of("1h", "4h")));
            }
            if (interval && r.nextInt(3) == 0) {
                settings.add((r.nextBoolean() ? "active_time_intervals" : "mute_time_intervals") + " [office_hours]");
            }
            if (r.nextInt(3) == 0) {
                settings.add("continue");
            }
            if (r.nextInt(4) == 0) {
                settings.add("route " + matchers() + " to " + pick(receivers));
            }
            if (!settings.isEmpty()) {
                s.append(" {\n    ").append(String.join("\n    ", settings)).append("\n  }");
            }
            s.append('\n');
        }
        s.append("  route default to ").append(pick(receivers)).append('\n');
        if (levels.size() >= 2 && r.nextBoolean()) {
            s.append("  inhibit severity = ").append(levels.get(1)).append(" while severity = ").append(levels.get(0))
                    .append(" on [alertname, service]\n");
        }
        if (alerts.size() >= 2 && r.nextBoolean()) {
            s.append("  inhibit ").append(alerts.get(1)).append(" while ").append(alerts.get(0)).append(" on [service]\n");
        }
        s.append("}\n");
    }

    private String matchers() {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            out.add(switch (r.nextInt(6)) {
                case 0 -> "severity " + pick(List.of(">=", "<", "=", ">")) + " " + pick(levels);
                case 1 -> "team = " + quote(pick(TEAMS));
                case 2 -> "service =~ " + quote(pick(serviceNames) + "|" + pick(SERVICES));
                case 3 -> "component != " + quote(componentValues.isEmpty() ? "api" : pick(new ArrayList<>(componentValues)));
                case 4 -> "alertname = " + quote(pick(alerts));
                default -> "service !~ " + quote(pick(SERVICES) + ".*");
            });
        }
        return String.join(", ", out);
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private List<String> subset(List<String> from, int min) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (r.nextBoolean()) {
                out.add(s);
            }
        }
        while (out.size() < min) {
            String s = pick(from);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String camel(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("_")) {
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
