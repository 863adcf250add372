package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.Property;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.secret.Secrets;
import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads routing blocks (from any number of files) into one {@link Routing}. */
final class RoutingReader {
    /**
     * What a receiver type takes. {@code required} are the settings Alertmanager needs, since Vigil
     * writes no `global` section to take them from: each inner list is a choice of one. Secrets are
     * only ever accepted as `*_file` paths; `credentials_file` and `basic_auth_*` are written as the
     * integration's `http_config`.
     */
    private record Spec(List<String> settings, List<List<String>> required) {
    }

    private static final Map<Routing.ReceiverType, Spec> SPECS = new EnumMap<>(Map.ofEntries(
            Map.entry(Routing.ReceiverType.SLACK, new Spec(List.of("channel", "api_url_file", "username", "title", "text",
                    "icon_emoji", "send_resolved"), List.of(List.of("api_url_file")))),
            Map.entry(Routing.ReceiverType.PAGERDUTY, new Spec(List.of("routing_key_file", "service_key_file", "severity",
                    "description", "client", "client_url", "url", "send_resolved"),
                    List.of(List.of("routing_key_file", "service_key_file")))),
            Map.entry(Routing.ReceiverType.EMAIL, new Spec(List.of("to", "from", "smarthost", "auth_username",
                    "auth_password_file", "require_tls", "headers", "send_resolved"),
                    List.of(List.of("to"), List.of("from"), List.of("smarthost")))),
            Map.entry(Routing.ReceiverType.WEBHOOK, new Spec(List.of("url", "url_file", "max_alerts", "send_resolved"),
                    List.of(List.of("url", "url_file")))),
            Map.entry(Routing.ReceiverType.OPSGENIE, new Spec(List.of("api_key_file", "api_url", "message", "priority",
                    "tags", "send_resolved"), List.of(List.of("api_key_file")))),
            Map.entry(Routing.ReceiverType.DISCORD, new Spec(List.of("webhook_url_file", "title", "message", "content",
                    "username", "avatar_url", "send_resolved"), List.of(List.of("webhook_url_file")))),
            Map.entry(Routing.ReceiverType.MSTEAMS, new Spec(List.of("webhook_url_file", "title", "summary", "text",
                    "send_resolved"), List.of(List.of("webhook_url_file")))),
            Map.entry(Routing.ReceiverType.MSTEAMSV2, new Spec(List.of("webhook_url_file", "title", "text",
                    "send_resolved"), List.of(List.of("webhook_url_file")))),
            Map.entry(Routing.ReceiverType.TELEGRAM, new Spec(List.of("bot_token_file", "chat_id", "message_thread_id",
                    "api_url", "message", "parse_mode", "disable_notifications", "send_resolved"),
                    List.of(List.of("bot_token_file"), List.of("chat_id")))),
            Map.entry(Routing.ReceiverType.WEBEX, new Spec(List.of("room_id", "credentials_file", "api_url", "message",
                    "send_resolved"), List.of(List.of("room_id"), List.of("credentials_file")))),
            Map.entry(Routing.ReceiverType.JIRA, new Spec(List.of("api_url", "project", "issue_type", "summary",
                    "description", "labels", "priority", "resolve_transition", "reopen_transition", "wont_fix_resolution",
                    "reopen_duration", "credentials_file", "basic_auth_username", "basic_auth_password_file",
                    "send_resolved"), List.of(List.of("api_url"), List.of("project"), List.of("issue_type")))),
            Map.entry(Routing.ReceiverType.ROCKETCHAT, new Spec(List.of("token_file", "token_id_file", "api_url",
                    "channel", "title", "title_link", "text", "color", "emoji", "icon_url", "send_resolved"),
                    List.of(List.of("token_file"), List.of("token_id_file")))),
            // Alertmanager only asks for the token when an `http_config` is written, which Vigil does not
            // do here; incident.io refuses alert events without it.
            Map.entry(Routing.ReceiverType.INCIDENTIO, new Spec(List.of("url", "url_file", "alert_source_token_file",
                    "max_alerts", "send_resolved"), List.of(List.of("url", "url_file"), List.of("alert_source_token_file")))),
            Map.entry(Routing.ReceiverType.PUSHOVER, new Spec(List.of("user_key_file", "token_file", "title", "message",
                    "url", "priority", "sound", "device", "retry", "expire", "html", "send_resolved"),
                    List.of(List.of("user_key_file"), List.of("token_file")))),
            Map.entry(Routing.ReceiverType.VICTOROPS, new Spec(List.of("api_key_file", "routing_key", "api_url",
                    "message_type", "entity_display_name", "state_message", "monitoring_tool", "send_resolved"),
                    List.of(List.of("api_key_file"), List.of("routing_key")))),
            Map.entry(Routing.ReceiverType.MATTERMOST, new Spec(List.of("webhook_url_file", "channel", "username", "text",
                    "icon_url", "icon_emoji", "send_resolved"), List.of(List.of("webhook_url_file"))))));

    /** The settings a receiver of {@code type} takes. */
    static List<String> settingsOf(Routing.ReceiverType type) {
        return SPECS.get(type).settings();
    }

    /** The {@code *_file} setting that holds the secret {@code key} inline, when {@code key} is one for {@code type}. */
    static Optional<String> secretFile(String key, Routing.ReceiverType type) {
        return Secrets.namesSecret(type.keyword(), key) ? Optional.of(Secrets.fileForm(key)) : Optional.empty();
    }

    static boolean isBoolean(String key) {
        return BOOLEANS.contains(key);
    }

    static boolean isDuration(String key) {
        return DURATIONS.contains(key);
    }

    private static final List<String> BOOLEANS = List.of("send_resolved", "require_tls", "disable_notifications", "html");

    /** Settings read as durations; Alertmanager parses them as Prometheus durations. */
    private static final List<String> DURATIONS = List.of("retry", "expire", "reopen_duration");

    /** Telegram's parse modes; the empty string sends plain text. */
    private static final List<String> PARSE_MODES = List.of("HTML", "MarkdownV2", "Markdown", "");

    /** Go's `url.Parse` as far as Alertmanager checks it: an http or https scheme and a host. */
    private static final Pattern HTTP_URL =
            Pattern.compile("(?i)https?://(?:[^/?#@]*@)?(?:\\[[^\\]]+\\]|[^/?#@:\\[\\]]+)(?::\\d*)?(?:[/?#].*)?",
                    Pattern.DOTALL);

    /** An email header as Vigil takes it: {@code Name: value}, the name printable ASCII without a colon. */
    private static final Pattern HEADER = Pattern.compile("([!-9;-~]+):\\s*(.*)", Pattern.DOTALL);

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
                        tests.add(new Routing.RouteTest(name, testAlert(c.alert()), expected,
                                c.source() == null ? null : testAlert(c.source()), c.inhibited(), c.span()));
                    }
                }
            }
        }
        long defaults = routes.stream().filter(Routing.Route::isDefault).count();
        if (!routes.isEmpty() && defaults == 0) {
            // Blocking: the Alertmanager root route is the default one.
            sink.blocking(Ids.PROPERTY_MISSING, routes.get(0).span(), "The routing has no `route default`.",
                    "Add `route default to <receiver>` for alerts no other route matches.");
        }
        return new Routing(receivers, routes, inhibitions, intervals, tests);
    }

    private Optional<Routing.Receiver> receiver(Decl.Receiver r) {
        Routing.ReceiverType type;
        try {
            type = Routing.ReceiverType.valueOf(r.type().text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Blocking: there is no Alertmanager integration to write it as.
            List<String> types = Arrays.stream(Routing.ReceiverType.values()).map(Routing.ReceiverType::keyword).toList();
            String near = Suggest.closest(r.type().text(), types);
            sink.blocking(Ids.TYPE_UNKNOWN_KIND, r.type().span(), "`" + r.type().text() + "` is not a receiver type.",
                    near != null ? "Did you mean `" + near + "`?" : "Use one of " + ModelBuilder.quoteList(types) + ".");
            // Kept by name so routes that use it do not also report it as unknown.
            return Optional.of(new Routing.Receiver(r.name().text(), null, new TreeMap<>(), r.name().span()));
        }
        SortedMap<String, Object> settings = new TreeMap<>();
        SortedMap<String, Span> spans = new TreeMap<>();
        Spec spec = SPECS.get(type);
        for (Property p : new PropertyReader(r.properties(), "receiver", sink).all()) {
            String key = p.key().text();
            Optional<Span> secret = inlineSecret(r, type, p);
            if (secret.isPresent()) {
                // A secret named by its field counts as its file setting, so that is not reported missing too.
                boolean named = Secrets.namesSecret(type.keyword(), key);
                spans.put(named ? Secrets.fileForm(key) : key, secret.get());
                continue;
            }
            spans.put(key, p.value().span());
            if (!spec.settings().contains(key)) {
                PropertyReader.unknown(p, type.keyword() + " receiver", spec.settings(), sink);
                continue;
            }
            Optional<Value> v = values.resolve(p.value());
            if (v.isEmpty()) {
                continue;
            }
            if (BOOLEANS.contains(key)) {
                values.bool(p.value(), key).ifPresent(b -> settings.put(key, b));
            } else if (DURATIONS.contains(key)) {
                values.duration(p.value(), key).ifPresent(ms -> settings.put(key, Duration.ofMillis(ms)));
            } else if (key.equals("max_alerts")) {
                values.wholeNumber(p.value(), key, 0).ifPresent(n -> settings.put(key, n));
            } else if (key.equals("message_thread_id")) {
                values.wholeNumber(p.value(), key, 1).ifPresent(n -> settings.put(key, n));
            } else if (key.equals("chat_id")) {
                chatId(p).ifPresent(id -> settings.put(key, id));
            } else if (key.equals("tags") || key.equals("labels") || key.equals("to") && v.get() instanceof Value.ListValue) {
                settings.put(key, values.words(p.value(), key));
            } else if (key.equals("headers")) {
                settings.put(key, headers(p));
            } else {
                values.string(p.value(), key).ifPresent(text -> {
                    settings.put(key, text);
                    checkValue(type, key, text, p.value().span());
                });
            }
        }
        for (List<String> oneOf : spec.required()) {
            if (oneOf.stream().noneMatch(spans::containsKey)) {
                List<String> quoted = oneOf.stream().map(k -> "`" + k + "`").toList();
                sink.blocking(Ids.PROPERTY_MISSING, r.name().span(), "The " + type.keyword() + " receiver `" + r.name().text()
                        + "` has no " + String.join(" or ", quoted) + ", which Alertmanager needs.",
                        "Add " + String.join(" or ", quoted) + "; Vigil writes no `global` section to take it from.");
            }
        }
        conflict(r, type, spans, "url", "url_file");
        conflict(r, type, spans, "credentials_file", "basic_auth_username");
        conflict(r, type, spans, "credentials_file", "basic_auth_password_file");
        return Optional.of(new Routing.Receiver(r.name().text(), type, settings, r.name().span(), spans));
    }

    /**
     * Reports a secret written inline in the setting, by its name or by the shape of its value (every
     * string, list item and email header), at the value: a constant's value where it is declared.
     * Blocking: Vigil never writes the secret, and without it Alertmanager refuses the receiver.
     */
    private Optional<Span> inlineSecret(Decl.Receiver r, Routing.ReceiverType type, Property p) {
        String key = p.key().text();
        Optional<Value> v = values.resolve(p.value());
        Span at = v.map(Value::span).orElse(p.value().span());
        String field = "`" + key + "`" + (p.value() instanceof Value.ConstRefValue c ? " (through `$" + c.name() + "`)" : "");
        Optional<Secrets.Kind> kind = Secrets.namesSecret(type.keyword(), key) ? Optional.of(Secrets.Kind.NAMED)
                : Optional.empty();
        if (kind.isEmpty() && v.isPresent() && v.get() instanceof Value.StringValue text) {
            kind = Secrets.find(type.keyword(), key, text.value());
        }
        if (kind.isEmpty() && v.isPresent() && v.get() instanceof Value.ListValue list) {
            for (Value item : list.items()) {
                if (item instanceof Value.StringValue text) {
                    Matcher header = HEADER.matcher(text.value());
                    kind = key.equals("headers") && header.matches()
                            ? Secrets.find(type.keyword(), header.group(1), header.group(2))
                            : Secrets.find(type.keyword(), key, text.value());
                    if (kind.isPresent()) {
                        at = item.span();
                        field = key.equals("headers") && header.matches() ? "`" + key + "` (`" + header.group(1) + "`)"
                                : field;
                        break;
                    }
                }
            }
        }
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String file = Secrets.fileForm(key);
        String what = kind.get() == Secrets.Kind.NAMED ? "" : " holds " + kind.get().description() + ", which";
        List<String> files = SPECS.get(type).settings().stream().filter(s -> s.endsWith("_file")).toList();
        sink.blocking(Ids.SECRET_INLINE, at, field + " of receiver `" + r.name().text() + "`" + what
                + " would put a secret inline in the generated config.", SPECS.get(type).settings().contains(file)
                        ? "Use `" + file + "` with the path of a file that holds it."
                        : "Vigil writes secrets only as file paths; put it in a file and use "
                                + ModelBuilder.quoteList(files) + " with its path.");
        return Optional.of(at);
    }

    /** Blocking: Alertmanager refuses both settings together (`url` and `url_file`, two kinds of HTTP authorization). */
    private void conflict(Decl.Receiver r, Routing.ReceiverType type, Map<String, Span> spans, String one, String other) {
        if (spans.containsKey(one) && spans.containsKey(other)) {
            sink.blocking(Ids.PROPERTY_CONFLICT, spans.get(other), "The " + type.keyword() + " receiver `" + r.name().text()
                    + "` has both `" + one + "` and `" + other + "`.", "Keep one: Alertmanager takes at most one of them.");
        }
    }

    /** A Telegram chat: a non-zero 64-bit integer, negative for groups and channels. */
    private Optional<Long> chatId(Property p) {
        Optional<BigDecimal> n = values.number(p.value(), "chat_id");
        if (n.isEmpty()) {
            return Optional.empty();
        }
        try {
            long id = n.get().longValueExact();
            if (id != 0) {
                return Optional.of(id);
            }
        } catch (ArithmeticException e) {
            // Not whole, or beyond 64 bits: reported below.
        }
        sink.blocking(Ids.TYPE_OUT_OF_RANGE, p.value().span(), "`" + n.get().toPlainString() + "` is not a Telegram chat id.",
                "Give the chat's id, a whole number other than 0, such as `-1001234567890` for a group.");
        return Optional.empty();
    }

    /** URLs, the SMTP address and Telegram's parse mode as Alertmanager reads them when it loads the configuration. */
    private void checkValue(Routing.ReceiverType type, String key, String text, Span where) {
        // Pushover's `url` is a templated link shown with the message, not an address Alertmanager parses.
        boolean url = key.equals("api_url") || key.equals("url") && type != Routing.ReceiverType.PUSHOVER;
        if (url && !HTTP_URL.matcher(text).matches()) {
            sink.blocking(Ids.TYPE_INVALID_URL, where, "`" + text + "` is not a URL Alertmanager accepts for `" + key + "`.",
                    "Give an `http://` or `https://` URL with a host, such as `https://hooks.example.com/alerts`.");
        } else if (key.equals("smarthost")) {
            hostPortProblem(text).ifPresent(problem -> sink.blocking(Ids.TYPE_INVALID_ADDRESS, where,
                    "`" + text + "` is not an SMTP address: " + problem + ".", "Write `host:port`, such as `smtp.example.com:587`."));
        } else if (key.equals("parse_mode") && !PARSE_MODES.contains(text)) {
            sink.blocking(Ids.TYPE_OUT_OF_RANGE, where, "`" + text + "` is not a Telegram parse mode.",
                    "Use `\"HTML\"` (the default), `\"MarkdownV2\"`, `\"Markdown\"`, or `\"\"` for plain text.");
        }
    }

    /** What Go's {@code net.SplitHostPort} refuses, and Alertmanager's check for an empty port. */
    static Optional<String> hostPortProblem(String text) {
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.of("the `[` of the IPv6 address is never closed");
            }
            if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                return Optional.of("it has no port");
            }
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return Optional.of("it has no port");
            }
            if (text.substring(0, colon).contains(":")) {
                return Optional.of("an IPv6 address needs brackets, as in `[::1]:25`");
            }
            port = text.substring(colon + 1);
        }
        return port.isEmpty() ? Optional.of("the port is empty") : Optional.empty();
    }

    /** Email headers, each `Name: value`; Alertmanager wants the names unique whatever their case. */
    private SortedMap<String, String> headers(Property p) {
        SortedMap<String, String> out = new TreeMap<>();
        Map<String, String> seen = new HashMap<>();
        for (ValueReader.Item item : values.items(p.value(), "headers")) {
            Matcher m = HEADER.matcher(item.text());
            if (!m.matches()) {
                sink.blocking(Ids.TYPE_INVALID_HEADER, item.span(), "`" + item.text() + "` is not an email header.",
                        "Write each header as `Name: value`, such as `\"Subject: Disk full\"`.");
                continue;
            }
            String name = m.group(1);
            String first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                sink.blocking(Ids.NAME_DUPLICATE, item.span(), "The email header `" + name + "` is given twice (first as `"
                        + first + "`).", "Header names ignore case; keep one.");
                continue;
            }
            out.put(name, m.group(2));
        }
        return out;
    }

    private Routing.Route route(Decl.Route r) {
        List<Routing.Matcher> matchers = matchers(r.matchers());
        List<String> groupBy = List.of();
        long wait = Routing.Route.INHERITED;
        long interval = Routing.Route.INHERITED;
        long repeat = Routing.Route.INHERITED;
        List<Ref> mute = List.of();
        List<Ref> active = List.of();
        for (Property p : new PropertyReader(r.settings(), "route", sink).all()) {
            switch (p.key().text()) {
                case "group_by" -> groupBy = groupBy(p);
                case "group_wait" -> wait = values.duration(p.value(), "group_wait").orElse(Routing.Route.INHERITED);
                case "group_interval" -> interval = positive(p);
                case "repeat_interval" -> repeat = positive(p);
                case "mute_time_intervals" -> mute = intervalRefs(p);
                case "active_time_intervals" -> active = intervalRefs(p);
                default -> PropertyReader.unknown(p, "route", ROUTE_SETTINGS, sink);
            }
        }
        List<Routing.Route> children = r.children().stream().map(this::route).toList();
        for (Routing.Route c : children) {
            if (c.isDefault()) {
                sink.error(Ids.PROPERTY_MISPLACED, c.span(), "`route default` belongs at the top of the routing, not inside a route.",
                        "A child route without matchers would catch everything its parent does.");
            }
        }
        Ref receiver = Ref.of(Ref.Kind.RECEIVER, r.receiver().text(), r.receiver().span());
        return new Routing.Route(r.isDefault(), matchers, receiver, groupBy, wait, interval, repeat,
                r.continueMatching(), mute, active, children, r.span());
    }

    /** `group_interval` and `repeat_interval`, which Alertmanager refuses as zero. */
    private long positive(Property p) {
        long millis = values.duration(p.value(), p.key().text()).orElse(Routing.Route.INHERITED);
        if (millis == 0) {
            sink.blocking(Ids.TYPE_OUT_OF_RANGE, p.value().span(), "`" + p.key().text() + "` cannot be zero.",
                    "Alertmanager refuses a zero `" + p.key().text() + "`; give a duration such as `5m`.");
            return Routing.Route.INHERITED;
        }
        return millis;
    }

    /** Label names, each once, or `...` alone (every label), as Alertmanager requires. */
    private List<String> groupBy(Property p) {
        List<String> out = new ArrayList<>();
        List<ValueReader.Item> items = values.items(p.value(), "group_by");
        for (ValueReader.Item item : items) {
            String name = item.text();
            if (name.equals("...") && items.size() > 1) {
                sink.blocking(Ids.TYPE_MISMATCH, item.span(), "`...` groups by every label, so it cannot stand with other labels.",
                        "Keep `...` alone, or list the labels.");
            } else if (!name.equals("...") && !LABEL_NAME.matcher(name).matches()) {
                sink.blocking(Ids.NAME_INVALID, item.span(), "`" + name + "` is not a label name Alertmanager accepts in `group_by`.",
                        "Label names match `[a-zA-Z_][a-zA-Z0-9_]*`.");
            } else if (out.contains(name)) {
                sink.blocking(Ids.NAME_DUPLICATE, item.span(), "`" + name + "` is listed twice in `group_by`.",
                        "Alertmanager refuses a repeated label; keep one.");
            } else {
                out.add(name);
            }
        }
        return out;
    }

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

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
                sink.error(Ids.TYPE_MISMATCH, m.span(), "`" + m.op() + "` only compares severities, not `" + m.label().text() + "`.",
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

    private Routing.TestAlert testAlert(Decl.TestAlert a) {
        return new Routing.TestAlert(a.alert() == null ? null : alertRef(a.alert()),
                ModelBuilder.labelMap(a.labels(), values, "labels", sink), a.span());
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
                case "weekdays" -> weekdays = checked(p, Ids.TYPE_INVALID_WEEKDAY, TimeIntervalSyntax::weekdays);
                case "times" -> times = checked(p, Ids.TYPE_INVALID_TIME_RANGE, TimeIntervalSyntax::times);
                case "months" -> months = checked(p, Ids.TYPE_INVALID_MONTH, TimeIntervalSyntax::months);
                case "days_of_month" -> days = checked(p, Ids.TYPE_INVALID_DAY_OF_MONTH, TimeIntervalSyntax::daysOfMonth);
                case "location" -> {
                    location = values.string(p.value(), "location").orElse(null);
                    if (location != null) {
                        report(Ids.TYPE_INVALID_TIME_ZONE, p.value().span(), TimeIntervalSyntax.location(location));
                    }
                }
                default -> PropertyReader.unknown(p, "time interval", TIME_INTERVAL_SETTINGS, sink);
            }
        }
        return new Routing.TimeInterval(t.name().text(), weekdays, times, months, days, location, t.name().span());
    }

    /** The items of a list, each checked as Alertmanager will read it; all are kept, since errors withhold the output. */
    private List<String> checked(Property p, String id,
            Function<String, Optional<TimeIntervalSyntax.Problem>> check) {
        List<ValueReader.Item> items = values.items(p.value(), p.key().text());
        items.forEach(item -> report(id, item.span(), check.apply(item.text())));
        return items.stream().map(ValueReader.Item::text).toList();
    }

    /** Blocking: the emitter writes these values as they are, and Alertmanager would refuse the file. */
    private void report(String id, Span where, Optional<TimeIntervalSyntax.Problem> problem) {
        problem.ifPresent(pr -> sink.blocking(id, where, pr.message(), pr.hint()));
    }
}
