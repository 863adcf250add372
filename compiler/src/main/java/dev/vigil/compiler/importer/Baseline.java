package dev.vigil.compiler.importer;

import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.diag.Suppressions;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.validate.DslSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code vigil import --baseline}: a {@code // vigil:ignore <id> imported: <reason>} comment for every
 * finding that can be suppressed, on its own line before the innermost declaration that holds the
 * finding, so it covers that declaration (docs/language.md, "Checks").
 */
final class Baseline {
    static final String PREFIX = "imported: ";

    private Baseline() {
    }

    /** Whether a finding gets a suppression: it can have one, and is not about suppressions themselves. */
    static boolean wanted(Diagnostic d) {
        return !d.isSuppressed() && Suppressions.suppressible(d) && !d.inFamily("Suppression");
    }

    /** The file's text with the suppressions for {@code findings} (all in this file) added. */
    static String apply(SourceFile file, List<Diagnostic> findings) {
        if (findings.isEmpty()) {
            return file.text();
        }
        List<Span> scopes = VigilSourceParser.parse(file, new DiagnosticSink()).map(DslSuppressions::scopes)
                .orElse(List.of());
        // Line -> id -> reason; one comment per id and declaration.
        TreeMap<Integer, TreeMap<String, String>> comments = new TreeMap<>();
        for (Diagnostic d : findings) {
            int line = innermost(d.span(), scopes).map(Span::line).orElse(d.span().line());
            comments.computeIfAbsent(line, k -> new TreeMap<>()).putIfAbsent(d.code(), reason(d));
        }
        List<String> lines = new ArrayList<>(List.of(file.text().split("\n", -1)));
        for (Map.Entry<Integer, TreeMap<String, String>> e : comments.descendingMap().entrySet()) {
            int index = Math.max(0, Math.min(e.getKey() - 1, lines.size() - 1));
            String target = lines.get(index);
            String indent = target.substring(0, target.length() - target.stripLeading().length());
            List<String> added = new ArrayList<>();
            e.getValue().forEach((id, reason) -> added.add(indent + "// " + Suppression.MARKER + " " + id + " " + reason));
            lines.addAll(index, added);
        }
        return String.join("\n", lines);
    }

    /** One line, as a reviewer reads it: the finding's own message. */
    static String reason(Diagnostic d) {
        return PREFIX + d.message().replaceAll("\\s+", " ").strip();
    }

    private static java.util.Optional<Span> innermost(Span at, List<Span> scopes) {
        Span best = null;
        for (Span s : scopes) {
            if (contains(s, at) && (best == null || contains(best, s))) {
                best = s;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static boolean contains(Span outer, Span inner) {
        boolean startsBefore = outer.line() < inner.line()
                || (outer.line() == inner.line() && outer.column() <= inner.column());
        boolean endsAfter = outer.endLine() > inner.line()
                || (outer.endLine() == inner.line() && outer.endColumn() >= inner.column());
        return startsBefore && endsAfter;
    }
}
