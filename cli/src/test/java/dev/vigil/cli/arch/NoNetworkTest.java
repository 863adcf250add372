package dev.vigil.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md's promises that Vigil opens no network connection (but to the URL a user gives `vigil
 * import metrics`, in one class) and starts only the local tools it
 * names (promtool and amtool for `vigil test`, git for `vigil diff`), checked over every class of
 * every module the CLI runs.
 */
class NoNetworkTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The targets module's test jar (its tests' shared helpers, a test dependency here) is no product code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.vigil");

    @Test
    void noClassOpensANetworkConnection() {
        // The exception SECURITY.md names: `vigil import metrics --from URL` reads the URL the user gives.
        noClasses().that().doNotHaveFullyQualifiedName("dev.vigil.cli.MetricsFetch").should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .because("SECURITY.md promises that Vigil opens no network connection but to the URL of `import metrics`")
                .check(CLASSES);
    }

    @Test
    void onlyTheToolRunnerAndGitStartProcesses() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.vigil.targets.verify.ToolRunner")
                .and().doNotHaveFullyQualifiedName("dev.vigil.compiler.diff.GitTree")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .because("SECURITY.md promises that Vigil runs only the local promtool, amtool and git")
                .check(CLASSES);
    }
}
