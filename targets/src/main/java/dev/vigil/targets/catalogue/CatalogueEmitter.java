package dev.vigil.targets.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.compiler.model.Catalogue;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Emitter;
import dev.vigil.targets.OutputManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue, when the project declares one: {@code site/}, a static HTML site, and {@code mkdocs/}, the
 * same pages as a MkDocs source tree, both from one list of {@link Page}s. Every alert's page is at
 * {@code alerts/<slug>/}, where its {@code runbook_url} points ({@link Links#runbookUrl}); an alias leaves a
 * page that sends readers on. {@code catalogue.json} holds what the pages show, for other tools.
 */
public final class CatalogueEmitter implements Emitter {
    static final String SITE = "site/";
    static final String MKDOCS = "mkdocs/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public void emit(Project project, EmitSettings settings, OutputManifest out) {
        Catalogue catalogue = project.settings().catalogue();
        if (catalogue == null || !project.fromVigilSources()) {
            return;
        }
        Site site = Site.of(project);
        List<Page> pages = pages(site);
        HtmlSite html = new HtmlSite(catalogue.title());
        for (Page p : pages) {
            out.writeText(SITE + p.path() + "index.html", html.render(p));
            out.writeText(MKDOCS + MkdocsSite.DOCS + MkdocsSite.file(p.path()), MkdocsSite.render(p));
        }
        for (Site.AlertEntry e : site.alerts()) {
            for (Rule.Alias alias : e.alert().runbook().aliases()) {
                String path = Links.alertPage(alias.name());
                String target = Links.alertPage(e.alert().name());
                out.writeText(SITE + path + "index.html", html.redirect(path, target, alias.name(), e.alert().name()));
                out.writeText(MKDOCS + MkdocsSite.DOCS + MkdocsSite.file(path),
                        MkdocsSite.redirect(path, target, alias.name(), e.alert().name()));
            }
        }
        out.writeText(SITE + "404.html", html.render(SearchPages.notFound(site), rootPath(catalogue.baseUrl())));
        out.writeText(SITE + HtmlSite.STYLE, resource("site.css"));
        out.writeText(SITE + HtmlSite.SCRIPT, resource("site.js"));
        out.writeText(SITE + HtmlSite.SEARCH_INDEX, SearchIndex.script(site));
        String json = CatalogueJson.of(site, pages);
        out.writeText(SITE + "catalogue.json", json);
        out.writeText(MKDOCS + MkdocsSite.DOCS + "catalogue.json", json);
        out.writeText(MKDOCS + "mkdocs.yml", MkdocsSite.config(catalogue.title(), catalogue.baseUrl()));
    }

    /** Every page of the site, home first. */
    static List<Page> pages(Site site) {
        RouteTree tree = RouteTree.of(site);
        List<Page> pages = new ArrayList<>();
        pages.add(HomePages.home(site, tree));
        pages.add(SearchPages.search(site));
        pages.add(RoutingPages.routing(site, tree));
        pages.addAll(AlertPages.build(site));
        pages.addAll(ServicePages.services(site));
        pages.addAll(SloPages.slos(site, tree));
        pages.addAll(RoutingPages.receivers(site, tree));
        pages.addAll(DashboardPages.dashboards(site));
        return pages;
    }

    /** The path part of the base URL, ending in {@code /}: what a link from a page served at any depth starts with. */
    static String rootPath(String baseUrl) {
        String path = URI.create(baseUrl).getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    private static String resource(String name) {
        try (InputStream in = CatalogueEmitter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
