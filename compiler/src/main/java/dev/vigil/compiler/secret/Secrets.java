package dev.vigil.compiler.secret;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises credentials written inline in an Alertmanager receiver, in any string field, known or
 * not: Alertmanager takes every secret as a {@code *_file} path, so a secret's value never belongs in
 * a configuration or in a Vigil source. A value is a secret by the name of its field (a small list of
 * names, since the field says what it holds) or by its shape (webhook URLs that authorise by
 * themselves, credentials in URLs, authorization values, vendor token formats, random keys).
 *
 * <p>Nothing here returns or formats the value: callers report the field, and {@link #mask} hides
 * such values in a line of source text that a diagnostic shows.
 */
public final class Secrets {
    private Secrets() {
    }

    /** What a secret was recognised as; {@link #description()} is safe to print, being about the shape only. */
    public enum Kind {
        NAMED("a credential"),
        SLACK_WEBHOOK("a Slack webhook URL"),
        CHAT_WEBHOOK("a chat webhook URL"),
        URL_PASSWORD("a URL with a password"),
        URL_TOKEN("a URL with a credential parameter"),
        AUTHORIZATION("an HTTP authorization value"),
        VENDOR_TOKEN("an access token"),
        PRIVATE_KEY("a private key"),
        RANDOM_KEY("a key");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * Fields that name a secret in Alertmanager, wherever they are (a receiver's integration, its
     * {@code http_config}, {@code global}); each is read from a file by the same name with {@code _file}.
     */
    private static final List<String> NAMES = List.of("api_key", "routing_key", "service_key", "auth_password",
            "auth_secret", "token", "password", "webhook_url", "bot_token", "token_id", "user_key",
            "alert_source_token", "credentials", "basic_auth_password", "bearer_token", "client_secret", "api_secret",
            "slack_api_url", "smtp_auth_password", "smtp_auth_secret", "opsgenie_api_key", "victorops_api_key",
            "wechat_api_secret", "rocketchat_token", "rocketchat_token_id", "telegram_bot_token");

    /** Why: a field outside the list whose name says it holds a credential (a header, a setting of a newer release). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?:^|_)(?:password|passwd|secrets?|token|api_?key|apikey|access_key|private_key|credentials?|authorization)$");

    /** Fields whose name sounds like a secret but whose value is not one, by integration. */
    private static final Map<String, List<String>> NOT_SECRET = Map.of(
            // VictorOps's routing key names a team; the API key is the credential.
            "victorops", List.of("routing_key"));

    /** Fields that are secret only in one integration: Slack's `api_url` is its webhook, elsewhere a plain endpoint. */
    private static final Map<String, List<String>> SECRET_IN = Map.of("slack", List.of("api_url"));

    /** Why: these services authorise a post by the URL alone, so the URL is the credential. */
    private static final Pattern SLACK_WEBHOOK = Pattern.compile("(?i)hooks\\.slack\\.com/(?:services|workflows|triggers)/");
    private static final Pattern CHAT_WEBHOOK = Pattern.compile(
            "(?i)discord(?:app)?\\.com/api/webhooks/|\\.webhook\\.office\\.com/|outlook\\.office(?:365)?\\.com/webhook");

    /** Why: Go sends a URL's user info as basic authentication, so `user:pass@` is a password in clear. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://[^/?#@\\s:]*:[^/?#@\\s]+@");

    /**
     * Why: a query parameter named for a credential carries it in every request (`?token=`,
     * `?api_key=`, Azure's `sig=`); a template in its place is filled in by Alertmanager, not a secret.
     */
    private static final Pattern URL_TOKEN = Pattern.compile("(?i)://[^\\s]*[?&#](?:access_token|token|api_?key|apikey|key"
            + "|secret|password|passwd|pass|sig|signature|auth|code|[a-z_]*_token|[a-z_]*_key|[a-z_]*_secret)=(?!\\{\\{)[^&#\\s]+");

    /** Why: the value of an HTTP `Authorization` header is the credential itself. */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)^\\s*(?:authorization\\s*:\\s*)?(?:bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}\\s*$");

    /** Why: issuers give their tokens a recognisable prefix or layout precisely so that scanners find them. */
    private static final Pattern VENDOR_TOKEN = Pattern.compile("\\bxox[abposre]-[A-Za-z0-9-]{10,}"
            + "|\\bgh[pousr]_[A-Za-z0-9]{30,}|\\bgithub_pat_\\w{20,}|\\bglpat-[\\w-]{20,}|\\bAKIA[0-9A-Z]{16}\\b"
            + "|\\bsk_live_\\w{16,}|\\bAIza[0-9A-Za-z_-]{35}|\\beyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\.[\\w-]{8,}"
            + "|(?<![\\w:/])\\d{8,10}:[A-Za-z0-9_-]{35}\\b");

    /** Why: a key's text is never anything but the key. */
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** Why: integration and API keys (PagerDuty's among them) are 32 or more hex digits, which no plain setting is. */
    private static final Pattern HEX_KEY = Pattern.compile("(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{32,}");

    /** One token of the characters random keys are written in; paths and URLs (with `/`, `.` or `:`) are not. */
    private static final Pattern KEY_TOKEN = Pattern.compile("[A-Za-z0-9+=_-]{20,}");

    /** Fields that hold identifiers, which are as random as keys but public (a Webex room, a chat, a uid). */
    private static final Pattern IDENTIFIER_FIELD = Pattern.compile("(?:^|_)u?id$");

    /**
     * What {@code value} of field {@code key} in {@code integration} (the DSL's receiver type or
     * Alertmanager's key without {@code _configs}, such as {@code slack}; {@code global} or {@code ""}
     * where none applies) is, when it is a secret written inline. A {@code *_file} field names a
     * path, so only its value's shape can make it a secret (the secret pasted where its path belongs).
     */
    public static Optional<Kind> find(String integration, String key, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String field = normal(key);
        if (namesSecret(integration, field)) {
            return Optional.of(Kind.NAMED);
        }
        return shape(field, value);
    }

    /** Whether the field's name alone says it holds a secret in {@code integration}. */
    public static boolean namesSecret(String integration, String key) {
        String field = normal(key);
        if (field.endsWith("_file") || NOT_SECRET.getOrDefault(integration, List.of()).contains(field)) {
            return false;
        }
        return NAMES.contains(field) || SECRET_IN.getOrDefault(integration, List.of()).contains(field)
                || SECRET_NAME.matcher(field).find();
    }

    /** The field that reads the secret of {@code key} from a file: {@code routing_key_file}. */
    public static String fileForm(String key) {
        return key + "_file";
    }

    /**
     * The field Alertmanager reads the secret of {@code key} from, where it has one: each named
     * secret, and the URLs that are credentials by their shape. Empty for a field Vigil cannot vouch for.
     */
    public static Optional<String> alertmanagerFileForm(String key) {
        String field = normal(key);
        return NAMES.contains(field) || List.of("url", "api_url", "webhook_url").contains(field)
                ? Optional.of(fileForm(field)) : Optional.empty();
    }

    /** What the value looks like, whatever its field is called. */
    private static Optional<Kind> shape(String field, String value) {
        if (SLACK_WEBHOOK.matcher(value).find()) {
            return Optional.of(Kind.SLACK_WEBHOOK);
        }
        if (CHAT_WEBHOOK.matcher(value).find()) {
            return Optional.of(Kind.CHAT_WEBHOOK);
        }
        if (URL_PASSWORD.matcher(value).find()) {
            return Optional.of(Kind.URL_PASSWORD);
        }
        if (URL_TOKEN.matcher(value).find()) {
            return Optional.of(Kind.URL_TOKEN);
        }
        if (AUTHORIZATION.matcher(value).matches()) {
            return Optional.of(Kind.AUTHORIZATION);
        }
        if (PRIVATE_KEY.matcher(value).find()) {
            return Optional.of(Kind.PRIVATE_KEY);
        }
        if (VENDOR_TOKEN.matcher(value).find()) {
            return Optional.of(Kind.VENDOR_TOKEN);
        }
        if (!IDENTIFIER_FIELD.matcher(field).find() && randomKey(value.strip())) {
            return Optional.of(Kind.RANDOM_KEY);
        }
        return Optional.empty();
    }

    /**
     * Why: a generated key is one long token that mixes letters and digits with no words in it. Hex
     * keys are told by their alphabet; others by upper and lower case and digits, at least 4 bits of
     * entropy a character, and a change of character class at every other character or more often
     * (names such as `KubePodCrashLooping2024` change class at word starts and ends only).
     */
    static boolean randomKey(String token) {
        if (HEX_KEY.matcher(token).matches()) {
            return true;
        }
        if (!KEY_TOKEN.matcher(token).matches()) {
            return false;
        }
        boolean upper = token.chars().anyMatch(Character::isUpperCase);
        boolean lower = token.chars().anyMatch(Character::isLowerCase);
        boolean digit = token.chars().anyMatch(Character::isDigit);
        int changes = 0;
        for (int i = 1; i < token.length(); i++) {
            changes += charClass(token.charAt(i)) != charClass(token.charAt(i - 1)) ? 1 : 0;
        }
        return upper && lower && digit && entropy(token) >= 4.0 && changes * 2 >= token.length() - 1;
    }

    private static int charClass(char c) {
        return Character.isUpperCase(c) ? 0 : Character.isLowerCase(c) ? 1 : Character.isDigit(c) ? 2 : 3;
    }

    /** Shannon entropy in bits per character. */
    private static double entropy(String s) {
        Map<Integer, Long> counts = s.chars().boxed()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
        double bits = 0;
        for (long n : counts.values()) {
            double p = (double) n / s.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static String normal(String key) {
        return key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * A quoted string, with the word before it (its field, in `key "value"`, `key: "value"` or `"key": "value"`).
     * Possessive runs: a plain alternation recurses once per character and overflows the stack on a long string.
     */
    private static final Pattern QUOTED = Pattern.compile(
            "(?:\"?([A-Za-z_][\\w.-]*)\"?\\s*[:=]?\\s*)?(\"(?:[^\"\\\\]++|\\\\.)*+\"|'(?:[^']++|'')*+')");

    /** A YAML plain scalar after its key, up to a comment or the end of a flow collection. */
    private static final Pattern PLAIN = Pattern.compile("([A-Za-z_][\\w.-]*)\\s*:\\s+([^\\s\"'#,{}\\[\\]][^#,{}\\[\\]]*)");

    /** A run of text without spaces, for the shapes that need no field name. */
    private static final Pattern TOKEN = Pattern.compile("[^\\s\"']+");

    /**
     * {@code line} with every value that looks like a secret replaced by as many {@code *}, so
     * columns still line up with a diagnostic's underline. Values are taken with the field before
     * them, in the DSL's, YAML's and JSON's forms; a bare token is masked for its shape alone.
     */
    public static String mask(String line) {
        char[] out = line.toCharArray();
        Matcher q = QUOTED.matcher(line);
        while (q.find()) {
            String quoted = q.group(2);
            maskIf(out, q.group(1), quoted.substring(1, quoted.length() - 1), q.start(2) + 1, q.end(2) - 1);
        }
        Matcher p = PLAIN.matcher(line);
        while (p.find()) {
            String value = p.group(2).stripTrailing();
            maskIf(out, p.group(1), value, p.start(2), p.start(2) + value.length());
        }
        Matcher t = TOKEN.matcher(line);
        while (t.find()) {
            String token = t.group();
            if (shape("", token).filter(k -> k != Kind.RANDOM_KEY).isPresent()) {
                java.util.Arrays.fill(out, t.start(), t.end(), '*');
            }
        }
        return new String(out);
    }

    private static void maskIf(char[] out, String key, String value, int start, int end) {
        String field = key == null ? "" : key.substring(key.lastIndexOf('.') + 1);
        boolean secret = key == null ? shape("", value).isPresent() : find("", field, value).isPresent();
        if (secret && end > start) {
            java.util.Arrays.fill(out, start, end, '*');
        }
    }
}
