package dev.vigil.lsp.diagnostics;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.lsp.workspace.CompileScheduler;
import dev.vigil.lsp.workspace.Compilation;
import dev.vigil.lsp.workspace.Project;
import dev.vigil.lsp.workspace.ProjectResult;
import dev.vigil.lsp.workspace.ServerLog;
import dev.vigil.lsp.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Publishes each compilation's findings: the edited document's first, then every other file's, in
 * path order. Silenced findings are left out. A file whose findings are the same as last published is
 * not sent again (but for the edited document, whose new version the client waits to hear about),
 * and a file that no longer has any gets an empty list. A file may be read by two projects (a folder
 * inside another, a shared file imported from both): it gets the findings of both.
 */
public final class DiagnosticPublisher implements CompileScheduler.Listener {
    private final Consumer<PublishDiagnosticsParams> client;
    private final Supplier<DiagnosticConverter> converter;
    private final Function<Path, String> uris;
    private final ServerLog log;
    /** What each project last published, by file. */
    private final Map<Project, Map<Path, List<org.eclipse.lsp4j.Diagnostic>>> byProject = new HashMap<>();
    /** What the client was last sent, by file. */
    private final Map<Path, List<org.eclipse.lsp4j.Diagnostic>> sent = new HashMap<>();
    /** The last reason each project could not be read, so that it is logged once. */
    private final Map<Project, String> failures = new HashMap<>();

    public DiagnosticPublisher(Consumer<PublishDiagnosticsParams> client, Supplier<DiagnosticConverter> converter,
            Function<Path, String> uris, ServerLog log) {
        this.client = client;
        this.converter = converter;
        this.uris = uris;
        this.log = log;
    }

    @Override
    public synchronized void compiled(Compilation compilation, Set<Project> compiled, Set<Project> removed,
            Optional<Path> priority) {
        TreeSet<Path> touched = new TreeSet<>();
        for (Project p : removed) {
            Map<Path, List<org.eclipse.lsp4j.Diagnostic>> before = byProject.remove(p);
            if (before != null) {
                touched.addAll(before.keySet());
            }
        }
        DiagnosticConverter convert = converter.get();
        for (Project p : compiled) {
            ProjectResult result = compilation.byProject().get(p);
            Map<Path, List<org.eclipse.lsp4j.Diagnostic>> now = findings(result, convert);
            Map<Path, List<org.eclipse.lsp4j.Diagnostic>> before = byProject.put(p, now);
            if (before != null) {
                touched.addAll(before.keySet());
            }
            touched.addAll(now.keySet());
            // Said once, not at every keystroke; a folder without sources is no problem.
            String failure = result.failure().filter(f -> !f.startsWith("No .vigil files found")).orElse(null);
            if (failure != null && !failure.equals(failures.put(p, failure))) {
                log.warn("Cannot check " + p.input() + ": " + failure);
            } else if (failure == null) {
                failures.remove(p);
            }
        }
        List<Path> order = new ArrayList<>();
        priority.ifPresent(order::add);
        touched.stream().filter(p -> !order.contains(p)).forEach(order::add);
        for (Path file : order) {
            List<org.eclipse.lsp4j.Diagnostic> all = new ArrayList<>();
            for (Map<Path, List<org.eclipse.lsp4j.Diagnostic>> m : byProject.values()) {
                all.addAll(m.getOrDefault(file, List.of()));
            }
            boolean edited = priority.isPresent() && priority.get().equals(file);
            List<org.eclipse.lsp4j.Diagnostic> last = sent.get(file);
            if (!edited && (all.equals(last) || (last == null && all.isEmpty()))) {
                continue;
            }
            if (all.isEmpty()) {
                sent.remove(file);
            } else {
                sent.put(file, all);
            }
            PublishDiagnosticsParams params = new PublishDiagnosticsParams(uris.apply(file), all);
            versionOf(compilation, file).ifPresent(params::setVersion);
            client.accept(params);
        }
    }

    private static Optional<Integer> versionOf(Compilation compilation, Path file) {
        for (ProjectResult r : compilation.results()) {
            Optional<Integer> v = r.version(file);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** A project's reported findings by file, every file it read present (empty lists included). */
    private Map<Path, List<org.eclipse.lsp4j.Diagnostic>> findings(ProjectResult result, DiagnosticConverter convert) {
        Map<Path, List<org.eclipse.lsp4j.Diagnostic>> out = new LinkedHashMap<>();
        result.files().forEach(f -> out.put(f, new ArrayList<>()));
        for (Diagnostic d : result.result().diagnostics()) {
            if (d.isSuppressed()) {
                continue;
            }
            Optional<Path> file = result.path(d.span().file());
            if (file.isEmpty() || d.span().isNone()) {
                // A library's file or no place at all: the client has no document to show it on.
                log.warn(d.severity().label() + "[" + d.code() + "] " + d.span().file() + ": " + d.message());
                continue;
            }
            out.computeIfAbsent(file.get(), f -> new ArrayList<>()).add(convert.convert(d, result, uris));
        }
        return out;
    }

    /** The URI for a file as published: the one the client opened it under, else its {@code file:} URI. */
    public static Function<Path, String> uris(Supplier<dev.vigil.lsp.workspace.Snapshot> snapshot) {
        return p -> snapshot.get().document(p).map(d -> d.uri()).orElseGet(() -> Uris.toUri(p));
    }
}
