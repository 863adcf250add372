package dev.vigil.maven;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.diag.TextRenderer;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.codehaus.plexus.build.BuildContext;

/**
 * Checks the project's {@code .vigil} sources. Every diagnostic is logged as {@code vigil check}
 * prints it; errors fail the build with a message that lists each diagnostic with
 * {@code file:line:col} and its id; warnings are logged.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class CheckMojo extends AbstractVigilMojo {
    @Inject
    public CheckMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        super(buildContext, legacyBuildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Optional<CompileResult> compiled = compileSources("check");
        if (compiled.isEmpty()) {
            return;
        }
        CompileResult result = compiled.get();
        show(result);
        failOnErrors(result);
        getLog().info("Vigil check: " + (result.diagnostics().isEmpty() ? "no problems found"
                : TextRenderer.summary(result.diagnostics())));
    }
}
