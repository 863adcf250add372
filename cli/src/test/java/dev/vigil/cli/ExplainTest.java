package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommandTest.Run;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.Validators;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** `vigil --explain` answers for every id a user can see, check or not, and for every family. */
class ExplainTest {
    private static Set<String> everyId() {
        Set<String> ids = new TreeSet<>(Ids.described().keySet());
        ids.addAll(Ids.ofChecks());
        Validators.builtIn().all().stream().map(Validator::id).forEach(ids::add);
        return ids;
    }

    @TestFactory
    Stream<DynamicTest> everyIdIsExplained() {
        return everyId().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Run r = VigilCommandTest.run("--explain", id);
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().startsWith("# " + id + "\n"), r.out());
            Ids.description(id).ifPresent(what -> {
                assertTrue(r.out().contains(what), r.out());
                String family = id.substring(0, id.indexOf('.'));
                assertTrue(r.out().contains("## The `" + family + "` family\n\n"), "no paragraph of the family: " + r.out());
            });
            if (Ids.description(id).isEmpty()) {
                assertTrue(r.out().contains("## Why it hurts"), "a check's page: " + r.out());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyListsItsIds() {
        Set<String> families = new TreeSet<>();
        everyId().forEach(id -> families.add(id.substring(0, id.indexOf('.'))));
        return families.stream().map(family -> DynamicTest.dynamicTest(family, () -> {
            Run r = VigilCommandTest.run("--explain", family);
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().startsWith("# " + family + "\n"), r.out());
            everyId().stream().filter(id -> id.startsWith(family + ".")).forEach(id ->
                    assertTrue(r.out().contains("`" + id + "`"), family + " does not list " + id + ": " + r.out()));
        }));
    }

    @Test
    void anIdThatIsNotACheckGetsWhatItReportsAndItsFamily() {
        Run r = VigilCommandTest.run("--explain", "Type.InvalidWeekday");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("weekday Alertmanager refuses"), r.out());
        assertTrue(r.out().contains("A value that does not fit its slot."), r.out());
        Run unknown = VigilCommandTest.run("--explain", "Type.InvalidWeekdays");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("Did you mean `Type.InvalidWeekday`?"), unknown.err());
    }
}
