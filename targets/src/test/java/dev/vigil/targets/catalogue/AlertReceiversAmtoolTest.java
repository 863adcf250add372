package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import dev.vigil.targets.alertmanager.RoutingTestCase;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receivers each alert page names under "Pages" are what the real {@code amtool config routes test} says for
 * the alert's labels on the emitted {@code alertmanager.yml}, in the same order. The labels are those the alert
 * carries for certain (its static labels, {@code alertname}, and what its query always gives), as the routing tests
 * read them. A page that says its receivers depend on a label known only at run time ("maybe") has no one answer to
 * compare; those are counted and must stay few. amtool starts a process per alert, so the calls run in parallel.
 */
class AlertReceiversAmtoolTest {
    /** amtool spends most of a call waiting, not computing: more calls than cores keep the test short. */
    private static final int PARALLEL = 8;

    @TempDir
    Path temp;

    private record Call(String sample, String alert, Path config, RoutingTestCase routing) {
    }

    @Test
    void everyAlertPageNamesTheReceiversAmtoolFinds() throws Exception {
        Tool amtool = Tool.require("amtool");
        long start = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int alerts = 0;
        for (String name : AlertSamples.SEEDS) {
            AlertSamples.Built b = AlertSamples.seed(name);
            Path config = writeAlertmanager(b, temp.resolve(name));
            LabelInference inference = new ProjectAnalysis(b.project()).labels();
            java.util.Set<String> done = new java.util.HashSet<>();
            for (Service s : b.project().services()) {
                for (RuleGroup g : s.groups()) {
                    for (Rule r : g.rules()) {
                        if (!(r instanceof Rule.Alert a) || !done.add(a.name())) {
                            continue;
                        }
                        alerts++;
                        Element pages = pagesField(b.html("site/" + Links.alertPage(a.name()) + "index.html"), a.name());
                        if (pages.text().contains("maybe")) {
                            skipped.add(name + "/" + a.name() + ": " + pages.text());
                            continue;
                        }
                        List<String> receivers = pages.select("a").eachText();
                        assertFalse(receivers.isEmpty(), a.name() + " names no receiver: " + pages.text());
                        TreeMap<String, String> labels = new TreeMap<>();
                        inference.alertLabels(a).labels().forEach((k, l) -> {
                            if (l.definite() && l.value() != null) {
                                labels.put(k, l.value());
                            }
                        });
                        for (Map.Entry<String, String> own : a.labels().entrySet()) {
                            if (!own.getValue().contains("{{")) {
                                assertEquals(own.getValue(), labels.get(own.getKey()), a.name() + " keeps its static label " + own.getKey());
                            }
                        }
                        calls.add(new Call(name, a.name(), config, new RoutingTestCase(a.name(), labels, receivers)));
                    }
                }
            }
        }
        long built = System.nanoTime();
        List<String> failures = run(amtool, calls);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d alerts: %d compared with amtool, %d skipped (receivers depend on run-time labels);"
                + " %.1f s in all, %.1f s of amtool%n", alerts, calls.size(), skipped.size(), seconds,
                (System.nanoTime() - built) / 1e9);
        skipped.forEach(s -> System.out.println("  skipped " + s));
        assertTrue(failures.isEmpty(), failures.size() + " alert pages disagree with amtool:\n" + String.join("\n", failures));
        assertTrue(calls.size() >= 100, "compared only " + calls.size() + " alerts");
        assertTrue(skipped.size() * 20 <= alerts, "too many alerts skipped as depending on run-time labels: " + skipped);
    }

    /** The page's "Pages" field: the receivers, linked, in order. */
    private static Element pagesField(Document page, String alert) {
        for (Element dt : page.select("dl.fields dt")) {
            if (dt.text().equals("Pages")) {
                Element dd = dt.nextElementSibling();
                assertNotNull(dd, alert);
                return dd;
            }
        }
        throw new AssertionError(alert + "'s page has no Pages field");
    }

    /** The Alertmanager output of the build, as a deployment would see it; returns its configuration file. */
    private static Path writeAlertmanager(AlertSamples.Built b, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
            if (f.getKey().startsWith("alertmanager/")) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        }
        return dir.resolve(AlertmanagerEmitter.CONFIG);
    }

    private static List<String> run(Tool amtool, List<Call> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Call c : calls) {
                results.add(pool.submit(() -> {
                    Tool.Result r = amtool.run(c.routing().amtoolArguments(c.config()));
                    return r.ok() ? null : c.sample() + "/" + c.alert() + ": page says " + c.routing().describe()
                            + "\n" + r.report();
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> f : results) {
                String failure = f.get();
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
