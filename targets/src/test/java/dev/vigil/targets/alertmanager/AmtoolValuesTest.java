package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.TimeIntervalSyntax;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.tools.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of `vigil check` against the real {@code amtool check-config}: the Alertmanager values
 * Vigil now refuses are the ones amtool refuses, and a configuration that passes check is accepted.
 */
class AmtoolValuesTest {
    @TempDir
    Path temp;

    /** Every form the reader accepts, in one project: it must compile, and amtool must accept the output. */
    @Test
    void whatPassesCheckIsAcceptedByAmtool() throws IOException {
        Tool amtool = Tool.require("amtool");
        Project project = Projects.compileText(
                "routing {",
                "  receiver chat slack { api_url_file \"/etc/am/slack\" channel \"#ops\" }",
                "  receiver pager pagerduty { routing_key_file \"/etc/am/pd\" url \"https://events.pagerduty.com/v2/enqueue\" }",
                "  receiver mail email {",
                "    to [\"a@example.com\", \"b@example.com\"] from \"alerts@example.com\" smarthost \"[::1]:25\"",
                "    auth_username \"alerts\" auth_password_file \"/etc/am/smtp\"",
                "    headers [\"Subject: {{ .CommonLabels.alertname }} fired\", \"X-Priority: 1\"]",
                "  }",
                "  receiver hook webhook { url \"http://127.0.0.1:9095/hook\" max_alerts 5 }",
                "  receiver genie opsgenie { api_key_file \"/etc/am/genie\" api_url \"https://api.eu.opsgenie.com/\" }",
                "  time_interval office_hours {",
                "    weekdays      [\"Monday:FRIDAY\", \"sunday\"]",
                "    times         [\"09:00-12:00\", \"13:00-24:00\"]",
                "    months        [\"1:3\", \"june\", \"October:december\"]",
                "    days_of_month [\"1:7\", \"-7:-1\", \"20:-1\"]",
                "    location      \"Local\"",
                "  }",
                "  time_interval nights { times [\"00:00-06:00\"] location \"UTC\" }",
                "  route severity = critical to pager { group_by [\"...\"] group_wait 0s }",
                "  route team = \"billing\" to mail { group_by [alertname, service] group_interval 1m repeat_interval 4h }",
                "  route team = \"hooks\" to hook { active_time_intervals [office_hours] }",
                "  route team = \"genie\" to genie { mute_time_intervals [nights] }",
                "  route default to chat",
                "}");
        Path dir = temp.resolve("all-forms");
        OutputDirectory.commit(Projects.emit(project), dir);
        Path config = dir.resolve(AlertmanagerEmitter.CONFIG);
        String text = Files.readString(config);
        assertTrue(text.contains("group_wait: 0s"), "`group_wait 0s` is a setting, not a missing one:\n" + text);
        assertTrue(text.contains("X-Priority: '1'") || text.contains("X-Priority: \"1\""), text);
        AmtoolTest.assertChecks(amtool, config);
    }

    /** A receiver or route value Vigil refuses, and the same value in a configuration written by hand. */
    private record Refused(String vigil, String id, Map<String, Object> receiver, Map<String, Object> route) {
    }

    /** What `vigil check` refuses in receivers and routes, amtool refuses too. */
    @TestFactory
    List<DynamicTest> receiverAndRouteValuesVigilRefusesAmtoolRefuses() {
        Tool amtool = Tool.require("amtool");
        List<Refused> cases = List.of(
                new Refused("receiver r webhook { url \"hooks.example.com/alerts\" }", "Type.InvalidUrl",
                        Map.of("webhook_configs", List.of(Map.of("url", "hooks.example.com/alerts"))), Map.of()),
                new Refused("receiver r email { to \"a@b.c\" from \"x@y.z\" smarthost \"smtp.example.com\" }",
                        "Type.InvalidAddress", Map.of("email_configs", List.of(Map.of("to", "a@b.c", "from", "x@y.z",
                                "smarthost", "smtp.example.com"))), Map.of()),
                new Refused("receiver r slack { channel \"#ops\" }", "Property.Missing",
                        Map.of("slack_configs", List.of(Map.of("channel", "#ops"))), Map.of()),
                new Refused("receiver r email { to \"a@b.c\" from \"x@y.z\" smarthost \"h:25\" "
                        + "headers [\"Subject: a\", \"subject: b\"] }", "Name.Duplicate",
                        Map.of("email_configs", List.of(Map.of("to", "a@b.c", "from", "x@y.z", "smarthost", "h:25",
                                "headers", Map.of("Subject", "a", "subject", "b")))), Map.of()),
                new Refused("receiver r webhook { url \"http://h/\" }\n  route team = \"x\" to r { group_by [a, a] }",
                        "Name.Duplicate", Map.of("webhook_configs", List.of(Map.of("url", "http://h/"))),
                        Map.of("group_by", List.of("a", "a"))),
                new Refused("receiver r webhook { url \"http://h/\" }\n  route team = \"x\" to r { group_interval 0s }",
                        "Type.OutOfRange", Map.of("webhook_configs", List.of(Map.of("url", "http://h/"))),
                        Map.of("group_interval", "0s")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Refused c : cases) {
            tests.add(DynamicTest.dynamicTest(c.id() + ": " + c.vigil(), () -> {
                var compiled = dev.vigil.compiler.Compiler.compile(List.of(new dev.vigil.compiler.source.SourceFile(
                        "r.vigil", "routing {\n  " + c.vigil() + "\n  route default to r\n}\n")));
                assertTrue(compiled.diagnostics().stream().anyMatch(d -> d.code().equals(c.id()) && d.blocking()),
                        compiled.diagnostics().toString());
                Map<String, Object> receiver = new LinkedHashMap<>(c.receiver());
                receiver.put("name", "r");
                Map<String, Object> child = new LinkedHashMap<>(c.route());
                child.put("receiver", "r");
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("route", Map.of("receiver", "r", "routes", List.of(child)));
                config.put("receivers", List.of(receiver));
                Path file = Files.createTempFile(temp, "refused", ".yml");
                Files.writeString(file, Yaml.dump(config));
                Tool.Result r = amtool.run(List.of("check-config", file.toString()));
                assertTrue(!r.ok(), "amtool accepts what Vigil refuses as " + c.id() + ":\n" + r.report());
            }));
        }
        return tests;
    }

    /** A value of a time interval, and whether Vigil's check finds a problem with it. */
    private record Case(String field, String value, boolean refusedByVigil) {
    }

    private static void cases(List<Case> out, String field, Function<String, Optional<TimeIntervalSyntax.Problem>> check,
            String... values) {
        for (String v : values) {
            out.add(new Case(field, v, check.apply(v).isPresent()));
        }
    }

    /** Each value alone in a time interval, written as Vigil writes it, judged by amtool and by Vigil alike. */
    @TestFactory
    List<DynamicTest> timeIntervalValuesAreJudgedAsAmtoolJudgesThem() {
        Tool amtool = Tool.require("amtool");
        List<Case> cases = new ArrayList<>();
        cases(cases, "weekdays", TimeIntervalSyntax::weekdays, "monday", "Monday:FRIDAY", "sunday:saturday", "sundays",
                "saturday:sunday", "monday:tuesday:friday", "1");
        cases(cases, "times", TimeIntervalSyntax::times, "09:00-17:00", "00:00-24:00", "9-17", "2am-4am", "17:00-09:00",
                "09:00-09:00", "24:01-24:30", "9:00-17:00", "09:60-10:00");
        // Alertmanager takes any month number; Vigil also refuses those outside 1..12, which never match.
        cases(cases, "months", TimeIntervalSyntax::months, "january", "June:August", "1:12", "decembre",
                "december:january", "3:1");
        cases(cases, "days_of_month", TimeIntervalSyntax::daysOfMonth, "1", "-1", "1:7", "-7:-1", "20:-1", "0", "32",
                "-32", "-3:5", "20:10", "first");
        cases(cases, "location", TimeIntervalSyntax::location, "Europe/Berlin", "UTC", "Local", "Europe/Londn", "CEST");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.field() + " " + c.value(), () -> {
                Tool.Result r = amtool.run(List.of("check-config", write(c).toString()));
                assertEquals(!c.refusedByVigil(), r.ok(), (c.refusedByVigil() ? "Vigil refuses" : "Vigil accepts")
                        + " `" + c.value() + "`, amtool does not agree:\n" + r.report());
            }));
        }
        return tests;
    }

    private Path write(Case c) throws IOException {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (c.field().equals("times")) {
            // As the emitter writes a range; a value without one `-` cannot even be split.
            String[] parts = c.value().split("-");
            spec.put("times", parts.length == 2 ? List.of(ConfigBuilder.timeRange(c.value()))
                    : List.of(Map.of("start_time", c.value(), "end_time", c.value())));
        } else if (c.field().equals("location")) {
            spec.put("location", c.value());
        } else {
            spec.put(c.field(), List.of(c.value()));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("route", Map.of("receiver", "none", "routes",
                List.of(Map.of("receiver", "none", "mute_time_intervals", List.of("t")))));
        config.put("receivers", List.of(Map.of("name", "none")));
        config.put("time_intervals", List.of(Map.of("name", "t", "time_intervals", List.of(spec))));
        Path file = Files.createTempFile(temp, "time-interval", ".yml");
        Files.writeString(file, Yaml.dump(config));
        return file;
    }
}
