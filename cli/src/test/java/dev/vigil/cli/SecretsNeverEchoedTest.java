package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never inline, and never echoed: each kind of secret (a Slack webhook URL, a PagerDuty
 * key, a bearer token, a password, a URL with a password, a URL with a token or API key
 * parameter), in known, unknown and nested fields, through `vigil check`, `build`, `lint`, `import`
 * and `diff` in every output format. Each run reports {@code Secret.Inline} naming the field, exits
 * as the command documents, and the secret appears in no output, no file written and no diff. Runs
 * are in-process, so the whole matrix stays fast.
 */
class SecretsNeverEchoedTest {
    /**
     * A secret in a `.vigil` routing block; {@code marker} is the part of it that must never be
     * printed, {@code field} what the error names.
     */
    record DslCase(String name, String marker, String field, String routing) {
    }

    /** A secret in an Alertmanager configuration; {@code path} is what the finding names. */
    record YamlCase(String name, String marker, String path, String config) {
    }

    private static final String SLACK_HOOK = "https://hooks.slack.com/services/T000/B000/XXXX";
    private static final String PD_KEY = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private static String routing(String receiver) {
        return "routing {\n  " + receiver + "\n  route default to r\n}\n";
    }

    static final List<DslCase> DSL = List.of(
            new DslCase("slack webhook in api_url", "B000/XXXX", "`api_url` of receiver `r`",
                    routing("receiver r slack { api_url \"" + SLACK_HOOK + "\" channel \"#ops\" }")),
            new DslCase("slack webhook in a field slack does not take", "B000/XXXX", "`webhook` of receiver `r`",
                    routing("receiver r slack { api_url_file \"/etc/am/slack\" webhook \"" + SLACK_HOOK + "\" }")),
            new DslCase("slack webhook through a constant, in channel", "B000/XXXX", "`channel` (through `$hook`)",
                    "const hook = \"" + SLACK_HOOK + "\"\n"
                            + routing("receiver r slack { api_url_file \"/etc/am/slack\" channel $hook }")),
            new DslCase("pagerduty routing key", PD_KEY, "`routing_key` of receiver `r`",
                    routing("receiver r pagerduty { routing_key \"" + PD_KEY + "\" }")),
            new DslCase("pagerduty service key in client", PD_KEY, "`client` of receiver `r`",
                    routing("receiver r pagerduty { service_key_file \"/etc/am/pd\" client \"" + PD_KEY + "\" }")),
            new DslCase("bearer token in an email header", "Tok3nBearerValue", "`headers` (`Authorization`)",
                    routing("receiver r email { to \"ops@example.com\" from \"am@example.com\" smarthost "
                            + "\"smtp.example.com:587\" headers [\"Authorization: Bearer Tok3nBearerValue\"] }")),
            new DslCase("password", "Hunter2Pw", "`basic_auth_password` of receiver `r`",
                    routing("receiver r jira { api_url \"https://example.atlassian.net/rest/api/2/\" project \"OPS\" "
                            + "issue_type \"Bug\" basic_auth_username \"a@example.com\" basic_auth_password \"Hunter2Pw\" }")),
            new DslCase("user and password in a URL", "Hunter2Pw", "`url` of receiver `r`",
                    routing("receiver r webhook { url \"https://alerts:Hunter2Pw@relay.example.com/alerts\" }")),
            new DslCase("token parameter in a URL", "Tok3nQuery99", "`url` of receiver `r`",
                    routing("receiver r webhook { url \"https://relay.example.com/alerts?token=Tok3nQuery99\" }")),
            new DslCase("api_key parameter in a URL", "ApiK3yQuery99", "`client_url` of receiver `r`",
                    routing("receiver r pagerduty { routing_key_file \"/etc/am/pd\" "
                            + "client_url \"https://grafana.example.com/d/x?api_key=ApiK3yQuery99\" }")));

    private static String config(String receivers) {
        return "route:\n  receiver: r\nreceivers:\n  - name: r\n" + receivers;
    }

    static final List<YamlCase> YAML = List.of(
            new YamlCase("slack webhook in api_url", "B000/XXXX", "`slack_configs[0].api_url` of receiver `r`",
                    config("    slack_configs:\n      - api_url: " + SLACK_HOOK + "\n        channel: '#ops'\n")),
            new YamlCase("slack webhook in an unknown field", "B000/XXXX", "`slack_configs[0].fallback_hook`",
                    config("    slack_configs:\n      - api_url_file: /etc/am/slack\n        fallback_hook: "
                            + SLACK_HOOK + "\n")),
            new YamlCase("slack webhook in global", "B000/XXXX", "`global.slack_api_url`",
                    "global:\n  slack_api_url: " + SLACK_HOOK + "\n"
                            + config("    slack_configs:\n      - channel: '#ops'\n")),
            new YamlCase("pagerduty routing key", PD_KEY, "`pagerduty_configs[0].routing_key`",
                    config("    pagerduty_configs:\n      - routing_key: " + PD_KEY + "\n")),
            new YamlCase("pagerduty service key", PD_KEY, "`pagerduty_configs[0].service_key`",
                    config("    pagerduty_configs:\n      - service_key: \"" + PD_KEY + "\"\n")),
            new YamlCase("bearer token in http_config.authorization", "Tok3nBearerValue",
                    "`webhook_configs[0].http_config.authorization.credentials`",
                    config("    webhook_configs:\n      - url: http://relay:8080/\n        http_config:\n"
                            + "          authorization:\n            credentials: Tok3nBearerValue\n")),
            new YamlCase("password in http_config.basic_auth", "Hunter2Pw",
                    "`webhook_configs[0].http_config.basic_auth.password`",
                    config("    webhook_configs:\n      - url: http://relay:8080/\n        http_config:\n"
                            + "          basic_auth: {username: am, password: Hunter2Pw}\n")),
            new YamlCase("oauth2 client secret", "Cl1entSecretXyz",
                    "`webhook_configs[0].http_config.oauth2.client_secret`",
                    config("    webhook_configs:\n      - url: http://relay:8080/\n        http_config:\n"
                            + "          oauth2:\n            client_id: am\n            client_secret: Cl1entSecretXyz\n"
                            + "            token_url: https://auth.example.com/token\n")),
            new YamlCase("user and password in a URL", "Hunter2Pw", "`webhook_configs[0].url`",
                    config("    webhook_configs:\n      - url: https://alerts:Hunter2Pw@relay.example.com/alerts\n")),
            new YamlCase("token parameter in a URL", "Tok3nQuery99", "`webhook_configs[0].url`",
                    config("    webhook_configs:\n      - url: https://relay.example.com/alerts?token=Tok3nQuery99\n")),
            new YamlCase("api_key parameter in a header", "ApiK3yQuery99", "`email_configs[0].headers.X-Api-Key`",
                    config("    email_configs:\n      - to: ops@example.com\n        from: am@example.com\n"
                            + "        smarthost: smtp.example.com:587\n        headers: {X-Api-Key: ApiK3yQuery99}\n")));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicContainer> dslSecretsInCheckBuildAndDiff() {
        return DSL.stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
                DynamicTest.dynamicTest("check", () -> {
                    Path project = project(c.name(), "secret.vigil", c.routing());
                    for (String format : List.of("text", "json")) {
                        LintCommandTest.Run r = LintCommandTest.run("check", "--format", format, project.toString());
                        reportsWithoutEcho(r, 1, c.field(), c.marker());
                    }
                }),
                DynamicTest.dynamicTest("build", () -> {
                    Path project = project(c.name(), "secret.vigil", c.routing());
                    for (String format : List.of("text", "json")) {
                        Path out = project.resolve("out-" + format);
                        LintCommandTest.Run r = LintCommandTest.run("build", "--format", format, "--out", out.toString(),
                                project.toString());
                        reportsWithoutEcho(r, 1, c.field(), c.marker());
                        noFileHolds(out, c.marker());
                    }
                }),
                DynamicTest.dynamicTest("diff", () -> {
                    Path before = project(c.name() + "-before", "secret.vigil",
                            routing("receiver r webhook { url_file \"/etc/am/hook\" }"));
                    Path after = project(c.name(), "secret.vigil", c.routing());
                    for (String format : List.of("text", "markdown", "json")) {
                        // A side that does not compile is exit 2 for `vigil diff`, with its diagnostics.
                        LintCommandTest.Run r = LintCommandTest.run("diff", "--format", format, before.toString(),
                                after.toString());
                        reportsWithoutEcho(r, 2, c.field(), c.marker());
                    }
                }))));
    }

    @TestFactory
    Stream<DynamicContainer> alertmanagerSecretsInLintAndImport() {
        return YAML.stream().map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
                DynamicTest.dynamicTest("lint", () -> {
                    Path file = project(c.name(), "alertmanager.yml", c.config()).resolve("alertmanager.yml");
                    for (String format : List.of("text", "json")) {
                        LintCommandTest.Run r = LintCommandTest.run("lint", "--format", format, file.toString());
                        reportsWithoutEcho(r, 1, c.path(), c.marker());
                    }
                }),
                DynamicTest.dynamicTest("import", () -> {
                    Path project = project(c.name(), "alertmanager.yml", c.config());
                    Path file = project.resolve("alertmanager.yml");
                    Path out = project.resolve("imported");
                    // Import writes no secret, so it succeeds: the finding is a warning, the setting a placeholder.
                    LintCommandTest.Run r = LintCommandTest.run("import", "--out", out.toString(), file.toString());
                    reportsWithoutEcho(r, 0, c.path(), c.marker());
                    assertTrue(Files.isRegularFile(out.resolve("routing.vigil")), r.out());
                    noFileHolds(out, c.marker());
                }))));
    }

    private Path project(String name, String file, String text) throws IOException {
        Path p = Files.createDirectories(dir.resolve(name.replaceAll("[^a-z0-9]+", "-")));
        Files.writeString(p.resolve(file), text);
        return p;
    }

    private static void reportsWithoutEcho(LintCommandTest.Run r, int status, String field, String marker) {
        String all = r.out() + r.err();
        assertEquals(status, r.status(), all);
        assertTrue(all.contains("Secret.Inline"), all);
        assertTrue(all.contains(field), "the finding names " + field + ":\n" + all);
        assertFalse(all.contains(marker), "the secret is echoed:\n" + all);
    }

    private static void noFileHolds(Path out, String marker) {
        if (!Files.exists(out)) {
            return;
        }
        List<Path> leaking = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(f).contains(marker)) {
                    leaking.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), leaking, "files that hold the secret");
    }
}
