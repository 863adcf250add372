package dev.vigil.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.junit.jupiter.api.Test;

/**
 * Keeps the keyword lists of the VS Code extension's TextMate grammar
 * ({@code editors/vscode/syntaxes/vigil.tmLanguage.json}) equal to the lexer's.
 *
 * <p>Vigil.g4 imports PromQL.g4, so both languages' words are in one vocabulary. The split between them is
 * the one the parser itself makes, in the rules that list the reserved words a name may still be:
 * <ul>
 *   <li>{@code dsl-keywords}: the words of {@code dslKeyword}, the DSL's own (declared in Vigil.g4);
 *   <li>{@code promql-aggregations}: the words of {@code aggregateOp};
 *   <li>{@code promql-keywords}: the other words of {@code promqlKeyword}, PromQL's operators and modifiers.
 * </ul>
 * A word of PromQL that the DSL also uses in places of its own ({@code group NAME}, an SLO's {@code by [...]},
 * an inhibit's {@code on [...]}) stays in a PromQL list: it is PromQL's word, and the grammar highlights those
 * DSL uses with patterns of their own, by context. Every word of the lexer must be in exactly one list, so a
 * keyword added to the lexer but to neither rule fails here (it could not be used as a name either).
 *
 * <p>In the grammar, a list is written {@code (?#NAME)(?:word|word|...)}, sorted, in every pattern that needs
 * it (the keywords themselves, and where a query ends). Run with {@code -Dvigil.golden.update=true} to rewrite
 * every list from the lexer, then review the diff.
 */
class TextMateKeywordsTest {
    private static final Pattern LIST = Pattern.compile("\\(\\?#(dsl-keywords|promql-keywords|promql-aggregations)\\)\\(\\?:([^)]*)\\)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");

    private static Path grammarFile() {
        Path repo = Path.of(System.getProperty("vigil.repo", ".."));
        return repo.resolve("editors/vscode/syntaxes/vigil.tmLanguage.json");
    }

    /**
     * The word a token stands for, or null when it is not a word. The vocabulary has no literal name for
     * PromQL's case-insensitive words, so their symbolic name in lower case is tried; either way the word
     * must lex as exactly that token, which is what makes it the token's word.
     */
    static String word(int type) {
        if (type == VigilLexer.IDENT) {
            return null;
        }
        String literal = VigilLexer.VOCABULARY.getLiteralName(type);
        String symbolic = VigilLexer.VOCABULARY.getSymbolicName(type);
        String candidate = literal != null ? literal.replace("'", "") : symbolic == null ? null : symbolic.toLowerCase(Locale.ROOT);
        if (candidate == null || !WORD.matcher(candidate).matches()) {
            return null;
        }
        List<? extends Token> tokens = new VigilLexer(CharStreams.fromString(candidate)).getAllTokens();
        return tokens.size() == 1 && tokens.get(0).getType() == type ? candidate : null;
    }

    /** The words of a parser rule that lists single tokens. */
    private static SortedSet<String> ruleWords(int rule) {
        ATN atn = VigilParser._ATN;
        SortedSet<String> words = new TreeSet<>();
        for (int type : atn.nextTokens(atn.ruleToStartState[rule]).toList()) {
            String w = word(type);
            if (w == null) {
                fail("token " + VigilLexer.VOCABULARY.getDisplayName(type) + " of parser rule "
                        + VigilParser.ruleNames[rule] + " is not a word");
            }
            words.add(w);
        }
        return words;
    }

    /** The expected contents of each list, by name. */
    static Map<String, SortedSet<String>> expectedLists() {
        SortedSet<String> aggregations = ruleWords(VigilParser.RULE_aggregateOp);
        SortedSet<String> promql = ruleWords(VigilParser.RULE_promqlKeyword);
        assertTrue(promql.containsAll(aggregations), "aggregateOp is part of promqlKeyword");
        promql.removeAll(aggregations);
        Map<String, SortedSet<String>> lists = new LinkedHashMap<>();
        lists.put("dsl-keywords", ruleWords(VigilParser.RULE_dslKeyword));
        lists.put("promql-keywords", promql);
        lists.put("promql-aggregations", aggregations);
        return lists;
    }

    @Test
    void everyLexerWordIsInExactlyOneList() {
        SortedSet<String> lexerWords = new TreeSet<>();
        for (int type = 1; type <= VigilLexer.VOCABULARY.getMaxTokenType(); type++) {
            String w = word(type);
            if (w != null) {
                lexerWords.add(w);
            }
        }
        SortedSet<String> listed = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (SortedSet<String> words : expectedLists().values()) {
            for (String w : words) {
                if (!listed.add(w)) {
                    twice.add(w);
                }
            }
        }
        assertEquals(List.of(), twice, "words in both dslKeyword and promqlKeyword");
        SortedSet<String> unlisted = new TreeSet<>(lexerWords);
        unlisted.removeAll(listed);
        assertEquals(new TreeSet<>(), unlisted,
                "lexer words in neither dslKeyword nor promqlKeyword (Vigil.g4): add each to the rule of its language");
        // The recently added words, named so that a regression in the rules above cannot hide them.
        assertTrue(listed.containsAll(List.of("catalogue", "aliases", "kubernetes")), "catalogue, aliases, kubernetes listed");
    }

    @Test
    void grammarListsEqualTheLexers() throws IOException {
        Path file = grammarFile();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, SortedSet<String>> expected = expectedLists();
        if (Boolean.getBoolean("vigil.golden.update")) {
            String rewritten = rewrite(text, expected);
            if (!rewritten.equals(text)) {
                Files.writeString(file, rewritten, StandardCharsets.UTF_8);
                System.err.println("Keyword lists of " + file + " REGENERATED from the lexer; review the diff.");
                text = rewritten;
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        Matcher m = LIST.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            occurrences.merge(name, 1, Integer::sum);
            List<String> written = List.of(m.group(2).split("\\|", -1));
            SortedSet<String> want = expected.get(name);
            SortedSet<String> missing = new TreeSet<>(want);
            missing.removeAll(written);
            SortedSet<String> extra = new TreeSet<>(written);
            extra.removeAll(want);
            String where = name + " list at line " + lineOf(text, m.start());
            if (!missing.isEmpty() || !extra.isEmpty()) {
                problems.add(where + ": missing " + missing + ", extra " + extra);
            } else if (!written.equals(new ArrayList<>(want))) {
                problems.add(where + ": not in the generated form (sorted, each word once)");
            }
        }
        for (String name : expected.keySet()) {
            if (!occurrences.containsKey(name)) {
                problems.add("no (?#" + name + ") list in the grammar");
            }
        }
        if (!problems.isEmpty()) {
            fail(file + " does not match the lexer (regenerate with -Dvigil.golden.update=true):\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void rewritingReplacesOnlyTheLists() {
        Map<String, SortedSet<String>> expected = expectedLists();
        String stale = "{\"match\": \"\\\\b(?#dsl-keywords)(?:alert|old_word)\\\\b\", "
                + "\"end\": \"(?=(?#promql-aggregations)(?:sum))|(?#other)(?:x)\"}";
        String rewritten = rewrite(stale, expected);
        assertEquals("{\"match\": \"\\\\b(?#dsl-keywords)(?:" + String.join("|", expected.get("dsl-keywords"))
                + ")\\\\b\", \"end\": \"(?=(?#promql-aggregations)(?:" + String.join("|", expected.get("promql-aggregations"))
                + "))|(?#other)(?:x)\"}", rewritten);
    }

    static String rewrite(String text, Map<String, SortedSet<String>> expected) {
        Matcher m = LIST.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String list = "(?#" + m.group(1) + ")(?:" + String.join("|", expected.get(m.group(1))) + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(list));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
