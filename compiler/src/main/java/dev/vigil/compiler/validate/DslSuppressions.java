package dev.vigil.compiler.validate;

import dev.vigil.compiler.ast.Comment;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Suppression;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code // vigil:ignore Id reason} comments in a .vigil file. A comment on a line of its own
 * covers the declaration that starts next (an alert, a recording rule, a group, a panel, a
 * receiver ...) inside the same block, or else the block it stands in; a comment at the end of a
 * line covers the innermost declaration that starts on that line.
 */
public final class DslSuppressions {
    private DslSuppressions() {
    }

    public static List<Suppression> in(VigilFile file) {
        List<Span> scopes = scopes(file);
        List<Suppression> out = new ArrayList<>();
        for (Comment c : file.comments()) {
            String body = stripMarkers(c.text());
            if (!body.strip().startsWith(Suppression.MARKER)) {
                continue;
            }
            Span scope = scopeFor(c.span(), scopes);
            Suppression.parse(body, scope == null ? c.span() : scope, c.span()).ifPresent(out::add);
        }
        return out;
    }

    /** The declarations a suppression comment can cover, outermost first (as {@code vigil import --baseline} places them). */
    public static List<Span> scopes(VigilFile file) {
        List<Span> scopes = new ArrayList<>();
        for (Decl d : file.decls()) {
            collect(d, scopes);
        }
        return scopes;
    }

    private static String stripMarkers(String text) {
        if (text.startsWith("//")) {
            return text.substring(2);
        }
        if (text.startsWith("#")) {
            return text.substring(1);
        }
        if (text.startsWith("/*") && text.endsWith("*/")) {
            return text.substring(2, text.length() - 2);
        }
        return text;
    }

    /** The declaration a comment at {@code where} applies to, or null when none follows it. */
    private static Span scopeFor(Span where, List<Span> scopes) {
        Span sameLine = null;
        Span next = null;
        Span enclosing = null;
        for (Span s : scopes) {
            boolean contains = (s.line() < where.line() || (s.line() == where.line() && s.column() <= where.column()))
                    && (s.endLine() > where.line() || (s.endLine() == where.line() && s.endColumn() > where.column()));
            if (contains && (enclosing == null || enclosing.to(s).sameRange(enclosing))) {
                enclosing = s;
            }
            if (s.line() == where.line() && s.column() < where.column()) {
                // Innermost: the latest-starting declaration on the comment's line.
                if (sameLine == null || s.column() > sameLine.column()) {
                    sameLine = s;
                }
            } else if (s.line() > where.line() && (next == null || s.line() < next.line()
                    || (s.line() == next.line() && s.column() < next.column()))) {
                next = s;
            }
        }
        if (sameLine != null) {
            return sameLine;
        }
        boolean nextIsInside = next != null && (enclosing == null || next.line() < enclosing.endLine());
        return nextIsInside ? next : enclosing;
    }

    private static void collect(Decl d, List<Span> scopes) {
        scopes.add(d.span());
        if (d instanceof Decl.ServiceDecl s) {
            for (Decl.ServiceMember m : s.members()) {
                scopes.add(m.span());
                if (m instanceof Decl.GroupDecl g) {
                    g.rules().forEach(r -> scopes.add(r.span()));
                } else if (m instanceof Decl.DashboardDecl db) {
                    for (Decl.DashboardItem item : db.items()) {
                        scopes.add(item.span());
                        if (item instanceof Decl.Row row) {
                            row.panels().forEach(p -> scopes.add(p.span()));
                        }
                    }
                }
            }
        } else if (d instanceof Decl.RoutingDecl r) {
            r.items().forEach(i -> scopes.add(i.span()));
        }
    }
}
