package dev.vigil.maven;

import org.codehaus.plexus.build.BuildContext;
import org.codehaus.plexus.build.DefaultBuildContext;

/** Decides whether diagnostics also go to an IDE as markers. */
final class Markers {
    private Markers() {
    }

    /**
     * The build context to add markers to, or null on the command line. There the contexts are the
     * plain defaults, which would only print every diagnostic a second time in the log.
     */
    static BuildContext ideContext(BuildContext context, org.sonatype.plexus.build.incremental.BuildContext legacy) {
        boolean defaults = (context == null || context.getClass() == DefaultBuildContext.class)
                && (legacy == null || legacy.getClass() == org.sonatype.plexus.build.incremental.DefaultBuildContext.class);
        return defaults ? null : context;
    }
}
