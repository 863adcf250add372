package dev.vigil.targets.catalogue;

import java.util.Locale;
import java.util.Map;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The user's Markdown as HTML, by commonmark-java: raw HTML is escaped (shown as text), a link whose
 * target is not an absolute http, https or mailto address keeps its text but goes nowhere, and an image
 * becomes a link to it, so a page never loads anything from another host.
 */
final class ProseHtml {
    private static final Parser PARSER = Parser.builder().build();

    /** Web addresses only: a relative link would lead nowhere on the catalogue, `javascript:` would run. */
    private static final UrlSanitizer WEB_ONLY = new UrlSanitizer() {
        @Override
        public String sanitizeLinkUrl(String url) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    };

    private static final HtmlRenderer BLOCK = renderer(false);
    private static final HtmlRenderer INLINE = renderer(true);

    private ProseHtml() {
    }

    /** Markdown that may hold paragraphs and lists ({@code meaning}). */
    static String block(String markdown) {
        return BLOCK.render(PARSER.parse(markdown));
    }

    /** Markdown of one line ({@code summary}, a step): its paragraph's content, without the {@code <p>}. */
    static String inline(String markdown) {
        String html = INLINE.render(PARSER.parse(markdown.replace('\n', ' '))).strip();
        // A line opening with raw HTML is an HTML block, which escaped HTML renders as a paragraph of its own.
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).urlSanitizer(WEB_ONLY)
                .omitSingleParagraphP(inline).nodeRendererFactory(ImageAsLink::new)
                .nodeRendererFactory(UnsafeLinkAsText::new).build();
    }

    /** A link whose target is not a web address as its text alone: an empty {@code href} would lead to the page itself. */
    private record UnsafeLinkAsText(HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public java.util.Set<Class<? extends Node>> getNodeTypes() {
            return java.util.Set.of(Link.class);
        }

        @Override
        public void render(Node node) {
            Link link = (Link) node;
            String url = WEB_ONLY.sanitizeLinkUrl(link.getDestination());
            var html = context.getWriter();
            if (!url.isEmpty()) {
                Map<String, String> attributes = new java.util.LinkedHashMap<>();
                attributes.put("href", context.encodeUrl(url));
                if (link.getTitle() != null) {
                    attributes.put("title", link.getTitle());
                }
                html.tag("a", context.extendAttributes(link, "a", attributes));
            }
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            if (!url.isEmpty()) {
                html.tag("/a");
            }
        }
    }

    /** {@code ![alt](url)} as a link to the image with its alt text: no request leaves the page by itself. */
    private record ImageAsLink(HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public java.util.Set<Class<? extends Node>> getNodeTypes() {
            return java.util.Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = WEB_ONLY.sanitizeLinkUrl(image.getDestination());
            var html = context.getWriter();
            if (url.isEmpty()) {
                renderChildren(image);
                return;
            }
            html.tag("a", Map.of("href", context.encodeUrl(url)));
            renderChildren(image);
            html.tag("/a");
        }

        private void renderChildren(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }

}
