package dev.vigil.targets.alertmanager;

import dev.vigil.compiler.target.Version;
import java.util.List;

/**
 * One receiver of each type Alertmanager added after 0.22 (and of the older ones whose secrets only
 * later releases read from files), as a team would write it: secrets in files, the common optional
 * settings set. {@code since} is the release Vigil gates the receiver on, the newest feature it uses.
 */
final class NewerReceivers {
    record Case(String type, Version since, String receiver) {
        /** A project whose default route sends everything to this receiver, named {@code r}. */
        String project(String settings) {
            return settings + "routing {\n  receiver r " + type + " { " + receiver + " }\n  route default to r\n}\n";
        }
    }

    static final List<Case> ALL = List.of(
            new Case("webex", Version.of(0, 25), "room_id \"Y2lzY29zcGFyazovL3VzL1JPT00vYmJj\" "
                    + "credentials_file \"/etc/am/webex\" message \"{{ .CommonLabels.alertname }}\""),
            new Case("victorops", Version.of(0, 25), "api_key_file \"/etc/am/victorops\" routing_key \"platform\" "
                    + "message_type \"WARNING\" entity_display_name \"{{ .CommonLabels.alertname }}\""),
            new Case("telegram", Version.of(0, 26), "bot_token_file \"/etc/am/telegram\" chat_id -1001234567890 "
                    + "parse_mode \"MarkdownV2\" disable_notifications true"),
            new Case("pushover", Version.of(0, 26), "user_key_file \"/etc/am/po-user\" token_file \"/etc/am/po-token\" "
                    + "priority \"1\" sound \"siren\" retry 1m expire 2h html true"),
            new Case("discord", Version.of(0, 28), "webhook_url_file \"/etc/am/discord\" title \"Alert\" "
                    + "username \"Vigil\" avatar_url \"https://example.com/vigil.png\""),
            new Case("msteams", Version.of(0, 28), "webhook_url_file \"/etc/am/teams\" title \"Alert\" "
                    + "summary \"{{ .CommonLabels.alertname }}\""),
            new Case("msteamsv2", Version.of(0, 28), "webhook_url_file \"/etc/am/flows\" title \"Alert\" text \"Body\""),
            new Case("jira", Version.of(0, 28), "api_url \"https://example.atlassian.net/rest/api/2/\" project \"OPS\" "
                    + "issue_type \"Bug\" labels [\"alertmanager\", \"{{ .CommonLabels.severity }}\"] "
                    + "resolve_transition \"Done\" reopen_transition \"Reopen\" reopen_duration 1d "
                    + "basic_auth_username \"alerts@example.com\" basic_auth_password_file \"/etc/am/jira\""),
            new Case("rocketchat", Version.of(0, 28), "token_file \"/etc/am/rc-token\" token_id_file \"/etc/am/rc-id\" "
                    + "api_url \"https://chat.example.com/\" channel \"#ops\" emoji \":fire:\""),
            new Case("telegram", Version.of(0, 28), "bot_token_file \"/etc/am/telegram\" chat_id 42 message_thread_id 7"),
            new Case("incidentio", Version.of(0, 29), "url \"https://api.incident.io/v2/alert_events/http/01ABC\" "
                    + "alert_source_token_file \"/etc/am/incident\" max_alerts 20"),
            new Case("incidentio", Version.of(0, 29), "url_file \"/etc/am/incident-url\" "
                    + "alert_source_token_file \"/etc/am/incident\""),
            new Case("mattermost", Version.of(0, 30), "webhook_url_file \"/etc/am/mattermost\" channel \"ops\" "
                    + "username \"vigil\" icon_emoji \":rotating_light:\""));

    private NewerReceivers() {
    }
}
