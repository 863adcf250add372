package dev.vigil.compiler.properties;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.InputException;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.format.Formatter;
import dev.vigil.compiler.promql.Functions;
import dev.vigil.compiler.promql.PromqlFunction;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.grammar.VigilLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Random token streams never make the parser, the checks, lowering or the formatter throw: whatever the
 * text, {@link Compiler} and {@link Formatter} answer with diagnostics only. The tokens are the language's
 * own (every literal of the lexer, every PromQL function) plus names, strings, numbers and durations, so
 * that a stream gets past the lexer; streams spliced into a valid program get past the parser into the
 * model, the checks and lowering; random bytes on disk go through the loader's decoding.
 *
 * <p>Each property runs twice: with {@link OnlyDiagnostics#FIXED_SEED}, the same cases on every run, and
 * with a random seed, which jqwik prints in its report ({@code seed = ...}); {@code @Property(seed = "...")}
 * replays it.
 */
class TokenStreamPropertiesTest {
    static final List<String> VOCABULARY = vocabulary();

    /** A small project that compiles without errors and has a little of everything, for the spliced streams. */
    private static final String PROGRAM = """
            severities critical > warning > info
            service api {
              team "platform"
              const floor = 0.5
              metric m_total counter { labels [job, status] }
              metric m_seconds histogram { labels [job] buckets [0.1, 0.5, 1] }
              group api_rules every 30s {
                record job:m:rate5m = sum by (job) (rate(m_total[5m]))
                alert ApiErrors {
                  when sum by (job) (rate(m_total{status=~"5.."}[5m])) / sum by (job) (rate(m_total[5m])) > $floor
                  for 5m
                  severity critical
                  labels { component = "api" }
                  summary "Errors at {{ $value | humanizePercentage }}"
                  description `Two
            lines.`
                  panel api_overview.errors
                  runbook { meaning "Trouble." triage "Look." remediate "Restart." run "kubectl rollout restart deploy/api" }
                }
              }
              slo availability {
                objective 99.9%
                window 30d
                sli events { errors = m_total{status=~"5.."} total = m_total }
                alerting { page critical ticket warning }
              }
              dashboard api_overview "API overview" {
                uid "api-overview"
                tags ["api"]
                row "Errors" {
                  timeseries errors "Errors" { query job:m:rate5m legend "{{job}}" unit "s" thresholds from ApiErrors }
                }
              }
              test "quiet" {
                every 1m
                series m_total{job="api", status="200"} = "0+1x30"
                at 10m expect no alert ApiErrors
              }
            }
            routing {
              receiver pager pagerduty { routing_key_file "/etc/am/pd" }
              receiver chat slack { channel "#api" api_url_file "/etc/am/slack" }
              route severity >= critical to pager { group_by [alertname] }
              route default to chat { repeat_interval 4h }
              inhibit severity = warning while severity = critical on [alertname]
            }
            """;

    /** Strings and comments first, so that nothing inside one is split; then names, numbers, operators. */
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"|`[^`]*`|//[^\\n]*|\\$?[A-Za-z_][A-Za-z0-9_:]*"
            + "|[0-9][0-9.]*(?:e[+-]?[0-9]+)?[a-z]*%?|=~|!~|!=|==|>=|<=|\\S");

    private static final String[] SEPARATORS = {" ", " ", " ", "\n", "", "\t", "\r\n"};

    private static Path scratch;

    @BeforeContainer
    static void scratch() throws IOException {
        scratch = Files.createTempDirectory("vigil-token-streams");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.list(scratch)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(scratch);
    }

    /** Every keyword and operator the lexer knows, every PromQL function, and values of each literal kind, valid and broken. */
    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>();
        Vocabulary v = VigilLexer.VOCABULARY;
        for (int t = 1; t <= v.getMaxTokenType(); t++) {
            String literal = v.getLiteralName(t);
            if (literal != null) {
                words.add(literal.substring(1, literal.length() - 1).replace("\\'", "'"));
            }
        }
        Functions.all().stream().map(PromqlFunction::name).sorted().forEach(words::add);
        words.addAll(List.of("api", "job", "m_total", "job:m:rate5m", "ApiErrors", "pager", "chat", "api_overview",
                "$floor", "$undefined", "__name__", "le", "\"text\"", "\"{{ $value }}\"", "\"{{ .Bad\"", "\"}}\"",
                "\"5..\"", "\"(\"", "`raw\nstring`", "'single'", "\"esc\\\"aped\\\\\"", "\"\\q\"", "\"unterminated",
                "`unterminated", "/* open comment", "/* closed */", "// line\n", "# hash\n", "0", "1", "-1", "0.5",
                "1e3", "1e309", "0x1F", "99.9%", "100%", "150%", "NaN", "Inf", "5m", "1h30m", "30d", "15s", "0s",
                "100ms", "999y", "[5m]", "[5m:1m]", "{", "}", "(", ")", "[", "]", ",", ".", "=", "==", "!=", "=~",
                "!~", ">", ">=", "<", "<=", "+", "-", "*", "/", "%", "^", "@", ":", "\n", "\u00e9", "\u0000", "\uFEFF"));
        return List.copyOf(words);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 150, seed = OnlyDiagnostics.FIXED_SEED)
    void tokenStreamsGiveDiagnosticsOnlyWithTheFixedSeed(@ForAll("streams") String text) {
        exercise(text);
    }

    @Property(tries = 150)
    void tokenStreamsGiveDiagnosticsOnlyWithARandomSeed(@ForAll("streams") String text) {
        exercise(text);
    }

    @Property(tries = 50, seed = OnlyDiagnostics.FIXED_SEED)
    void streamsSplicedIntoAProgramGiveDiagnosticsOnlyWithTheFixedSeed(@ForAll("spliced") String text) {
        exercise(text);
    }

    @Property(tries = 50)
    void streamsSplicedIntoAProgramGiveDiagnosticsOnlyWithARandomSeed(@ForAll("spliced") String text) {
        exercise(text);
    }

    @Property(tries = 40, seed = OnlyDiagnostics.FIXED_SEED)
    void randomBytesOnDiskGiveDiagnosticsOnlyWithTheFixedSeed(@ForAll("bytes") byte[] bytes) throws Exception {
        exerciseFile(bytes);
    }

    @Property(tries = 40)
    void randomBytesOnDiskGiveDiagnosticsOnlyWithARandomSeed(@ForAll("bytes") byte[] bytes) throws Exception {
        exerciseFile(bytes);
    }

    /** The generated programs are worth something only if the unspliced one reaches the model without errors. */
    @net.jqwik.api.Example
    void theProgramThatStreamsAreSplicedIntoCompiles() {
        CompileResult r = Compiler.compile(List.of(new SourceFile("gen.vigil", PROGRAM)));
        org.junit.jupiter.api.Assertions.assertTrue(r.project().isPresent(), r.diagnostics()::toString);
    }

    /**
     * Found by the mutated samples: lowering expanded an SLO before the checks ran, so an SLI naming an
     * unknown constant, or an events SLI whose `errors` query was misnamed, was an `Internal.Lowering`
     * error instead of the reader's and the checks' findings.
     */
    @net.jqwik.api.Example
    void anSloWithBrokenQueriesGetsFindingsNotAnInternalError() {
        Map<String, String> cases = Map.of("errors = m_total{job=$missing, status", "Reference.Unknown",
                "bogus = m_total{status", "Property.Missing");
        cases.forEach((broken, id) -> {
            String text = PROGRAM.replace("errors = m_total{status", broken);
            CompileResult r = Compiler.compile(List.of(new SourceFile("gen.vigil", text)));
            OnlyDiagnostics.check(r.diagnostics(), r.sources(), true, text);
            org.junit.jupiter.api.Assertions.assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(id)),
                    r.diagnostics()::toString);
        });
    }

    // ------------------------------------------------------------------ generation

    @Provide
    Arbitrary<String> streams() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(80);
            for (int i = 0; i < n; i++) {
                b.append(VOCABULARY.get(r.nextInt(VOCABULARY.size()))).append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            }
            return b.toString();
        });
    }

    /** The program's tokens, with a few of them replaced, deleted, repeated, or with vocabulary inserted between them. */
    @Provide
    Arbitrary<String> spliced() {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(PROGRAM);
        while (m.find()) {
            tokens.add(m.group());
        }
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            List<String> t = new ArrayList<>(tokens);
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(t.size());
                String word = r.nextInt(3) == 0 ? t.get(r.nextInt(t.size())) : VOCABULARY.get(r.nextInt(VOCABULARY.size()));
                switch (r.nextInt(4)) {
                    case 0 -> t.set(at, word);
                    case 1 -> t.add(at, word);
                    case 2 -> t.remove(at);
                    default -> t.add(at, t.get(at));
                }
            }
            return String.join(" ", t);
        });
    }

    /** Random bytes, some of them UTF-8 vocabulary, so that both the decoder and the lexer see something. */
    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                if (r.nextBoolean()) {
                    out.writeBytes((VOCABULARY.get(r.nextInt(VOCABULARY.size())) + " ").getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] noise = new byte[1 + r.nextInt(6)];
                    r.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
            return out.toByteArray();
        });
    }

    // ------------------------------------------------------------------ checks

    private static void exercise(String text) {
        CompileResult r = Compiler.compile(List.of(new SourceFile("fuzz.vigil", text)));
        OnlyDiagnostics.check(r.diagnostics(), r.sources(), r.project().isEmpty(), text);
        Formatter.Result f = Formatter.format("fuzz.vigil", text);
        OnlyDiagnostics.check(f.diagnostics(), Map.of("fuzz.vigil", f.source()), f.formatted().isEmpty(), text);
        f.formatted().ifPresent(formatted -> {
            CompileResult again = Compiler.compile(List.of(new SourceFile("fuzz.vigil", formatted)));
            OnlyDiagnostics.check(again.diagnostics(), again.sources(), again.project().isEmpty(), formatted);
        });
    }

    private static void exerciseFile(byte[] bytes) throws IOException, InputException {
        Path file = scratch.resolve("fuzz.vigil");
        Files.write(file, bytes);
        CompileResult r = new Compiler(new SourceLoader(scratch)).check(List.of(file));
        String shown = new String(bytes, StandardCharsets.UTF_8);
        OnlyDiagnostics.check(r.diagnostics(), r.sources(), r.project().isEmpty(), shown);
        Formatter.Result f = Formatter.format("fuzz.vigil", shown);
        OnlyDiagnostics.check(f.diagnostics(), Map.of("fuzz.vigil", f.source()), f.formatted().isEmpty(), shown);
    }
}
