package dev.vigil.maven;

import dev.vigil.compiler.InputException;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.codehaus.plexus.build.BuildContext;

/**
 * Fails the build when a {@code .vigil} source is not formatted, naming the files and the command
 * that fixes them ({@code mvn vigil:fmt}). Runs in {@code validate} when an execution lists it.
 */
@Mojo(name = "fmt-check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class FmtCheckMojo extends AbstractVigilMojo {
    @Inject
    public FmtCheckMojo(BuildContext buildContext,
            org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        super(buildContext, legacyBuildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        run(this, true);
        getLog().info("Vigil fmt-check: all sources are formatted.");
    }

    /** Runs the formatter for either goal; problems are logged and fail the build. */
    static Formatting.Report run(AbstractVigilMojo mojo, boolean check) throws MojoExecutionException,
            MojoFailureException {
        Formatting.Report report;
        try {
            report = Formatting.run(mojo.baseDirectory.toPath(), mojo.sourceDirectory.toPath(), check);
        } catch (InputException e) {
            throw failure(e);
        } catch (IOException e) {
            throw crash(check ? "check the formatting" : "format the sources", e);
        }
        if (!report.problems().isEmpty()) {
            mojo.getLog().error("\n" + report.problems());
        }
        if (!report.failure().isEmpty()) {
            report.changed().forEach(f -> mojo.getLog().error("Not formatted: " + f));
            throw new MojoFailureException(report.failure());
        }
        return report;
    }
}
