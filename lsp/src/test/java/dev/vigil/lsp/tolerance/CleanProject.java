package dev.vigil.lsp.tolerance;

import dev.vigil.compiler.index.Occurrence;
import dev.vigil.compiler.index.Symbol;
import dev.vigil.compiler.index.SymbolIndex;
import dev.vigil.compiler.index.SymbolKind;
import dev.vigil.lsp.harness.ServerHarness;
import dev.vigil.lsp.text.LineIndex;
import dev.vigil.lsp.workspace.Compilation;
import dev.vigil.lsp.workspace.ProjectResult;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * A sample as the server sees it undamaged: each file's outline, the names of its declarations (the
 * probes) with the server's hover and definition at each, and what each probe's hover is made of.
 */
final class CleanProject {
    /** The name of a declaration, written where it stands. */
    record Probe(String file, Position position, Symbol symbol) {
    }

    /**
     * A declaration: its file, its range there, and the range of the top-level declaration that holds it,
     * which the compiler leaves out whole when anything in it is damaged.
     */
    private record Place(String file, Range range, Range topLevel) {
    }

    private final Map<String, LineIndex> lines = new LinkedHashMap<>();
    private final Map<String, List<DocumentSymbol>> outlines = new HashMap<>();
    private final Map<String, String> byDisplay = new HashMap<>();
    private final Map<Probe, Requests.Answer> answers = new LinkedHashMap<>();
    private final Map<Probe, Set<Place>> parts = new HashMap<>();
    private final SymbolIndex index;

    CleanProject(ServerHarness h, Map<String, String> texts) {
        Compilation clean = h.awaitCompiled();
        ProjectResult result = null;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path file = h.root.resolve(e.getKey());
            result = clean.resultFor(file).orElseThrow();
            byDisplay.put(result.display(file).orElseThrow(), e.getKey());
            lines.put(e.getKey(), LineIndex.of(e.getValue()));
            outlines.put(e.getKey(), Requests.symbols(h, e.getKey()));
        }
        index = result.index();
        Set<String> seen = new HashSet<>();
        for (Symbol s : index.symbols()) {
            for (Occurrence d : index.definitions(s)) {
                String file = byDisplay.get(d.span().file());
                if (file != null && d.via() == null && d.form() == Occurrence.Form.WRITTEN && seen.add(d.span().toString())) {
                    Position start = lines.get(file).range(d.span()).getStart();
                    Probe p = new Probe(file, new Position(start.getLine(), start.getCharacter() + 1), s);
                    answers.put(p, Requests.ask(h, file, p.position()));
                }
            }
        }
    }

    List<DocumentSymbol> outline(String file) {
        return outlines.get(file);
    }

    List<Probe> probes() {
        return List.copyOf(answers.keySet());
    }

    Requests.Answer answer(Probe p) {
        return answers.get(p);
    }

    /** Whether the probe lies in a top-level declaration of its file that ends before {@code at}. */
    boolean inWholeDeclarationBefore(Probe p, int at) {
        LineIndex l = lines.get(p.file());
        int offset = l.offset(p.position());
        return outlines.get(p.file()).stream().anyMatch(s -> l.offset(s.getRange().getStart()) <= offset
                && offset < l.offset(s.getRange().getEnd()) && l.offset(s.getRange().getEnd()) <= at);
    }

    /**
     * Whether the probe's hover is made of something in a top-level declaration of {@code file} that does
     * not end before {@code at} (which the compiler leaves out whole): the declarations of its symbol, every
     * declaration they name (constants, metrics, recording rules, panels...) and so on down, and for an
     * alert the routing (its receivers) and the severities.
     */
    boolean dependsOn(Probe p, String file, int at) {
        LineIndex l = lines.get(file);
        return parts.computeIfAbsent(p, this::parts).stream()
                .anyMatch(x -> x.file().equals(file) && l.offset(x.topLevel().getEnd()) > at);
    }

    private Set<Place> parts(Probe p) {
        Set<Place> out = new LinkedHashSet<>();
        Deque<Place> todo = new ArrayDeque<>();
        for (Occurrence d : index.definitions(p.symbol())) {
            declaration(d).ifPresent(todo::add);
        }
        if (p.symbol().kind() == SymbolKind.ALERT) {
            outlines.forEach((file, symbols) -> symbols.stream()
                    .filter(s -> s.getName().equals("routing") || s.getName().equals("severities"))
                    .forEach(s -> todo.add(new Place(file, s.getRange(), s.getRange()))));
        }
        while (!todo.isEmpty()) {
            Place place = todo.poll();
            if (!out.add(place)) {
                continue;
            }
            String display = displayOf(place.file());
            LineIndex l = lines.get(place.file());
            for (Occurrence o : index.occurrencesIn(display)) {
                if (!o.isDefinition() && within(l.range(o.span()), place.range())) {
                    for (Occurrence d : index.definitions(o.symbol())) {
                        declaration(d).ifPresent(todo::add);
                    }
                }
            }
        }
        return out;
    }

    /** The innermost outline symbol around a definition: its declaration; empty in a library's file. */
    private java.util.Optional<Place> declaration(Occurrence d) {
        String file = byDisplay.get(d.span().file());
        if (file == null) {
            return java.util.Optional.empty();
        }
        Range name = lines.get(file).range(d.span());
        List<DocumentSymbol> level = outlines.get(file);
        DocumentSymbol innermost = null;
        DocumentSymbol top = null;
        while (level != null) {
            DocumentSymbol next = level.stream().filter(s -> within(name, s.getRange())).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            innermost = next;
            top = top == null ? next : top;
            level = next.getChildren();
        }
        if (innermost == null) {
            // Outside every outline symbol: the whole file, to be safe.
            Range all = new Range(new Position(0, 0), lines.get(file).position(lines.get(file).text().length()));
            return java.util.Optional.of(new Place(file, all, all));
        }
        return java.util.Optional.of(new Place(file, innermost.getRange(), top.getRange()));
    }

    private String displayOf(String file) {
        return byDisplay.entrySet().stream().filter(e -> e.getValue().equals(file)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    private static boolean within(Range inner, Range outer) {
        return !before(inner.getStart(), outer.getStart()) && !before(outer.getEnd(), inner.getEnd());
    }

    private static boolean before(Position x, Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }
}
