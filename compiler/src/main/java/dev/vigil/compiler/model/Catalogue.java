package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.Objects;

/**
 * The generated site of alert, service, SLO and routing pages ({@code catalogue { }} or the build's option):
 * where it is published, so that every {@code runbook_url} can point at its alert's page, and its title.
 * {@code span} is where the sources declare it ({@link Span#NONE} when only the build sets it).
 */
public record Catalogue(String baseUrl, String title, Span span) {
    public static final String DEFAULT_TITLE = "Monitoring catalogue";

    public Catalogue {
        Objects.requireNonNull(baseUrl, "baseUrl");
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title;
        span = span == null ? Span.NONE : span;
    }

    /** The published address of a page at {@code path} ({@code alerts/x/}), relative to the site's root. */
    public String url(String path) {
        return Links.trimSlash(baseUrl) + "/" + path;
    }
}
