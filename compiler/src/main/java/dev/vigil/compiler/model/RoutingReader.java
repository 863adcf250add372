package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads routing blocks (from any number of files) into one {@link Routing}. */
final class RoutingReader {
    /** Settings each receiver type takes. Secrets are only ever accepted as `*_file` paths. */
    private static final Map<Routing.ReceiverType, List<String>> SETTINGS = Map.of(
            Routing.ReceiverType.SLACK, List.of("channel", "api_url_file", "username", "title", "text", "icon_emoji",
                    "send_resolved"),
            Routing.ReceiverType.PAGERDUTY, List.of("routing_key_file", "service_key_file", "severity", "description",
                    "client", "client_url", "url", "send_resolved"),
            Routing.ReceiverType.EMAIL, List.of("to", "from", "smarthost", "auth_username", "auth_password_file",
                    "require_tls", "headers", "send_resolved"),
            Routing.ReceiverType.WEBHOOK, List.of("url", "url_file", "max_alerts", "send_resolved"),
            Routing.ReceiverType.OPSGENIE, List.of("api_key_file", "api_url", "message", "priority", "tags",
                    "send_resolved"));

    /** Inline forms of secrets, and the file form that replaces each. */
    private static final Map<String, String> INLINE_SECRETS = Map.of(
            "api_url", "api_url_file", "routing_key", "routing_key_file", "service_key", "service_key_file",
            "auth_password", "auth_password_file", "auth_secret", "auth_secret_file", "api_key", "api_key_file",
            "token", "token_file", "password", "password_file");

    private static final List<String> ROUTE_SETTINGS = List.of("group_by", "group_wait", "group_interval",
            "repeat_interval", "mute_time_intervals", "active_time_intervals");

    private static final List<String> TIME_INTERVAL_SETTINGS =
            List.of("weekdays", "times", "months", "days_of_month", "location");

    private final ValueReader values;
    private final DiagnosticSink sink;

    private RoutingReader(ValueReader values, DiagnosticSink sink) {
        this.values = values;
        this.sink = sink;
    }

    static Routing read(List<Decl.RoutingDecl> decls, ValueReader values, DiagnosticSink sink) {
        return new RoutingReader(values, sink).routing(decls);
    }

    private Routing routing(List<Decl.RoutingDecl> decls) {
        List<Routing.Receiver> receivers = new ArrayList<>();
        List<Routing.Route> routes = new ArrayList<>();
        List<Routing.Inhibition> inhibitions = new ArrayList<>();
        List<Routing.TimeInterval> intervals = new ArrayList<>();
        List<Routing.RouteTest> tests = new ArrayList<>();
        for (Decl.RoutingDecl d : decls) {
            for (Decl.RoutingItem item : d.items()) {
                if (item instanceof Decl.Receiver r) {
                    receiver(r).ifPresent(receivers::add);
                } else if (item instanceof Decl.RouteItem ri) {
                    routes.add(route(ri.route()));
                } else if (item instanceof Decl.Inhibit in) {
                    inhibitions.add(inhibition(in));
                } else if (item instanceof Decl.TimeInterval ti) {
                    intervals.add(timeInterval(ti));
                } else if (item instanceof Decl.RoutingTest rt) {
                    String name = values.string(rt.name(), "test").orElse("");
                    for (Decl.RouteCase c : rt.cases()) {
                        List<Ref> expected = c.receivers().stream()
                                .map(n -> Ref.of(Ref.Kind.RECEIVER, n.text(), n.span())).toList();
                        tests.add(new Routing.RouteTest(name, ModelBuilder.labelMap(c.labels(), values, "labels", sink),
                                expected, c.span()));
                    }
                }
            }
        }
        long defaults = routes.stream().filter(Routing.Route::isDefault).count();
        if (!routes.isEmpty() && defaults == 0) {
            sink.error("Property.Missing", routes.get(0).span(), "The routing has no `route default`.",
                    "Add `route default to <receiver>` for alerts no other route matches.");
        }
        return new Routing(receivers, routes, inhibitions, intervals, tests);
    }

    private Optional<Routing.Receiver> receiver(Decl.Receiver r) {
        Routing.ReceiverType type;
        try {
            type = Routing.ReceiverType.valueOf(r.type().text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            sink.error("Type.UnknownKind", r.type().span(), "`" + r.type().text() + "` is not a receiver type.",
                    "Use `slack`, `pagerduty`, `email`, `webhook` or `opsgenie`.");
            // Kept by name so routes that use it do not also report it as unknown.
            return Optional.of(new Routing.Receiver(r.name().text(), null, new TreeMap<>(), r.name().span()));
        }
        SortedMap<String, Object> settings = new TreeMap<>();
        List<String> known = SETTINGS.get(type);
        for (Property p : new PropertyReader(r.properties(), "receiver", sink).all()) {
            String key = p.key().text();
            // Opsgenie's `api_url` is a plain endpoint; Slack's is the webhook, which is the secret.
            boolean secret = INLINE_SECRETS.containsKey(key) && !(key.equals("api_url") && type == Routing.ReceiverType.OPSGENIE);
            if (secret) {
                sink.error("Secret.Inline", p.span(), "`" + key + "` would put a secret inline in the generated config.",
                        "Use `" + INLINE_SECRETS.get(key) + "` with the path of a file that holds it.");
                continue;
            }
            if (!known.contains(key)) {
                PropertyReader.unknown(p, r.type().text() + " receiver", known, sink);
                continue;
            }
            Optional<Value> v = values.resolve(p.value());
            if (v.isEmpty()) {
                continue;
            }
            if (key.equals("send_resolved") || key.equals("require_tls")) {
                values.bool(p.value(), key).ifPresent(b -> settings.put(key, b));
            } else if (key.equals("max_alerts")) {
                values.wholeNumber(p.value(), key, 0).ifPresent(n -> settings.put(key, n));
            } else if (key.equals("tags") || key.equals("to") && v.get() instanceof Value.ListValue) {
                settings.put(key, values.words(p.value(), key));
            } else {
                values.string(p.value(), key).ifPresent(s -> settings.put(key, s));
            }
        }
        return Optional.of(new Routing.Receiver(r.name().text(), type, settings, r.name().span()));
    }

    private Routing.Route route(Decl.Route r) {
        List<Routing.Matcher> matchers = matchers(r.matchers());
        List<String> groupBy = List.of();
        long wait = 0;
        long interval = 0;
        long repeat = 0;
        List<Ref> mute = List.of();
        List<Ref> active = List.of();
        for (Property p : new PropertyReader(r.settings(), "route", sink).all()) {
            switch (p.key().text()) {
                case "group_by" -> groupBy = values.words(p.value(), "group_by");
                case "group_wait" -> wait = values.duration(p.value(), "group_wait").orElse(0L);
                case "group_interval" -> interval = values.duration(p.value(), "group_interval").orElse(0L);
                case "repeat_interval" -> repeat = values.duration(p.value(), "repeat_interval").orElse(0L);
                case "mute_time_intervals" -> mute = intervalRefs(p);
                case "active_time_intervals" -> active = intervalRefs(p);
                default -> PropertyReader.unknown(p, "route", ROUTE_SETTINGS, sink);
            }
        }
        List<Routing.Route> children = r.children().stream().map(this::route).toList();
        for (Routing.Route c : children) {
            if (c.isDefault()) {
                sink.error("Property.Misplaced", c.span(), "`route default` belongs at the top of the routing, not inside a route.",
                        "A child route without matchers would catch everything its parent does.");
            }
        }
        Ref receiver = Ref.of(Ref.Kind.RECEIVER, r.receiver().text(), r.receiver().span());
        return new Routing.Route(r.isDefault(), matchers, receiver, groupBy, wait, interval, repeat,
                r.continueMatching(), mute, active, children, r.span());
    }

    private List<Ref> intervalRefs(Property p) {
        return values.words(p.value(), p.key().text()).stream()
                .map(n -> Ref.of(Ref.Kind.TIME_INTERVAL, n, p.value().span())).toList();
    }

    private List<Routing.Matcher> matchers(List<Decl.RouteMatcher> ms) {
        List<Routing.Matcher> out = new ArrayList<>();
        for (Decl.RouteMatcher m : ms) {
            Optional<String> v = values.word(m.value(), m.label().text());
            boolean ordering = m.op().startsWith(">") || m.op().startsWith("<");
            if (ordering && !m.label().text().equals("severity")) {
                sink.error("Type.Mismatch", m.span(), "`" + m.op() + "` only compares severities, not `" + m.label().text() + "`.",
                        "Use `=`, `!=`, `=~` or `!~` for other labels.");
                continue;
            }
            if (ordering && v.isPresent()) {
                // Kept as written; the reference validator checks the severity exists.
                out.add(new Routing.Matcher("severity", m.op(), v.get(), m.value().span()));
                continue;
            }
            v.ifPresent(s -> out.add(new Routing.Matcher(m.label().text(), m.op(), s, m.span())));
        }
        return out;
    }

    private Routing.Inhibition inhibition(Decl.Inhibit in) {
        Ref targetAlert = in.target().alert() == null ? null : alertRef(in.target().alert());
        Ref sourceAlert = in.source().alert() == null ? null : alertRef(in.source().alert());
        List<String> equal = in.equal().stream().map(Name::text).toList();
        return new Routing.Inhibition(matchers(in.target().matchers()), targetAlert, matchers(in.source().matchers()),
                sourceAlert, equal, in.span());
    }

    private static Ref alertRef(Name n) {
        return Ref.of(Ref.Kind.ALERT, n.text(), n.span());
    }

    private Routing.TimeInterval timeInterval(Decl.TimeInterval t) {
        List<String> weekdays = List.of();
        List<String> times = List.of();
        List<String> months = List.of();
        List<String> days = List.of();
        String location = null;
        for (Property p : new PropertyReader(t.properties(), "time interval", sink).all()) {
            switch (p.key().text()) {
                case "weekdays" -> weekdays = values.words(p.value(), "weekdays");
                case "times" -> times = values.words(p.value(), "times");
                case "months" -> months = values.words(p.value(), "months");
                case "days_of_month" -> days = values.words(p.value(), "days_of_month");
                case "location" -> location = values.string(p.value(), "location").orElse(null);
                default -> PropertyReader.unknown(p, "time interval", TIME_INTERVAL_SETTINGS, sink);
            }
        }
        return new Routing.TimeInterval(t.name().text(), weekdays, times, months, days, location, t.name().span());
    }
}
