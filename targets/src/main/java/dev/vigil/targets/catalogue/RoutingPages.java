package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.promql.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routing page (the route tree as a diagram and as a nested list, where each route sends and which
 * alerts it notifies, the routes no alert reaches, inhibitions and time intervals) and one page per receiver.
 */
final class RoutingPages {
    static final String PAGE = "routing/";

    private RoutingPages() {
    }

    static Page routing(Site site, RouteTree tree) {
        Routing routing = site.project().routing();
        List<Block> b = new ArrayList<>();
        if (tree.all().isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("The project declares no routes.")));
        } else {
            b.add(new Block.Paragraph(Inline.text("Alertmanager tries the routes from top to bottom, "
                    + "route default last; the first route that matches takes the alert, unless it continues, and a "
                    + "matching route whose children all fail sends the alert itself. The alerts under each route "
                    + "are the ones it notifies, by the labels they carry when they fire.")));
            b.add(new Block.Figure(RouteTreeDiagram.of(tree, site.alerts().size()),
                    "The route tree; a dashed box is a route no alert reaches. The list below says the same."));
            b.add(AlertPages.heading("route-list", "Routes"));
            b.add(new Block.Items(false, tree.roots().stream().map(n -> item(tree, n)).toList()));
            b.add(AlertPages.heading("unreached", "Routes no alert reaches"));
            List<Block.Item> unreached = tree.all().stream().filter(n -> !tree.reached(n))
                    .map(n -> new Block.Item(routeText(n))).toList();
            b.add(unreached.isEmpty() ? new Block.Paragraph(Inline.text("Every route notifies some alert."))
                    : new Block.Items(false, unreached));
            b.add(AlertPages.heading("route-settings", "Route settings"));
            for (RouteTree.Node n : tree.all()) {
                b.addAll(settings(n));
            }
        }
        b.add(AlertPages.heading("receivers", "Receivers"));
        if (routing.receivers().isEmpty()) {
            b.add(new Block.Paragraph(Inline.text("The project declares no receivers.")));
        } else {
            b.add(new Block.Items(false, routing.receivers().stream().map(r -> new Block.Item(List.of(
                    Inline.codeLink(Links.receiverPage(r.name()), r.name()),
                    new Inline.Text(" (" + type(r) + ")")))).toList()));
        }
        if (!routing.inhibitions().isEmpty()) {
            b.add(AlertPages.heading("inhibitions", "Inhibitions"));
            b.add(inhibitions(site, routing.inhibitions()));
        }
        if (!routing.timeIntervals().isEmpty()) {
            b.add(AlertPages.heading("time-intervals", "Time intervals"));
            b.add(timeIntervals(tree, routing.timeIntervals()));
        }
        return new Page(PAGE, "Routing", Page.Kind.ROUTING, b);
    }

    /** A route of the nested list: what it matches and where it sends, then the alerts it notifies and its children. */
    private static Block.Item item(RouteTree tree, RouteTree.Node n) {
        List<Inline> text = new ArrayList<>(routeText(n));
        List<Site.AlertEntry> alerts = tree.alertsAt(n);
        if (!tree.reached(n)) {
            text.add(new Inline.Text(": "));
            text.add(new Inline.Strong("no alert reaches it"));
        } else if (!alerts.isEmpty()) {
            text.add(new Inline.Text(": notifies " + alerts.size() + (alerts.size() == 1 ? " alert" : " alerts")));
        }
        List<Block> children = new ArrayList<>();
        if (!alerts.isEmpty()) {
            children.add(new Block.Items(false, alerts.stream().map(e -> new Block.Item(List.of(
                    Inline.codeLink(Links.alertPage(e.alert().name()), e.alert().name())))).toList()));
        }
        if (!n.children().isEmpty()) {
            children.add(new Block.Items(false, n.children().stream().map(c -> item(tree, c)).toList()));
        }
        return new Block.Item(text, children);
    }

    /** {@code route-1-2} (a link to its settings) {@code severity >= critical} to {@code pager}. */
    static List<Inline> routeText(RouteTree.Node n) {
        List<Inline> text = new ArrayList<>();
        text.add(Inline.link(PAGE + "#" + n.id(), n.id()));
        text.add(new Inline.Text(" "));
        text.add(new Inline.Code(RouteTree.matchers(n.route())));
        String receiver = RouteTree.receiverName(n.route());
        text.add(new Inline.Text(" to "));
        text.add(receiver.isEmpty() ? new Inline.Text("no receiver") : Inline.codeLink(Links.receiverPage(receiver),
                receiver));
        if (n.route().continueMatching()) {
            text.add(new Inline.Text(", continues"));
        }
        return text;
    }

    private static List<Block> settings(RouteTree.Node n) {
        Routing.Route r = n.route();
        List<Block.Field> f = new ArrayList<>();
        f.add(new Block.Field("Matchers", Inline.code(RouteTree.matchers(r))));
        String receiver = RouteTree.receiverName(r);
        if (!receiver.isEmpty()) {
            f.add(new Block.Field("Receiver", List.of(Inline.codeLink(Links.receiverPage(receiver), receiver))));
        }
        if (!r.groupBy().isEmpty()) {
            f.add(new Block.Field("Group by", Inline.code(String.join(", ", r.groupBy()))));
        }
        timing(f, "Group wait", r.groupWaitMillis());
        timing(f, "Group interval", r.groupIntervalMillis());
        timing(f, "Repeat interval", r.repeatIntervalMillis());
        if (r.continueMatching()) {
            f.add(new Block.Field("Continue", Inline.text("yes: the routes after it are tried too")));
        }
        intervals(f, "Muted during", r.muteTimeIntervals());
        intervals(f, "Active only during", r.activeTimeIntervals());
        return List.of(new Block.Heading(3, n.id(), List.of(new Inline.Text(n.id() + " "),
                new Inline.Code(RouteTree.matchers(r)))), new Block.Fields(f));
    }

    private static void timing(List<Block.Field> f, String label, long millis) {
        if (millis != Routing.Route.INHERITED) {
            f.add(new Block.Field(label, Inline.code(Durations.format(millis))));
        }
    }

    private static void intervals(List<Block.Field> f, String label, List<Ref> refs) {
        if (!refs.isEmpty()) {
            f.add(new Block.Field(label, Inline.code(String.join(", ", refs.stream().map(Ref::name).toList()))));
        }
    }

    private static Block.Table inhibitions(Site site, List<Routing.Inhibition> inhibitions) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Routing.Inhibition i : inhibitions) {
            rows.add(List.of(side(site, i.targetAlert(), i.target()), side(site, i.sourceAlert(), i.source()),
                    i.equal().isEmpty() ? Inline.text("any") : Inline.code(String.join(", ", i.equal()))));
        }
        return new Block.Table("Alerts that are silenced while others fire",
                List.of("Silenced", "While firing", "Equal labels"), rows);
    }

    private static List<Inline> side(Site site, Ref alert, List<Routing.Matcher> matchers) {
        List<Inline> out = new ArrayList<>();
        if (alert != null) {
            out.add(site.alert(alert.name()) != null ? Inline.codeLink(Links.alertPage(alert.name()), alert.name())
                    : new Inline.Code(alert.name()));
        }
        if (!matchers.isEmpty()) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(" with "));
            }
            out.add(new Inline.Code(String.join(", ", matchers.stream().map(RouteTree::matcher).toList())));
        }
        return out.isEmpty() ? Inline.text("every alert") : out;
    }

    private static Block.Table timeIntervals(RouteTree tree, List<Routing.TimeInterval> intervals) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Routing.TimeInterval t : intervals) {
            List<Inline> used = new ArrayList<>();
            for (RouteTree.Node n : tree.all()) {
                boolean named = n.route().muteTimeIntervals().stream().anyMatch(r -> r.name().equals(t.name()))
                        || n.route().activeTimeIntervals().stream().anyMatch(r -> r.name().equals(t.name()));
                if (named) {
                    if (!used.isEmpty()) {
                        used.add(new Inline.Text(", "));
                    }
                    used.add(Inline.link(PAGE + "#" + n.id(), n.id()));
                }
            }
            rows.add(List.of(Inline.code(t.name()), list(t.weekdays()), list(t.times()), list(t.months()),
                    list(t.daysOfMonth()), t.location() == null ? Inline.text("UTC") : Inline.text(t.location()),
                    used.isEmpty() ? Inline.text("no route") : used));
        }
        return new Block.Table("When the time intervals hold, and the routes that name them",
                List.of("Interval", "Weekdays", "Times", "Months", "Days of month", "Location", "Used by"), rows);
    }

    private static List<Inline> list(List<String> values) {
        return values.isEmpty() ? Inline.text("any") : Inline.text(String.join(", ", values));
    }

    static String type(Routing.Receiver r) {
        return r.type() == null ? "unknown" : r.type().keyword();
    }

    static List<Page> receivers(Site site, RouteTree tree) {
        List<Page> pages = new ArrayList<>();
        for (Routing.Receiver r : site.project().routing().receivers()) {
            List<Block> b = new ArrayList<>();
            b.add(new Block.Fields(List.of(new Block.Field("Type", Inline.code(type(r))),
                    new Block.Field("Tells a person", Inline.text(tree.human(r.name()) ? "yes"
                            : "no: it hands alerts to a program")))));
            b.add(AlertPages.heading("settings", "Settings"));
            b.add(settings(r));
            b.add(AlertPages.heading("routes", "Routes"));
            List<RouteTree.Node> routes = tree.routesTo(r.name());
            b.add(routes.isEmpty() ? new Block.Paragraph(Inline.text("No route sends to this receiver."))
                    : new Block.Items(false, routes.stream().map(n -> new Block.Item(routeText(n))).toList()));
            b.add(AlertPages.heading("alerts", "Alerts"));
            List<Site.AlertEntry> alerts = tree.alertsTo(r.name());
            b.add(alerts.isEmpty() ? new Block.Paragraph(Inline.text("No alert reaches this receiver."))
                    : OtherPages.alertTable("The alerts sent to " + r.name(), alerts));
            OtherPages.declaredAt(site, r.span()).ifPresent(b::add);
            pages.add(new Page(Links.receiverPage(r.name()), "Receiver " + r.name(), Page.Kind.RECEIVER, b));
        }
        return pages;
    }

    /**
     * The receiver's settings as written. Vigil takes secrets only as {@code *_file} paths, which are shown;
     * a setting that would hold a secret inline is refused by {@code vigil check}, and never shown here.
     */
    private static Block settings(Routing.Receiver r) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> s : r.settings().entrySet()) {
            boolean secret = r.type() != null && r.type().secretFile(s.getKey()).isPresent();
            rows.add(List.of(Inline.code(s.getKey()), secret ? Inline.text("a secret, not shown")
                    : Inline.code(String.valueOf(s.getValue()))));
        }
        if (rows.isEmpty()) {
            return new Block.Paragraph(Inline.text("The receiver sets nothing of its own."));
        }
        return new Block.Table("The settings of " + r.name() + "; secrets are file paths", List.of("Setting", "Value"),
                rows);
    }
}
