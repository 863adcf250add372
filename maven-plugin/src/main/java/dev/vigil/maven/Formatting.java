package dev.vigil.maven;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.format.SourceFormatting;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code vigil:fmt} and {@code vigil:fmt-check} without Maven: what to log and whether to fail. */
final class Formatting {
    /** How to fix what {@code fmt-check} reports, named in its failure message. */
    static final String FIX = "run `mvn vigil:fmt` (or `./vigil fmt`)";

    private Formatting() {
    }

    /**
     * The result of one run: the files that needed formatting (rewritten unless checking), the
     * rendered diagnostics of files that do not parse, and the failure message, empty on success.
     */
    record Report(List<String> changed, String problems, String failure) {
        Report {
            changed = List.copyOf(changed);
        }
    }

    /** Formats the sources below {@code sourceDirectory}; with {@code check} nothing is written. */
    static Report run(Path baseDirectory, Path sourceDirectory, boolean check) throws InputException, IOException {
        if (!Files.isDirectory(sourceDirectory)) {
            return new Report(List.of(), "", "");
        }
        List<SourceFormatting.Outcome> outcomes =
                SourceFormatting.format(List.of(sourceDirectory), new SourceLoader(baseDirectory));
        List<String> changed = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, SourceFile> sources = new HashMap<>();
        for (SourceFormatting.Outcome o : outcomes) {
            sources.put(o.display(), o.result().source());
            problems.addAll(o.result().diagnostics());
            if (o.result().changed()) {
                changed.add(o.display());
                if (!check) {
                    SourceFormatting.write(o).ifPresent(problems::add);
                }
            }
        }
        String rendered = problems.isEmpty() ? "" : TextRenderer.render(problems, sources);
        String failure = "";
        if (!problems.isEmpty()) {
            failure = "Vigil cannot format files with errors (" + TextRenderer.summary(problems) + "); fix them first.";
        } else if (check && !changed.isEmpty()) {
            failure = "Vigil sources are not formatted: " + String.join(", ", changed) + "; " + FIX + ".";
        }
        return new Report(changed, rendered, failure);
    }
}
