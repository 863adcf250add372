package dev.vigil.compiler.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The compiler's stages depend only on earlier ones: grammar, parse, ast, model, lowering, analysis,
 * validate, then the front ends (lint, the YAML readers, {@code Compiler}, the editors' symbol index). Values
 * (source spans, the secret detector, diagnostics), the embedded languages (PromQL, Go templates, RE2) and the target releases with
 * their features sit below all of them. What a
 * later stage decides can then never leak back into an earlier one, and no package cycle can form.
 */
class LayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vigil.compiler", "dev.vigil.grammar");

    @Test
    void stagesDependOnlyOnEarlierStages() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Source").definedBy("dev.vigil.compiler.source..", "dev.vigil.compiler.secret..")
                .layer("Diag").definedBy("dev.vigil.compiler.diag..")
                .layer("Languages").definedBy("dev.vigil.compiler.promql..", "dev.vigil.compiler.template..",
                        "dev.vigil.compiler.regex..", "dev.vigil.compiler.target..")
                .layer("Grammar").definedBy("dev.vigil.grammar..")
                .layer("Ast").definedBy("dev.vigil.compiler.ast..")
                .layer("Parse").definedBy("dev.vigil.compiler.parse..")
                .layer("Model").definedBy("dev.vigil.compiler.model..")
                .layer("Lowering").definedBy("dev.vigil.compiler.lowering..")
                .layer("Analysis").definedBy("dev.vigil.compiler.analysis..", "dev.vigil.compiler.routing..")
                .layer("Validate").definedBy("dev.vigil.compiler.validate..")
                .layer("Front").definedBy("dev.vigil.compiler", "dev.vigil.compiler.lint..", "dev.vigil.compiler.yaml..",
                        "dev.vigil.compiler.golden..", "dev.vigil.compiler.importer..", "dev.vigil.compiler.diff..",
                        "dev.vigil.compiler.format..", "dev.vigil.compiler.coverage..", "dev.vigil.compiler.index..")
                .whereLayer("Source").mayNotAccessAnyLayer()
                .whereLayer("Diag").mayOnlyAccessLayers("Source")
                .whereLayer("Languages").mayOnlyAccessLayers("Source", "Diag")
                // A template body is built again for each expansion, reporting into the sink it is given.
                .whereLayer("Ast").mayOnlyAccessLayers("Source", "Diag", "Languages")
                .whereLayer("Parse").mayOnlyAccessLayers("Source", "Diag", "Languages", "Grammar", "Ast")
                .whereLayer("Model").mayOnlyAccessLayers("Source", "Diag", "Languages", "Ast")
                .whereLayer("Lowering").mayOnlyAccessLayers("Source", "Diag", "Languages", "Ast", "Parse", "Model")
                .whereLayer("Analysis").mayOnlyAccessLayers("Source", "Diag", "Languages", "Ast", "Model")
                .whereLayer("Validate").mayOnlyAccessLayers("Source", "Diag", "Languages", "Ast", "Model", "Analysis")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.vigil.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void antlrStaysInTheParser() {
        noClasses().that().resideOutsideOfPackages("dev.vigil.compiler.parse..", "dev.vigil.grammar..")
                .should().dependOnClassesThat().resideInAPackage("org.antlr..").check(CLASSES);
    }
}
