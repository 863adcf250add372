package dev.vigil.lsp.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The language server sits on the compiler (and may use the targets), never the other way round; it
 * never writes to standard output, which carries the protocol; its packages form no cycle, with the
 * features above the workspace and diagnostics, so a feature is added without touching them.
 */
class LspLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil.lsp");

    @Test
    void theServerUsesOnlyTheCompilerTargetsGrammarAndLsp4j() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.vigil.cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void nothingWritesToStandardOutput() {
        noClasses().should().accessField(System.class, "out")
                .because("standard output carries JSON-RPC and nothing else").check(CLASSES);
    }

    @Test
    void workspaceAndDiagnosticsDoNotKnowTheFeatures() {
        noClasses().that().resideInAnyPackage("dev.vigil.lsp.workspace..", "dev.vigil.lsp.diagnostics..",
                "dev.vigil.lsp.text..").should().dependOnClassesThat().resideInAnyPackage("dev.vigil.lsp.features..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.vigil.lsp.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
