package dev.vigil.lsp.text;

import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** An open document's text at one version, immutable: an edit makes a new one. */
public final class TextDocument {
    private final String uri;
    private final int version;
    private final String text;
    private volatile LineIndex lines;

    public TextDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = LineIndex.of(text);
            lines = l;
        }
        return l;
    }

    /**
     * This document with {@code changes} applied in order, as incremental sync sends them: each range is
     * in the text as the changes before it left it; a change without a range replaces the whole text.
     */
    public TextDocument edited(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        String current = text;
        LineIndex index = lines;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                current = change.getText();
                index = null;
                continue;
            }
            if (index == null) {
                index = LineIndex.of(current);
            }
            int start = index.offset(change.getRange().getStart());
            int end = Math.max(start, index.offset(change.getRange().getEnd()));
            current = current.substring(0, start) + change.getText() + current.substring(end);
            index = null;
        }
        return new TextDocument(uri, newVersion, current);
    }
}
