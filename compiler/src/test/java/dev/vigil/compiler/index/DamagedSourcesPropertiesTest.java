package dev.vigil.compiler.index;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * An editor asks about half-typed files: a sample with one file cut short or with lines taken out is indexed,
 * and every question at any position of it is answered without an exception, whatever the compiler made of it.
 */
class DamagedSourcesPropertiesTest {
    private static final List<String> NAMES = List.of("aetherlink", "aurigraph", "crm-events", "dwcp", "fleet", "vaultmesh");

    @Property(tries = 20)
    void everyQuestionIsAnsweredOnDamagedSources(@ForAll @IntRange(min = 0, max = 5) int sample, @ForAll long seed) {
        Random random = new Random(seed);
        Map<String, SourceFile> sources = new LinkedHashMap<>(RenamePropertiesTest.sample(NAMES.get(sample)).sources());
        List<String> paths = new ArrayList<>(sources.keySet());
        String path = paths.get(random.nextInt(paths.size()));
        String text = sources.get(path).text();
        String damaged;
        if (random.nextBoolean()) {
            damaged = text.substring(0, random.nextInt(text.length() + 1));
        } else {
            String[] lines = text.split("\n", -1);
            int from = random.nextInt(lines.length);
            int to = Math.min(lines.length, from + 1 + random.nextInt(5));
            List<String> kept = new ArrayList<>(List.of(lines).subList(0, from));
            kept.addAll(List.of(lines).subList(to, lines.length));
            damaged = String.join("\n", kept);
        }
        sources.put(path, new SourceFile(path, damaged));
        CompileResult result = Compiler.compile(new ArrayList<>(sources.values()));
        SymbolIndex index = SymbolIndex.of(result);
        // What is declared, as written, in the files left whole is still declared there.
        SymbolIndex clean = RenamePropertiesTest.sample(NAMES.get(sample)).index();
        for (Symbol s : clean.symbols()) {
            for (Occurrence d : clean.definitions(s)) {
                if (!d.span().file().equals(path) && sources.containsKey(d.span().file()) && d.via() == null
                        && d.form() == Occurrence.Form.WRITTEN) {
                    assertTrue(index.definitions(s).stream().anyMatch(o -> o.span().equals(d.span())),
                            () -> path + " damaged: " + s + " lost its definition at " + d.span());
                }
            }
        }
        String[] lines = damaged.split("\n", -1);
        for (int i = 0; i < 40; i++) {
            int line = 1 + random.nextInt(lines.length);
            int column = 1 + random.nextInt(lines[line - 1].length() + 1);
            for (Symbol s : index.symbolsAt(path, line, column)) {
                assertNotNull(index.rename(s, s.name() + "_x"));
            }
            assertNotNull(index.definitionsAt(path, line, column));
            assertNotNull(index.highlights(path, line, column));
            assertNotNull(index.prepareRename(path, line, column));
            assertNotNull(index.hover(path, line, column));
        }
    }
}
