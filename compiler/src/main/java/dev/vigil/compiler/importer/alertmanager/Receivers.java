package dev.vigil.compiler.importer.alertmanager;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.importer.alertmanager.RoutingText.Yaml;
import dev.vigil.compiler.model.Routing;
import dev.vigil.compiler.secret.Secrets;
import dev.vigil.compiler.yaml.AlertmanagerConfigReader;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Receivers as the language writes them: one integration each, with what it needs written on it,
 * since the language writes no {@code global} section (the global defaults a receiver uses are copied
 * onto it). Secrets become {@code *_file} settings with a placeholder path.
 */
final class Receivers {
    /** Where the placeholder files of inline secrets are said to be. */
    static final String SECRETS_DIR = "/etc/alertmanager/secrets/";

    /** Global defaults by integration: the receiver's setting, and the global key that supplies it. */
    private static final Map<Routing.ReceiverType, Map<String, String>> GLOBALS = Map.of(
            Routing.ReceiverType.EMAIL, Map.of("from", "smtp_from", "smarthost", "smtp_smarthost",
                    "auth_username", "smtp_auth_username", "auth_password", "smtp_auth_password",
                    "auth_password_file", "smtp_auth_password_file", "require_tls", "smtp_require_tls"),
            Routing.ReceiverType.SLACK, Map.of("api_url", "slack_api_url", "api_url_file", "slack_api_url_file"),
            Routing.ReceiverType.OPSGENIE, Map.of("api_key", "opsgenie_api_key", "api_key_file", "opsgenie_api_key_file",
                    "api_url", "opsgenie_api_url"),
            Routing.ReceiverType.VICTOROPS, Map.of("api_key", "victorops_api_key", "api_key_file",
                    "victorops_api_key_file", "api_url", "victorops_api_url"),
            Routing.ReceiverType.PAGERDUTY, Map.of("url", "pagerduty_url"),
            Routing.ReceiverType.TELEGRAM, Map.of("api_url", "telegram_api_url", "bot_token", "telegram_bot_token",
                    "bot_token_file", "telegram_bot_token_file"),
            Routing.ReceiverType.WEBEX, Map.of("api_url", "webex_api_url"),
            Routing.ReceiverType.JIRA, Map.of("api_url", "jira_api_url"),
            Routing.ReceiverType.ROCKETCHAT, Map.of("api_url", "rocketchat_api_url", "token", "rocketchat_token",
                    "token_file", "rocketchat_token_file", "token_id", "rocketchat_token_id", "token_id_file",
                    "rocketchat_token_id_file"));

    private final YamlDocument doc;
    private final Node global;
    private final DiagnosticSink sink;
    private final Set<String> usedGlobals = new HashSet<>();

    Receivers(YamlDocument doc, Node global, DiagnosticSink sink) {
        this.doc = doc;
        this.global = global;
        this.sink = sink;
    }

    /** The receiver's line, or empty when it cannot be written (reported). */
    Optional<String> receiver(Node node) {
        String name = Yaml.string(Yaml.value(node, "name"));
        if (name == null) {
            return Optional.empty(); // reported by the reader
        }
        if (!VigilText.isName(name)) {
            dropped(Yaml.value(node, "name"), "Receiver `" + name + "` is written `" + VigilText.safeName(name)
                    + "`: the language names receivers with letters, digits and `_` only.",
                    "Alerts reach the same receiver; only its name in the generated configuration changes.");
            name = VigilText.safeName(name);
        }
        Routing.ReceiverType type = null;
        Node config = null;
        for (NodeTuple t : Yaml.entries(node)) {
            String key = Yaml.key(t);
            if (!key.endsWith("_configs")) {
                continue;
            }
            Routing.ReceiverType known = type(key);
            for (Node c : Yaml.items(t.getValueNode())) {
                if (config == null && known != null) {
                    type = known;
                    config = c;
                } else {
                    dropped(c, "Receiver `" + name + "` has more than one integration; the language keeps one per "
                            + "receiver, so only its first known one is kept.", "Split it into one receiver per "
                            + "integration, with a `continue` route to each.");
                }
            }
        }
        if (config == null) {
            dropped(node, "Receiver `" + name + "` is left out: it has no integration the language writes.",
                    "Routes to it stay, and `vigil check` reports them; give the receiver an integration.");
            return Optional.empty();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (NodeTuple t : Yaml.entries(config)) {
            setting(name, type, Yaml.key(t), t.getKeyNode(), t.getValueNode(), settings);
        }
        defaults(name, type, settings);
        StringBuilder line = new StringBuilder("receiver ").append(name).append(' ').append(type.keyword()).append(" {");
        settings.forEach((k, v) -> line.append(' ').append(k).append(' ').append(v));
        return Optional.of(line.append(settings.isEmpty() ? "}" : " }").toString());
    }

    private static Routing.ReceiverType type(String configsKey) {
        String keyword = configsKey.substring(0, configsKey.length() - "_configs".length());
        for (Routing.ReceiverType t : Routing.ReceiverType.values()) {
            if (t.keyword().equals(keyword)) {
                return t;
            }
        }
        return null;
    }

    private void setting(String receiver, Routing.ReceiverType type, String key, Node keyNode, Node value,
            Map<String, String> out) {
        if (value instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return;
        }
        if (key.equals("http_config")) {
            httpConfig(receiver, type, value, out);
            return;
        }
        Optional<String> file = type.secretFile(key);
        if (file.isEmpty() && holdsSecret(type, key, value)) {
            // A secret by its shape: its file form where the language has one, else the setting is left out.
            if (!type.settings().contains(Secrets.fileForm(key))) {
                leftOutSecret(receiver, key, keyNode);
                return;
            }
            file = Optional.of(Secrets.fileForm(key));
        }
        if (file.isPresent()) {
            put(receiver, type, file.get(), keyNode, placeholder(receiver, file.get()), out);
            return;
        }
        if (key.equals("headers") && value instanceof MappingNode m) {
            List<String> headers = new ArrayList<>();
            for (NodeTuple h : m.getValue()) {
                if (holdsSecret(type, Yaml.key(h), h.getValueNode())) {
                    leftOutSecret(receiver, key + "." + Yaml.key(h), h.getKeyNode());
                } else {
                    headers.add(Yaml.key(h) + ": " + Yaml.string(h.getValueNode()));
                }
            }
            put(receiver, type, key, keyNode, VigilText.stringList(headers), out);
            return;
        }
        Optional<String> text = value(key, value);
        if (text.isEmpty()) {
            dropped(keyNode, "The setting `" + key + "` of receiver `" + receiver + "` is left out: the language "
                    + "cannot write its value.", "Set it in the deployed configuration.");
            return;
        }
        put(receiver, type, key, keyNode, text.get(), out);
    }

    /** Whether a scalar, or an item of a list, is a secret written inline (the reader reports it as Secret.Inline). */
    private static boolean holdsSecret(Routing.ReceiverType type, String key, Node value) {
        List<String> texts = value instanceof SequenceNode ? Yaml.strings(value)
                : value instanceof ScalarNode s ? List.of(s.getValue()) : List.of();
        return texts.stream().anyMatch(t -> AlertmanagerConfigReader.isSecret(type.keyword(), key, t));
    }

    private void leftOutSecret(String receiver, String key, Node at) {
        dropped(at, "The setting `" + key + "` of receiver `" + receiver + "` is left out: it holds a secret, and the "
                + "language takes secrets only as file paths.", "Put the secret in a file, and read it in the deployed "
                + "configuration with a `*_file` setting.");
    }

    private void put(String receiver, Routing.ReceiverType type, String key, Node at, String value, Map<String, String> out) {
        if (!type.settings().contains(key)) {
            dropped(at, "The setting `" + key + "` of " + type.keyword() + " receiver `" + receiver + "` is left out: "
                    + "the language does not take it.", "docs/language.md, \"Routing\", lists the settings of each "
                    + "receiver type.");
            return;
        }
        out.putIfAbsent(key, value);
    }

    /** Basic auth and bearer credentials, as the language names them; the rest of the HTTP client settings are dropped. */
    private void httpConfig(String receiver, Routing.ReceiverType type, Node node, Map<String, String> out) {
        for (NodeTuple t : Yaml.entries(node)) {
            String key = Yaml.key(t);
            if (key.equals("basic_auth")) {
                String user = Yaml.string(Yaml.value(t.getValueNode(), "username"));
                if (user != null) {
                    put(receiver, type, "basic_auth_username", t.getKeyNode(), VigilText.string(user), out);
                }
                if (Yaml.value(t.getValueNode(), "password") != null || Yaml.value(t.getValueNode(), "password_file") != null) {
                    put(receiver, type, "basic_auth_password_file", t.getKeyNode(),
                            fileOrPlaceholder(receiver, t.getValueNode(), "password", "basic_auth_password_file"), out);
                }
            } else if (key.equals("authorization")) {
                put(receiver, type, "credentials_file", t.getKeyNode(),
                        fileOrPlaceholder(receiver, t.getValueNode(), "credentials", "credentials_file"), out);
            } else {
                dropped(t.getKeyNode(), "The HTTP client setting `" + key + "` of receiver `" + receiver
                        + "` is left out: the language has no place for it.", "Set it in the deployed configuration.");
            }
        }
    }

    private static String fileOrPlaceholder(String receiver, Node node, String key, String setting) {
        String file = Yaml.string(Yaml.value(node, key + "_file"));
        return file != null ? VigilText.string(file) : placeholder(receiver, setting);
    }

    /** A path for a secret that was inline: the same for the same receiver and setting, so imports are stable. */
    static String placeholder(String receiver, String setting) {
        String what = setting.endsWith("_file") ? setting.substring(0, setting.length() - "_file".length()) : setting;
        return VigilText.string(SECRETS_DIR + receiver + "-" + what.replace('_', '-'));
    }

    /** A YAML value in the language: booleans and numbers bare, durations for duration settings, else strings. */
    private static Optional<String> value(String key, Node node) {
        if (node instanceof SequenceNode) {
            return Optional.of(VigilText.stringList(Yaml.strings(node)));
        }
        if (!(node instanceof ScalarNode s)) {
            return Optional.empty();
        }
        if (Routing.ReceiverType.isBoolean(key) && s.getTag().equals(Tag.BOOL)) {
            return Optional.of(s.getValue().toLowerCase(Locale.ROOT));
        }
        if (Routing.ReceiverType.isDuration(key) || s.getTag().equals(Tag.INT)) {
            return Optional.of(s.getValue());
        }
        return Optional.of(VigilText.string(s.getValue()));
    }

    /** What the receiver needs from {@code global}, copied onto it. */
    private void defaults(String receiver, Routing.ReceiverType type, Map<String, String> settings) {
        // Sorted: the settings are written in a stable order.
        for (Map.Entry<String, String> d : new java.util.TreeMap<>(GLOBALS.getOrDefault(type, Map.of())).entrySet()) {
            Node value = Yaml.value(global, d.getValue());
            if (value == null) {
                continue;
            }
            usedGlobals.add(d.getValue());
            String key = type.secretFile(d.getKey()).orElse(d.getKey());
            boolean has = settings.containsKey(key) || settings.containsKey(key + "_file")
                    || (key.endsWith("_file") && settings.containsKey(key.substring(0, key.length() - 5)));
            if (has || !type.settings().contains(key)) {
                continue;
            }
            // An inline global secret is written as its file setting, with a placeholder path; a secret by
            // its shape alone in a setting without a file form is not copied.
            if (key.equals(d.getKey()) && holdsSecret(type, key, value)) {
                continue;
            }
            Optional<String> text = key.equals(d.getKey()) ? value(key, value) : Optional.of(placeholder(receiver, key));
            text.ifPresent(t -> settings.put(key, t));
        }
    }

    /** Global settings no receiver took. */
    void droppedGlobals() {
        for (NodeTuple t : Yaml.entries(global)) {
            String key = Yaml.key(t);
            if (!usedGlobals.contains(key)) {
                dropped(t.getKeyNode(), "The global setting `" + key + "` is left out: the language writes no `global` "
                        + "section, and no imported receiver uses it.", "Set it in the deployed configuration, or on "
                        + "the receivers that need it.");
            }
        }
    }

    private void dropped(Node at, String message, String hint) {
        sink.warning(Ids.IMPORT_DROPPED, doc.span(at), message, hint);
    }
}
