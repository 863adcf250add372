package dev.vigil.cli;

import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.TextRenderer;
import dev.vigil.compiler.format.SourceFormatting;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "fmt",
        mixinStandardHelpOptions = true,
        description = "Format .vigil files in the one canonical style. Only layout changes: every token and comment "
                + "stays where it is. A file with syntax errors is reported and left alone.",
        footer = {"", "Examples:", "  vigil fmt src/main/vigil", "  vigil fmt --check --diff samples", "",
                "Exit status: 0 formatted (or, with --check, nothing to format), 1 files that need formatting or do"
                        + " not parse, 2 usage or I/O error."})
final class FmtCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories; a directory means every .vigil file below it, skipping target/, "
                    + "build/ and hidden directories.")
    List<Path> paths;

    @Option(names = "--check", description = "Change nothing; list the files that formatting would change and exit 1 "
            + "if there are any.")
    boolean check;

    @Option(names = "--diff", description = "Also print a unified diff of each change.")
    boolean diff;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SourceFormatting.Outcome> outcomes;
        try {
            outcomes = SourceFormatting.format(paths, SourceLoader.fromWorkingDirectory());
        } catch (InputException e) {
            err.println("vigil: " + e.getMessage());
            return VigilCommand.EXIT_USAGE;
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<Diagnostic> internal = new ArrayList<>();
        boolean unreadable = false;
        for (SourceFormatting.Outcome o : outcomes) {
            if (o.result().formatted().isEmpty()) {
                problems.addAll(o.result().diagnostics());
                unreadable |= o.result().diagnostics().stream().anyMatch(d -> d.code().equals(Ids.INPUT_UNREADABLE));
                continue;
            }
            if (!o.result().changed()) {
                continue;
            }
            changed.add(o.display());
            if (diff) {
                out.print(SourceFormatting.unifiedDiff(o.result()));
            }
            if (!check) {
                try {
                    Optional<Diagnostic> refused = SourceFormatting.write(o);
                    if (refused.isPresent()) {
                        changed.remove(o.display());
                        internal.add(refused.get());
                    }
                } catch (IOException e) {
                    err.println("vigil: cannot write " + o.display() + ": " + reason(e) + "; the file is unchanged");
                    return VigilCommand.EXIT_USAGE;
                }
            }
        }
        changed.forEach(f -> out.println((check ? "would format " : "formatted ") + f));
        if (!internal.isEmpty()) {
            out.flush();
            Map<String, SourceFile> sources = new java.util.HashMap<>();
            outcomes.forEach(o -> sources.put(o.display(), o.result().source()));
            err.print(TextRenderer.render(internal, sources));
            err.flush();
            return VigilCommand.EXIT_INTERNAL;
        }
        if (!problems.isEmpty()) {
            Map<String, SourceFile> sources = new java.util.HashMap<>();
            outcomes.forEach(o -> sources.put(o.display(), o.result().source()));
            out.print(TextRenderer.render(problems, sources));
            out.println(TextRenderer.summary(problems) + "; files with errors were left unchanged");
        }
        if (check && !changed.isEmpty()) {
            out.println(changed.size() + (changed.size() == 1 ? " file needs" : " files need")
                    + " formatting; run `vigil fmt " + String.join(" ", paths.stream().map(Path::toString).toList())
                    + "` to fix");
        }
        out.flush();
        if (unreadable) {
            return VigilCommand.EXIT_USAGE;
        }
        return !problems.isEmpty() || check && !changed.isEmpty() ? 1 : 0;
    }

    /** An I/O failure as the system words it, without the Java exception's name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : "I/O error";
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
