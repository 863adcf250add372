package dev.vigil.compiler.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Re2SyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "a", ".*", "5..", "foo|bar", "(?i)foo", "(?i:foo)bar", "(?P<name>x+)", "(?<name>x)",
        "a{2}", "a{2,}", "a{2,5}?", "a{,5}", "{", "x{", "[a-z0-9_-]+", "[]a]", "[^]a]", "[[:alpha:]]+", "\\d+\\.\\d+",
        "\\pL\\p{Greek}\\PN", "\\x41\\x{1F600}", "\\Qa.b\\E", "\\0", "\\012", "a*?", "(a|b)*", "^foo$", "\\.", "\\$",
        "(?s).*", "(?U)a+", "(?-s:.)", "\\A\\z", "\\bword\\b", "(?:)", "()", "[\\d\\s]", "$__all", "[a\\-z]"})
    void acceptsRe2(String re) {
        assertEquals(Optional.empty(), Re2Syntax.problem(re), re);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "foo(?=bar)", "foo(?!bar)", "(?<=a)b", "(?<!a)b", "(?>a+)", "a*+", "a++", "a?+",
        "a{2}+", "a**", "*a", "+", "foo\\Z", "\\G", "(?#comment)", "(", "a)", "[a-", "[z-a]", "a{1001}", "a{5,2}",
        "\\", "\\e", "(?x)a", "(?'n'a)", "[[:nope:]]", "\\x4", "\\p{1}", "\\8", "(?P=name)", "[\\b]", "(?-)a"})
    void refusesWhatRe2Refuses(String re) {
        assertTrue(Re2Syntax.problem(re).isPresent(), re);
    }

    @Property(tries = 2000)
    void neverThrows(@ForAll String re) {
        Re2Syntax.problem(re);
    }
}
