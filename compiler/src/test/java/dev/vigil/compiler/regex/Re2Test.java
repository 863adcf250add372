package dev.vigil.compiler.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Re2Test {
    /**
     * RE2 regex, a value, and whether RE2 matches all of it as Prometheus (with `.` matching
     * newlines) and as Alertmanager (without) do. The Alertmanager column where it differs was
     * checked with amtool 0.25 `config routes test`.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        (?P<code>5..)       | 503       | true  | true
        (?P<code>5..)       | 403       | false | false
        (?P<status_code>5.) | 50        | true  | true
        (?<code>5.)         | 50        | true  | true
        [[:alpha:]]+        | abc       | true  | true
        [[:alpha:]]+        | ab:       | false | false
        [[:alpha:]]+        | ':alpha:' | false | false
        [[:^digit:]]+       | ab        | true  | true
        [[:^digit:]]+       | a1        | false | false
        [a[]+               | a[[       | true  | true
        [a&&b]+             | a&b       | true  | true
        \\12                | '\n'      | true  | true
        a\\v                | 'a\u000B' | true  | true
        a\\s                | 'a\u000B' | false | false
        api$                | 'api\n'   | false | false
        (?m)api$            | 'api\n'   | false | false
        (?m)api$\\n         | 'api\n'   | true  | true
        (?m)^               | ''        | true  | true
        (?m)a\\n^           | 'a\n'     | true  | true
        (?m:a\\n)^          | 'a\n'     | false | false
        \\Qa.b\\E           | a.b       | true  | true
        \\Qa.b\\E           | axb       | false | false
        .*                  | 'a\nb'    | true  | false
        a.b                 | 'a\nb'    | true  | false
        a.b                 | 'a\rb'    | true  | true
        a.b                 | 'a\u2028b' | true | true
        (?s:a.b)            | 'a\nb'    | true  | true
        (?-s:a.b)           | 'a\nb'    | false | false
        \\p{Greek}+         | αβ        | true  | true
        \\p{^Greek}+        | ab        | true  | true
        \\PL                | 1         | true  | true
        a{                  | a{        | true  | true
        a{,2}               | a{,2}     | true  | true
        a{,2}               | aa        | false | false
        (?U)a+              | aaa       | true  | true
        '(?i)ab|(?U)c+'     | AB        | true  | true
        (?-U:a+)b           | aab       | true  | true
        (?i)straße          | STRASSE   | false | false
        (?i)é               | É         | true  | true
        \\bx\\b             | x         | true  | true
        .\\b.               | éx        | true  | true
        .\\B.               | éx        | false | false
        """)
    void matchesAsRe2Does(String re, String value, boolean prometheus, boolean alertmanager) {
        assertEquals(Optional.of(prometheus), Re2.PROMETHEUS.matches(re, value), re + " on " + value + " in Prometheus");
        assertEquals(Optional.of(alertmanager), Re2.ALERTMANAGER.matches(re, value), re + " on " + value + " in Alertmanager");
    }

    @Test
    void refusesWhatRe2Refuses() {
        assertEquals(Optional.empty(), Re2.ALERTMANAGER.matches("(?=a)a", "a"));
        assertEquals(Optional.empty(), Re2.PROMETHEUS.anchored("a**"));
        assertTrue(Re2.problem("a\\1").isPresent());
    }

    @Test
    void compilesEachRegexOnce() {
        assertSame(Re2.ALERTMANAGER.anchored("x+y").orElseThrow(), Re2.ALERTMANAGER.anchored("x+y").orElseThrow());
    }

    @Property(tries = 1000)
    void translatesEveryValidRegex(@ForAll("re2ish") String re) {
        if (Re2.problem(re).isEmpty()) {
            assertTrue(Re2.PROMETHEUS.anchored(re).isPresent(), re);
            assertTrue(Re2.ALERTMANAGER.anchored(re).isPresent(), re);
        }
    }

    @Provide
    Arbitrary<String> re2ish() {
        return Arbitraries.strings().withChars("ab.*+?()[]{}|^$\\:-0123dsPvQEU<>=!i_").ofMaxLength(12);
    }
}
