package dev.vigil.compiler.validate.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Re2JavaTest {
    /** RE2 regex, a value, and whether RE2 (anchored, with `.` matching newlines) matches it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        (?P<code>5..)     | 503      | true
        (?P<code>5..)     | 403      | false
        [[:alpha:]]+      | abc      | true
        [[:alpha:]]+      | ab:      | false
        [[:^digit:]]+     | ab       | true
        [[:^digit:]]+     | a1       | false
        [a[]+             | a[[      | true
        [a&&b]+           | a&b      | true
        \\12              | '\n'     | true
        a\\v              | 'a\u000B' | true
        a\\s              | 'a\u000B' | false
        api$              | 'api\n'  | false
        \\Qa.b\\E         | a.b      | true
        \\Qa.b\\E         | axb      | false
        .*                | 'a\nb'   | true
        \\p{Greek}+       | αβ       | true
        \\p{^Greek}+      | ab       | true
        \\PL              | 1        | true
        a{                | a{       | true
        a{,2}             | a{,2}    | true
        """)
    void matchesAsRe2Does(String re, String value, boolean expected) {
        Pattern p = Re2Java.anchored(re).orElseThrow();
        assertEquals(expected, p.matcher(value).matches(), re + " on " + value + " as " + p);
    }

    @Property(tries = 1000)
    void translatesEveryValidRegexOrDeclines(@ForAll("re2ish") String re) {
        if (Re2Syntax.problem(re).isEmpty() && !re.contains("U")) {
            assertTrue(Re2Java.anchored(re).isPresent(), re);
        }
    }

    @Provide
    Arbitrary<String> re2ish() {
        return Arbitraries.strings().withChars("ab.*+?()[]{}|^$\\:-0123dsPvQE<>=!i").ofMaxLength(12);
    }
}
