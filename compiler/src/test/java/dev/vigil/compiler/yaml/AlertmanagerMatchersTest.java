package dev.vigil.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerMatchersTest {
    private static List<String> parse(String text) {
        AlertmanagerMatchers.Result r = AlertmanagerMatchers.parse(text);
        assertTrue(r.ok(), text + ": " + r.problem());
        return r.matchers().stream().map(m -> m.label() + " " + m.op() + " " + m.value() + " @" + m.start() + "-" + m.end())
                .toList();
    }

    @Test
    void theFourOperators() {
        assertEquals(List.of("severity = critical @0-19"), parse("severity=\"critical\""));
        assertEquals(List.of("team =~ a|b @0-11"), parse("team=~\"a|b\""));
        assertEquals(List.of("env != prod @0-9"), parse("env!=prod"));
        assertEquals(List.of("x !~ y.* @0-8"), parse("x!~\"y.*\""));
    }

    @Test
    void severalInBracesWithBlanksAndATrailingComma() {
        assertEquals(List.of("a = 1 @1-8", "b =~ x @10-17"), parse("{a = \"1\", b=~ \"x\",}"));
    }

    @Test
    void unquotedValuesAreTrimmedAndEscapesDecoded() {
        assertEquals(List.of("a = x y @0-7"), parse("a=  x y "));
        assertEquals(List.of("a = q\"\\ @0-9"), parse("a=\"q\\\"\\\\\""));
    }

    @Test
    void mistakesAreRefusedWithAPlace() {
        for (String bad : List.of("severity", "=x", "a=\"unclosed", "{a=b", "{a=b} x", "a=b\"")) {
            AlertmanagerMatchers.Result r = AlertmanagerMatchers.parse(bad);
            assertFalse(r.ok(), bad);
            assertTrue(r.problemAt() >= 0, bad);
        }
    }
}
