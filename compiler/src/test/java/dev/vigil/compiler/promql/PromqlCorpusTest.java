package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vigil's PromQL front end against Prometheus 3.14's own parser, on the third-party corpus
 * ({@code testdata/corpus/promql}, see its README): the expressions Prometheus accepts and those it
 * rejects. "Accepted" means parsing and checking report no error; warnings (experimental features,
 * which the corpus turns on) do not count.
 */
class PromqlCorpusTest {
    private static final double MIN_VALID_ACCEPTED = 0.99;
    private static final double MIN_INVALID_REJECTED = 0.95;

    /**
     * Every expression on which Vigil and Prometheus disagree, as written in the corpus file (escaped),
     * with the reason. The test fails when this list is not exactly the measured one, so that both a
     * regression and a fix are noticed. Empty: Vigil agrees on the whole corpus.
     */
    private static final Map<String, String> KNOWN_DISAGREEMENTS = Map.of();

    private static Path corpusDir;

    @BeforeAll
    static void findCorpus() {
        corpusDir = Corpus.requireSharedDir("the PromQL corpus test").resolve("corpus").resolve("promql");
    }

    private static boolean accepts(String text) {
        if (text == null) {
            return false;
        }
        DiagnosticSink sink = new DiagnosticSink();
        Optional<Expr> expr = PromqlParser.parse(text, sink);
        expr.ifPresent(e -> PromqlChecker.check(e, sink));
        return expr.isPresent() && !sink.hasErrors();
    }

    @Test
    void agreesWithPrometheus() throws IOException {
        List<Corpus.Line> valid = Corpus.read(corpusDir.resolve("valid.txt"));
        List<Corpus.Line> invalid = Corpus.read(corpusDir.resolve("invalid.txt"));
        Map<String, String> disagreements = new TreeMap<>();
        int accepted = 0;
        for (Corpus.Line line : valid) {
            if (accepts(line.text())) {
                accepted++;
            } else {
                disagreements.put(line.escaped(), "valid.txt:" + line.number() + " rejected");
            }
        }
        int rejected = 0;
        for (Corpus.Line line : invalid) {
            if (!accepts(line.text())) {
                rejected++;
            } else {
                disagreements.put(line.escaped(), "invalid.txt:" + line.number() + " accepted");
            }
        }
        double validRate = (double) accepted / valid.size();
        double invalidRate = (double) rejected / invalid.size();
        System.out.printf("PromQL corpus: %d/%d valid accepted (%.2f%%), %d/%d invalid rejected (%.2f%%)%n",
                accepted, valid.size(), 100 * validRate, rejected, invalid.size(), 100 * invalidRate);
        disagreements.forEach((expr, where) -> System.out.println("  disagreement: " + where + ": " + expr));

        assertTrue(validRate >= MIN_VALID_ACCEPTED, "valid accepted: " + validRate);
        assertTrue(invalidRate >= MIN_INVALID_REJECTED, "invalid rejected: " + invalidRate);
        assertEquals(new TreeSet<>(KNOWN_DISAGREEMENTS.keySet()), new TreeSet<>(disagreements.keySet()),
                "the disagreements with Prometheus changed; update KNOWN_DISAGREEMENTS with the reason");
    }

    @Test
    void printsEveryValidExpressionBackToTheSameTree() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Corpus.Line line : Corpus.read(corpusDir.resolve("valid.txt"))) {
            if (line.text() == null) {
                continue;
            }
            Optional<Expr> expr = PromqlParser.parse(line.text(), new DiagnosticSink());
            if (expr.isEmpty()) {
                continue;
            }
            String printed = PromqlPrinter.print(expr.get());
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Expr> again = PromqlParser.parse(printed, sink);
            if (again.isEmpty() || !again.get().equals(expr.get()) || !printed.equals(PromqlPrinter.print(again.get()))) {
                broken.add(line.escaped() + "  =>  " + printed);
            }
        }
        assertEquals(List.of(), broken);
    }
}
