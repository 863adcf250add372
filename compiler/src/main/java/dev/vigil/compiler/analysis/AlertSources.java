package dev.vigil.compiler.analysis;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.LabelPair;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.model.RuleGroup;
import dev.vigil.compiler.model.Service;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an alert's texts were written, so checks can point into a summary or a label value rather
 * than at the alert's name. Models built from a rule file carry these spans on the alert itself;
 * anything not found falls back to the alert's own span. Also lists every alert with its service.
 */
public final class AlertSources {
    /** An alert and the service it belongs to. */
    public record Owned(Rule.Alert alert, Service service) {
    }

    private final Map<Span, Decl.AlertDecl> decls = new HashMap<>();
    private final List<Owned> alerts = new ArrayList<>();

    private AlertSources() {
    }

    public static AlertSources of(Project project) {
        AlertSources s = new AlertSources();
        for (VigilFile f : project.files()) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.ServiceDecl sd) {
                    for (Decl.ServiceMember m : sd.members()) {
                        if (m instanceof Decl.GroupDecl g) {
                            for (Decl.RuleDecl r : g.rules()) {
                                if (r instanceof Decl.AlertDecl a && a.name() != null) {
                                    s.decls.putIfAbsent(a.name().span(), a);
                                }
                            }
                        }
                    }
                }
            }
        }
        for (Service svc : project.services()) {
            for (RuleGroup g : svc.groups()) {
                for (Rule r : g.rules()) {
                    if (r instanceof Rule.Alert a) {
                        s.alerts.add(new Owned(a, svc));
                    }
                }
            }
        }
        return s;
    }

    public List<Owned> alerts() {
        return alerts;
    }

    /** The value of annotation {@code which} ({@code summary}, {@code description}, ...), or the alert's span. */
    public Span annotation(Rule.Alert alert, String which) {
        Decl.AlertDecl d = alert.span() == null ? null : decls.get(alert.span());
        if (d != null) {
            for (Decl.AlertProp p : d.properties()) {
                if (which.equals("summary") && p instanceof Decl.Summary s && s.value() != null) {
                    return s.value().span();
                }
                if (which.equals("description") && p instanceof Decl.Description s && s.value() != null) {
                    return s.value().span();
                }
            }
        }
        return alert.textSpans().getOrDefault(Rule.Alert.annotationKey(which), fallback(alert));
    }

    /** The value of the static label {@code name}, or the alert's span. */
    public Span label(Rule.Alert alert, String name) {
        return writtenLabel(alert, name).orElse(fallback(alert));
    }

    /** Where the alert itself sets the static label {@code name}; empty when it comes from elsewhere (its service). */
    public java.util.Optional<Span> writtenLabel(Rule.Alert alert, String name) {
        Decl.AlertDecl d = alert.span() == null ? null : decls.get(alert.span());
        if (d != null) {
            for (Decl.AlertProp p : d.properties()) {
                if (p instanceof Decl.AlertLabels l) {
                    for (LabelPair pair : l.labels()) {
                        if (pair.name() != null && pair.name().text().equals(name) && pair.value() != null) {
                            return java.util.Optional.of(pair.value().span());
                        }
                    }
                }
            }
        }
        return java.util.Optional.ofNullable(alert.textSpans().get(Rule.Alert.labelKey(name)));
    }

    /**
     * The span of the character at {@code offset} of a string written at {@code literal}, when the
     * literal can be mapped character by character (no escapes); else the whole literal.
     */
    public static Span at(Span literal, String text, int offset) {
        if (literal == null || literal.isNone() || text == null || offset < 0 || offset > text.length()) {
            return literal == null ? Span.NONE : literal;
        }
        int lines = 0;
        int lastBreak = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
                lastBreak = i;
            }
        }
        int lastLineLength = text.length() - lastBreak - 1;
        int expectedEndColumn = lines == 0 ? literal.column() + text.length() + 2 : lastLineLength + 2;
        if (literal.endLine() - literal.line() != lines || literal.endColumn() != expectedEndColumn) {
            return literal; // escapes or a different quoting: positions would be wrong
        }
        int line = literal.line();
        int col = literal.column() + 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return Span.point(literal.file(), line, col);
    }

    private static Span fallback(Rule.Alert alert) {
        return alert.span() == null ? Span.NONE : alert.span();
    }
}
