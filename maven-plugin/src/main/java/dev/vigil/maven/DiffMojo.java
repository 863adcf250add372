package dev.vigil.maven;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diff.DiffInputs;
import dev.vigil.compiler.diff.DiffJson;
import dev.vigil.compiler.diff.DiffReport;
import dev.vigil.compiler.diff.DiffText;
import dev.vigil.compiler.diff.Impact;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.build.BuildContext;

/**
 * Compares the project's {@code .vigil} sources with the same directory at a git revision, as
 * {@code vigil diff --git REV} does: {@code mvn vigil:diff -Dvigil.diff.base=main}. The report is
 * logged and, with {@code output}, written to a file (Markdown for a pull-request comment).
 */
@Mojo(name = "diff", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class DiffMojo extends AbstractVigilMojo {
    /** The git revision to compare with: a branch, tag or commit. */
    @Parameter(property = "vigil.diff.base")
    String base;

    /** {@code text}, {@code markdown} or {@code json}. */
    @Parameter(property = "vigil.diff.format", defaultValue = "text")
    String format;

    /** A file to write the report to, in {@code format}, besides the log. */
    @Parameter(property = "vigil.diff.output")
    File output;

    /** {@code never}, or {@code breaking}: fail the build on a removed alert, a broken reference or a page-level alert that loses a receiver. */
    @Parameter(property = "vigil.diff.failOn", defaultValue = "never")
    String failOn;

    @Inject
    public DiffMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        super(buildContext, legacyBuildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        String style = format == null ? "text" : format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("text", "markdown", "json").contains(style)) {
            throw new MojoFailureException("vigil.diff.format: `" + format + "` is not a format; use text, markdown or json.");
        }
        if (!List.of("never", "breaking").contains(failOn)) {
            throw new MojoFailureException("vigil.diff.failOn: `" + failOn + "` is not known; use never or breaking.");
        }
        DiffInputs.Outcome outcome;
        try {
            outcome = DiffRun.compare(compileRequest(), base);
        } catch (ConfigurationException e) {
            throw failure(e);
        } catch (InputException e) {
            throw failure(e);
        }
        if (outcome.report().isEmpty()) {
            for (DiffInputs.Compiled side : List.of(outcome.before(), outcome.after())) {
                if (side.result().hasErrors()) {
                    show(side.result());
                    throw new MojoFailureException("Vigil diff: " + side.label() + " does not compile; see the "
                            + "diagnostics above.");
                }
            }
        }
        DiffReport report = outcome.report().orElseThrow();
        String text = DiffText.text(report);
        text.lines().forEach(getLog()::info);
        if (output != null) {
            write(output.toPath(), switch (style) {
                case "markdown" -> DiffText.markdown(report);
                case "json" -> DiffJson.render(report);
                default -> text;
            });
        }
        if (failOn.equals("breaking") && report.breaking()) {
            throw new MojoFailureException("Vigil diff: breaking changes against " + base + ":\n" + report.impacts()
                    .stream().filter(Impact::breaking).map(i -> "  " + i.message()).collect(Collectors.joining("\n")));
        }
    }

    /** Writes beside the target first and moves it into place, so a reader never sees half a report. */
    private static void write(Path target, String content) throws MojoExecutionException {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".vigil-diff", ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw crash("write the diff to " + target, e);
        }
    }
}
