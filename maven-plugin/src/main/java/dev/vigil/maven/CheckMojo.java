package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.source.SourceLoader;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Validates the project's {@code .vigil} sources and fails the build on errors. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    /** Where the {@code .vigil} sources live. */
    @Parameter(property = "vigil.sourceDirectory", defaultValue = "${project.basedir}/src/main/vigil")
    private File sourceDirectory;

    /** The project base directory; diagnostics show paths relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /** Skips Vigil entirely. */
    @Parameter(property = "vigil.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Vigil is skipped (vigil.skip).");
            return;
        }
        if (!Files.isDirectory(sourceDirectory.toPath())) {
            getLog().info("No Vigil sources in " + sourceDirectory + "; nothing to check.");
            return;
        }
        CompileResult result;
        try {
            result = new Compiler(new SourceLoader(baseDirectory.toPath())).check(List.of(sourceDirectory.toPath()));
        } catch (InputException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (Diagnostic d : result.diagnostics()) {
            String rendered = TextRenderer.render(d, result.sources().get(d.span().file()));
            if (d.severity() == Severity.ERROR) {
                getLog().error(rendered);
            } else if (d.severity() == Severity.WARNING) {
                getLog().warn(rendered);
            } else {
                getLog().info(rendered);
            }
        }
        if (result.hasErrors()) {
            StringBuilder message = new StringBuilder("Vigil found errors in " + sourceDirectory + ":");
            for (Diagnostic d : result.diagnostics()) {
                if (d.isError()) {
                    message.append("\n  ").append(d.span().file()).append(':').append(d.span().line()).append(':')
                            .append(d.span().column()).append(' ').append(d.code()).append(": ").append(d.message());
                }
            }
            throw new MojoFailureException(message.toString());
        }
        getLog().info("Vigil: " + TextRenderer.summary(result.diagnostics()));
    }
}
