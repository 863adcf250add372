package dev.vigil.targets.catalogue;

import java.util.ArrayList;
import java.util.List;

/** The search page, which lists every alert without script too, and the 404 page. */
final class SearchPages {
    private SearchPages() {
    }

    static Page search(Site site) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.SearchBox());
        b.add(AlertPages.heading("all-alerts", "All alerts"));
        b.add(OtherPages.alertTable("Every alert of the project", site.alerts()));
        return new Page("search/", "Search", Page.Kind.SEARCH, b);
    }

    static Page notFound(Site site) {
        String root = CatalogueEmitter.rootPath(site.project().settings().catalogue().baseUrl());
        return new Page("", "Page not found", Page.Kind.HOME, List.of(new Block.Paragraph(List.of(
                new Inline.Text("There is no page here. An alert's page is at "),
                new Inline.Code(root + "alerts/<name>/"),
                new Inline.Text(" with the name in lower case; "), Inline.link("search/", "search"),
                new Inline.Text(" lists every alert.")))));
    }
}
