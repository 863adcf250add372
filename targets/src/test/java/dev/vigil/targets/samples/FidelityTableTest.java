package dev.vigil.targets.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The table parser and the quote check that {@link SampleFidelityTest} relies on. */
class FidelityTableTest {
    private static final String README = String.join("\n",
            "# x", "", "## Fidelity to the seed", "", "Seed: `004_x.txt`.", "",
            "| # | line | seed says | encoded as | verdict | reason |",
            "|---|---|---|---|---|---|",
            "| 1 | 12 | \"summary: \"Lag \\| high\"\" … \"for: 10m\" | `alert Lag`, `route team` | equal | |",
            "| 2 | 13 | \"rotation\" | – | not encoded | a pager's job |",
            "", "## Next", "| not | part |");

    @Test
    void readsRowsWithEscapedPipesAndQuotesInsideQuotes() {
        FidelityTable t = FidelityTable.parse(README);
        assertEquals(2, t.rows().size());
        FidelityTable.Row row = t.rows().get(0);
        assertEquals(List.of("summary: \"Lag | high\"", "for: 10m"), row.quotes());
        assertEquals(List.of("alert Lag", "route team"), row.elements());
        assertEquals("not encoded", t.rows().get(1).verdict());
        assertTrue(t.section().contains("004_x.txt"));
    }

    @Test
    void aQuoteMustBeOnTheLineItNames() {
        FidelityTable.Row row = FidelityTable.parse(README).rows().get(0);
        SortedMap<Integer, String> excerpt = new TreeMap<>();
        excerpt.put(12, "    summary: \"Lag | high\"   for: 10m");
        assertEquals(List.of(), SampleFidelityTest.quoteProblems(row, excerpt));
        excerpt.put(12, "    summary: \"Lag | low\" for: 10m");
        assertEquals(1, SampleFidelityTest.quoteProblems(row, excerpt).size());
        assertTrue(SampleFidelityTest.quoteProblems(row, new TreeMap<>()).get(0).contains("not in seed-excerpt.txt"));
    }

    @Test
    void refusesATableOfTheWrongShape() {
        assertThrows(AssertionError.class, () -> FidelityTable.parse("# no section\n"));
        assertThrows(AssertionError.class, () -> FidelityTable.parse(README.replace("| reason |", "|")));
        assertThrows(AssertionError.class, () -> FidelityTable.parse(README.replace("\"rotation\"", "rotation")));
    }
}
