package dev.vigil.compiler.diag;

import dev.vigil.compiler.source.Span;

/**
 * A written-down decision to silence one check for one rule: {@code // vigil:ignore Id reason} in
 * a .vigil file, {@code # vigil:ignore Id reason} in YAML. {@code scope} is the rule (or block) it
 * covers; {@code where} is the comment itself. The id may name a family ({@code Rate}) to cover
 * every check in it.
 */
public record Suppression(String id, String reason, Span scope, Span where) {
    /** The comment marker, after the comment's own leading characters. */
    public static final String MARKER = "vigil:ignore";

    public boolean covers(Diagnostic d) {
        return d.inFamily(id) && within(d.span(), scope);
    }

    private static boolean within(Span s, Span scope) {
        if (!s.file().equals(scope.file())) {
            return false;
        }
        boolean startsAfter = s.line() > scope.line() || (s.line() == scope.line() && s.column() >= scope.column());
        boolean endsBefore = s.line() < scope.endLine() || (s.line() == scope.endLine() && s.column() < scope.endColumn());
        return startsAfter && endsBefore;
    }

    /**
     * Parses the text of a comment (without its {@code //} or {@code #}). Empty when it is not a
     * suppression; a suppression with no reason has an empty reason, which {@link Suppressions} reports.
     */
    public static java.util.Optional<Suppression> parse(String commentBody, Span scope, Span where) {
        String body = commentBody.strip();
        if (!body.startsWith(MARKER)) {
            return java.util.Optional.empty();
        }
        String rest = body.substring(MARKER.length()).strip();
        if (rest.isEmpty()) {
            return java.util.Optional.of(new Suppression("", "", scope, where));
        }
        int space = rest.indexOf(' ');
        String id = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space + 1).strip();
        return java.util.Optional.of(new Suppression(id, reason, scope, where));
    }
}
