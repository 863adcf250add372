package dev.vigil.compiler.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as plain text for a terminal, and as Markdown for a pull-request comment (a
 * collapsible section per service). One change is one line in both.
 */
public final class DiffText {
    private DiffText() {
    }

    /** A change on one line, without its mark: {@code PsiFieldPodDrift: threshold 0.3 → 1.0, for 3m → 10m}. */
    public static String line(Change c) {
        if (c.action() == Change.Action.EFFECT) {
            return c.detail();
        }
        String fields = c.fields().stream().map(Change.Field::text).collect(Collectors.joining(", "));
        String rest = fields.isEmpty() ? c.detail() : c.detail().isEmpty() ? fields : fields + "; " + c.detail();
        return c.name() + (rest.isEmpty() ? "" : ": " + rest) + from(c.templates(), Texts::code);
    }

    /**
     * A template change on one line, without its mark: {@code red: default error_ratio 5% → 2%; affects 2
     * alerts in 2 services}.
     */
    public static String line(TemplateChange t) {
        String what = t.fields().isEmpty() ? t.detail()
                : t.fields().stream().map(Change.Field::text).collect(Collectors.joining(", "));
        return t.name() + ": " + what + "; " + t.reach().text();
    }

    /** {@code  (from template `queue_lag` in `red`)} for an object expanded from templates, innermost first; else empty. */
    static String from(List<String> templates, java.util.function.UnaryOperator<String> code) {
        if (templates.isEmpty()) {
            return "";
        }
        return " (from template " + templates.stream().map(code).collect(Collectors.joining(" in ")) + ")";
    }

    public static String text(DiffReport r) {
        StringBuilder out = new StringBuilder();
        out.append("vigil diff: ").append(r.before()).append(" → ").append(r.after()).append('\n');
        if (r.isEmpty()) {
            return out.append("No changes: both sides compile to the same model.\n").toString();
        }
        if (!r.templates().isEmpty()) {
            out.append('\n').append("templates\n");
            for (TemplateChange t : r.templates()) {
                out.append("  ").append(t.action().symbol()).append(' ').append(line(t)).append('\n');
            }
        }
        for (ServiceDiff s : r.services()) {
            out.append('\n').append("service ").append(s.name())
                    .append(s.status() == ServiceDiff.Status.CHANGED ? "" : " (" + s.status().id() + ")").append('\n');
            kinds(s.changes(), out, false);
        }
        if (!r.project().isEmpty()) {
            out.append('\n').append("project\n");
            kinds(r.project(), out, false);
        }
        if (!r.impacts().isEmpty()) {
            out.append('\n').append("impact\n");
            for (Impact i : r.impacts()) {
                out.append("  ").append(i.breaking() ? "breaking: " : "note: ").append(i.message()).append('\n');
            }
        }
        out.append('\n').append(summary(r)).append('\n');
        return out.toString();
    }

    public static String markdown(DiffReport r) {
        StringBuilder out = new StringBuilder();
        out.append("### Vigil diff: ").append(Markdown.code(r.before())).append(" → ").append(Markdown.code(r.after()))
                .append("\n\n");
        if (r.isEmpty()) {
            return out.append("No changes: both sides compile to the same model.\n").toString();
        }
        out.append(Markdown.escape(summary(r))).append("\n\n");
        if (!r.impacts().isEmpty()) {
            out.append("**Impact**\n\n");
            for (Impact i : r.impacts()) {
                out.append("- ").append(i.breaking() ? "**breaking**: " : "note: ").append(Markdown.prose(i.message()))
                        .append('\n');
            }
            out.append('\n');
        }
        if (!r.templates().isEmpty()) {
            out.append("**Templates**\n\n");
            for (TemplateChange t : r.templates()) {
                out.append("- ").append(mark(t.action())).append(' ').append(Markdown.line(t)).append('\n');
            }
            out.append('\n');
        }
        for (ServiceDiff s : r.services()) {
            String status = s.status() == ServiceDiff.Status.CHANGED ? "" : " (" + s.status().id() + ")";
            section("<code>" + Markdown.html(s.name()) + "</code>" + status + ": " + count(s.changes().size()),
                    s.changes(), out);
        }
        if (!r.project().isEmpty()) {
            section("project: " + count(r.project().size()), r.project(), out);
        }
        return out.toString();
    }

    private static void section(String summary, List<Change> changes, StringBuilder out) {
        out.append("<details><summary>").append(summary).append("</summary>\n\n");
        kinds(changes, out, true);
        out.append("\n</details>\n\n");
    }

    /** The changes under a heading per kind, in the order they come (sorted by kind). */
    private static void kinds(List<Change> changes, StringBuilder out, boolean markdown) {
        Change.Kind current = null;
        for (Change c : changes) {
            if (c.kind() != current) {
                if (markdown && current != null) {
                    out.append('\n');
                }
                current = c.kind();
                out.append(markdown ? "**" + current.heading() + "**\n\n" : "  " + current.heading() + "\n");
            }
            if (markdown) {
                out.append("- ").append(mark(c.action())).append(' ').append(Markdown.line(c)).append('\n');
            } else {
                out.append("    ").append(c.action().symbol()).append(' ').append(line(c)).append('\n');
            }
        }
    }

    private static String mark(Change.Action action) {
        return switch (action) {
            case ADDED -> "➕";
            case REMOVED -> "➖";
            case EFFECT -> "↪";
            default -> "✏️";
        };
    }

    static String summary(DiffReport r) {
        List<String> parts = new ArrayList<>();
        parts.add(count(r.changeCount()) + " in " + r.services().size() + (r.services().size() == 1 ? " service"
                : " services") + (r.project().isEmpty() ? "" : " and the project"));
        if (!r.templates().isEmpty()) {
            parts.add(r.templates().size() + (r.templates().size() == 1 ? " template" : " templates") + " changed");
        }
        parts.add(r.breakingCount() + " breaking");
        long notes = r.impacts().size() - r.breakingCount();
        if (notes > 0) {
            parts.add(notes + (notes == 1 ? " note" : " notes"));
        }
        return String.join(", ", parts) + ".";
    }

    private static String count(int n) {
        return n + (n == 1 ? " change" : " changes");
    }
}
