package dev.vigil.targets.alertmanager;

import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.model.SeverityOrder;
import dev.vigil.compiler.model.AlertmanagerConfigCrd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of a prometheus-operator {@code AlertmanagerConfig} (monitoring.coreos.com/v1alpha1)
 * from the project's routing: the same route tree as {@code alertmanager.yml} (built by
 * {@link ConfigBuilder}), receivers with secrets as Secret keys, inhibitions and time intervals in the
 * CRD's fields. What the CRD cannot hold was refused at {@code vigil check} by
 * {@code Kubernetes.AlertmanagerConfig}, so every receiver here has a field, and every secret path
 * names a Secret.
 */
final class AlertmanagerConfigBuilder {
    /** How a Vigil setting is written: as is, as text, or as a Secret key selector (a {@code *_file} path). */
    private enum As { VALUE, TEXT, SECRET }

    private record Field(String setting, String field, As as) {
    }

    private static Field f(String setting, String field) {
        return new Field(setting, field, As.VALUE);
    }

    private static Field text(String setting, String field) {
        return new Field(setting, field, As.TEXT);
    }

    private static Field secret(String setting, String field) {
        return new Field(setting, field, As.SECRET);
    }

    /** Each type's settings and the CRD field they go to, in the CRD's order of importance. */
    private static final Map<Routing.ReceiverType, List<Field>> FIELDS = Map.ofEntries(
            Map.entry(Routing.ReceiverType.SLACK, List.of(secret("api_url_file", "apiURL"), f("channel", "channel"),
                    f("username", "username"), f("icon_emoji", "iconEmoji"))),
            Map.entry(Routing.ReceiverType.PAGERDUTY, List.of(secret("routing_key_file", "routingKey"),
                    secret("service_key_file", "serviceKey"), f("url", "url"), f("client", "client"),
                    f("client_url", "clientURL"), f("description", "description"), f("severity", "severity"))),
            Map.entry(Routing.ReceiverType.EMAIL, List.of(f("from", "from"), f("smarthost", "smarthost"),
                    f("auth_username", "authUsername"), secret("auth_password_file", "authPassword"),
                    f("require_tls", "requireTLS"))),
            Map.entry(Routing.ReceiverType.WEBHOOK, List.of(f("url", "url"), secret("url_file", "urlSecret"),
                    f("max_alerts", "maxAlerts"))),
            Map.entry(Routing.ReceiverType.OPSGENIE, List.of(secret("api_key_file", "apiKey"), f("api_url", "apiURL"),
                    f("message", "message"), text("priority", "priority"))),
            Map.entry(Routing.ReceiverType.DISCORD, List.of(secret("webhook_url_file", "apiURL"), f("title", "title"),
                    f("message", "message"), f("content", "content"), f("username", "username"),
                    f("avatar_url", "avatarURL"))),
            Map.entry(Routing.ReceiverType.MSTEAMS, List.of(secret("webhook_url_file", "webhookUrl"), f("title", "title"),
                    f("summary", "summary"), f("text", "text"))),
            Map.entry(Routing.ReceiverType.MSTEAMSV2, List.of(secret("webhook_url_file", "webhookURL"),
                    f("title", "title"), f("text", "text"))),
            Map.entry(Routing.ReceiverType.TELEGRAM, List.of(f("api_url", "apiURL"), secret("bot_token_file", "botToken"),
                    f("chat_id", "chatID"), f("message_thread_id", "messageThreadID"), f("message", "message"),
                    f("disable_notifications", "disableNotifications"), f("parse_mode", "parseMode"))),
            Map.entry(Routing.ReceiverType.WEBEX, List.of(f("api_url", "apiURL"), f("room_id", "roomID"),
                    f("message", "message"))),
            Map.entry(Routing.ReceiverType.ROCKETCHAT, List.of(f("api_url", "apiURL"), f("channel", "channel"),
                    secret("token_file", "token"), secret("token_id_file", "tokenID"), f("color", "color"),
                    f("emoji", "emoji"), f("icon_url", "iconURL"), f("text", "text"), f("title", "title"),
                    f("title_link", "titleLink"))),
            Map.entry(Routing.ReceiverType.PUSHOVER, List.of(secret("user_key_file", "userKey"),
                    secret("token_file", "token"), f("title", "title"), f("message", "message"), f("url", "url"),
                    f("device", "device"), f("sound", "sound"), text("priority", "priority"), f("retry", "retry"),
                    f("expire", "expire"), f("html", "html"))),
            Map.entry(Routing.ReceiverType.VICTOROPS, List.of(secret("api_key_file", "apiKey"), f("api_url", "apiUrl"),
                    f("routing_key", "routingKey"), f("message_type", "messageType"),
                    f("entity_display_name", "entityDisplayName"), f("state_message", "stateMessage"),
                    f("monitoring_tool", "monitoringTool"))));

    private final Routing routing;
    /** The walks over the routing, shared with {@code alertmanager.yml}, in the CRD's dialect. */
    private final ConfigBuilder walks;

    AlertmanagerConfigBuilder(Routing routing, SeverityOrder severities) {
        this.routing = routing;
        this.walks = new ConfigBuilder(routing, severities, ConfigBuilder.Dialect.CRD);
    }

    Map<String, Object> spec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("route", walks.rootRoute());
        spec.put("receivers", walks.receivers(AlertmanagerConfigBuilder::config));
        List<Object> inhibitions = walks.inhibitRules();
        if (!inhibitions.isEmpty()) {
            spec.put("inhibitRules", inhibitions);
        }
        if (!routing.timeIntervals().isEmpty()) {
            // The CRD's one list of intervals serves both `muteTimeIntervals` and `activeTimeIntervals` of routes.
            spec.put("muteTimeIntervals", walks.timeIntervals(AlertmanagerConfigBuilder::timeIntervalSpec));
        }
        return spec;
    }

    /** A receiver's integration in the CRD's fields, secrets as Secret keys. */
    private static Map<String, Object> config(Routing.Receiver r) {
        List<Field> fields = FIELDS.get(r.type());
        if (fields == null) {
            // Unreachable: Kubernetes.AlertmanagerConfig blocks the types the CRD has no field for.
            throw new IllegalStateException("receiver " + r.name() + " cannot be written to an AlertmanagerConfig");
        }
        Map<String, Object> s = r.settings();
        Map<String, Object> config = new LinkedHashMap<>();
        if (r.type() == Routing.ReceiverType.EMAIL) {
            emailTo(s, config);
        }
        for (Field field : fields) {
            Object v = s.get(field.setting());
            if (v != null) {
                config.put(field.field(), switch (field.as()) {
                    case VALUE -> value(v);
                    case TEXT -> String.valueOf(value(v));
                    case SECRET -> secretRef(String.valueOf(v));
                });
            }
        }
        switch (r.type()) {
            case SLACK -> {
                // No template file reaches an operator-managed Alertmanager: Vigil's templates go inline.
                config.put("title", s.getOrDefault("title", NotificationTemplates.TITLE_INLINE));
                config.put("text", s.getOrDefault("text", NotificationTemplates.TEXT_INLINE));
            }
            case EMAIL -> headers(s).ifPresent(h -> config.put("headers", h));
            case OPSGENIE -> {
                if (s.get("tags") instanceof List<?> tags) {
                    config.put("tags", String.join(",", tags.stream().map(String::valueOf).toList()));
                } else if (s.containsKey("tags")) {
                    config.put("tags", s.get("tags"));
                }
            }
            default -> {
            }
        }
        if (s.get("credentials_file") instanceof String path) {
            Map<String, Object> authorization = new LinkedHashMap<>();
            authorization.put("credentials", secretRef(path));
            config.put("httpConfig", Map.of("authorization", authorization));
        }
        if (s.containsKey("send_resolved")) {
            config.put("sendResolved", s.get("send_resolved"));
        }
        return config;
    }

    private static void emailTo(Map<String, Object> s, Map<String, Object> config) {
        Object to = s.get("to");
        if (to instanceof List<?> list) {
            config.put("to", String.join(", ", list.stream().map(String::valueOf).toList()));
        } else if (to != null) {
            config.put("to", to);
        }
    }

    /** Email headers as the CRD's list of {@code key}/{@code value} pairs, sorted by name. */
    private static java.util.Optional<List<Object>> headers(Map<String, Object> s) {
        if (!(s.get("headers") instanceof Map<?, ?> headers)) {
            return java.util.Optional.empty();
        }
        List<Object> out = new ArrayList<>();
        new java.util.TreeMap<>(headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())))).forEach((k, v) -> {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("key", k);
                    pair.put("value", v);
                    out.add(pair);
                });
        return java.util.Optional.of(out);
    }

    private static Object value(Object v) {
        if (v instanceof Duration d) {
            return ConfigBuilder.duration(d.toMillis());
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v;
    }

    /** The Secret key a {@code *_file} path stands for (see {@link AlertmanagerConfigCrd#secretRef}). */
    static Map<String, Object> secretRef(String path) {
        AlertmanagerConfigCrd.SecretRef ref = AlertmanagerConfigCrd.secretRef(path).orElseThrow(() ->
                // Unreachable: Kubernetes.AlertmanagerConfig blocks a path that names no Secret.
                new IllegalStateException("`" + path + "` names no Secret"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", ref.name());
        out.put("key", ref.key());
        return out;
    }

    private static Map<String, Object> timeIntervalSpec(Routing.TimeInterval t) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!t.times().isEmpty()) {
            spec.put("times", t.times().stream().map(range -> {
                Map<String, Object> r = ConfigBuilder.timeRange(range);
                Map<String, Object> times = new LinkedHashMap<>();
                times.put("startTime", r.get("start_time"));
                times.put("endTime", r.get("end_time"));
                return (Object) times;
            }).toList());
        }
        if (!t.weekdays().isEmpty()) {
            spec.put("weekdays", List.copyOf(t.weekdays()));
        }
        if (!t.daysOfMonth().isEmpty()) {
            spec.put("daysOfMonth", t.daysOfMonth().stream().map(AlertmanagerConfigBuilder::dayRange).toList());
        }
        if (!t.months().isEmpty()) {
            spec.put("months", List.copyOf(t.months()));
        }
        return spec;
    }

    /** {@code "1:7"} or {@code "-1"} as the CRD's {@code start}/{@code end} pair. */
    static Object dayRange(String text) {
        int colon = text.indexOf(':', 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start", Long.parseLong(text.substring(0, colon < 0 ? text.length() : colon).strip()));
        out.put("end", Long.parseLong((colon < 0 ? text : text.substring(colon + 1)).strip()));
        return out;
    }
}
