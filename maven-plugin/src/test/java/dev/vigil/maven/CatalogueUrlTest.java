package dev.vigil.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.KubernetesMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POM's {@code catalogueUrl} ({@code vigil.catalogueUrl}): the catalogue turned on by the build, as the CLI's {@code --catalogue-url}. */
class CatalogueUrlTest {
    private static final String SERVICE = """
            service api {
              group api_alerts {
                alert ApiDown { when up{job="api"} == 0  for 5m  severity warning  summary "The API is down" }
              }
            }
            """;

    @TempDir
    Path project;

    private CompileRequest request(Optional<String> catalogueUrl) {
        return new CompileRequest(project, project.resolve("src/main/vigil"), Optional.empty(), false, Map.of(), Map.of(),
                List.of(), KubernetesMetadata.Metadata.EMPTY, KubernetesMetadata.ResourcesByBuild.NONE, catalogueUrl);
    }

    private void write(String text) throws Exception {
        Files.createDirectories(project.resolve("src/main/vigil"));
        Files.writeString(project.resolve("src/main/vigil/api.vigil"), text);
    }

    @Test
    void theUrlTurnsTheCatalogueOnAndChangesTheRunbookUrl() throws Exception {
        write(SERVICE);
        CompileResult off = Compilation.compile(request(Optional.empty())).orElseThrow();
        assertNull(off.project().orElseThrow().settings().catalogue());

        CompileResult on = Compilation.compile(request(Optional.of(" https://catalogue.example.com/ops/ "))).orElseThrow();
        assertFalse(on.hasErrors(), on.diagnostics().toString());
        assertEquals("https://catalogue.example.com/ops/", on.project().orElseThrow().settings().catalogue().baseUrl());
    }

    @Test
    void aUrlThatIsNotAWebAddressIsAConfigurationError() throws Exception {
        write(SERVICE);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Compilation.compile(request(Optional.of("ftp://x"))));
        assertEquals("catalogueUrl is not a web address: it has the scheme `ftp:`, not `https:` or `http:`.", e.getMessage());
    }

    @Test
    void theUrlAndTheSourcesBaseUrlTogetherAreAConflictAtTheSourceLine() throws Exception {
        write("catalogue {\n  base_url \"https://from-sources.example/\"\n}\n" + SERVICE);
        CompileResult r = Compilation.compile(request(Optional.of("https://x.example/"))).orElseThrow();
        Diagnostic conflict = r.diagnostics().stream().filter(d -> d.code().equals("Property.Conflict")).findFirst()
                .orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
        assertEquals("src/main/vigil/api.vigil", conflict.span().file());
        assertEquals(2, conflict.span().line());
        assertTrue(conflict.message().startsWith("`base_url` is set here and by the build (`https://x.example/`)"),
                conflict.message());
        assertTrue(r.project().isEmpty());
    }

    @Test
    void theUrlIsPartOfWhatMakesTheOutputStale() {
        assertNotEquals(request(Optional.empty()).describe(), request(Optional.of("https://x.example/")).describe());
        assertNotEquals(request(Optional.of("https://x.example/")).describe(),
                request(Optional.of("https://y.example/")).describe());
        assertEquals(request(Optional.empty()).describe(), request(Optional.of("  ")).describe());
    }
}
