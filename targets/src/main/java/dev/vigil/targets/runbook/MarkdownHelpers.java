package dev.vigil.targets.runbook;

/** {@link Markdown} as methods templates call: {@code ${md.code(alert.name)}}. */
public final class MarkdownHelpers {
    public String text(String s) {
        return Markdown.text(s);
    }

    public String code(String s) {
        return Markdown.code(s);
    }

    public String cellCode(String s) {
        return Markdown.cellCode(s);
    }

    public String block(String s, String language) {
        return Markdown.block(s, language);
    }

    public String link(String title, String url) {
        return Markdown.link(title, url);
    }

    public String prose(String s) {
        return Markdown.prose(s);
    }
}
