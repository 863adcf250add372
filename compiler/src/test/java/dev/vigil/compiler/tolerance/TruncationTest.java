package dev.vigil.compiler.tolerance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.properties.OnlyDiagnostics;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.grammar.VigilLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Error tolerance, systematically: every sample file and golden input cut at every declaration
 * boundary and at random offsets, and with tokens deleted one at a time. Nothing throws, no internal
 * error is reported, and every declaration that ends before the damage is still in the file as it was.
 * Parsing, which an editor repeats on every key, is exercised on every cut; the whole project is
 * compiled for a fixed share of them, which is where a half-built declaration would crash a check.
 */
class TruncationTest {
    /**
     * One cut in this many is compiled with its whole project; the rest are parsed. {@code
     * -Dvigil.tolerance.compileEvery=1} compiles every one (minutes, not for the suite).
     */
    private static final int COMPILE_EVERY = Integer.getInteger("vigil.tolerance.compileEvery", 24);
    /** At most about this many single-token deletions per file. */
    private static final int DELETIONS_PER_FILE = 150;
    private static final long SEED = Long.parseLong(OnlyDiagnostics.FIXED_SEED);

    private int cuts;

    @Test
    void samplesCutAtEveryDeclarationBoundaryAndAtRandomOffsets() {
        Random random = new Random(SEED);
        for (List<SourceFile> project : TolerantProjects.samples()) {
            for (int i = 0; i < project.size(); i++) {
                SourceFile file = project.get(i);
                VigilFile clean = parse(file);
                Set<Integer> offsets = new TreeSet<>(boundaries(file, clean));
                for (int r = 0; r < 8; r++) {
                    offsets.add(random.nextInt(file.text().length() + 1));
                }
                for (int offset : offsets) {
                    cut(project, i, clean, offset);
                }
            }
        }
        assertTrue(cuts > 1000, "only " + cuts + " cuts");
    }

    @Test
    void goldenInputsCutAtEveryTopLevelBoundaryAndAtARandomOffset() {
        Random random = new Random(SEED);
        for (SourceFile file : TolerantProjects.goldenInputs()) {
            VigilFile clean = parse(file);
            Set<Integer> offsets = new TreeSet<>();
            for (Decl d : clean.decls()) {
                offsets.add(offset(file, d.span(), true));
                offsets.add(offset(file, d.span(), false));
            }
            offsets.add(random.nextInt(file.text().length() + 1));
            for (int offset : offsets) {
                cut(List.of(file), 0, clean, offset);
            }
        }
        assertTrue(cuts > 1000, "only " + cuts + " cuts");
    }

    /** Tokens of each sample file deleted one at a time: all of a small file's, an even spread of a large one's. */
    @Test
    void samplesWithEachTokenDeleted() {
        int files = 0;
        for (List<SourceFile> project : TolerantProjects.samples()) {
            for (int i = 0; i < project.size(); i++) {
                SourceFile file = project.get(i);
                VigilLexer lexer = new VigilLexer(CharStreams.fromString(file.text()));
                lexer.removeErrorListeners();
                List<? extends Token> tokens = lexer.getAllTokens().stream()
                        .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
                // Every token of a small file; an even spread of a large one's, so the suite stays fast.
                int step = Math.max(1, tokens.size() / DELETIONS_PER_FILE);
                for (int k = (int) (SEED % step); k < tokens.size(); k += step) {
                    Token t = tokens.get(k);
                    String text = file.text().substring(0, t.getStartIndex()) + file.text().substring(t.getStopIndex() + 1);
                    SourceFile damaged = new SourceFile(file.path(), text);
                    DiagnosticSink sink = new DiagnosticSink();
                    VigilSourceParser.Result result = VigilSourceParser.parseTolerant(damaged, sink);
                    OnlyDiagnostics.check(sink.sorted(), java.util.Map.of(file.path(), damaged), false,
                            file.path() + " without the token at " + t.getLine() + ":" + t.getCharPositionInLine());
                    if (++cuts % (COMPILE_EVERY * 4) == 0) {
                        compile(project, i, damaged, file.path() + " without the token at " + t.getLine() + ":" + t.getCharPositionInLine());
                    }
                    assertTrue(result.file() != null);
                }
            }
            files += project.size();
        }
        assertTrue(files > 40 && cuts > 6_000, files + " files, " + cuts + " deletions");
    }

    private void cut(List<SourceFile> project, int index, VigilFile clean, int offset) {
        SourceFile file = project.get(index);
        SourceFile damaged = new SourceFile(file.path(), file.text().substring(0, offset));
        DiagnosticSink sink = new DiagnosticSink();
        VigilFile parsed = VigilSourceParser.parseTolerant(damaged, sink).file();
        String where = file.path() + " cut at offset " + offset;
        OnlyDiagnostics.check(sink.sorted(), java.util.Map.of(file.path(), damaged), false, where);
        // Every top-level declaration that ends before the cut is there as it was (its own members may differ
        // only when the cut falls inside it).
        Set<String> kept = new HashSet<>();
        parsed.decls().forEach(d -> kept.add(d.getClass().getSimpleName() + "@" + d.span()));
        for (Decl d : clean.decls()) {
            if (offset(file, d.span(), false) <= offset) {
                assertTrue(kept.contains(d.getClass().getSimpleName() + "@" + d.span()),
                        () -> where + ": lost " + d.getClass().getSimpleName() + " at " + d.span());
            }
        }
        if (++cuts % COMPILE_EVERY == 0) {
            compile(project, index, damaged, where);
        }
    }

    private static void compile(List<SourceFile> project, int index, SourceFile damaged, String where) {
        List<SourceFile> sources = new ArrayList<>(project);
        sources.set(index, damaged);
        CompileResult r;
        try {
            r = Compiler.compile(sources);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(where + ": the compiler threw", e);
        }
        OnlyDiagnostics.check(r.diagnostics(), r.sources(), false, where);
    }

    private static VigilFile parse(SourceFile file) {
        return VigilSourceParser.parseTolerant(file, new DiagnosticSink()).file();
    }

    /** Where each declaration, down to rules, panels and routing items, starts and ends. */
    private static List<Integer> boundaries(SourceFile file, VigilFile clean) {
        List<Span> spans = new ArrayList<>();
        for (Decl d : clean.decls()) {
            spans.add(d.span());
            if (d instanceof Decl.ServiceDecl s) {
                for (Decl.ServiceMember m : s.members()) {
                    spans.add(m.span());
                    if (m instanceof Decl.GroupDecl g) {
                        g.rules().forEach(r -> spans.add(r.span()));
                    } else if (m instanceof Decl.DashboardDecl dash) {
                        dash.items().forEach(item -> spans.add(item.span()));
                    }
                }
            } else if (d instanceof Decl.RoutingDecl r) {
                r.items().forEach(item -> spans.add(item.span()));
            }
        }
        List<Integer> out = new ArrayList<>();
        for (Span s : spans) {
            out.add(offset(file, s, true));
            out.add(offset(file, s, false));
        }
        return out;
    }

    /** The character offset of a span's start or end in its file. */
    private static int offset(SourceFile file, Span span, boolean start) {
        int line = start ? span.line() : span.endLine();
        int column = start ? span.column() : span.endColumn();
        String text = file.text();
        int at = 0;
        for (int l = 1; l < line && at >= 0; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        String rest = text.substring(at);
        int cp = Math.min(column - 1, rest.codePointCount(0, rest.length()));
        return Math.min(text.length(), at + rest.offsetByCodePoints(0, Math.max(0, cp)));
    }
}
