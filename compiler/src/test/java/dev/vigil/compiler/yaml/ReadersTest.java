package dev.vigil.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the readers put into the model, for files that lint cleanly. */
class ReadersTest {
    static Project project(String name, String yaml) {
        CompileResult r = Linter.lint(List.of(new SourceFile(name, yaml)), Linter.Options.DEFAULT);
        assertEquals(List.of(), r.diagnostics().stream().map(Diagnostic::toString).toList());
        return r.project().orElseThrow();
    }

    static List<String> codes(String name, String yaml) {
        return Linter.lint(List.of(new SourceFile(name, yaml)), Linter.Options.DEFAULT).diagnostics().stream()
                .filter(d -> READER_FAMILIES.stream().anyMatch(d::inFamily))
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.code()).toList();
    }

    /** What the readers report; the checks that run on the model afterwards have their own tests. */
    static final List<String> READER_FAMILIES = List.of("Yaml", "Input", "Property", "Type", "Secret", "Reference",
            "Suppression", "Syntax", "PromQL");

    @Test
    void aRuleFileBecomesAServiceNamedAfterTheFile() {
        Project p = project("monitoring/crm-rules.yml", """
                groups:
                  - name: crm
                    interval: 30s
                    limit: 10
                    labels: {team: platform}
                    rules:
                      - record: kafka:lag:max
                        expr: max by (topic) (kafka_consumergroup_lag)
                      - alert: LagHigh
                        expr: kafka:lag:max > 100
                        for: 12m
                        keep_firing_for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: Lag is high
                          description: More text
                          runbook_url: https://runbooks.example.com/lag
                """);
        Service s = p.services().get(0);
        assertEquals("crm-rules", s.name());
        RuleGroup g = s.groups().get(0);
        assertEquals(List.of("crm", 30_000L, 10), List.of(g.name(), g.intervalMillis(), g.limit()));
        assertEquals(2, g.span().line());
        Rule.Recording rec = (Rule.Recording) g.rules().get(0);
        assertEquals("kafka:lag:max", rec.name());
        assertEquals(Map.of("team", "platform"), rec.labels());
        Rule.Alert a = (Rule.Alert) g.rules().get(1);
        assertEquals(List.of("LagHigh", 720_000L, 300_000L, "Lag is high", "More text"),
                List.of(a.name(), a.forMillis(), a.keepFiringForMillis(), a.summary(), a.description()));
        assertEquals("warning", a.severity().name());
        assertEquals(List.of(14, 21), List.of(a.severity().span().line(), a.severity().span().column()));
        // The lowered alert carries every label its rule has, severity among them.
        assertEquals(Map.of("team", "platform", "severity", "warning"), a.labels());
        assertEquals("https://runbooks.example.com/lag", a.runbook().url());
        assertEquals(9, a.span().line());
    }

    @Test
    void aPrometheusRuleResourceIsARuleFile() {
        Project p = project("rule.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: x}
                spec:
                  groups:
                  - name: g
                    rules:
                    - alert: A
                      expr: up == 0
                """);
        assertEquals("A", p.services().get(0).groups().get(0).rules().get(0).name());
    }

    @Test
    void rulefmtMistakes() {
        assertEquals(List.of("1:1 Property.Unknown", "3:3 Property.Missing", "4:13 Property.Missing",
                "5:5 Property.Conflict", "8:13 Property.Missing", "9:5 Property.Misplaced", "10:5 Property.Misplaced",
                "11:5 Property.Unknown", "12:5 Property.Missing"), codes("r.yml", """
                gruops: []
                groups:
                - rules:
                  - record: a:b
                  - record: c:d
                    alert: E
                    expr: up
                  - record: e:f
                    for: 5m
                    annotations: {a: b}
                    exprr: up
                  - expr: up
                """));
    }

    @Test
    void anAlertmanagerConfigBecomesTheRouting() {
        Project p = project("alertmanager.yml", """
                route:
                  receiver: slack
                  group_by: [alertname]
                  group_wait: 30s
                  routes:
                    - matchers: ['severity="critical"', 'team=~"db|web"']
                      receiver: pager
                      continue: true
                      routes:
                        - match_re: {env: prod.*}
                          mute_time_intervals: [nights]
                    - match: {severity: info}
                      repeat_interval: 4h
                receivers:
                  - name: slack
                    slack_configs:
                      - api_url_file: /etc/am/slack
                        channel: '#ops'
                  - name: pager
                    pagerduty_configs: [{routing_key_file: /etc/am/pd}]
                    webhook_configs: [{url: 'http://relay:8080/'}]
                inhibit_rules:
                  - source_matchers: [severity="critical"]
                    target_match: {severity: warning}
                    equal: [alertname]
                time_intervals:
                  - name: nights
                    time_intervals:
                      - times: [{start_time: '22:00', end_time: '24:00'}]
                        weekdays: ['monday:friday']
                """);
        Routing r = p.routing();
        assertEquals(3, r.routes().size());
        Routing.Route critical = r.routes().get(0);
        assertEquals("pager", critical.receiver().name());
        assertTrue(critical.continueMatching());
        assertEquals(List.of("severity = critical", "team =~ db|web"),
                critical.matchers().stream().map(m -> m.label() + " " + m.op() + " " + m.value()).toList());
        Routing.Matcher team = critical.matchers().get(1);
        assertEquals(List.of(6, 42, 6, 56), List.of(team.span().line(), team.span().column(), team.span().endLine(),
                team.span().endColumn()));
        Routing.Route prod = critical.children().get(0);
        assertEquals("pager", prod.receiver().name(), "inherited");
        assertEquals("env =~ prod.*", prod.matchers().get(0).label() + " " + prod.matchers().get(0).op() + " "
                + prod.matchers().get(0).value());
        assertEquals("nights", prod.muteTimeIntervals().get(0).name());
        Routing.Route info = r.routes().get(1);
        assertEquals(List.of("slack", 14_400_000L), List.of(info.receiver().name(), info.repeatIntervalMillis()));
        Routing.Route root = r.routes().get(2);
        assertTrue(root.isDefault());
        assertEquals(List.of("slack", 30_000L, List.of("alertname")),
                List.of(root.receiver().name(), root.groupWaitMillis(), root.groupBy()));
        assertEquals(Routing.ReceiverType.SLACK, r.receivers().get(0).type());
        assertEquals("#ops", r.receivers().get(0).settings().get("channel"));
        assertEquals(Routing.ReceiverType.PAGERDUTY, r.receivers().get(1).type());
        assertEquals(List.of("pagerduty", "webhook"), r.receivers().get(1).settings().get("integrations"));
        Routing.Inhibition in = r.inhibitions().get(0);
        assertEquals(List.of("critical", "warning", List.of("alertname")),
                List.of(in.source().get(0).value(), in.target().get(0).value(), in.equal()));
        assertNull(in.sourceAlert());
        assertEquals(List.of("22:00-24:00"), r.timeIntervals().get(0).times());
        assertEquals(List.of("monday:friday"), r.timeIntervals().get(0).weekdays());
    }

    @Test
    void newerIntegrationsAreKnownByTheirKeysAndTheirInlineSecretsReported() {
        Project p = project("alertmanager.yml", """
                route: {receiver: flows, routes: [{receiver: chat, matchers: [team="web"]}]}
                receivers:
                  - name: flows
                    msteamsv2_configs: [{webhook_url_file: /etc/am/flows, title: Alert}]
                  - name: chat
                    discord_configs: [{webhook_url_file: /etc/am/discord}]
                """);
        List<Routing.Receiver> receivers = p.routing().receivers();
        assertEquals(List.of(Routing.ReceiverType.MSTEAMSV2, Routing.ReceiverType.DISCORD),
                receivers.stream().map(Routing.Receiver::type).toList());
        assertEquals("/etc/am/discord", receivers.get(1).settings().get("webhook_url_file"));
        assertEquals(List.of("4:40 Secret.Inline", "5:84 Secret.Inline"), codes("am.yml", """
                route: {receiver: mm}
                receivers:
                  - name: mm
                    mattermost_configs: [{webhook_url: 'https://mm.example.com/hooks/x'}]
                    incidentio_configs: [{url: 'https://api.incident.io/v2/x', alert_source_token: s}]
                """));
    }

    @Test
    void alertmanagerMistakes() {
        assertEquals(List.of("1:1 Property.Missing", "2:3 Property.Unknown", "3:15 Type.InvalidDuration",
                "5:17 Reference.Unknown", "6:21 Type.InvalidMatcher", "7:29 Reference.Unknown", "9:5 Property.Missing",
                "10:22 Secret.Inline", "12:29 Secret.Inline", "12:65 Secret.Inline"), codes("am.yml", """
                route:
                  reciever: x
                  group_wait: 30
                  routes:
                    - receiver: nobody
                      matchers: ['a=="b"']
                      mute_time_intervals: [never]
                receivers:
                  - email_configs:
                    - auth_password: hunter2
                  - name: x
                    webhook_configs: [{url: 'https://u:p@example.com/h'}, {url: 'https://e.com/?api_key=1'}]
                """));
    }
}
