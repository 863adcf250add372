package dev.vigil.compiler.index;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.lowering.Lowering;
import dev.vigil.compiler.lowering.TemplateExpansion;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every definition and reference of a project's named things, built once per compilation: constants,
 * metrics, recording rules, alerts, receivers, dashboards, panels, time intervals and templates, each
 * resolved by the compiler's own rules (see {@link Symbol} for where names are unique). Positions are
 * the compiler's: a file's path as its {@link SourceFile} has it, 1-based lines and 1-based columns in
 * code points. It answers what stands at a position, where it is defined and used, how to rename it
 * ({@link #prepareRename}, {@link #rename}) and what to show on hover ({@link #hover}).
 *
 * <p>It needs only the parsed files: when the compilation has no project (because of errors), the model
 * is built from them again as far as it goes, and without it hovers say less. Building is linear in the
 * project's size; lookups by position read one line's occurrences, lookups by symbol are hash lookups.
 * Navigation and rename are safe from several threads; {@link #hover} is serialised, since label
 * inference memoises as it goes.
 */
public final class SymbolIndex {
    private final Map<String, SourceText> texts;
    private final Map<Symbol, List<Occurrence>> bySymbol = new LinkedHashMap<>();
    private final Map<String, Map<Integer, List<Occurrence>>> byLine = new HashMap<>();
    private final Map<String, List<Symbol>> byName = new HashMap<>();
    private final IndexBuilder.Result data;
    private final Project model;
    private final Hovers hovers;

    private SymbolIndex(Map<String, SourceText> texts, IndexBuilder.Result data, Project model) {
        this.texts = texts;
        this.data = data;
        this.model = model;
        for (Map.Entry<Symbol, Map<Span, Occurrence>> e : data.occurrences().entrySet()) {
            List<Occurrence> list = new ArrayList<>(e.getValue().values());
            list.sort(Comparator.comparing(Occurrence::span));
            bySymbol.put(e.getKey(), List.copyOf(list));
            byName.computeIfAbsent(key(e.getKey().kind(), e.getKey().name()), k -> new ArrayList<>()).add(e.getKey());
            for (Occurrence o : list) {
                Map<Integer, List<Occurrence>> lines = byLine.computeIfAbsent(o.span().file(), k -> new HashMap<>());
                for (int l = o.span().line(); l <= Math.max(o.span().line(), o.span().endLine()); l++) {
                    lines.computeIfAbsent(l, k -> new ArrayList<>()).add(o);
                }
            }
        }
        this.hovers = new Hovers(this);
    }

    // ------------------------------------------------------------ building

    /**
     * The index of a compilation: its sources are parsed again for what template expansion leaves out
     * ({@code use} sites), and its project is used when there is one.
     */
    public static SymbolIndex of(CompileResult result) {
        // The compiler's own parse and model, kept despite errors: nothing is parsed or built a second time.
        if (result.analysed().isPresent()) {
            CompileResult.Analysed analysed = result.analysed().get();
            return of(result.sources(), new ArrayList<>(analysed.files().values()), Optional.of(analysed.model()));
        }
        return of(result.sources(), parse(result.sources()), result.project());
    }

    /**
     * The index of parsed files ({@code parsed}, as the parser gives them, before template expansion) with
     * their sources, and the compiled project when there is one; without it the model is built here from the
     * files, as far as it goes.
     */
    public static SymbolIndex of(Map<String, SourceFile> sources, List<VigilFile> parsed, Optional<Project> project) {
        List<VigilFile> files = new ArrayList<>(parsed);
        files.sort(Comparator.comparing(VigilFile::path));
        Map<String, SourceText> texts = new HashMap<>();
        sources.forEach((path, source) -> texts.put(path, new SourceText(source)));
        List<VigilFile> expanded = project.filter(p -> !p.files().isEmpty()).map(Project::files).orElse(null);
        if (expanded == null) {
            expanded = expand(files);
        }
        Project model = project.orElse(null);
        if (model == null) {
            model = model(expanded);
        }
        IndexBuilder.Result data = new IndexBuilder(texts, model).build(expanded, files);
        return new SymbolIndex(texts, data, model);
    }

    /** Each source parsed on its own, what is complete of it after syntax errors too (its errors are the compiler's). */
    static List<VigilFile> parse(Map<String, SourceFile> sources) {
        List<VigilFile> out = new ArrayList<>();
        for (SourceFile s : sources.values()) {
            try {
                out.add(VigilSourceParser.parseTolerant(s, new DiagnosticSink()).file());
            } catch (RuntimeException e) {
                // The compiler reports what it cannot parse; the index goes without the file.
            }
        }
        return out;
    }

    private static List<VigilFile> expand(List<VigilFile> files) {
        try {
            return TemplateExpansion.expand(files, new DiagnosticSink());
        } catch (RuntimeException e) {
            return files;
        }
    }

    /** The lowered model, as the compiler builds it, whatever its checks would say; null when it cannot be built. */
    private static Project model(List<VigilFile> expanded) {
        try {
            DiagnosticSink ignored = new DiagnosticSink();
            return Lowering.lower(ModelBuilder.build(expanded, ignored), ignored);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------ symbols

    /** Every symbol, in the order first seen. */
    public Set<Symbol> symbols() {
        return Collections.unmodifiableSet(bySymbol.keySet());
    }

    /** The symbols of a kind with a name, in every scope (a dashboard name may be in several services). */
    public List<Symbol> named(SymbolKind kind, String name) {
        return List.copyOf(byName.getOrDefault(key(kind, name), List.of()));
    }

    private static String key(SymbolKind kind, String name) {
        return kind.name() + '\u0000' + name;
    }

    /** Every occurrence of the symbol, definitions and references, in source order; empty for an unknown one. */
    public List<Occurrence> occurrences(Symbol symbol) {
        return bySymbol.getOrDefault(symbol, List.of());
    }

    public List<Occurrence> definitions(Symbol symbol) {
        return occurrences(symbol).stream().filter(Occurrence::isDefinition).toList();
    }

    /** The references, with the definitions too when {@code includeDeclaration}. */
    public List<Occurrence> references(Symbol symbol, boolean includeDeclaration) {
        return occurrences(symbol).stream().filter(o -> includeDeclaration || !o.isDefinition()).toList();
    }

    /** Every occurrence in a file, in source order: for document symbols and semantic tokens. */
    public List<Occurrence> occurrencesIn(String file) {
        Set<Occurrence> seen = new LinkedHashSet<>();
        byLine.getOrDefault(file, Map.of()).values().forEach(seen::addAll);
        List<Occurrence> out = new ArrayList<>(seen);
        out.sort(Comparator.comparing(Occurrence::span));
        return out;
    }

    /**
     * The occurrences at a position: the names that contain it, else a name that ends just before it (a
     * cursor after the last letter), else a constant whose {@code $} it is on. Several when one text stands
     * for several symbols, as a template's text does for each expansion.
     */
    public List<Occurrence> occurrencesAt(String file, int line, int column) {
        List<Occurrence> onLine = byLine.getOrDefault(file, Map.of()).getOrDefault(line, List.of());
        List<Occurrence> inside = new ArrayList<>();
        List<Occurrence> after = new ArrayList<>();
        List<Occurrence> dollar = new ArrayList<>();
        for (Occurrence o : onLine) {
            Span s = o.span();
            if (contains(s, line, column)) {
                inside.add(o);
            } else if (s.endLine() == line && s.endColumn() == column) {
                after.add(o);
            } else if (o.symbol().kind() == SymbolKind.CONSTANT && s.line() == line && s.column() == column + 1
                    && !o.isDefinition()) {
                dollar.add(o);
            }
        }
        return !inside.isEmpty() ? inside : !after.isEmpty() ? after : dollar;
    }

    static boolean contains(Span s, int line, int column) {
        boolean startsBefore = s.line() < line || s.line() == line && s.column() <= column;
        boolean endsAfter = s.endLine() > line || s.endLine() == line && s.endColumn() > column;
        return startsBefore && endsAfter;
    }

    /** The distinct symbols at a position, see {@link #occurrencesAt}. */
    public List<Symbol> symbolsAt(String file, int line, int column) {
        Set<Symbol> out = new LinkedHashSet<>();
        occurrencesAt(file, line, column).forEach(o -> out.add(o.symbol()));
        return List.copyOf(out);
    }

    public Optional<Symbol> symbolAt(String file, int line, int column) {
        return symbolsAt(file, line, column).stream().findFirst();
    }

    /** Go to definition: the definitions of every symbol at the position. */
    public List<Occurrence> definitionsAt(String file, int line, int column) {
        List<Occurrence> out = new ArrayList<>();
        Set<Span> seen = new java.util.HashSet<>();
        for (Symbol s : symbolsAt(file, line, column)) {
            for (Occurrence d : definitions(s)) {
                if (seen.add(d.span())) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** Find references: those of every symbol at the position, with the definitions too when {@code includeDeclaration}. */
    public List<Occurrence> referencesAt(String file, int line, int column, boolean includeDeclaration) {
        List<Occurrence> out = new ArrayList<>();
        Set<Span> seen = new java.util.HashSet<>();
        for (Symbol s : symbolsAt(file, line, column)) {
            for (Occurrence o : references(s, includeDeclaration)) {
                if (seen.add(o.span())) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::span));
        return out;
    }

    /** Document highlights: the occurrences in this file of every symbol at the position, in source order. */
    public List<Occurrence> highlights(String file, int line, int column) {
        List<Occurrence> out = new ArrayList<>();
        Set<Span> seen = new java.util.HashSet<>();
        for (Symbol s : symbolsAt(file, line, column)) {
            for (Occurrence o : occurrences(s)) {
                if (o.span().file().equals(file) && seen.add(o.span())) {
                    out.add(o);
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::span));
        return out;
    }

    // ------------------------------------------------------------ rename and hover

    /** Whether the name at the position can be renamed: its range, or why not. */
    public PrepareRename prepareRename(String file, int line, int column) {
        return new Renamer(this).prepare(file, line, column);
    }

    /** The edits that rename {@code symbol} to {@code newName} in every file, or why it cannot be. */
    public RenameResult rename(Symbol symbol, String newName) {
        return new Renamer(this).rename(symbol, newName);
    }

    /** What to show for the position: the symbol there and the query there, each as data and Markdown. */
    public synchronized Optional<Hover> hover(String file, int line, int column) {
        return hovers.at(file, line, column);
    }

    // ------------------------------------------------------------ for the package

    IndexBuilder.Result data() {
        return data;
    }

    /** The lowered model the index was built with, or null. */
    Project model() {
        return model;
    }

    SourceText text(String file) {
        return texts.get(file);
    }
}
