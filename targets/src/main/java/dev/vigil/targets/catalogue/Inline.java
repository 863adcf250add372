package dev.vigil.targets.catalogue;

import java.util.List;

/** A run of text inside a {@link Block}. */
public sealed interface Inline {

    record Text(String text) implements Inline {
    }

    record Code(String code) implements Inline {
    }

    record Strong(String text) implements Inline {
    }

    /** A link to another page of the catalogue ({@code alerts/x/}, maybe with {@code #fragment}), made relative. */
    record PageLink(String target, List<Inline> text) implements Inline {
        public PageLink {
            text = List.copyOf(text);
        }
    }

    /** A link to a web address the model holds (a dashboard, a runbook kept elsewhere): http or https only. */
    record WebLink(String url, List<Inline> text) implements Inline {
        public WebLink {
            text = List.copyOf(text);
        }
    }

    /** Markdown the user wrote on one line ({@code summary}, a triage step), rendered as {@link Block.Prose} is. */
    record Prose(String markdown) implements Inline {
    }

    static List<Inline> text(String s) {
        return List.of(new Text(s));
    }

    static List<Inline> code(String s) {
        return List.of(new Code(s));
    }

    static Inline link(String target, String text) {
        return new PageLink(target, List.of(new Text(text)));
    }

    static Inline codeLink(String target, String code) {
        return new PageLink(target, List.of(new Code(code)));
    }
}
