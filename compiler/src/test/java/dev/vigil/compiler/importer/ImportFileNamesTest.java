package dev.vigil.compiler.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.importer.registry.Importers;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imported services never share a file, and no imported file has a device name. */
class ImportFileNamesTest {
    private static String group(String name, String job) {
        return "- name: " + name + "\n  rules:\n  - alert: " + name + "Down\n    expr: up{job=\"" + job + "\"} == 0\n"
                + "    for: 5m\n    labels: {severity: warning}\n";
    }

    @Test
    void jobsThatDifferOnlyInCaseAreOneServiceAndADeviceNameIsNoFileName() {
        String rules = "groups:\n" + group("A", "Api") + group("B", "api") + group("C", "con");
        ImportRun.Result r = ImportRun.run(Importers.all(), List.of(new SourceFile("rules.yml", rules)), "", false);
        assertEquals(List.of("api.vigil", "con_.vigil"), List.copyOf(r.files().keySet()), r.diagnostics().toString());
        // The service keeps its name, so the check still tells the user it cannot be a folder on Windows.
        assertEquals(List.of("Name.OutputPath"), r.diagnostics().stream().map(d -> d.code()).toList());
    }
}
