package dev.vigil.compiler.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the detector with the values it must catch, and the look-alikes it must leave alone. */
class SecretsTest {
    @ParameterizedTest(name = "{1} = {2} is {3}")
    @CsvSource(delimiter = '|', value = {
        "pagerduty | routing_key        | platform-oncall                                   | NAMED",
        "pagerduty | service_key        | x                                                 | NAMED",
        "email     | auth_password      | hunter2                                           | NAMED",
        "webhook   | X-Api-Key          | abc                                               | NAMED",
        "webhook   | Authorization      | whatever                                          | NAMED",
        "global    | smtp_auth_password | hunter2                                           | NAMED",
        "slack     | api_url            | https://slack-proxy.example.com/post              | NAMED",
        "slack     | channel            | https://hooks.slack.com/services/T000/B000/XXXX   | SLACK_WEBHOOK",
        "slack     | api_url_file       | https://hooks.slack.com/services/T000/B000/XXXX   | SLACK_WEBHOOK",
        "discord   | content            | https://discord.com/api/webhooks/1/abc            | CHAT_WEBHOOK",
        "webhook   | url                | https://user:pass@relay.example.com/alerts        | URL_PASSWORD",
        "webhook   | url                | https://relay.example.com/alerts?token=abc123     | URL_TOKEN",
        "webhook   | url                | https://relay.example.com/alerts?x=1&api_key=k    | URL_TOKEN",
        "opsgenie  | note               | Bearer eyJhbGciOiJIUzI1NiJ9abc                   | AUTHORIZATION",
        "slack     | text               | xoxb-123456789012-abcdefghijkl                    | VENDOR_TOKEN",
        "telegram  | message            | 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1     | VENDOR_TOKEN",
        "webhook   | note               | -----BEGIN RSA PRIVATE KEY-----                   | PRIVATE_KEY",
        "pagerduty | client             | 0123456789abcdef0123456789abcdef                  | RANDOM_KEY",
        "webhook   | mystery            | a8Kd93LmQz7XwP2nB5vR1tYc                          | RANDOM_KEY",
    })
    void catches(String integration, String key, String value, Secrets.Kind kind) {
        assertEquals(Optional.of(kind), Secrets.find(integration, key, value));
    }

    @ParameterizedTest(name = "{1} = {2} is no secret")
    @CsvSource(delimiter = '|', value = {
        "webhook   | url              | https://alertmanager.example.com/api/v2/alerts",
        "pagerduty | client_url       | https://grafana.example.com/d/abc123/overview?orgId=1&var-job=api",
        "slack     | title_link       | https://runbooks.example.com/KubePodCrashLooping#fix",
        "slack     | send_resolved    | true",
        "slack     | api_url_file     | /etc/alertmanager/secrets/slack-api-url",
        "victorops | routing_key      | platform",
        "webex     | room_id          | Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmU0YmJlNmY0",
        "slack     | channel          | team_platform_oncall_2024",
        "slack     | title            | KubePodCrashLoopingAlert2024",
        "slack     | text             | {{ .CommonAnnotations.summary }} see https://runbooks.example.com/x",
        "webhook   | url              | https://relay.example.com/alerts?token={{ .GroupLabels.team }}",
        "email     | auth_username    | alerts@example.com",
        "email     | smarthost        | smtp.example.com:587",
        "opsgenie  | api_url          | https://api.eu.opsgenie.com/",
        "pagerduty | description      | Token bucket drained on api-7",
        "webhook   | url              | https://user@relay.example.com/alerts",
    })
    void leavesAlone(String integration, String key, String value) {
        assertEquals(Optional.empty(), Secrets.find(integration, key, value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  receiver oncall pagerduty { routing_key \"0123456789abcdef\" }         | 0123456789abcdef",
        "      - api_url: https://hooks.slack.com/services/T000/B000/XXXX       | T000/B000/XXXX",
        "    url: 'https://bob:s3cr3t@relay.example.com/a'                       | s3cr3t",
        "  \"password\": \"hunter2\",                                            | hunter2",
        "  text \"see https://relay.example.com/a?api_key=k3y\"                  | k3y",
    })
    void masksWhatItFindsColumnForColumn(String line, String secret) {
        String masked = Secrets.mask(line);
        assertFalse(masked.contains(secret), masked);
        assertEquals(line.length(), masked.length());
        assertTrue(masked.contains("***"), masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "  receiver hook webhook { url \"https://alertmanager.example.com/api/v2/alerts\" send_resolved true }",
        "      - routing_key_file: /etc/alertmanager/secrets/pagerduty",
        "    alert HighErrorRate { when rate(http_requests_total{code=~\"5..\"}[5m]) > 0.1 }",
    })
    void leavesOrdinaryLinesAsTheyAre(String line) {
        assertEquals(line, Secrets.mask(line));
    }

    @Test
    void masksLongQuotedStringsWithoutRunningOutOfStack() {
        // The text renderer masks up to a few thousand characters around a span; a string ten times longer
        // must not overflow the stack (a plain alternation in the pattern recursed once per character).
        String quoted = "summary \"" + "a\\\"b ".repeat(10_000) + "\"";
        assertEquals(quoted, Secrets.mask(quoted));
        String single = "k: '" + "it''s ".repeat(10_000) + "'";
        assertEquals(single, Secrets.mask(single));
        String brackets = "[".repeat(50_000);
        assertEquals(brackets, Secrets.mask(brackets));
        String secret = "api_url \"https://hooks.slack.com/services/T0/B0/" + "x".repeat(1_000) + "\"";
        assertFalse(Secrets.mask(secret).contains("hooks.slack.com"));
    }
}
