package dev.vigil.targets.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.target.Version;
import dev.vigil.targets.OutputDirectory;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.tools.ToolMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver types added since Alertmanager 0.25 (and the `*_file` secrets of older ones), as
 * Vigil writes them, judged by the real {@code amtool check-config} of each release at hand: an
 * amtool from the release Vigil gates the receiver on, or newer, accepts the configuration; an
 * older one refuses it; and compiling for the amtool's own release reports Target.Unsupported,
 * naming the release needed, exactly when that amtool refuses.
 *
 * <p>The amtools are those of the tool matrix: Alertmanager 0.25, 0.28 and 0.33.
 */
class AmtoolReceiversTest {
    private static final Pattern VERSION = Pattern.compile("version (\\d+\\.\\d+\\.\\d+)");

    @TempDir
    Path temp;

    /** One amtool and the release it checks for. */
    private record Amtool(Tool tool, Version release, String versionLine) {
        /**
         * Debian built Alertmanager 0.28.0 to 0.30.0 without Jira (0011-Disable-Jira-notification.patch,
         * dropped in 0.30.1+ds-1), so their amtool refuses `jira_configs` that upstream's accepts.
         */
        boolean lacks(String type) {
            return type.equals("jira") && versionLine.contains("debian") && release.atLeast(Version.of(0, 28))
                    && !release.atLeast(new Version(0, 30, 1));
        }
    }

    @TestFactory
    List<DynamicNode> eachAmtoolAcceptsExactlyTheReceiversItsReleaseHas() throws IOException {
        List<DynamicNode> out = new ArrayList<>();
        for (Amtool amtool : amtools()) {
            List<DynamicNode> cases = new ArrayList<>();
            int i = 0;
            for (NewerReceivers.Case c : NewerReceivers.ALL) {
                Path dir = temp.resolve(amtool.release() + "-" + i++);
                cases.add(DynamicTest.dynamicTest(c.type() + " (since " + c.since() + ")", () -> judge(amtool, c, dir)));
            }
            out.add(DynamicContainer.dynamicContainer("amtool " + amtool.release(), cases));
        }
        return out;
    }

    private static void judge(Amtool amtool, NewerReceivers.Case c, Path dir) throws IOException {
        // The output for the default target (the newest release), run through this amtool.
        Project project = Projects.compileText(c.project(""));
        OutputDirectory.commit(Projects.emit(project), dir);
        Tool.Result check = amtool.tool().run(List.of("check-config", dir.resolve(AlertmanagerEmitter.CONFIG).toString()));
        boolean has = amtool.release().atLeast(c.since());
        boolean accepts = has && !amtool.lacks(c.type());
        assertEquals(accepts, check.ok(), (accepts ? "amtool " + amtool.release() + " should accept " : "amtool "
                + amtool.release() + " should refuse ") + c.type() + ", which Vigil gates on " + c.since() + ":\n"
                + Files.readString(dir.resolve(AlertmanagerEmitter.CONFIG)) + check.report());
        if (!check.ok()) {
            // Refused for what it lacks, not for a mistake in what Vigil wrote.
            assertTrue(check.stdout().contains("not found in type"), check.report());
        }

        // The same receiver compiled for this amtool's release: refused by Vigil exactly when the release lacks it.
        String settings = "settings { alertmanager_version \"" + amtool.release().major() + "."
                + amtool.release().minor() + "\" }\n";
        CompileResult forRelease = Compiler.compile(List.of(new SourceFile("r.vigil", c.project(settings))));
        List<Diagnostic> unsupported = forRelease.diagnostics().stream()
                .filter(d -> d.code().equals("Target.Unsupported")).toList();
        if (has) {
            assertTrue(forRelease.project().isPresent(), forRelease.diagnostics().toString());
        } else {
            assertFalse(forRelease.project().isPresent(), "Target.Unsupported withholds the output");
            assertTrue(unsupported.stream().anyMatch(d -> d.message().endsWith(", new in " + c.since() + ".")),
                    "expected Target.Unsupported naming " + c.since() + ": " + unsupported);
        }
    }

    /** The amtool of every entry of the tool matrix (see docs/versions.md). */
    private static List<Amtool> amtools() {
        List<Amtool> out = new ArrayList<>();
        for (ToolMatrix.Entry entry : ToolMatrix.entries()) {
            out.add(identify(entry.amtool()));
        }
        return out;
    }

    private static Amtool identify(Tool tool) {
        Tool.Result r = tool.run(List.of("--version"));
        String text = r.stdout() + r.stderr();
        Matcher m = VERSION.matcher(text);
        assertTrue(r.ok() && m.find(), "cannot tell the release of " + tool.executable() + ":\n" + r.report());
        return new Amtool(tool, Version.parse(m.group(1)).orElseThrow(), text.lines().findFirst().orElse(""));
    }
}
