package dev.vigil.lsp.features;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.index.Occurrence;
import dev.vigil.compiler.index.Symbol;
import dev.vigil.compiler.index.SymbolIndex;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The symbols of every project, matched against the query without regard to case: names that start
 * with it first, then names that contain it, then names that hold its characters in order ({@code hrt}
 * finds {@code HighErrorRate}); ties in name order, then by file and position. At most {@value #LIMIT}
 * are returned.
 *
 * <p>Two sources, so that every name a project declares is found once: the outline of each file the
 * compilations read (the compiler's own parse of the text it read, so positions in files the editor has
 * not opened are right; the container is the enclosing outline symbol, such as an alert's group), and
 * the symbol index of each compilation for the names the outline does not show: those written in a
 * template's body or built by it ({@code "${service|pascal}Down"}), and those the compiler generates
 * (an SLO's alerts), each at the text it comes from, contained in its service, dashboard or template.
 */
final class WorkspaceSymbols implements Handler<WorkspaceSymbolParams,
        Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> {
    static final int LIMIT = 1000;

    private record Match(WorkspaceSymbol symbol, int rank, Range range) {
        String uri() {
            return symbol.getLocation().getLeft().getUri();
        }
    }

    private static final Comparator<Match> ORDER = Comparator.comparingInt(Match::rank)
            .thenComparing(m -> m.symbol().getName())
            .thenComparing(Match::uri)
            .thenComparingInt(m -> m.range().getStart().getLine())
            .thenComparingInt(m -> m.range().getStart().getCharacter())
            .thenComparing(m -> String.valueOf(m.symbol().getContainerName()));

    @Override
    public Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> handle(RequestContext context,
            WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery().strip().toLowerCase(Locale.ROOT);
        List<Match> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Path> done = new HashSet<>();
        for (ProjectResult r : context.compilation().results()) {
            Optional<CompileResult.Analysed> analysed = r.result().analysed();
            for (Path file : new TreeSet<>(r.files())) {
                Optional<String> display = r.display(file);
                Optional<LineIndex> lines = display.flatMap(r::lines);
                if (lines.isEmpty() || !done.add(file)) {
                    continue;
                }
                Optional<VigilFile> parsed = analysed.map(a -> a.files().get(display.get()));
                if (parsed.isEmpty()) {
                    parsed = context.snapshot().parsed(file, lines.get().text());
                }
                parsed.ifPresent(p -> collect(DocumentSymbols.symbols(p, lines.get()), null,
                        context.uris().apply(file), query, matches, seen));
            }
        }
        // An open document no compilation read yet: its outline at its current text.
        for (Path file : new TreeSet<>(context.snapshot().open().keySet())) {
            if (done.add(file)) {
                Optional<LineIndex> lines = context.lines(file);
                lines.flatMap(l -> context.snapshot().parsed(file, l.text())).ifPresent(p -> collect(
                        DocumentSymbols.symbols(p, lines.get()), null, context.uris().apply(file), query, matches, seen));
            }
        }
        Set<String> added = new HashSet<>();
        for (ProjectResult r : context.compilation().results()) {
            indexed(context, r, query, matches, seen, added);
        }
        matches.sort(ORDER);
        List<WorkspaceSymbol> out = matches.stream().limit(LIMIT).map(Match::symbol).toList();
        return Either.forRight(out);
    }

    private static void collect(List<DocumentSymbol> symbols, String container, String uri, String query,
            List<Match> out, Set<String> seen) {
        for (DocumentSymbol s : symbols) {
            seen.add(key(uri, s.getSelectionRange(), s.getName()));
            int rank = rank(s.getName().toLowerCase(Locale.ROOT), query);
            if (rank >= 0) {
                WorkspaceSymbol w = new WorkspaceSymbol(s.getName(), s.getKind(),
                        Either.forLeft(new Location(uri, s.getSelectionRange())), container);
                out.add(new Match(w, rank, s.getSelectionRange()));
            }
            if (s.getChildren() != null) {
                collect(s.getChildren(), s.getName(), uri, query, out, seen);
            }
        }
    }

    /** The index's definitions that no outline symbol stands for. */
    private static void indexed(RequestContext context, ProjectResult r, String query, List<Match> out, Set<String> seen,
            Set<String> added) {
        SymbolIndex index = r.index();
        for (Symbol s : index.symbols()) {
            int rank = rank(s.name().toLowerCase(Locale.ROOT), query);
            if (rank < 0) {
                continue;
            }
            for (Occurrence d : index.definitions(s)) {
                Optional<Path> file = d.inLibrary() ? Optional.empty() : r.path(d.span().file());
                Optional<Range> range = r.lines(d.span().file()).map(l -> l.range(d.span()));
                if (file.isEmpty() || range.isEmpty()) {
                    continue;
                }
                String uri = context.uris().apply(file.get());
                String container = container(s, d);
                String key = key(uri, range.get(), s.name());
                // Written where the outline shows it: listed already. Else once per name, place and container.
                if (!seen.contains(key) && added.add(key + '\u0000' + container)) {
                    WorkspaceSymbol w = new WorkspaceSymbol(s.name(), kind(s), Either.forLeft(new Location(uri,
                            range.get())), container);
                    out.add(new Match(w, rank, range.get()));
                }
            }
        }
    }

    private static String key(String uri, Range range, String name) {
        return uri + '\u0000' + range + '\u0000' + name;
    }

    private static String container(Symbol s, Occurrence d) {
        if (s.dashboard() != null) {
            return s.dashboard();
        }
        if (s.service() != null) {
            return s.service();
        }
        return d.via() != null && d.via().name() != null ? d.via().name() : null;
    }

    /** The outline's kinds, for the same things. */
    static SymbolKind kind(Symbol s) {
        return switch (s.kind()) {
            case CONSTANT -> SymbolKind.Constant;
            case METRIC -> SymbolKind.Field;
            case RECORDING_RULE -> SymbolKind.Variable;
            case ALERT -> SymbolKind.Event;
            case RECEIVER -> SymbolKind.Interface;
            case DASHBOARD -> SymbolKind.Class;
            case PANEL -> SymbolKind.Struct;
            case TIME_INTERVAL -> SymbolKind.Object;
            case TEMPLATE -> SymbolKind.Function;
        };
    }

    /** 0 for a prefix, 1 for a substring, 2 for the query's characters in order, -1 for no match. */
    static int rank(String name, String query) {
        if (name.startsWith(query)) {
            return 0;
        }
        if (name.contains(query)) {
            return 1;
        }
        int at = 0;
        for (int i = 0; i < name.length() && at < query.length(); i++) {
            if (name.charAt(i) == query.charAt(at)) {
                at++;
            }
        }
        return at == query.length() ? 2 : -1;
    }
}
