package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.model.Links;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Model text written to attack the page (a script, a {@code javascript:} link, an image with an {@code onerror},
 * and Go template actions that Alertmanager or Prometheus would run elsewhere) is shown as text and runs nowhere:
 * in every page of {@code site/} and in the MkDocs Markdown.
 */
class AlertHostileTextTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String LINK = "[x](javascript:alert(1))";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String LABELS = "{{ .Labels }}";
    private static final String TEMPLATE = "{{ template \"x\" }}";
    private static final List<String> HOSTILE = List.of(SCRIPT, LINK, IMG, LABELS, TEMPLATE);

    /** All the hostile texts in one line, as a Vigil string literal. */
    private static String all() {
        return "\"" + String.join(" ", HOSTILE).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static AlertSamples.Built hostile() {
        String text = all();
        return AlertSamples.text("hostile",
                "catalogue { base_url \"https://docs.example.com/\" title " + text + " }",
                "routing {",
                "  receiver chat slack { api_url_file \"/etc/am/slack\" }",
                "  route default to chat",
                "}",
                "service api {",
                "  team " + text,
                "  group api_alerts {",
                "    alert ApiDown {",
                "      when up{job=\"api\"} == 0",
                "      for 5m",
                "      severity critical",
                "      summary " + text,
                "      description " + text,
                "      aliases [\"ApiOffline\", " + text + "]",
                "      runbook {",
                "        meaning " + text,
                "        triage " + text,
                "        remediate " + text + " run " + text,
                "        escalate " + text,
                "      }",
                "    }",
                "  }",
                "  // Templates that cannot render (no template \"x\") are only tested for staying silent.",
                "  test " + text + " {",
                "    every 1m",
                "    series up{job=\"api\", instance=\"a\"} = \"0x10\"",
                "    at 1m expect no alert ApiDown",
                "  }",
                "}",
                "service web {",
                "  group web_alerts {",
                "    alert WebDown {",
                "      when up{job=\"web\"} == 0",
                "      for 2m",
                "      severity warning",
                "      summary \"The web is down\"",
                "      runbook {",
                "        meaning " + text,
                "        remediate " + text + " run " + text,
                "      }",
                "    }",
                "  }",
                "  test " + text + " {",
                "    every 1m",
                "    series up{job=\"web\", instance=\"" + String.join(" ", HOSTILE).replace("\"", "'") + "\"} = \"1 0x10\"",
                "    at 6m expect alert WebDown { job = \"web\", instance = \"" + String.join(" ", HOSTILE).replace("\"", "'") + "\" }",
                "  }",
                "}");
    }

    @Test
    void hostileTextIsShownAndRunsNowhere() {
        AlertSamples.Built b = hostile();
        int pages = 0;
        for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
            String path = f.getKey();
            if (path.startsWith("site/") && path.endsWith(".html")) {
                pages++;
                inert(path, b.html(path));
            }
        }
        assertTrue(pages > 3, "pages checked: " + pages);
        for (String alert : List.of("ApiDown", "WebDown")) {
            String shown = b.html("site/" + Links.alertPage(alert) + "index.html").select("main").text();
            for (String h : List.of(SCRIPT, IMG, LABELS, TEMPLATE)) {
                assertTrue(shown.contains(h), alert + "'s page shows " + h + " as text: " + shown);
            }
        }
        // The hostile alias leaves a page that shows it as text and sends the reader on to ApiDown's page.
        String alias = String.join(" ", HOSTILE);
        Document stub = b.html("site/" + Links.alertPage(alias) + "index.html");
        assertEquals(alias, stub.selectFirst("h1").text());
        assertTrue(stub.selectFirst("meta[http-equiv=refresh]").attr("content").endsWith("/apidown/"), stub.toString());
        // The chart of WebDown's test names the series in its SVG as ASCII text only.
        Element svg = b.html("site/" + Links.alertPage("WebDown") + "index.html").selectFirst("figure svg");
        assertTrue(svg != null && svg.outerHtml().chars().allMatch(c -> c < 0x80), "the chart is ASCII: " + svg);
    }

    /**
     * The MkDocs Markdown holds no raw {@code <script} or {@code <img} outside code: Python-Markdown passes raw
     * HTML through.
     */
    @Test
    void hostileTextStaysOutOfTheMarkdownAsHtml() {
        AlertSamples.Built b = hostile();
        for (Map.Entry<String, byte[]> f : b.files().entrySet()) {
            String path = f.getKey();
            if (path.startsWith("mkdocs/") && path.endsWith(".md")) {
                // Code (fenced blocks, code spans) is shown as written by both renderers, so it is left out.
                String md = b.text(path).replaceAll("(?ms)^ *(`{3,}|~{3,}).*?^ *\\1 *$", "")
                        .replaceAll("`[^`\n]*`", "").toLowerCase(Locale.ROOT);
                for (String tag : List.of("<script", "<img")) {
                    int at = md.indexOf(tag);
                    assertFalse(at >= 0, path + " holds a raw " + tag + ": "
                            + (at < 0 ? "" : md.substring(Math.max(0, at - 80), Math.min(md.length(), at + 80))));
                }
            }
        }
    }

    private static void inert(String path, Document d) {
        for (Element s : d.select("script")) {
            assertTrue(s.hasAttr("src") && s.data().isEmpty(), path + ": a script that is not the site's own file: " + s);
            String src = s.attr("src");
            assertTrue(src.endsWith("assets/site.js") || src.endsWith("assets/search-index.js"),
                    path + ": a script from elsewhere: " + src);
            assertFalse(src.contains(":"), path + ": a script from another origin: " + src);
        }
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), path + ": an event handler: " + e);
                if (a.getKey().equalsIgnoreCase("href") || a.getKey().equalsIgnoreCase("src")) {
                    String v = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:"),
                            path + ": a script URL: " + e);
                }
            }
        }
        assertEquals(0, d.select("img, iframe, object, embed").size(), path + " embeds content");
    }
}
