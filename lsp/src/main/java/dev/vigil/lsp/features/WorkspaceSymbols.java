package dev.vigil.lsp.features;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Every file's outline symbols, matched against the query without regard to case: names that start
 * with it first, then names that contain it, then names that hold its characters in order ({@code hrt}
 * finds {@code HighErrorRate}). At most {@value #LIMIT} are returned. The files are the ones the
 * latest compilation read and the open documents, at their current text.
 */
final class WorkspaceSymbols implements Handler<WorkspaceSymbolParams,
        Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> {
    static final int LIMIT = 1000;

    private record Match(WorkspaceSymbol symbol, int rank) {
    }

    @Override
    public Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> handle(RequestContext context,
            WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery().strip().toLowerCase(Locale.ROOT);
        TreeSet<Path> files = new TreeSet<>(context.snapshot().open().keySet());
        for (ProjectResult r : context.compilation().results()) {
            files.addAll(r.files());
        }
        List<Match> matches = new ArrayList<>();
        for (Path file : files) {
            Optional<LineIndex> lines = context.lines(file);
            Optional<VigilFile> parsed = lines.flatMap(l -> context.snapshot().parsed(file, l.text()));
            if (parsed.isEmpty()) {
                continue;
            }
            String uri = context.uris().apply(file);
            collect(DocumentSymbols.symbols(parsed.get(), lines.get()), null, uri, query, matches);
        }
        matches.sort(Comparator.comparingInt(Match::rank).thenComparing(m -> m.symbol().getName()));
        List<WorkspaceSymbol> out = matches.stream().limit(LIMIT).map(Match::symbol).toList();
        return Either.forRight(out);
    }

    private static void collect(List<DocumentSymbol> symbols, String container, String uri, String query, List<Match> out) {
        for (DocumentSymbol s : symbols) {
            int rank = rank(s.getName().toLowerCase(Locale.ROOT), query);
            if (rank >= 0) {
                WorkspaceSymbol w = new WorkspaceSymbol(s.getName(), s.getKind(),
                        Either.forLeft(new Location(uri, s.getSelectionRange())), container);
                out.add(new Match(w, rank));
            }
            if (s.getChildren() != null) {
                collect(s.getChildren(), s.getName(), uri, query, out);
            }
        }
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
