package dev.vigil.compiler.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NewlineDotsTest {
    @Test
    void findsTheDotsThatMeanAnyCharacter() {
        assertEquals(OptionalInt.of(0), NewlineDots.first(".*health"));
        assertEquals(OptionalInt.of(7), NewlineDots.first("api|web.+"));
        assertEquals(OptionalInt.empty(), NewlineDots.first("1|1\\.0"), "an escaped dot");
        assertEquals(OptionalInt.empty(), NewlineDots.first("[.]x"), "a dot in a class");
        assertEquals(OptionalInt.empty(), NewlineDots.first("[].]x"), "a leading ] is a literal");
        assertEquals(OptionalInt.empty(), NewlineDots.first("[^].]x"));
        assertEquals(OptionalInt.empty(), NewlineDots.first("\\Q1.0\\E"), "quoted text");
        assertEquals(OptionalInt.empty(), NewlineDots.first("(?s).*"), "its own s flag");
        assertEquals(OptionalInt.empty(), NewlineDots.first("(?is:a.b)"));
        assertEquals(OptionalInt.of(5), NewlineDots.first("(?i)a.b"), "flags without s");
        assertEquals(OptionalInt.of(11), NewlineDots.first("[[:alpha:]].x"));
    }

    /**
     * Where there is no such dot, the regex means the same with and without the s flag: Vigil's
     * Prometheus reading (dot matches newline) and its Alertmanager one (it does not) agree.
     */
    @Property(tries = 3000)
    void withoutAnAnyCharacterDotBothReadingsAgree(@ForAll @StringLength(max = 8) String raw) {
        String re = raw.replaceAll("[^a.\\\\\\[\\]^\\n*:(?s)Q E]", "a");
        if (Re2.problem(re).isPresent() || NewlineDots.first(re).isPresent()) {
            return;
        }
        for (String value : new String[] {"a\na", "\n", "a.\n", "a\n.", ".\n\n", "aa\n", "\na", "a"}) {
            assertEquals(Re2.ALERTMANAGER.matches(re, value), Re2.PROMETHEUS.matches(re, value), re + " on " + value);
        }
    }

    /** The rewrite reads in Prometheus 3 as the original did in Prometheus 2. */
    @Property(tries = 3000)
    void theRewriteMeansWhatPrometheusTwoMeant(@ForAll @StringLength(max = 8) String raw) {
        String re = raw.replaceAll("[^a.\\\\\\[\\]^\\n*:(?s)Q E]", "a");
        if (Re2.problem(re).isPresent()) {
            return;
        }
        String rewritten = NewlineDots.asBefore(re);
        assertEquals(java.util.List.of(), NewlineDots.all(rewritten), rewritten);
        for (String value : new String[] {"a\na", "\n", "a.\n", "a\n.", ".\n\n", "aa\n", "\na", "a", "aa"}) {
            assertEquals(Re2.ALERTMANAGER.matches(re, value), Re2.PROMETHEUS.matches(rewritten, value),
                    re + " -> " + rewritten + " on " + value);
        }
    }

    /** And a regex that is only such a dot reads differently on a newline. */
    @Test
    void aDotReadsANewlineDifferently() {
        assertEquals(java.util.Optional.of(false), Re2.ALERTMANAGER.matches("a.b", "a\nb"));
        assertEquals(java.util.Optional.of(true), Re2.PROMETHEUS.matches("a.b", "a\nb"));
    }
}
