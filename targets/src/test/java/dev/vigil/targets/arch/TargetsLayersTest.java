package dev.vigil.targets.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Emitters render the lowered model and decide nothing the checks reason about: they may not reach
 * into the validators, the parser or ANTLR, and the packages of this module form no cycle.
 */
class TargetsLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil.targets");

    @Test
    void emittersDoNotValidateOrParse() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.vigil.compiler.validate..",
                "dev.vigil.compiler.parse..", "dev.vigil.compiler.lowering..", "dev.vigil.grammar..", "org.antlr..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.vigil.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
