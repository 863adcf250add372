package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Broken, random and huge input: the front end reports problems and never throws. */
class PromqlRobustnessTest {
    private static final String[] TOKENS = {
        "foo", "bar", "sum", "rate", "(", ")", "[", "]", "{", "}", "5m", "1", "0", ":", ",", "=", "=~", "!=",
        "\"x\"", "'y'", "+", "-", "*", "/", "^", "==", ">", "bool", "and", "or", "unless", "on", "ignoring",
        "group_left", "by", "without", "offset", "@", "start()", "step()", "anchored", "fill(0)", "topk",
        "$c", "Inf", "__name__", "#", "\n", "min_of", "</", "atan2", "count_values",
    };

    /** Parses tolerantly, checks and prints; returns whether it was accepted. */
    private static boolean exercise(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Expr> expr = PromqlParser.parseTolerant(text, "<fuzz>", 1, 1, sink);
        expr.ifPresent(e -> {
            PromqlChecker.check(e, sink);
            PromqlPrinter.print(e, ref -> "1");
            ConstantUse.in(e);
        });
        return expr.isPresent() && !sink.hasErrors();
    }

    @Property(tries = 2000)
    void randomTokenSequencesNeverThrow(@ForAll @Size(max = 25) List<@IntRange(max = 51) Integer> picks) {
        StringBuilder sb = new StringBuilder();
        for (int i : picks) {
            sb.append(TOKENS[i]).append(' ');
        }
        exercise(sb.toString());
    }

    @Test
    void mutatedCorpusExpressionsNeverThrow() throws IOException {
        Optional<Path> shared = Optional.of(Corpus.requireSharedDir("PromqlRobustnessTest"));
        Random random = new Random(42);
        for (Corpus.Line line : Corpus.read(shared.get().resolve("corpus/promql/valid.txt"))) {
            String text = line.text();
            if (text == null || text.isEmpty()) {
                continue;
            }
            for (int k = 0; k < 2; k++) {
                int at = random.nextInt(text.length());
                exercise(text.substring(0, at));
                exercise(text.substring(0, at) + text.substring(at + 1));
                exercise(text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at));
            }
        }
    }

    @Test
    void theHugeStressInputIsRejectedQuickly() throws IOException {
        Optional<Path> shared = Optional.of(Corpus.requireSharedDir("PromqlRobustnessTest"));
        String huge = null;
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(shared.get().resolve("corpus/promql/cases.jsonl"),
                StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                JsonNode c = json.readTree(l);
                if (c.path("expr").asText("").length() > 50_000) {
                    huge = c.path("expr").asText();
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertNotNull(huge, "the stress input is missing from cases.jsonl");
        String input = huge;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertEquals(false, exercise(input)));
    }

    @Test
    void deepNestingIsReportedNotThrown() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        DiagnosticSink sink = new DiagnosticSink();
        assertTrue(PromqlParser.parse(deep, sink).isEmpty());
        assertTrue(sink.hasErrors());
    }

    @Test
    void longOperatorChainsAreHandledWithoutRecursion() {
        // The longest chain the parser accepts (VigilParsing.MAX_EXPRESSION_DEPTH operators).
        String chain = "foo" + " + foo".repeat(500);
        assertTrue(exercise(chain));
        Expr e = PromqlParserTest.parseOk(chain);
        assertEquals(chain, PromqlPrinter.print(e));
    }
}
