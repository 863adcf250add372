package dev.vigil.lsp.features.preview;

import java.util.Objects;

/**
 * One artifact of a {@code vigil/preview} answer: a title (where {@code vigil build} writes it, or what it
 * is), the language of its text ({@code yaml}, {@code markdown}) and the text. A plain class, as lsp4j's JSON
 * writes and reads its fields.
 */
public final class PreviewItem {
    private String title;
    private String language;
    private String text;

    public PreviewItem() {
    }

    public PreviewItem(String title, String language, String text) {
        this.title = title;
        this.language = language;
        this.text = text;
    }

    public String getTitle() {
        return title;
    }

    public String getLanguage() {
        return language;
    }

    public String getText() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreviewItem p && Objects.equals(title, p.title) && Objects.equals(language, p.language)
                && Objects.equals(text, p.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, language, text);
    }

    @Override
    public String toString() {
        return title + " (" + language + ")\n" + text;
    }
}
