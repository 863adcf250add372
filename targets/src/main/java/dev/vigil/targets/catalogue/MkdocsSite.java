package dev.vigil.targets.catalogue;

import dev.vigil.compiler.model.WebUrl;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.runbook.Markdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes a {@link Page} as Markdown for MkDocs (and Backstage TechDocs, which builds with MkDocs): the same
 * pages at the same URLs as the HTML site, {@code docs/<path>index.md} for page {@code <path>}. Text is
 * escaped by {@link Markdown}, whose rules the runbooks use too, with what Python-Markdown reads otherwise
 * ({@link #text}); nested blocks are indented 4 spaces, which CommonMark and Python-Markdown both read as
 * inside the item. The only raw HTML is the diagrams' inline SVG and code with a {@code |} in table cells.
 * MkdocsBuildTest builds the samples' trees with {@code mkdocs build --strict} and compares them with the HTML.
 */
final class MkdocsSite {
    static final String DOCS = "docs/";
    /** What the pages need of Python-Markdown: {@code {#id}} on headings and {@code {: .class}} (attr_list), tables, fences in lists. */
    static final List<String> MARKDOWN_EXTENSIONS = List.of("toc", "tables", "attr_list", "pymdownx.superfences");

    private MkdocsSite() {
    }

    /** The file a page is written to, below {@code mkdocs/docs/}. */
    static String file(String pagePath) {
        return pagePath + "index.md";
    }

    static String config(String siteTitle, String baseUrl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("site_name", siteTitle);
        c.put("site_url", baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        c.put("docs_dir", "docs");
        c.put("use_directory_urls", true);
        c.put("strict", true);
        // The mkdocs theme loads highlight.js from a CDN unless told not to; the pages load nothing from elsewhere.
        Map<String, Object> theme = new LinkedHashMap<>();
        theme.put("name", "mkdocs");
        theme.put("highlightjs", false);
        c.put("theme", theme);
        // No search plugin: the catalogue's own search page is at /search/, as on the HTML site.
        c.put("plugins", List.of());
        c.put("markdown_extensions", MARKDOWN_EXTENSIONS);
        c.put("nav", List.of(Map.of("Home", "index.md"), Map.of("Routing", "routing/index.md"),
                Map.of("Search", "search/index.md")));
        return Yaml.dump(c);
    }

    static String render(Page page) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(text(page.title())).append("\n");
        for (Block b : page.blocks()) {
            out.append("\n");
            block(page, out, b, "");
        }
        return out.toString();
    }

    /** A page an alias leaves behind: a link on to the alert's page (MkDocs writes no redirects of its own). */
    static String redirect(String path, String target, String alias, String alert) {
        Page page = new Page(path, alias, Page.Kind.ALERT, List.of());
        return "# " + text(alias) + "\n\nThe alert " + Markdown.code(alias) + " is now ["
                + Markdown.code(alert) + "](" + link(page, target) + ").\n";
    }

    private static void block(Page page, StringBuilder out, Block block, String indent) {
        if (block instanceof Block.Heading h) {
            out.append(indent).append("#".repeat(h.level())).append(' ').append(inlines(page, h.text()))
                    .append(" {#").append(h.id()).append("}\n");
        } else if (block instanceof Block.Paragraph p) {
            out.append(indent).append(inlines(page, p.text())).append("\n");
        } else if (block instanceof Block.Prose p) {
            for (String line : Markdown.markdown(p.markdown()).split("\n", -1)) {
                out.append(line.isEmpty() ? "" : indent).append(line).append("\n");
            }
        } else if (block instanceof Block.Fields f) {
            for (Block.Field field : f.fields()) {
                out.append(indent).append("- **").append(text(field.label())).append(":** ")
                        .append(inlines(page, field.value())).append("\n");
            }
        } else if (block instanceof Block.Table t) {
            out.append(indent).append("*").append(text(t.caption())).append("*\n\n");
            out.append(indent).append("| ").append(String.join(" | ", t.header().stream().map(MkdocsSite::text).toList()))
                    .append(" |\n");
            out.append(indent).append("|").append("---|".repeat(t.header().size())).append("\n");
            for (List<List<Inline>> row : t.rows()) {
                out.append(indent).append("| ")
                        .append(String.join(" | ", row.stream().map(c -> cell(page, c)).toList())).append(" |\n");
            }
        } else if (block instanceof Block.Items l) {
            // Items with blocks of their own are set apart by blank lines: Python-Markdown (superfences) reads the
            // next marker straight after a closing fence as text of the fenced item, and the list ends there.
            boolean loose = l.items().stream().anyMatch(i -> !i.children().isEmpty());
            for (int n = 0; n < l.items().size(); n++) {
                Block.Item item = l.items().get(n);
                String marker = l.ordered() ? (n + 1) + ". " : "- ";
                if (loose && n > 0) {
                    out.append("\n");
                }
                out.append(indent).append(marker).append(inlines(page, item.text())).append("\n");
                for (Block child : item.children()) {
                    out.append("\n");
                    block(page, out, child, indent + "    ");
                }
            }
        } else if (block instanceof Block.Code c) {
            for (String line : Markdown.block(c.text(), c.language()).split("\n", -1)) {
                out.append(indent).append(line).append("\n");
            }
        } else if (block instanceof Block.SearchBox) {
            // A class of its own (attr_list), so a theme may hide it; the HTML site shows a search field here instead.
            out.append(indent).append("Every alert is listed below; the HTML site's search page also searches them.\n")
                    .append(indent).append("{: .search-note }\n");
        } else if (block instanceof Block.Figure f) {
            // One line of raw HTML, which Python-Markdown and CommonMark both pass through as a block.
            Document doc = Document.createShell("");
            doc.outputSettings().prettyPrint(false);
            Element figure = doc.body().appendElement("figure");
            HtmlSite.svg(figure, f.svg());
            figure.appendElement("figcaption").text(f.caption());
            out.append(indent).append(figure.outerHtml()).append("\n");
        }
    }

    private static String cell(Page page, List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        for (Inline i : inlines) {
            out.append(i instanceof Inline.Code c ? cellCode(c.code()) : inlines(page, List.of(i)));
        }
        return out.toString();
    }

    private static String inlines(Page page, List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Inline.Text t) {
                out.append(text(t.text()));
            } else if (i instanceof Inline.Code c) {
                out.append(Markdown.code(c.code()));
            } else if (i instanceof Inline.Strong s) {
                out.append("**").append(text(s.text())).append("**");
            } else if (i instanceof Inline.PageLink l) {
                out.append('[').append(inlines(page, l.text())).append("](").append(link(page, l.target())).append(')');
            } else if (i instanceof Inline.WebLink l) {
                out.append(WebUrl.problem(l.url()).isEmpty()
                        ? "[" + inlines(page, l.text()) + "](<" + l.url().replace(">", "%3E").replace(" ", "%20") + ">)"
                        : inlines(page, l.text()));
            } else if (i instanceof Inline.Prose p) {
                out.append(Markdown.prose(p.markdown()));
            }
        }
        return out.toString();
    }

    /**
     * Literal text for both CommonMark and Python-Markdown, with the spaces at its ends kept ({@link Markdown#text}
     * trims, and {@code "Panel: "} before a link must keep its space). Python-Markdown has no backslash escape
     * for {@code <} or {@code ~} and would show the backslash, so those are character references, as is
     * {@code &}, which would otherwise start one.
     */
    static String text(String s) {
        String escaped = Markdown.text(s).replace("&", "&amp;").replace("\\<", "&lt;").replace("\\~", "&#126;");
        if (escaped.isEmpty()) {
            return s.isEmpty() ? "" : " ";
        }
        boolean before = Character.isWhitespace(s.charAt(0));
        boolean after = Character.isWhitespace(s.charAt(s.length() - 1));
        return (before ? " " : "") + escaped + (after ? " " : "");
    }

    /**
     * Code in a table cell. A {@code |} splits a GFM cell even inside backticks unless escaped, while
     * Python-Markdown keeps the escape's backslash in code; so such code is an HTML {@code <code>} element whose
     * every character but letters, digits and spaces is a numeric reference, which neither reads as markup.
     */
    static String cellCode(String code) {
        if (code.indexOf('|') < 0) {
            return Markdown.code(code);
        }
        StringBuilder out = new StringBuilder("<code>");
        code.strip().codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == ' ') {
                out.appendCodePoint(c);
            } else {
                out.append("&#").append(c).append(';');
            }
        });
        return out.append("</code>").toString();
    }

    /** A link from {@code page} to the Markdown file of the page at {@code target} (maybe with a fragment). */
    static String link(Page page, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? "" : target.substring(hash);
        if (path.isEmpty() && !fragment.isEmpty() && hash == 0) {
            return fragment;
        }
        return "../".repeat(page.depth()) + file(path) + fragment;
    }
}
