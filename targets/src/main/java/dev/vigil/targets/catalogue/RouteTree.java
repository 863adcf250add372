package dev.vigil.targets.catalogue;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.vigil.compiler.model.Routing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route tree as the catalogue shows it, computed once per build: each route with a fragment id
 * ({@code route-1-2}) in the order Alertmanager tries them ({@code route default} last), and the alerts each
 * route notifies, as {@link Site#routes()} reads the routing for the alert pages.
 */
final class RouteTree {
    /** A route, its id and depth (1 for a top-level route), and its children in the order they are tried. */
    record Node(String id, Routing.Route route, int depth, List<Node> children) {
        Node {
            children = List.copyOf(children);
        }

        boolean isLeaf() {
            return children.isEmpty();
        }
    }

    private final List<Node> roots;
    private final List<Node> all;
    private final Map<Routing.Route, Node> byRoute;
    private final Map<Node, List<Site.AlertEntry>> notified;
    private final Set<Node> reached;
    private final Map<String, List<Node>> byAlert;
    private final Map<String, Routing.Receiver> receivers;
    private final Map<String, List<Site.AlertEntry>> byReceiver = new HashMap<>();

    private RouteTree(Site site) {
        Routing routing = site.project().routing();
        List<Routing.Route> ordered = new ArrayList<>();
        routing.routes().stream().filter(r -> r != null && !r.isDefault()).forEach(ordered::add);
        routing.routes().stream().filter(r -> r != null && r.isDefault()).forEach(ordered::add);
        Map<Routing.Route, Node> routes = new IdentityHashMap<>();
        List<Node> flat = new ArrayList<>();
        this.roots = nodes(ordered, "route", 1, routes, flat);
        this.all = List.copyOf(flat);
        this.byRoute = routes;
        Map<Node, List<Site.AlertEntry>> through = new IdentityHashMap<>();
        Set<Node> passed = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Node>> alerts = new HashMap<>();
        for (Site.AlertEntry e : site.alerts()) {
            List<Node> reach = new ArrayList<>();
            for (AlertRoutes.Reached reached : site.routes().reach(e.alert())) {
                Routing.Route r = reached.route();
                Node n = routes.get(r);
                if (n == null) {
                    continue;
                }
                reach.add(n);
                through.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
                // A route that notifies was reached through each of its parents.
                Routing.Route up = r;
                while (up != null && passed.add(routes.get(up))) {
                    up = site.routes().parent(up);
                }
            }
            alerts.put(e.alert().name(), List.copyOf(reach));
            for (String receiver : receivers(reach)) {
                byReceiver.computeIfAbsent(receiver, k -> new ArrayList<>()).add(e);
            }
        }
        this.notified = through;
        this.reached = passed;
        this.byAlert = alerts;
        Map<String, Routing.Receiver> named = new LinkedHashMap<>();
        routing.receivers().forEach(r -> named.putIfAbsent(r.name(), r));
        this.receivers = named;
    }

    static RouteTree of(Site site) {
        return new RouteTree(site);
    }

    private static List<Node> nodes(List<Routing.Route> routes, String prefix, int depth,
            Map<Routing.Route, Node> index, List<Node> flat) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Routing.Route r = routes.get(i);
            String id = prefix + "-" + (i + 1);
            // Preorder, so the flat list reads as the tree does.
            int at = flat.size();
            flat.add(null);
            Node n = new Node(id, r, depth, nodes(r.children(), id, depth + 1, index, flat));
            flat.set(at, n);
            index.put(r, n);
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** The top-level routes, in the order they are tried. */
    List<Node> roots() {
        return roots;
    }

    /** Every route, parents before their children. */
    List<Node> all() {
        return all;
    }

    Node node(Routing.Route route) {
        return byRoute.get(route);
    }

    /** The alerts notified through this route, in source order. */
    List<Site.AlertEntry> alertsAt(Node n) {
        return notified.getOrDefault(n, List.of());
    }

    /** Whether some alert is notified through this route or one below it. */
    boolean reached(Node n) {
        return reached.contains(n);
    }

    /** The routes an alert is notified through, in Alertmanager's order. */
    List<Node> reach(String alert) {
        return byAlert.getOrDefault(alert, List.of());
    }

    /** The receivers an alert is sent to, in Alertmanager's order, each once. */
    List<String> receivers(String alert) {
        return receivers(reach(alert));
    }

    /** The alerts sent to {@code receiver}, in source order. */
    List<Site.AlertEntry> alertsTo(String receiver) {
        return byReceiver.getOrDefault(receiver, List.of());
    }

    private static List<String> receivers(List<Node> reach) {
        List<String> out = new ArrayList<>();
        for (Node n : reach) {
            String name = receiverName(n.route());
            if (!name.isEmpty() && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    Routing.Receiver receiver(String name) {
        return receivers.get(name);
    }

    /**
     * Whether a receiver tells a person: Vigil has no receiver without an integration, so the one kind that
     * does not is a webhook, which hands the alert to a program.
     */
    boolean human(String receiver) {
        Routing.Receiver r = receivers.get(receiver);
        return r != null && r.type() != null && r.type() != Routing.ReceiverType.WEBHOOK;
    }

    /** The routes that send to {@code receiver}, parents before children. */
    List<Node> routesTo(String receiver) {
        return all.stream().filter(n -> receiverName(n.route()).equals(receiver)).toList();
    }

    static String receiverName(Routing.Route r) {
        return r.receiver() == null ? "" : r.receiver().name();
    }

    /** A route's matchers as the DSL writes them, {@code severity >= critical, team = "db"}; "default" for the catch-all. */
    static String matchers(Routing.Route r) {
        if (r.isDefault() && r.matchers().isEmpty()) {
            return "default";
        }
        List<String> out = new ArrayList<>();
        if (r.isDefault()) {
            out.add("default");
        }
        r.matchers().forEach(m -> out.add(matcher(m)));
        return out.isEmpty() ? "every alert" : String.join(", ", out);
    }

    static String matcher(Routing.Matcher m) {
        // Severity comparisons name a declared level, which the DSL writes bare.
        boolean level = m.op() != null && (m.op().startsWith("<") || m.op().startsWith(">"));
        return m.label() + " " + m.op() + " " + (level ? m.value() : quote(m.value()));
    }

    static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value == null ? "" : value)) + "\"";
    }
}
