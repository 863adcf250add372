package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.targets.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The AlertmanagerConfig resource: the same routing as {@code alertmanager.yml}, in the CRD's fields. */
class AlertmanagerConfigTest {
    private static final String PROJECT = """
            kubernetes {
              namespace    "checkout"
              alertmanager AlertmanagerConfig
            }
            service checkout {
              group checkout_alerts {
                alert CheckoutDown { when up{job="checkout"} == 0  for 5m  severity critical  summary "Checkout is down" }
                alert CheckoutSlow { when up{job="checkout"} == 2  for 5m  severity warning  summary "Checkout is slow" }
              }
            }
            routing {
              receiver pager pagerduty { routing_key_file "/etc/alertmanager/secrets/pagerduty/routing-key" }
              receiver chat slack { channel "#checkout" api_url_file "/etc/alertmanager/secrets/slack/api-url" }
              receiver mail email {
                to ["a@example.com", "b@example.com"]  from "am@example.com"  smarthost "smtp.example.com:587"
                auth_username "am"  auth_password_file "/etc/alertmanager/secrets/smtp/password"
                headers ["X-Team: checkout"]
              }
              time_interval office_hours {
                weekdays      ["monday:friday"]
                times         ["07:00-15:00"]
                days_of_month ["1:7", "-1"]
              }
              route severity >= critical to pager {
                group_by [alertname]
                group_wait 10s
                continue
              }
              route severity = warning to mail { active_time_intervals [office_hours] }
              route default to chat
              inhibit CheckoutSlow while CheckoutDown on [service]
            }
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(Project p) {
        String text = new String(Projects.emit(p).files().get(AlertmanagerEmitter.ALERTMANAGER_CONFIG),
                java.nio.charset.StandardCharsets.UTF_8);
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheRoutingInTheCrdsFieldsWithSecretsAsSecretKeys() {
        Project p = Projects.compileText(PROJECT);
        OutputManifestView out = new OutputManifestView(Projects.emit(p).files().keySet());
        assertTrue(out.has(AlertmanagerEmitter.ALERTMANAGER_CONFIG));
        assertFalse(out.has(AlertmanagerEmitter.CONFIG_MAP), "the resource replaces the ConfigMap");
        assertTrue(out.has(AlertmanagerEmitter.CONFIG), "alertmanager.yml is still written");

        Map<String, Object> doc = resource(p);
        assertEquals("monitoring.coreos.com/v1alpha1", doc.get("apiVersion"));
        assertEquals("checkout", ((Map<String, Object>) doc.get("metadata")).get("namespace"));
        Map<String, Object> spec = (Map<String, Object>) doc.get("spec");

        Map<String, Object> route = (Map<String, Object>) spec.get("route");
        assertEquals("chat", route.get("receiver"));
        List<Map<String, Object>> routes = (List<Map<String, Object>>) route.get("routes");
        assertEquals(List.of(Map.of("name", "severity", "matchType", "=~", "value", "critical")),
                routes.get(0).get("matchers"), "an ordering is the regex alertmanager.yml has");
        assertEquals(true, routes.get(0).get("continue"));
        assertEquals(List.of("alertname"), routes.get(0).get("groupBy"));
        assertEquals("10s", routes.get(0).get("groupWait"));
        assertEquals(List.of("office_hours"), routes.get(1).get("activeTimeIntervals"));
        assertEquals(Map.of("receiver", "chat"), routes.get(2), "after a `continue`, the default is a catch-all");

        Map<String, Map<String, Object>> receivers = new LinkedHashMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) spec.get("receivers")) {
            receivers.put((String) r.get("name"), r);
        }
        Map<String, Object> pager = ((List<Map<String, Object>>) receivers.get("pager").get("pagerdutyConfigs")).get(0);
        assertEquals(Map.of("name", "pagerduty", "key", "routing-key"), pager.get("routingKey"));
        Map<String, Object> slack = ((List<Map<String, Object>>) receivers.get("chat").get("slackConfigs")).get(0);
        assertEquals(Map.of("name", "slack", "key", "api-url"), slack.get("apiURL"));
        assertEquals(NotificationTemplates.TITLE_INLINE, slack.get("title"), "no template file reaches the operator");
        assertFalse(String.valueOf(slack.get("text")).contains("template \""));
        Map<String, Object> mail = ((List<Map<String, Object>>) receivers.get("mail").get("emailConfigs")).get(0);
        assertEquals("a@example.com, b@example.com", mail.get("to"));
        assertEquals(Map.of("name", "smtp", "key", "password"), mail.get("authPassword"));
        assertEquals(List.of(Map.of("key", "X-Team", "value", "checkout")), mail.get("headers"));
        assertFalse(Yaml.dump(spec).contains("_file"), "no file path, and no secret value, in the resource");

        Map<String, Object> inhibit = ((List<Map<String, Object>>) spec.get("inhibitRules")).get(0);
        assertEquals(List.of("service"), inhibit.get("equal"));
        assertTrue(inhibit.containsKey("targetMatch") && inhibit.containsKey("sourceMatch"));

        Map<String, Object> interval = ((List<Map<String, Object>>) spec.get("muteTimeIntervals")).get(0);
        Map<String, Object> when = ((List<Map<String, Object>>) interval.get("timeIntervals")).get(0);
        assertEquals(List.of(Map.of("startTime", "07:00", "endTime", "15:00")), when.get("times"));
        assertEquals(List.of(Map.of("start", 1, "end", 7), Map.of("start", -1, "end", -1)), when.get("daysOfMonth"));
    }

    /**
     * For every project whose routing amtool tests, the resource's route tree, read back into
     * Alertmanager's syntax, is the tree of {@code alertmanager.yml}: the operator nests it under
     * its own root with a {@code namespace} matcher, so the alerts of that namespace are routed as
     * the routing tests say.
     */
    @TestFactory
    Stream<DynamicTest> theRouteTreeIsAlertmanagerYmls() {
        return Projects.ROUTED.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Project p = Projects.compile(name);
            Map<String, Object> plain = new ConfigBuilder(p.routing(), p.severities()).build("*.tmpl");
            Object crd = new ConfigBuilder(p.routing(), p.severities(), ConfigBuilder.Dialect.CRD).rootRoute();
            assertEquals(plain.get("route"), asAlertmanager(crd));
        }));
    }

    /** The resource's inhibitions, read back into Alertmanager's syntax, are {@code alertmanager.yml}'s, for every project. */
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> theInhibitionsAreAlertmanagerYmls() {
        return Projects.ROUTED.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Project p = Projects.compile(name);
            Object plain = new ConfigBuilder(p.routing(), p.severities()).build("*.tmpl").get("inhibit_rules");
            List<Object> crd = new ConfigBuilder(p.routing(), p.severities(), ConfigBuilder.Dialect.CRD).inhibitRules();
            assertFalse(crd.isEmpty(), name + " has no inhibition to compare");
            List<Object> read = new ArrayList<>();
            for (Object rule : crd) {
                Map<String, Object> in = (Map<String, Object>) rule;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("target_matchers", ((Map<String, Object>) asAlertmanager(Map.of("matchers", in.get("targetMatch"))))
                        .get("matchers"));
                out.put("source_matchers", ((Map<String, Object>) asAlertmanager(Map.of("matchers", in.get("sourceMatch"))))
                        .get("matchers"));
                if (in.containsKey("equal")) {
                    out.put("equal", in.get("equal"));
                }
                read.add(out);
            }
            assertEquals(plain, read);
        }));
    }

    /** A CRD route as Alertmanager's: snake_case keys, matchers as {@code label op "value"} strings. */
    @SuppressWarnings("unchecked")
    private static Object asAlertmanager(Object node) {
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(asAlertmanager(item)));
            return out;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k).replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            if (key.equals("matchers")) {
                out.put(key, ((List<Map<String, Object>>) v).stream().map(m -> Matchers.text((String) m.get("name"),
                        (String) m.get("matchType"), (String) m.get("value"))).toList());
            } else {
                out.put(key, asAlertmanager(v));
            }
        });
        return out;
    }

    private record OutputManifestView(java.util.Set<String> paths) {
        boolean has(String path) {
            return paths.contains(path);
        }
    }
}
