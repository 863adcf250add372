package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilationTest {
    /** `rate` over 1m: too short for a 1m scrape interval (two are needed), fine for 15s. */
    private static final String SERVICE = """
            service api {
              group api_rates every 1m {
                record job:http_requests:rate1m = sum by (job) (rate(http_requests_total[1m]))
              }
            }
            """;

    @TempDir
    Path project;

    private CompileRequest request(Optional<String> scrape, boolean strict, Map<String, String> overrides) {
        return new CompileRequest(project, project.resolve("src/main/vigil"), scrape, strict, overrides);
    }

    private void write(String text) throws Exception {
        Files.createDirectories(project.resolve("src/main/vigil"));
        Files.writeString(project.resolve("src/main/vigil/api.vigil"), text);
    }

    private static boolean reports(CompileResult r, String id, Severity severity) {
        return r.diagnostics().stream().anyMatch(d -> d.code().equals(id) && d.counts(severity));
    }

    @Test
    void noSourcesIsNothingToDo() throws Exception {
        assertTrue(Compilation.compile(request(Optional.empty(), false, Map.of())).isEmpty());
        Files.createDirectories(project.resolve("src/main/vigil"));
        assertTrue(Compilation.compile(request(Optional.empty(), false, Map.of())).isEmpty());
    }

    @Test
    void thePomsScrapeIntervalReachesTheChecks() throws Exception {
        write(SERVICE);
        CompileResult byDefault = Compilation.compile(request(Optional.empty(), false, Map.of())).orElseThrow();
        assertTrue(reports(byDefault, "Rate.WindowTooShort", Severity.WARNING), byDefault.diagnostics().toString());

        CompileResult fast = Compilation.compile(request(Optional.of("15s"), false, Map.of())).orElseThrow();
        assertFalse(reports(fast, "Rate.WindowTooShort", Severity.WARNING), fast.diagnostics().toString());
        assertEquals(15_000, fast.project().orElseThrow().settings().scrapeIntervalMillis());
        // Nothing is written into the project for it.
        assertFalse(Files.exists(project.resolve("target")));
    }

    @Test
    void aScrapeIntervalInBothPlacesIsAnErrorAtTheSourceLine() throws Exception {
        write("settings {\n  scrape_interval 15s\n}\n" + SERVICE);
        CompileResult r = Compilation.compile(request(Optional.of("30s"), false, Map.of())).orElseThrow();
        Diagnostic conflict = r.diagnostics().stream().filter(d -> d.code().equals("Property.Conflict")).findFirst()
                .orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
        assertEquals("src/main/vigil/api.vigil", conflict.span().file());
        assertEquals(2, conflict.span().line());
        assertEquals(3, conflict.span().column());
        assertTrue(conflict.message().startsWith("`scrape_interval` is set here and by the build (`30s`)"),
                conflict.message());
        assertTrue(r.project().isEmpty());
    }

    @Test
    void aScrapeIntervalThatIsNoDurationIsRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Compilation.scrapeMillis("fast"));
        assertTrue(e.getMessage().startsWith("scrapeInterval (vigil.scrapeInterval): "), e.getMessage());
        assertThrows(ConfigurationException.class, () -> Compilation.scrapeMillis("0s"));
    }

    @Test
    void overridesRaiseLowerAndSilence() throws Exception {
        write(SERVICE);
        CompileResult raised = Compilation.compile(request(Optional.empty(), false, Map.of("Rate.WindowTooShort", "error")))
                .orElseThrow();
        assertTrue(reports(raised, "Rate.WindowTooShort", Severity.ERROR));
        assertTrue(raised.project().isEmpty(), "an error withholds the project");

        CompileResult off = Compilation.compile(request(Optional.empty(), false,
                Map.of("Rate", "off scraped every 15s in production"))).orElseThrow();
        assertTrue(off.diagnostics().stream().filter(d -> d.inFamily("Rate")).allMatch(d -> d.isSuppressed()
                && d.suppressed().equals("`Rate` is off: scraped every 15s in production")), off.diagnostics().toString());
        assertTrue(off.project().isPresent());
    }

    @Test
    void loweringOrSilencingNeedsAReason() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Compilation.overrides(Map.of("Rate", "off")));
        assertTrue(e.getMessage().contains("`Rate` set to `off` needs a reason after the level"), e.getMessage());
    }

    @Test
    void thePomCanLowerAnErrorTheProjectRaised() throws Exception {
        write("checks {\n  Rate.WindowTooShort error\n}\n" + SERVICE);
        CompileResult raised = Compilation.compile(request(Optional.empty(), false, Map.of())).orElseThrow();
        assertTrue(reports(raised, "Rate.WindowTooShort", Severity.ERROR), raised.diagnostics().toString());
        assertTrue(raised.project().isEmpty());

        // The POM's level applies after the project's, before errors decide whether there is output.
        CompileResult lowered = Compilation.compile(request(Optional.empty(), false, Map.of("Rate.WindowTooShort", "warning a slow exporter")))
                .orElseThrow();
        assertTrue(reports(lowered, "Rate.WindowTooShort", Severity.WARNING), lowered.diagnostics().toString());
        assertTrue(lowered.project().isPresent(), lowered.diagnostics().toString());

        // A family key in the POM still wins over the project's exact id.
        CompileResult off = Compilation.compile(request(Optional.empty(), false, Map.of("Rate", "off scraped every 15s")))
                .orElseThrow();
        assertTrue(off.diagnostics().stream().filter(d -> d.inFamily("Rate")).allMatch(Diagnostic::isSuppressed),
                off.diagnostics().toString());
        assertTrue(off.project().isPresent());
    }

    @Test
    void strictTurnsWarningsIntoErrors() throws Exception {
        write(SERVICE);
        CompileResult strict = Compilation.compile(request(Optional.empty(), true, Map.of())).orElseThrow();
        assertTrue(strict.hasErrors());
        assertTrue(strict.diagnostics().stream().noneMatch(d -> d.severity() == Severity.WARNING));
    }

    @Test
    void unknownOverridesAreRefusedWithASuggestion() throws Exception {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Compilation.overrides(Map.of("Rate.WindowTooShrt", "error", "Naming", "loud")));
        assertTrue(e.getMessage().contains("no check is called `Rate.WindowTooShrt`; did you mean `Rate.WindowTooShort`?"),
                e.getMessage());
        assertTrue(e.getMessage().contains("`loud` for `Naming` is not a level"), e.getMessage());
        assertEquals(Severity.INFO, Compilation.overrides(Map.of("Naming", "info names predate the convention"))
                .get("Naming").severity());
    }

    @Test
    void theFailureMessageListsEveryDiagnosticWithItsPosition() throws Exception {
        write(SERVICE.replace("sum by (job)", "sum by (job) (") );
        CompileResult r = Compilation.compile(request(Optional.empty(), false, Map.of())).orElseThrow();
        assertTrue(r.hasErrors());
        String message = DiagnosticReport.failureMessage("src/main/vigil", r);
        for (Diagnostic d : r.diagnostics()) {
            if (d.isSuppressed()) {
                continue;
            }
            String expected = d.span().file() + ":" + d.span().line() + ":" + d.span().column() + ": "
                    + d.severity().label() + "[" + d.code() + "]";
            assertTrue(message.contains(expected), message);
        }
    }

    @Test
    void thePomsTargetVersionsReachTheChecksAndBadOnesAreRefused() throws Exception {
        write("routing {\n  receiver hook webhook { url_file \"/etc/am/hook\" }\n  route default to hook\n}\n");
        CompileRequest older = new CompileRequest(project, project.resolve("src/main/vigil"), Optional.empty(), false,
                Map.of(), Map.of(dev.vigil.compiler.target.TargetVersions.Tool.ALERTMANAGER, "0.25"));
        CompileResult pinned = Compilation.compile(older).orElseThrow();
        assertTrue(reports(pinned, "Target.Unsupported", Severity.ERROR), pinned.diagnostics().toString());
        assertTrue(older.describe().contains("targets={ALERTMANAGER=0.25}"), older.describe());

        // The default Alertmanager (0.33) reads url_file.
        CompileResult byDefault = Compilation.compile(request(Optional.empty(), false, Map.of())).orElseThrow();
        assertTrue(byDefault.project().isPresent(), byDefault.diagnostics().toString());

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Compilation.versions(
                Map.of(dev.vigil.compiler.target.TargetVersions.Tool.PROMETHEUS, "2.x")));
        assertEquals("prometheusVersion (vigil.prometheusVersion): `2.x` is not a Prometheus version such as `3.5`.",
                e.getMessage());
    }
}
