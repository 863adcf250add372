package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Origin;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The runbook contract: every {@code runbook_url} in the emitted Prometheus, Mimir and Kubernetes rule files
 * leads to a page of {@code site/} whose heading is that alert's name, SLO burn-rate alerts included, and every
 * alias's page sends the reader on to the alert's page.
 */
class RunbookContractTest {
    private static final List<String> RULE_DIRS = List.of("prometheus/", "mimir/", "kubernetes/");

    /** A small project with an alias and SLO burn-rate alerts, next to the seeds. */
    static AlertSamples.Built aliasAndSlo() {
        return AlertSamples.text("alias-slo",
                "catalogue { base_url \"https://docs.example.com/monitoring\" title \"Checkout\" }",
                "routing {",
                "  receiver chat slack { api_url_file \"/etc/am/slack\" }",
                "  receiver pager pagerduty { routing_key_file \"/etc/am/pd\" }",
                "  route severity >= critical to pager",
                "  route default to chat",
                "}",
                "service checkout {",
                "  team \"payments\"",
                "  metric http_requests_total counter { labels [code] }",
                "  group checkout_alerts {",
                "    alert CheckoutDown {",
                "      when up{job=\"checkout\"} == 0",
                "      for 5m",
                "      severity critical",
                "      summary \"Checkout is down\"",
                "      aliases [\"CheckoutUnavailable\", \"OldCheckoutDown\"]",
                "    }",
                "  }",
                "  slo availability {",
                "    objective 99.9%",
                "    window 30d",
                "    sli events {",
                "      errors = http_requests_total{code=~\"5..\"}",
                "      total  = http_requests_total",
                "    }",
                "  }",
                "}");
    }

    @TestFactory
    Stream<DynamicTest> everyRunbookUrlLeadsToItsAlertsPage() {
        List<String> names = new ArrayList<>(AlertSamples.SEEDS);
        names.add("alias-slo");
        return names.stream().map(n -> DynamicTest.dynamicTest(n, () -> check(n.equals("alias-slo") ? aliasAndSlo()
                : AlertSamples.seed(n))));
    }

    private static void check(AlertSamples.Built b) {
        String base = b.project().settings().catalogue().baseUrl();
        String prefix = base.endsWith("/") ? base : base + "/";
        Map<String, Integer> perDir = new TreeMap<>();
        int slo = 0;
        for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
            String path = f.getKey();
            String dir = RULE_DIRS.stream().filter(path::startsWith).findFirst().orElse(null);
            if (dir == null || !(path.endsWith(".yml") || path.endsWith(".yaml"))) {
                continue;
            }
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(b.text(path))) {
                alertRules(doc, rules);
            }
            for (Map<String, Object> rule : rules) {
                String alert = (String) rule.get("alert");
                Object url = rule.get("annotations") instanceof Map<?, ?> a ? a.get("runbook_url") : null;
                assertNotNull(url, path + ": alert " + alert + " has no runbook_url");
                String u = url.toString();
                assertTrue(u.startsWith(prefix), path + ": " + alert + "'s runbook_url " + u + " is not below " + prefix);
                String page = "site/" + u.substring(prefix.length()) + "index.html";
                assertTrue(b.files().containsKey(page), path + ": " + alert + "'s runbook_url " + u + " has no page " + page);
                assertEquals(alert, heading(b, page), page + " is not the page of " + alert);
                perDir.merge(dir, 1, Integer::sum);
                if (isSloBurn(b, alert)) {
                    slo++;
                }
            }
        }
        for (String dir : RULE_DIRS) {
            assertTrue(perDir.getOrDefault(dir, 0) > 0, b.name() + ": no runbook_url found in " + dir + " " + perDir);
        }
        boolean hasSlo = b.project().services().stream().anyMatch(s -> !s.slos().isEmpty());
        assertEquals(hasSlo, slo > 0, b.name() + ": SLO burn-rate alerts checked: " + slo);
        int aliases = 0;
        for (Service s : b.project().services()) {
            for (RuleGroup g : s.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        for (Rule.Alias alias : a.runbook().aliases()) {
                            String stub = "site/" + dev.vigil.compiler.model.Links.alertPage(alias.name()) + "index.html";
                            assertEquals(a.name(), redirectedHeading(b, stub), stub + " must lead to " + a.name());
                            aliases++;
                        }
                    }
                }
            }
        }
        if (b.name().equals("alias-slo")) {
            assertEquals(2, aliases, "the small project's aliases");
        }
        System.out.println(b.name() + ": runbook_urls checked per folder " + perDir + ", SLO alerts " + slo
                + ", aliases " + aliases);
    }

    /** Every mapping with an {@code alert} key below {@code node}: rule groups of a rule file, a PrometheusRule's spec, Mimir's. */
    @SuppressWarnings("unchecked")
    private static void alertRules(Object node, List<Map<String, Object>> out) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("alert") instanceof String) {
                out.add((Map<String, Object>) m);
                return;
            }
            m.values().forEach(v -> alertRules(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> alertRules(v, out));
        }
    }

    private static boolean isSloBurn(AlertSamples.Built b, String alert) {
        return b.project().services().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.rules().stream())
                .anyMatch(r -> r instanceof Rule.Alert a && a.name().equals(alert)
                        && a.origin() instanceof Origin.FromSlo from && from.burn() != null);
    }

    private static String heading(AlertSamples.Built b, String page) {
        Document d = b.html(page);
        List<Element> h1 = d.select("h1");
        assertEquals(1, h1.size(), page + " has one h1");
        assertTrue(d.select("meta[http-equiv=refresh]").isEmpty(), page + " is an alert's page, not a redirect");
        return h1.get(0).text();
    }

    /** The heading of the page a redirect stub's {@code meta refresh} leads to. */
    private static String redirectedHeading(AlertSamples.Built b, String stub) {
        Document d = b.html(stub);
        Element refresh = d.selectFirst("meta[http-equiv=refresh]");
        assertNotNull(refresh, stub + " is not a redirect");
        String content = refresh.attr("content");
        int at = content.indexOf("url=");
        assertTrue(at >= 0, stub + ": " + content);
        String target = java.net.URI.create(stub).resolve(content.substring(at + 4)).toString();
        assertFalse(target.equals(stub), stub + " redirects to itself");
        return heading(b, target.endsWith("/") ? target + "index.html" : target);
    }
}
