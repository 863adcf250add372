package dev.vigil.targets.properties;

import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.build.Build;
import java.nio.file.Path;

/**
 * The main class {@link AnotherProcessDeterminismTest} starts: builds each {@code name=sources} argument
 * into {@code <out>/<name>}, through {@link Build#run} as `vigil build` does, relative to this process's
 * own working directory. Exits 1 when a build fails.
 */
public final class BuildInAnotherProcess {
    private BuildInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int status = 0;
        for (int i = 1; i < args.length; i++) {
            String[] sample = args[i].split("=", 2);
            Build.Result r = Build.run(Path.of(sample[1]), out.resolve(sample[0]), EmitSettings.DEFAULT);
            if (!r.succeeded()) {
                System.out.println(sample[0] + ": " + r.compilation().diagnostics());
                status = 1;
            }
        }
        System.exit(status);
    }
}
