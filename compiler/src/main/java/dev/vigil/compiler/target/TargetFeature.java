package dev.vigil.compiler.target;

import dev.vigil.compiler.target.TargetVersions.Tool;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What Vigil can write that not every release of the target tools accepts: the release that
 * introduced it and, for a removed feature, the release that dropped it. Features older than a
 * tool's {@link Tool#oldest() oldest} supported release are not listed. Sources are cited per entry:
 * prometheus/prometheus CHANGELOG.md and release notes, cloudflare/pint's table of PromQL feature
 * versions (internal/parser/source/features.go), and pull requests where no changelog says it.
 */
public enum TargetFeature {
    // ---------------------------------------------------------------- Prometheus rule files

    /** CHANGELOG 2.42.0, prometheus#11827. */
    KEEP_FIRING_FOR(Tool.PROMETHEUS, "`keep_firing_for`", "2.42", null),

    // ---------------------------------------------------------------- PromQL syntax

    /** Durations and numbers interchangeable (`[300]`, `> 1d`): 2.54, stable in 3.0 (prometheus#9138, #15111). */
    NUMBERS_AS_DURATIONS(Tool.PROMETHEUS, "a plain number of seconds as a duration", "2.54", null),
    /** Quoted UTF-8 metric and label names (`{"http.requests"}`): 3.0. */
    UTF8_NAMES(Tool.PROMETHEUS, "a metric or label name outside `[a-zA-Z_:][a-zA-Z0-9_:]*`", "3.0", null),
    /** `promql-duration-expr`: 3.4 (pint). */
    DURATION_EXPRESSIONS(Tool.PROMETHEUS, "arithmetic in a duration", "3.4", null),
    /** `promql-extended-range-selectors`: 3.7 (pint). */
    ANCHORED_SMOOTHED(Tool.PROMETHEUS, "the `anchored` and `smoothed` modifiers", "3.7", null),
    /** `promql-binop-fill-modifiers`: 3.10 (pint). */
    FILL_MODIFIERS(Tool.PROMETHEUS, "the `fill`, `fill_left` and `fill_right` modifiers", "3.10", null),
    /** Histogram trim operators: 3.11 (prometheus#17904). */
    TRIM_OPERATORS(Tool.PROMETHEUS, "the histogram trim operators `</` and `>/`", "3.11", null),

    // ---------------------------------------------------------------- PromQL functions and aggregations

    /** CHANGELOG 2.47.0, prometheus#12614. */
    FN_HISTOGRAM_STDDEV(Tool.PROMETHEUS, "histogram_stddev", "2.47", null),
    FN_HISTOGRAM_STDVAR(Tool.PROMETHEUS, "histogram_stdvar", "2.47", null),
    /** CHANGELOG 2.49.0, prometheus#13059 and #11299 (experimental). */
    FN_MAD_OVER_TIME(Tool.PROMETHEUS, "mad_over_time", "2.49", null),
    FN_SORT_BY_LABEL(Tool.PROMETHEUS, "sort_by_label", "2.49", null),
    FN_SORT_BY_LABEL_DESC(Tool.PROMETHEUS, "sort_by_label_desc", "2.49", null),
    /** CHANGELOG 2.51.0, prometheus#13467. */
    FN_HISTOGRAM_AVG(Tool.PROMETHEUS, "histogram_avg", "2.51", null),
    /** Experimental aggregations, 2.54 (pint). */
    AGG_LIMITK(Tool.PROMETHEUS, "limitk", "2.54", null),
    AGG_LIMIT_RATIO(Tool.PROMETHEUS, "limit_ratio", "2.54", null),
    /** 2.55 (pint). */
    FN_INFO(Tool.PROMETHEUS, "info", "2.55", null),
    /** 3.0: holt_winters became double_exponential_smoothing (prometheus#14930). */
    FN_DOUBLE_EXPONENTIAL_SMOOTHING(Tool.PROMETHEUS, "double_exponential_smoothing", "3.0", null),
    FN_HOLT_WINTERS(Tool.PROMETHEUS, "holt_winters", null, "3.0"),
    /** 3.5 and 3.7 (pint). */
    FN_TS_OF_MAX_OVER_TIME(Tool.PROMETHEUS, "ts_of_max_over_time", "3.5", null),
    FN_TS_OF_MIN_OVER_TIME(Tool.PROMETHEUS, "ts_of_min_over_time", "3.5", null),
    FN_TS_OF_LAST_OVER_TIME(Tool.PROMETHEUS, "ts_of_last_over_time", "3.5", null),
    FN_FIRST_OVER_TIME(Tool.PROMETHEUS, "first_over_time", "3.7", null),
    FN_TS_OF_FIRST_OVER_TIME(Tool.PROMETHEUS, "ts_of_first_over_time", "3.7", null),
    /** 3.11 (pint; prometheus#17285). */
    FN_HISTOGRAM_QUANTILES(Tool.PROMETHEUS, "histogram_quantiles", "3.11", null),
    /** `step()`, `range()`, `start()` and `end()` as functions: 3.12; `min_of`, `max_of`: 3.13 (pint). */
    FN_STEP(Tool.PROMETHEUS, "step", "3.12", null),
    FN_RANGE(Tool.PROMETHEUS, "range", "3.12", null),
    FN_START(Tool.PROMETHEUS, "start", "3.12", null),
    FN_END(Tool.PROMETHEUS, "end", "3.12", null),
    FN_MIN_OF(Tool.PROMETHEUS, "min_of", "3.13", null),
    FN_MAX_OF(Tool.PROMETHEUS, "max_of", "3.13", null),
    /** 3.14 (pint). */
    FN_START_TIMESTAMP(Tool.PROMETHEUS, "start_timestamp", "3.14", null),

    // ---------------------------------------------------------------- template functions (alert annotations)

    /** prometheus#16619, merged July 2025 after the 3.5 branch; promtool 2.42 refuses both. */
    TEMPLATE_NOW(Tool.PROMETHEUS, "now", "3.6", null),
    TEMPLATE_TO_DURATION(Tool.PROMETHEUS, "toDuration", "3.6", null),
    /** prometheus#17404, merged November 2025; promtool 2.42 refuses it. */
    TEMPLATE_URL_QUERY_ESCAPE(Tool.PROMETHEUS, "urlQueryEscape", "3.8", null),

    // ---------------------------------------------------------------- Alertmanager

    /** `time_intervals` and `active_time_intervals`: 0.24 (prometheus/alertmanager#2779). */
    AM_TIME_INTERVALS(Tool.ALERTMANAGER, "`time_intervals` and `active_time_intervals`", "0.24", null),
    /** Opsgenie `api_key_file`: 0.24 (prometheus-operator#4738 gates it on 0.24). */
    AM_OPSGENIE_API_KEY_FILE(Tool.ALERTMANAGER, "opsgenie `api_key_file`", "0.24", null),
    /** PagerDuty `routing_key_file`, `service_key_file`: 0.25 (prometheus/alertmanager#3107). */
    AM_PAGERDUTY_KEY_FILES(Tool.ALERTMANAGER, "pagerduty `routing_key_file` and `service_key_file`", "0.25", null),
    /** Email `auth_password_file`: 0.25 (prometheus/alertmanager#3038). */
    AM_EMAIL_AUTH_PASSWORD_FILE(Tool.ALERTMANAGER, "email `auth_password_file`", "0.25", null),
    /** Webhook `url_file`: 0.26 (prometheus/alertmanager#3223); amtool 0.25 refuses it. */
    AM_WEBHOOK_URL_FILE(Tool.ALERTMANAGER, "webhook `url_file`", "0.26", null),

    // Receiver types newer than 0.22, and their `*_file` secrets, from Alertmanager's CHANGELOG.md
    // (as shipped in Debian's prometheus-alertmanager 0.33.1). amtool 0.25 refuses each one marked
    // so; amtool 0.28.1 and 0.33.1 accept the receivers Vigil writes from their release on.

    /** Telegram: 0.24 (CHANGELOG 0.24.0, prometheus/alertmanager#2827). */
    AM_TELEGRAM(Tool.ALERTMANAGER, "the telegram receiver", "0.24", null),
    /** Discord: 0.25 (CHANGELOG 0.25.0, #2948). */
    AM_DISCORD(Tool.ALERTMANAGER, "the discord receiver", "0.25", null),
    /** Webex: 0.25 (CHANGELOG 0.25.0, #3132); its bot token is `http_config.authorization.credentials_file`. */
    AM_WEBEX(Tool.ALERTMANAGER, "the webex receiver", "0.25", null),
    /** VictorOps `api_key_file`: 0.25 (CHANGELOG 0.25.0, #3111). */
    AM_VICTOROPS_API_KEY_FILE(Tool.ALERTMANAGER, "victorops `api_key_file`", "0.25", null),
    /** Microsoft Teams: 0.26 (CHANGELOG 0.26.0, #3324); amtool 0.25 refuses `msteams_configs`. */
    AM_MSTEAMS(Tool.ALERTMANAGER, "the msteams receiver", "0.26", null),
    /** Telegram `bot_token_file`: 0.26 (CHANGELOG 0.26.0, #3226); amtool 0.25 refuses it. */
    AM_TELEGRAM_BOT_TOKEN_FILE(Tool.ALERTMANAGER, "telegram `bot_token_file`", "0.26", null),
    /**
     * Pushover `user_key_file` and `token_file`: 0.26 (CHANGELOG 0.26.0, #3200); amtool 0.25 refuses
     * them. Its `device` came in 0.26 too (#3318), and every Vigil pushover receiver has both files.
     */
    AM_PUSHOVER_KEY_FILES(Tool.ALERTMANAGER, "pushover `user_key_file` and `token_file`", "0.26", null),
    /**
     * Discord and Microsoft Teams `webhook_url_file`: listed in 0.27.0 (#3555), but 0.27.0 refuses a
     * receiver that has only the file ("no discord webhook URL provided"; prometheus/alertmanager#3894).
     * The fix, #3728, was first released in 0.28.0 ("Fix `webhook_url_file` for both the Discord and
     * Microsoft Teams integrations"). Their `content`, `username`, `avatar_url` (Discord, #4007) and
     * `summary` (Teams, 0.27, #3616) are no older, so they need no entry of their own.
     */
    AM_DISCORD_WEBHOOK_URL_FILE(Tool.ALERTMANAGER, "discord `webhook_url_file`", "0.28", null),
    AM_MSTEAMS_WEBHOOK_URL_FILE(Tool.ALERTMANAGER, "msteams `webhook_url_file`", "0.28", null),
    /** Microsoft Teams through Flows: 0.28 (CHANGELOG 0.28.0, #4024). */
    AM_MSTEAMSV2(Tool.ALERTMANAGER, "the msteamsv2 receiver", "0.28", null),
    /**
     * Jira: 0.28 (CHANGELOG 0.28.0, #3590, #3931). Debian built 0.28.0 to 0.30.0 without it
     * (0011-Disable-Jira-notification.patch, dropped in 0.30.1+ds-1): their amtool refuses `jira_configs`.
     */
    AM_JIRA(Tool.ALERTMANAGER, "the jira receiver", "0.28", null),
    /** Rocket.Chat: 0.28 (CHANGELOG 0.28.0, #3600), with `token_file` and `token_id_file` from the start. */
    AM_ROCKETCHAT(Tool.ALERTMANAGER, "the rocketchat receiver", "0.28", null),
    /** Telegram `message_thread_id`: 0.28 (CHANGELOG 0.28.0, #3638). */
    AM_TELEGRAM_MESSAGE_THREAD_ID(Tool.ALERTMANAGER, "telegram `message_thread_id`", "0.28", null),
    /** incident.io: 0.29 (CHANGELOG 0.29.0, #4372; prometheus-operator gates it on 0.29.0); amtool 0.28.1 refuses it. */
    AM_INCIDENTIO(Tool.ALERTMANAGER, "the incidentio receiver", "0.29", null),
    /** Mattermost: 0.30 (CHANGELOG 0.30.0, #4090); amtool 0.28.1 refuses it. */
    AM_MATTERMOST(Tool.ALERTMANAGER, "the mattermost receiver", "0.30", null);

    private static final Map<String, TargetFeature> BY_FUNCTION = Arrays.stream(values())
            .filter(f -> f.name().startsWith("FN_") || f.name().startsWith("AGG_"))
            .collect(Collectors.toUnmodifiableMap(f -> f.what, Function.identity()));

    private static final Map<String, TargetFeature> BY_TEMPLATE_FUNCTION = Arrays.stream(values())
            .filter(f -> f.name().startsWith("TEMPLATE_"))
            .collect(Collectors.toUnmodifiableMap(f -> f.what, Function.identity()));

    private final Tool tool;
    private final String what;
    private final Version since;
    private final Version removedIn;

    TargetFeature(Tool tool, String what, String since, String removedIn) {
        this.tool = tool;
        this.what = what;
        this.since = since == null ? null : Version.parse(since).orElseThrow();
        this.removedIn = removedIn == null ? null : Version.parse(removedIn).orElseThrow();
    }

    public Tool tool() {
        return tool;
    }

    /** The release that introduced it; empty for one older than every supported release. */
    public Optional<Version> since() {
        return Optional.ofNullable(since);
    }

    /** The release that removed it, if one did. */
    public Optional<Version> removedIn() {
        return Optional.ofNullable(removedIn);
    }

    /** For messages: "`keep_firing_for`", "the function `mad_over_time`". */
    public String description() {
        if (BY_FUNCTION.get(what) == this) {
            return (name().startsWith("AGG_") ? "the aggregation `" : "the function `") + what + "`";
        }
        return BY_TEMPLATE_FUNCTION.get(what) == this ? "the template function `" + what + "`" : what;
    }

    public boolean availableIn(Version release) {
        return (since == null || release.atLeast(since)) && (removedIn == null || !release.atLeast(removedIn));
    }

    /** The feature of a PromQL function or aggregation by name, when its availability depends on the release. */
    public static Optional<TargetFeature> ofFunction(String name) {
        return Optional.ofNullable(BY_FUNCTION.get(name));
    }

    /** The feature of a Prometheus template function by name, when its availability depends on the release. */
    public static Optional<TargetFeature> ofTemplateFunction(String name) {
        return Optional.ofNullable(BY_TEMPLATE_FUNCTION.get(name));
    }
}
