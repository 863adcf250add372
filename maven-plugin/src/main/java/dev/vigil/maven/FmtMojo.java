package dev.vigil.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.codehaus.plexus.build.BuildContext;

/**
 * Formats the project's {@code .vigil} sources in place, as {@code vigil fmt} does: the {@code apply}
 * to {@code fmt-check}'s {@code check}. Files that do not parse are left alone and fail the build.
 */
@Mojo(name = "fmt", threadSafe = true)
public final class FmtMojo extends AbstractVigilMojo {
    @Inject
    public FmtMojo(BuildContext buildContext, org.sonatype.plexus.build.incremental.BuildContext legacyBuildContext) {
        super(buildContext, legacyBuildContext);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        Formatting.Report report = FmtCheckMojo.run(this, false);
        report.changed().forEach(f -> getLog().info("Formatted " + f));
        getLog().info("Vigil fmt: " + report.changed().size() + " file(s) formatted.");
    }
}
