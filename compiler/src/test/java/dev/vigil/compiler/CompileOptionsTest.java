package dev.vigil.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.CheckLevel;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CompileOptionsTest {
    /** `rate` over 1m: too short for the default 1m scrape interval, fine for 15s. */
    private static final String SERVICE = """
            service api {
              group api_rates every 1m {
                record job:http_requests:rate1m = sum by (job) (rate(http_requests_total[1m]))
              }
            }
            """;

    private static CompileResult compile(String text, CompileOptions options) {
        return Compiler.compile(List.of(new SourceFile("api.vigil", text)), options);
    }

    private static List<String> codes(CompileResult r) {
        return r.diagnostics().stream()
                .map(d -> d.code() + ":" + (d.isSuppressed() ? "suppressed" : d.severity().label())).toList();
    }

    @Test
    void theBuildsScrapeIntervalIsTheProjects() {
        assertTrue(codes(compile(SERVICE, CompileOptions.DEFAULT)).contains("Rate.WindowTooShort:warning"));
        CompileResult fast = compile(SERVICE, new CompileOptions(OptionalLong.of(15_000), Map.of()));
        assertEquals(List.of(), codes(fast));
        assertEquals(15_000, fast.project().orElseThrow().settings().scrapeIntervalMillis());
    }

    @Test
    void aScrapeIntervalInTheSourcesAndTheBuildIsAConflict() {
        CompileResult r = compile("settings {\n  scrape_interval 15s\n}\n" + SERVICE,
                new CompileOptions(OptionalLong.of(30_000), Map.of()));
        assertEquals(List.of("Property.Conflict:error"), codes(r));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(2, d.span().line());
        assertEquals(3, d.span().column());
        assertEquals("`scrape_interval` is set here and by the build (`30s`).", d.message());
        assertTrue(r.project().isEmpty());
    }

    @Test
    void theBuildsLevelsComeAfterTheProjectsChecksBlock() {
        String raised = "checks {\n  Rate.WindowTooShort error\n}\n" + SERVICE;
        assertTrue(compile(raised, CompileOptions.DEFAULT).project().isEmpty());

        CompileResult lowered = compile(raised, new CompileOptions(OptionalLong.empty(),
                Map.of("Rate.WindowTooShort", new CheckLevel(Severity.INFO, "a slow exporter"))));
        assertEquals(List.of("Rate.WindowTooShort:info"), codes(lowered));
        assertTrue(lowered.project().isPresent());

        CompileResult silenced = compile(raised, new CompileOptions(OptionalLong.empty(),
                Map.of("Rate", CheckLevel.off("scraped every 15s in production"))));
        assertEquals(List.of("Rate.WindowTooShort:suppressed"), codes(silenced));
        assertEquals("`Rate` is off: scraped every 15s in production", silenced.diagnostics().get(0).suppressed());
        assertTrue(silenced.project().isPresent());
    }

    @Test
    void turningACheckOffInTheSourcesNeedsAReason() {
        CompileResult bare = compile("checks {\n  Rate off\n}\n" + SERVICE, CompileOptions.DEFAULT);
        assertEquals(List.of("Suppression.MissingReason:error", "Rate.WindowTooShort:warning"), codes(bare));
        CompileResult reasoned = compile("checks {\n  Rate off \"scraped every 15s in production\"\n  Name error\n}\n"
                + SERVICE, CompileOptions.DEFAULT);
        assertEquals(List.of("Rate.WindowTooShort:suppressed"), codes(reasoned));
    }

    @Test
    void theBuildsTargetVersionsAreTheProjectsAndConflictWithTheSources() {
        String hook = "routing {\n  receiver hook webhook { url_file \"/etc/am/hook\" }\n  route default to hook\n}\n";
        CompileOptions older = new CompileOptions(OptionalLong.empty(), Map.of(),
                Map.of(dev.vigil.compiler.target.TargetVersions.Tool.ALERTMANAGER, dev.vigil.compiler.target.Version.of(0, 25)));
        assertEquals(List.of("Target.Unsupported:error"), codes(compile(hook, older)));
        CompileOptions newer = new CompileOptions(OptionalLong.empty(), Map.of(),
                Map.of(dev.vigil.compiler.target.TargetVersions.Tool.ALERTMANAGER, dev.vigil.compiler.target.Version.of(0, 26)));
        CompileResult r = compile(hook, newer);
        assertEquals(List.of(), codes(r));
        assertEquals("0.26", r.project().orElseThrow().settings().targets().alertmanager().toString());

        CompileResult both = compile("settings {\n  alertmanager_version \"0.27\"\n}\n" + hook, newer);
        assertEquals(List.of("Property.Conflict:error"), codes(both));
        assertEquals("`alertmanager_version` is set here and by the build (`0.26`).", both.diagnostics().get(0).message());
        assertEquals(2, both.diagnostics().get(0).span().line());
    }
}
