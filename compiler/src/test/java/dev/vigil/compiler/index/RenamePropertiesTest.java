package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Renames over the samples: a symbol of a kind that renames, picked at random, renamed to a fresh name;
 * the edited sources compile to the same diagnostics (by check, severity, file and line), and the index of
 * the result finds the symbol under its new name with as many definitions and references as before.
 */
class RenamePropertiesTest {
    private static final Path SAMPLES = Path.of(System.getProperty("vigil.repo", "..")).resolve("samples");
    private static final List<String> NAMES = List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "fleet", "vaultmesh");
    private static final Set<SymbolKind> RENAMED = EnumSet.of(SymbolKind.ALERT, SymbolKind.RECORDING_RULE,
            SymbolKind.CONSTANT, SymbolKind.RECEIVER, SymbolKind.PANEL, SymbolKind.TEMPLATE);
    private static final Map<String, Sample> LOADED = new ConcurrentHashMap<>();

    /** A compiled sample, and the symbols of it that a rename to a fresh name may edit. */
    record Sample(String name, Map<String, SourceFile> sources, CompileResult result, SymbolIndex index,
            List<Symbol> renameable) {
    }

    record Case(Sample sample, Symbol symbol, String newName) {
        @Override
        public String toString() {
            return sample.name() + ": " + symbol + " -> " + newName;
        }
    }

    static Sample sample(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            Map<String, SourceFile> sources = new LinkedHashMap<>();
            Path dir = SAMPLES.resolve(n).resolve("src/main/vigil");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".vigil")).sorted().toList()) {
                    String path = "samples/" + n + "/src/main/vigil/" + f.getFileName();
                    sources.put(path, new SourceFile(path, Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CompileResult result = Compiler.compile(new ArrayList<>(sources.values()));
            SymbolIndex index = SymbolIndex.of(result);
            List<Symbol> renameable = new ArrayList<>();
            for (Symbol s : index.symbols()) {
                if (RENAMED.contains(s.kind()) && index.rename(s, fresh(s, "x")) instanceof RenameResult.Edits) {
                    renameable.add(s);
                }
            }
            return new Sample(n, sources, result, index, List.copyOf(renameable));
        });
    }

    /** A name no sample has, in the style of the kind: CamelCase for alerts, a suffix elsewhere. */
    static String fresh(Symbol s, String suffix) {
        return s.kind() == SymbolKind.ALERT ? s.name() + "Renamed" + Character.toUpperCase(suffix.charAt(0))
                + suffix.substring(1) : s.name() + "_renamed_" + suffix;
    }

    @Provide
    Arbitrary<Case> renames() {
        Arbitrary<Sample> samples = Arbitraries.of(NAMES).map(RenamePropertiesTest::sample);
        return samples.flatMap(s -> Combinators.combine(Arbitraries.of(s.renameable()),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6))
                .as((symbol, suffix) -> new Case(s, symbol, fresh(symbol, suffix))));
    }

    @Property(tries = 40)
    void aRenameKeepsTheDiagnosticsAndTheReferences(@ForAll("renames") Case c) {
        SymbolIndex before = c.sample().index();
        RenameResult.Edits edits = (RenameResult.Edits) before.rename(c.symbol(), c.newName());
        assertEquals(before.occurrences(c.symbol()).size(), edits.count(), c::toString);
        Map<String, SourceFile> after = Workspace.apply(c.sample().sources(), edits);
        CompileResult compiled = Compiler.compile(new ArrayList<>(after.values()));
        assertEquals(Workspace.diagnosticKeys(c.sample().result()), Workspace.diagnosticKeys(compiled),
                () -> c + ": " + compiled.diagnostics());
        assertEquals(c.sample().result().project().isPresent(), compiled.project().isPresent(), c::toString);
        SymbolIndex index = SymbolIndex.of(compiled);
        Symbol renamed = c.symbol().renamed(c.newName());
        assertEquals(before.references(c.symbol(), false).size(), index.references(renamed, false).size(), c::toString);
        assertEquals(before.definitions(c.symbol()).size(), index.definitions(renamed).size(), c::toString);
        assertEquals(List.of(), index.occurrences(c.symbol()), c::toString);
    }

    /** Every sample compiles, and has symbols of several kinds a rename edits, so the property has cases to try. */
    @Example
    void everySampleHasSymbolsToRename() {
        for (String name : NAMES) {
            Sample s = sample(name);
            assertFalse(s.result().hasErrors(), () -> name + ": " + s.result().diagnostics());
            Set<SymbolKind> kinds = EnumSet.noneOf(SymbolKind.class);
            s.renameable().forEach(sym -> kinds.add(sym.kind()));
            assertTrue(kinds.size() >= 3, () -> name + " renames only " + kinds);
        }
    }

    /**
     * Where a rename of a sample's symbol is refused, it is for one of the reasons that stand for every name: a
     * library, a template's built or shared text, or the compiler's own generated names.
     */
    @Example
    void refusalsOnTheSamplesAreForTheTextNotTheName() {
        for (String name : NAMES) {
            Sample s = sample(name);
            for (Symbol sym : s.index().symbols()) {
                if (!RENAMED.contains(sym.kind()) || s.renameable().contains(sym)) {
                    continue;
                }
                String reason = ((RenameResult.Refused) s.index().rename(sym, fresh(sym, "x"))).reason();
                assertTrue(reason.contains("read-only") || reason.contains("is built by") || reason.contains("written once in")
                        || reason.contains("generated by the compiler"), () -> name + ": " + sym + ": " + reason);
            }
        }
    }

    /** Every occurrence written as the name is exactly the name in the text, so an edit of it renames nothing else. */
    @Example
    void everyWrittenOccurrenceIsTheNameInTheText() {
        for (String name : NAMES) {
            Sample s = sample(name);
            for (Symbol sym : s.index().symbols()) {
                for (Occurrence o : s.index().occurrences(sym)) {
                    if (o.form() == Occurrence.Form.WRITTEN) {
                        SourceText text = s.index().text(o.span().file());
                        assertEquals(sym.name(), text.slice(o.span()), () -> name + ": " + o);
                    }
                }
            }
        }
    }
}
