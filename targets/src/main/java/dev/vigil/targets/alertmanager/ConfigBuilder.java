package dev.vigil.targets.alertmanager;

import dev.vigil.compiler.model.Ref;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.routing.Inhibitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Alertmanager configuration as ordered maps and lists, ready for {@link dev.vigil.targets.Yaml}. Keys follow
 * the order of Alertmanager's documentation; routes keep declaration order (it decides matching),
 * receivers and time intervals are sorted by name.
 */
final class ConfigBuilder {
    /**
     * How the walks over the routing are written: as {@code alertmanager.yml} (snake_case keys,
     * matchers as strings) or as an AlertmanagerConfig's {@code spec} (camelCase keys, matchers as
     * {@code name}/{@code matchType}/{@code value}, the CRD's own names for an inhibition's sides).
     * Both outputs share the walks, so they cannot drift apart; only these names differ.
     */
    enum Dialect {
        FILE, CRD;

        /** A key as this dialect writes it: {@code group_by}, or {@code groupBy} for the CRD. */
        String key(String name) {
            if (this == FILE) {
                return name;
            }
            StringBuilder out = new StringBuilder();
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    out.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return out.toString();
        }

        Object matchers(List<Routing.Matcher> matchers, SeverityOrder severities) {
            return this == CRD ? Matchers.structured(matchers, severities) : Matchers.of(matchers, severities);
        }

        /** An inhibition's side, {@code target} or {@code source}: {@code target_matchers}, or the CRD's {@code targetMatch}. */
        String sideKey(String side) {
            return this == FILE ? side + "_matchers" : side + "Match";
        }

        /** Each integration's list is named after the type: {@code msteamsv2_configs}, {@code msteamsv2Configs}. */
        String configsKey(Routing.ReceiverType type) {
            return type.keyword() + (this == FILE ? "_configs" : "Configs");
        }
    }

    private final Routing routing;
    private final SeverityOrder severities;
    private final Dialect dialect;

    /**
     * The model must have passed {@code vigil check}: every value here was checked there as
     * Alertmanager reads it, and every setting against the target release ({@code Target.Unsupported}).
     */
    ConfigBuilder(Routing routing, SeverityOrder severities) {
        this(routing, severities, Dialect.FILE);
    }

    ConfigBuilder(Routing routing, SeverityOrder severities, Dialect dialect) {
        this.routing = routing;
        this.severities = severities;
        this.dialect = dialect;
    }

    private String key(String name) {
        return dialect.key(name);
    }

    private Object matchers(List<Routing.Matcher> matchers) {
        return dialect.matchers(matchers, severities);
    }

    /** Whether some receiver relies on Vigil's notification templates. */
    boolean usesTemplates() {
        return routing.receivers().stream().anyMatch(r -> r.type() == Routing.ReceiverType.SLACK
                && (!r.settings().containsKey("title") || !r.settings().containsKey("text")));
    }

    /** The whole file; {@code templateGlob} is where the templates sit relative to the config file. */
    Map<String, Object> build(String templateGlob) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (usesTemplates()) {
            root.put("templates", List.of(templateGlob));
        }
        root.put("route", rootRoute());
        root.put("receivers", receivers(this::receiverConfig));
        List<Object> inhibitions = inhibitRules();
        if (!inhibitions.isEmpty()) {
            root.put("inhibit_rules", inhibitions);
        }
        if (!routing.timeIntervals().isEmpty()) {
            // `time_intervals` replaced the top-level `mute_time_intervals` and serves both route keys.
            root.put("time_intervals", timeIntervals(ConfigBuilder::timeIntervalSpec));
        }
        return root;
    }

    // ------------------------------------------------------------------ routes

    Map<String, Object> rootRoute() {
        // Unreachable without one: a routing with routes but no `route default` is a blocking Property.Missing.
        Routing.Route fallback = routing.routes().stream().filter(Routing.Route::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("a validated routing has a `route default`"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(key("receiver"), fallback.receiver().name());
        grouping(fallback, root);
        List<Object> children = new ArrayList<>();
        for (Routing.Route r : routing.routes()) {
            if (!r.isDefault()) {
                children.add(route(r));
            }
        }
        boolean timed = !fallback.muteTimeIntervals().isEmpty() || !fallback.activeTimeIntervals().isEmpty();
        // In Vigil `route default` is the last route, so an alert that matched a route with `continue`
        // reaches it too. Alertmanager's root receiver only gets alerts no child matched, so the default
        // becomes a last catch-all child when a route continues.
        boolean continues = routing.routes().stream().anyMatch(r -> !r.isDefault() && r.continueMatching());
        if (timed || continues) {
            // Alertmanager also refuses time intervals on the root route; the catch-all child carries them.
            Map<String, Object> catchAll = new LinkedHashMap<>();
            catchAll.put(key("receiver"), fallback.receiver().name());
            intervals(fallback, catchAll);
            subroutes(fallback.children(), catchAll);
            children.add(catchAll);
        } else {
            fallback.children().forEach(c -> children.add(route(c)));
        }
        if (!children.isEmpty()) {
            root.put(key("routes"), children);
        }
        return root;
    }

    private Map<String, Object> route(Routing.Route r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key("receiver"), r.receiver().name());
        if (!r.matchers().isEmpty()) {
            out.put(key("matchers"), matchers(r.matchers()));
        }
        grouping(r, out);
        if (r.continueMatching()) {
            out.put(key("continue"), true);
        }
        intervals(r, out);
        subroutes(r.children(), out);
        return out;
    }

    private void subroutes(List<Routing.Route> children, Map<String, Object> out) {
        if (!children.isEmpty()) {
            out.put(key("routes"), children.stream().map(c -> (Object) route(c)).toList());
        }
    }

    private void grouping(Routing.Route r, Map<String, Object> out) {
        if (!r.groupBy().isEmpty()) {
            out.put(key("group_by"), List.copyOf(r.groupBy()));
        }
        putDuration(out, key("group_wait"), r.groupWaitMillis());
        putDuration(out, key("group_interval"), r.groupIntervalMillis());
        putDuration(out, key("repeat_interval"), r.repeatIntervalMillis());
    }

    private void intervals(Routing.Route r, Map<String, Object> out) {
        if (!r.muteTimeIntervals().isEmpty()) {
            out.put(key("mute_time_intervals"), r.muteTimeIntervals().stream().map(Ref::name).toList());
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            out.put(key("active_time_intervals"), r.activeTimeIntervals().stream().map(Ref::name).toList());
        }
    }

    private static void putDuration(Map<String, Object> out, String key, long millis) {
        if (millis != Routing.Route.INHERITED) {
            out.put(key, duration(millis));
        }
    }

    /** Prometheus duration text, largest units first: {@code 90000} is {@code 1m30s}. */
    static String duration(long millis) {
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        String[] units = {"d", "h", "m", "s", "ms"};
        StringBuilder out = new StringBuilder();
        long rest = millis;
        for (int i = 0; i < sizes.length; i++) {
            if (rest >= sizes[i]) {
                out.append(rest / sizes[i]).append(units[i]);
                rest %= sizes[i];
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }

    // ------------------------------------------------------------------ inhibitions

    /** The rules {@link Inhibitions} defines, which the routing tests' inhibition cases are checked against. */
    List<Object> inhibitRules() {
        List<Object> out = new ArrayList<>();
        for (Inhibitions.Rule in : Inhibitions.rules(routing, severities)) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put(dialect.sideKey("target"), matchers(in.target()));
            rule.put(dialect.sideKey("source"), matchers(in.source()));
            if (!in.equal().isEmpty()) {
                rule.put("equal", List.copyOf(in.equal()));
            }
            out.add(rule);
        }
        return out;
    }

    // ------------------------------------------------------------------ receivers

    /** The receivers, sorted by name, each with its one integration as {@code config} writes it. */
    List<Object> receivers(Function<Routing.Receiver, Map<String, Object>> config) {
        List<Routing.Receiver> sorted = new ArrayList<>(routing.receivers());
        sorted.sort(Comparator.comparing(Routing.Receiver::name));
        List<Object> out = new ArrayList<>();
        for (Routing.Receiver r : sorted) {
            if (r.type() == null) {
                // Unreachable: an unknown receiver type is a blocking Type.UnknownKind.
                throw new IllegalStateException("receiver " + r.name() + " has an unknown type");
            }
            Map<String, Object> receiver = new LinkedHashMap<>();
            receiver.put("name", r.name());
            receiver.put(dialect.configsKey(r.type()), List.of(config.apply(r)));
            out.add(receiver);
        }
        return out;
    }

    /**
     * Settings in a fixed order per type, as Alertmanager's documentation lists them; secrets only ever
     * as {@code *_file} paths. Settings a type's newer releases added reach here only for a target
     * that has them: Target.Unsupported is blocking.
     */
    private Map<String, Object> receiverConfig(Routing.Receiver r) {
        Map<String, Object> s = r.settings();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (r.type()) {
            case SLACK -> {
                copy(s, out, "api_url_file", "channel", "username", "icon_emoji");
                out.put("title", s.getOrDefault("title", NotificationTemplates.TITLE));
                out.put("text", s.getOrDefault("text", NotificationTemplates.TEXT));
            }
            case PAGERDUTY -> copy(s, out, "routing_key_file", "service_key_file", "url", "client", "client_url",
                    "description", "severity");
            case EMAIL -> {
                Object to = s.get("to");
                if (to instanceof List<?> list) {
                    // One `to` string, comma-separated, as Alertmanager's email notifier reads it.
                    out.put("to", String.join(", ", list.stream().map(String::valueOf).toList()));
                } else if (to != null) {
                    out.put("to", to);
                }
                // `headers` is a map of header names to (templated) values, checked unique by the reader.
                copy(s, out, "from", "smarthost", "auth_username", "auth_password_file", "require_tls", "headers");
            }
            case WEBHOOK -> copy(s, out, "url", "url_file", "max_alerts");
            case OPSGENIE -> {
                copy(s, out, "api_key_file", "api_url", "message", "priority");
                if (s.get("tags") instanceof List<?> tags) {
                    // Opsgenie tags are one comma-separated (templated) string in Alertmanager.
                    out.put("tags", String.join(",", tags.stream().map(String::valueOf).toList()));
                } else if (s.containsKey("tags")) {
                    out.put("tags", s.get("tags"));
                }
            }
            case DISCORD -> copy(s, out, "webhook_url_file", "title", "message", "content", "username", "avatar_url");
            case MSTEAMS -> copy(s, out, "webhook_url_file", "title", "summary", "text");
            case MSTEAMSV2 -> copy(s, out, "webhook_url_file", "title", "text");
            case MATTERMOST -> copy(s, out, "webhook_url_file", "channel", "username", "text", "icon_url", "icon_emoji");
            case TELEGRAM -> copy(s, out, "api_url", "bot_token_file", "chat_id", "message_thread_id", "message",
                    "disable_notifications", "parse_mode");
            case WEBEX -> copy(s, out, "api_url", "room_id", "message");
            case JIRA -> copy(s, out, "api_url", "project", "summary", "description", "labels", "priority", "issue_type",
                    "resolve_transition", "reopen_transition", "wont_fix_resolution", "reopen_duration");
            case ROCKETCHAT -> copy(s, out, "api_url", "channel", "token_file", "token_id_file", "color", "emoji",
                    "icon_url", "text", "title", "title_link");
            case INCIDENTIO -> copy(s, out, "url", "url_file", "alert_source_token_file", "max_alerts");
            case PUSHOVER -> copy(s, out, "user_key_file", "token_file", "title", "message", "url", "device", "sound",
                    "priority", "retry", "expire", "html");
            case VICTOROPS -> copy(s, out, "api_key_file", "api_url", "routing_key", "message_type",
                    "entity_display_name", "state_message", "monitoring_tool");
        }
        httpConfig(s).ifPresent(http -> out.put("http_config", http));
        copy(s, out, "send_resolved");
        return out;
    }

    /**
     * The HTTP client's authorization, for the integrations that take their credentials there (Webex's
     * bot token, Jira's API token): {@code credentials_file} as the {@code Authorization} header's
     * credentials (type Bearer), or {@code basic_auth_*} as HTTP basic authentication.
     */
    private static Optional<Map<String, Object>> httpConfig(Map<String, Object> s) {
        Map<String, Object> http = new LinkedHashMap<>();
        if (s.containsKey("credentials_file")) {
            Map<String, Object> authorization = new LinkedHashMap<>();
            authorization.put("credentials_file", s.get("credentials_file"));
            http.put("authorization", authorization);
        }
        Map<String, Object> basic = new LinkedHashMap<>();
        if (s.containsKey("basic_auth_username")) {
            basic.put("username", s.get("basic_auth_username"));
        }
        if (s.containsKey("basic_auth_password_file")) {
            basic.put("password_file", s.get("basic_auth_password_file"));
        }
        if (!basic.isEmpty()) {
            http.put("basic_auth", basic);
        }
        return http.isEmpty() ? Optional.empty() : Optional.of(http);
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
        for (String k : keys) {
            Object v = from.get(k);
            if (v instanceof Map<?, ?> m) {
                to.put(k, new LinkedHashMap<>(m));
            } else if (v instanceof List<?> l) {
                to.put(k, List.copyOf(l));
            } else if (v instanceof Duration d) {
                to.put(k, duration(d.toMillis()));
            } else if (v != null) {
                to.put(k, v instanceof Number n ? (Object) n.longValue() : v);
            }
        }
    }

    // ------------------------------------------------------------------ time intervals

    /** The time intervals, sorted by name, each with its one specification as {@code spec} writes it. */
    List<Object> timeIntervals(Function<Routing.TimeInterval, Map<String, Object>> spec) {
        List<Routing.TimeInterval> sorted = new ArrayList<>(routing.timeIntervals());
        sorted.sort(Comparator.comparing(Routing.TimeInterval::name));
        List<Object> out = new ArrayList<>();
        for (Routing.TimeInterval t : sorted) {
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("name", t.name());
            interval.put(key("time_intervals"), List.of(spec.apply(t)));
            out.add(interval);
        }
        return out;
    }

    private static Map<String, Object> timeIntervalSpec(Routing.TimeInterval t) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!t.times().isEmpty()) {
            spec.put("times", t.times().stream().map(ConfigBuilder::timeRange).toList());
        }
        putList(spec, "weekdays", t.weekdays());
        putList(spec, "days_of_month", t.daysOfMonth());
        putList(spec, "months", t.months());
        if (t.location() != null) {
            spec.put("location", t.location());
        }
        return spec;
    }

    /** {@code "09:00-17:00"} as Alertmanager's {@code start_time}/{@code end_time} pair. */
    static Map<String, Object> timeRange(String text) {
        String[] parts = text.split("-");
        if (parts.length != 2) {
            // Unreachable: the reader checked every range as `HH:MM-HH:MM` (a blocking Type.InvalidTimeRange).
            throw new IllegalStateException("Time range `" + text + "` is not of the form HH:MM-HH:MM.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start_time", parts[0].strip());
        out.put("end_time", parts[1].strip());
        return out;
    }

    private static void putList(Map<String, Object> out, String key, List<String> values) {
        if (!values.isEmpty()) {
            out.put(key, List.copyOf(values));
        }
    }
}
