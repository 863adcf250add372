package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The users' Markdown on the site: raw HTML as text, only web links, images as links. */
class ProseHtmlTest {
    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;",
                ProseHtml.inline("<script>alert(1)</script> and <img src=x onerror=alert(1)>"));
    }

    @Test
    void aLinkToAnythingButTheWebKeepsOnlyItsText() {
        assertEquals("run <em>this</em> now", ProseHtml.inline("run [*this*](javascript:alert(1)) now"));
        assertEquals("see the notes", ProseHtml.inline("see [the notes](../notes.md)"));
        assertEquals("<a href=\"https://example.com/x\" title=\"t\">docs</a>",
                ProseHtml.inline("[docs](https://example.com/x \"t\")"));
    }

    @Test
    void anImageIsALinkSoNothingLoadsFromAnotherHost() {
        assertEquals("<a href=\"https://example.com/g.png\">graph</a>", ProseHtml.inline("![graph](https://example.com/g.png)"));
        assertEquals("graph", ProseHtml.inline("![graph](data:image/png;base64,AAAA)"));
    }
}
