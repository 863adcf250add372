package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.analysis.LabelInference;
import dev.vigil.compiler.analysis.ProjectAnalysis;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.routing.AlertLabels;
import dev.vigil.compiler.routing.AlertRouting;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.targets.Repo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The routing page's nested list has one item per route, each listing exactly the alerts {@link AlertRouting}
 * sends through it, and flags the routes no alert reaches; the receiver pages list what reaches them.
 */
class RoutingPagesTest {
    /** The five seed samples, which declare a catalogue. */
    static final List<String> SAMPLES = List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "vaultmesh");

    /** Compiled once per test run: the model is immutable, and the catalogue tests read the same samples. */
    private static final Map<String, Project> COMPILED = new ConcurrentHashMap<>();

    static Project sample(String name) {
        return COMPILED.computeIfAbsent(name, n -> {
            try {
                return project(Compiler.fromWorkingDirectory().check(List.of(
                        Repo.root().resolve("samples").resolve(n).resolve("src/main/vigil"))));
            } catch (dev.vigil.compiler.InputException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    static Project text(String... lines) {
        return project(Compiler.compile(List.of(new SourceFile("t.vigil", String.join("\n", lines) + "\n"))));
    }

    private static Project project(CompileResult r) {
        return r.project().orElseThrow(() -> new AssertionError(r.diagnostics()));
    }

    static Page page(List<Page> pages, String path) {
        return pages.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no page " + path));
    }

    /** The block right after the heading {@code id}. */
    static Block after(Page page, String id) {
        List<Block> blocks = page.blocks();
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (blocks.get(i) instanceof Block.Heading h && h.id().equals(id)) {
                return blocks.get(i + 1);
            }
        }
        throw new AssertionError("no heading #" + id + " on " + page.path());
    }

    /** The alert names a run of inlines links to. */
    static List<String> alertLinks(List<Inline> text) {
        List<String> out = new ArrayList<>();
        for (Inline i : text) {
            if (i instanceof Inline.PageLink l && l.target().startsWith("alerts/")) {
                out.add(((Inline.Code) l.text().get(0)).code());
            }
        }
        return out;
    }

    /** A small project: one route takes the critical alert, one matches nothing, the default takes the rest. */
    static final String[] SMALL = {
        "severities critical > warning",
        "catalogue { base_url \"https://example.com/m/\" title \"m\" }",
        "service shop {",
        "  team \"web\"",
        "  group shop every 1m {",
        "    alert ShopDown { when up{job=\"shop\"} == 0 for 1m severity critical summary \"down\"",
        "      runbook { meaning \"The shop is down.\" } }",
        "    alert ShopSlow { when up{job=\"shop\"} > 5 severity warning summary \"slow\" }",
        "    alert ShopHook { when up{job=\"shop\"} > 9 severity warning labels { hook = \"yes\" } summary \"hook\"",
        "      runbook \"https://runbooks.example.com/hook\" }",
        "  }",
        "}",
        "routing {",
        "  receiver pager pagerduty { routing_key_file \"/etc/am/pd\" }",
        "  receiver chat slack { channel \"#x\" api_url_file \"/etc/am/slack\" }",
        "  receiver robot webhook { url \"https://robot.example.com/hook\" }",
        "  route severity = critical to pager",
        "  route team = \"nobody\" to chat {",
        "    route severity = warning to pager",
        "  }",
        "  route hook = \"yes\" to robot",
        "  route default to chat",
        "}",
    };

    @TestFactory
    Stream<DynamicTest> theListHasOneItemPerRouteWithTheAlertsRoutingSendsThrough() {
        return SAMPLES.stream().map(s -> DynamicTest.dynamicTest(s, () -> checkRouteList(sample(s))));
    }

    @Test
    void routesNoAlertReachesAreFlagged() {
        Project p = text(SMALL);
        checkRouteList(p);
        Page routing = page(CatalogueEmitter.pages(Site.of(p)), "routing/");
        Block.Items unreached = (Block.Items) after(routing, "unreached");
        // `team = "nobody"` and its child: no alert has the label.
        assertEquals(List.of("route-2", "route-2-1"), unreached.items().stream()
                .map(i -> ((Inline.Text) ((Inline.PageLink) i.text().get(0)).text().get(0)).text()).toList());
    }

    /**
     * Walks the list with the routes in the order Alertmanager tries them, and checks each item against a
     * reach computed here from the alerts' labels (a route an alert may take counts as reached).
     */
    private static void checkRouteList(Project project) {
        Site site = Site.of(project);
        Page routing = page(CatalogueEmitter.pages(site), "routing/");
        AlertRouting semantics = AlertRouting.of(project);
        Map<Routing.Route, List<String>> expected = new IdentityHashMap<>();
        // The labels the alert carries when it fires: its rule's, `alertname`, and those its query may give.
        LabelInference inference = new ProjectAnalysis(project).labels();
        for (Site.AlertEntry e : site.alerts()) {
            AlertLabels labels = AlertLabels.of(inference.alertLabels(e.alert()));
            for (Routing.Route r : semantics.reach(project.routing().routes(), labels)) {
                expected.computeIfAbsent(r, k -> new ArrayList<>()).add(e.alert().name());
            }
        }
        List<Routing.Route> top = new ArrayList<>();
        project.routing().routes().stream().filter(r -> !r.isDefault()).forEach(top::add);
        project.routing().routes().stream().filter(Routing.Route::isDefault).forEach(top::add);
        Block.Items list = (Block.Items) after(routing, "route-list");
        int[] seen = {0};
        compare(top, list, "route", expected, seen);
        assertEquals(count(project.routing().routes()), seen[0], "one item per route");
    }

    /** Returns whether some alert goes through one of {@code routes} or below. */
    private static boolean compare(List<Routing.Route> routes, Block.Items items, String prefix,
            Map<Routing.Route, List<String>> expected, int[] seen) {
        assertEquals(routes.size(), items.items().size(), "items under " + prefix);
        boolean any = false;
        for (int i = 0; i < routes.size(); i++) {
            Routing.Route r = routes.get(i);
            Block.Item item = items.items().get(i);
            String id = prefix + "-" + (i + 1);
            seen[0]++;
            Inline.PageLink self = (Inline.PageLink) item.text().get(0);
            assertEquals("routing/#" + id, self.target());
            List<String> alerts = new ArrayList<>();
            Block.Items children = null;
            for (Block b : item.children()) {
                Block.Items sub = (Block.Items) b;
                if (sub.items().get(0).text().get(0) instanceof Inline.PageLink l && l.target().startsWith("alerts/")) {
                    sub.items().forEach(a -> alerts.addAll(alertLinks(a.text())));
                } else {
                    children = sub;
                }
            }
            assertEquals(expected.getOrDefault(r, List.of()), alerts, "the alerts sent through " + id);
            boolean below = !r.children().isEmpty()
                    && compare(r.children(), children, id, expected, seen);
            boolean reached = below || expected.containsKey(r);
            boolean flagged = item.text().stream().anyMatch(t -> t instanceof Inline.Strong s
                    && s.text().equals("no alert reaches it"));
            assertEquals(!reached, flagged, id + " is flagged exactly when no alert reaches it");
            any |= reached;
        }
        return any;
    }

    @Test
    void diagramTextIsAsciiAndShort() {
        assertEquals("team = \"caf?\" ? ops", RouteTreeDiagram.cut("team = \"caf\u00e9\" \u2192 ops"));
        assertEquals(44, RouteTreeDiagram.cut("x".repeat(100)).length());
        assertTrue(RouteTreeDiagram.cut("x".repeat(100)).endsWith("..."));
    }

    private static boolean ascii(Svg svg) {
        String all = svg.text() + String.join("", svg.attributes().values());
        return all.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && svg.children().stream().allMatch(RoutingPagesTest::ascii);
    }

    private static int count(List<Routing.Route> routes) {
        return routes.stream().mapToInt(r -> 1 + count(r.children())).sum();
    }

    @Test
    void receiverPagesShowFilePathsAndTheAlertsThatReachThem() {
        Project p = text(SMALL);
        List<Page> pages = CatalogueEmitter.pages(Site.of(p));
        Page pager = page(pages, "receivers/pager/");
        Block.Table settings = (Block.Table) after(pager, "settings");
        assertEquals(List.of(List.of(Inline.code("routing_key_file"), Inline.code("/etc/am/pd"))), settings.rows());
        Block.Table alerts = (Block.Table) after(pager, "alerts");
        assertEquals(List.of("ShopDown"), alerts.rows().stream().flatMap(r -> alertLinks(r.get(0)).stream()).toList());
        Block.Table chat = (Block.Table) after(page(pages, "receivers/chat/"), "alerts");
        assertEquals(List.of("ShopSlow"), chat.rows().stream().flatMap(r -> alertLinks(r.get(0)).stream()).toList());
        assertTrue(after(page(pages, "receivers/chat/"), "routes") instanceof Block.Items routes
                && routes.items().size() == 2, "chat is the receiver of route-2 and the default");
    }

    @TestFactory
    Stream<DynamicTest> theDiagramIsInertAsciiSvgThatScales() {
        return SAMPLES.stream().map(s -> DynamicTest.dynamicTest(s, () -> {
            Project project = sample(s);
            Page routing = page(CatalogueEmitter.pages(Site.of(project)), "routing/");
            Block.Figure figure = routing.blocks().stream().filter(b -> b instanceof Block.Figure)
                    .map(b -> (Block.Figure) b).findFirst().orElseThrow();
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("");
            HtmlSite.svg(doc.body(), figure.svg());
            String html = doc.body().html();
            org.jsoup.nodes.Element svg = doc.selectFirst("svg");
            assertEquals("img", svg.attr("role"));
            assertTrue(svg.hasAttr("viewBox") || svg.hasAttr("viewbox"), "sized by its viewBox");
            String title = svg.selectFirst("title").attr("id");
            assertEquals(title, svg.attr("aria-labelledby"));
            for (String banned : List.of("script", "style", "a", "foreignObject", "foreignobject", "image", "use")) {
                assertTrue(svg.select(banned).isEmpty(), "no <" + banned + ">");
            }
            assertFalse(html.contains("href"), "no links");
            assertTrue(ascii(figure.svg()), "ASCII only");
            assertEquals(count(project.routing().routes()), svg.select("rect").size() - 1,
                    "a box per route and one for the alerts coming in");
        }));
    }
}
