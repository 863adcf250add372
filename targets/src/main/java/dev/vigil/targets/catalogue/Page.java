package dev.vigil.targets.catalogue;

import java.util.List;

/**
 * One page of the catalogue as blocks, which {@link HtmlSite} writes as HTML for {@code site/} and
 * {@link MkdocsSite} as Markdown for {@code mkdocs/}: one page model, so the two trees say the same.
 * {@code path} is the page's URL below the site's root, lower-case and ending in {@code /}
 * ({@code alerts/apidown/}; {@code ""} for the home page); {@code title} is its one {@code h1}.
 */
public record Page(String path, String title, Kind kind, List<Block> blocks) {
    public Page {
        if (!path.isEmpty() && !path.endsWith("/")) {
            throw new IllegalArgumentException("A page's path ends in /: " + path);
        }
        blocks = List.copyOf(blocks);
    }

    /** What the page shows, for the navigation, the screenshots and {@code catalogue.json}. */
    public enum Kind {
        HOME, ALERT, SERVICE, SLO, ROUTING, RECEIVER, DASHBOARD, SEARCH
    }

    /** How many folders deep the page is: the number of {@code ../} that lead back to the root. */
    public int depth() {
        return path.isEmpty() ? 0 : path.split("/").length;
    }

    /** {@code target} (a page path, maybe with a {@code #fragment}) relative to this page. */
    public String relative(String target) {
        String up = "../".repeat(depth());
        String to = up + target;
        return to.isEmpty() ? "./" : to.startsWith("#") ? "./" + to : to;
    }
}
