package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringsTest {
    @Test
    void unescapesLikeGo() {
        assertEquals("a\nb\t\"c\"\\", Strings.unquote("\"a\\nb\\t\\\"c\\\"\\\\\""));
        assertEquals("it's", Strings.unquote("'it\\'s'"));
        assertEquals("\u00e9", Strings.unquote("\"\\xc3\\xa9\""));
        assertEquals("\u00e9", Strings.unquote("\"\\u00e9\""));
        assertEquals("\ud83d\ude00", Strings.unquote("\"\\U0001F600\""));
        assertEquals("A", Strings.unquote("\"\\101\""));
        assertEquals("\u0007\b\f\u000b\r", Strings.unquote("'\\a\\b\\f\\v\\r'"));
        assertEquals("raw \\n `", Strings.unquote("`raw \\n `").concat("`"));
        assertEquals("ab", Strings.unquote("`a\rb`"));
        assertEquals("\u00e9t\u00e9", Strings.unquote("'\u00e9t\u00e9'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"\\c\"", "\"\\x.\"", "\"\\400\"", "\"\\'\"", "'\\\"'", "\"\\uD800\"", "\"\\"})
    void refusesWhatGoRefuses(String token) {
        assertThrows(IllegalArgumentException.class, () -> Strings.unquote(token));
    }

    @Test
    void quotesSoThatUnquoteGivesTheValueBack() {
        for (String v : new String[] {"", "plain", "a\"b", "back\\slash", "new\nline", "\u0001ctl", "\u00e9\ud83d\ude00"}) {
            assertEquals(v, Strings.unquote(Strings.quote(v)));
        }
    }
}
