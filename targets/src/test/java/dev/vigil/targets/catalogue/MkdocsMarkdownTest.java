package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Repo;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.verify.ToolRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown Vigil writes, read by both renderers that matter: Python-Markdown with the extensions
 * {@code mkdocs.yml} names (what MkDocs and TechDocs use) and commonmark-java (CommonMark, as GitHub and
 * most viewers read it). Nested blocks must stay inside their list item in both, and a page's Markdown
 * must say what its HTML says. The Python that runs {@code mkdocs} is used; without it and its
 * {@code markdown} and {@code pymdownx} modules the test fails on CI and skips, loudly, elsewhere.
 */
class MkdocsMarkdownTest {
    private static Path python;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPython() throws IOException {
        Tool mkdocs = Tool.require("mkdocs");
        // The interpreter the mkdocs script names has the modules MkDocs uses; `python3` on the PATH may not.
        String first = Files.readAllLines(mkdocs.executable()).stream().findFirst().orElse("");
        python = first.startsWith("#!/") && first.contains("python") ? Path.of(first.substring(2).strip().split(" ")[0])
                : Tool.require("python3").executable();
        ToolRunner.Run run = new ToolRunner(python, Duration.ofSeconds(60)).run(List.of("-c", "import markdown, pymdownx"),
                Path.of("."));
        if (!run.ok()) {
            String missing = python + " has no Python-Markdown or pymdownx (" + run.stderr().strip() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + ". On CI (CI=true) they are required.");
            }
            System.err.println("WARNING: " + missing + "; the tests that need them are SKIPPED.");
            Assumptions.abort(missing);
        }
    }

    @Test
    void aCommandInANumberedStepStaysInsideItsStepInBothRenderers() throws IOException {
        // Twelve steps: from step 10 on the marker is four characters wide, where a 3-space indent falls out.
        List<Block.Item> steps = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            steps.add(new Block.Item(Inline.text("Step " + i), List.of(new Block.Code("sh", "run --step " + i))));
        }
        Page page = new Page("alerts/x/", "X", Page.Kind.ALERT, List.of(new Block.Items(true, steps)));
        String markdown = MkdocsSite.render(page);
        for (Document doc : List.of(pythonMarkdown(List.of(markdown)).get(0), commonmark(markdown))) {
            List<Element> items = doc.select("ol > li");
            assertEquals(12, items.size(), doc.body().html());
            for (int i = 0; i < 12; i++) {
                assertEquals("run --step " + (i + 1), items.get(i).select("pre code").text(), doc.body().html());
            }
        }
    }

    @Test
    void theRunbooksKeepTheirRemediationCommandsInsideTheirSteps() throws Exception {
        // The runbook template (runbooks/<service>/<Alert>.md), not the catalogue: it indents its fences 4 spaces too.
        List<String> runbooks = new ArrayList<>();
        try (Stream<Path> s = Files.list(Repo.root().resolve("samples"))) {
            for (Path sample : s.filter(p -> Files.isDirectory(p.resolve("src/main/vigil"))).sorted().toList()) {
                OutputManifest out = Build.emit(MkdocsBuildTest.compile(sample), EmitSettings.DEFAULT);
                out.files().forEach((path, bytes) -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    if (path.startsWith("runbooks/") && text.contains("\n    ```")) {
                        runbooks.add(text);
                    }
                });
            }
        }
        assertFalse(runbooks.isEmpty(), "no sample runbook has a command inside a list");
        List<Document> python = pythonMarkdown(runbooks);
        for (int i = 0; i < runbooks.size(); i++) {
            List<String> inSteps = commonmark(runbooks.get(i)).select("li pre").eachText();
            assertFalse(inSteps.isEmpty(), runbooks.get(i));
            assertEquals(inSteps, python.get(i).select("li pre").eachText(), runbooks.get(i));
            assertEquals(commonmark(runbooks.get(i)).select("pre").size(), python.get(i).select("pre").size(),
                    runbooks.get(i));
        }
    }

    @Test
    void aPageWithEveryKindOfBlockSaysTheSameInMarkdownAsInHtml() throws IOException {
        Svg chart = Svg.of("svg", "viewBox", "0 0 100 20", "role", "img", "aria-labelledby", "t").with(
                Svg.text("title", "Threshold < 0.5 & rising", "id", "t"), Svg.of("line", "x1", "0", "y1", "10", "x2", "100", "y2", "10"));
        List<Block> blocks = List.of(
                new Block.Fields(List.of(new Block.Field("Summary", List.of(new Inline.Prose("p99 {{ $value | humanize }} *high*"))),
                        new Block.Field("Service", List.of(Inline.codeLink("services/a_b/", "a_b"))),
                        // Dropped as unsafe: the HTML keeps the text, the Markdown its source, so not compared as text.
                        new Block.Field("Unsafe", List.of(new Inline.Prose("[this](javascript:alert(1)) ~x~ &amp;"))))),
                new Block.Heading(2, "why-it-fires", Inline.text("Why it *fires* {#not-an-id}")),
                new Block.Paragraph(List.of(new Inline.Text("Panel: "), Inline.link("dashboards/d/#panel-p", "Board: p"),
                        new Inline.Text(" and "), new Inline.Strong("<script>alert(1)</script>"))),
                new Block.Prose("Check [the docs](https://example.com/a_(b)).\n\n<b>raw</b> & 1 < 2 ~"),
                new Block.Paragraph(List.of(new Inline.Text("a < b ~ c & d &amp; e \\< f"), new Inline.Code("x < `y` | z"))),
                new Block.Table("Tiers, fastest first", List.of("Expression", "Note | pipe"), List.of(
                        List.of(Inline.code("sum(rate(x[5m])) or vector(0) | y"), List.of(new Inline.Text("a | b"))),
                        List.of(List.of(new Inline.Text("`not code`")), List.of(new Inline.WebLink("https://example.com/x y",
                                Inline.text("web")))))),
                new Block.Items(false, List.of(new Block.Item(Inline.text("Route 1"), List.of(new Block.Items(false,
                        List.of(new Block.Item(Inline.text("Route 1.1")))))))),
                new Block.Heading(3, "chart", Inline.text("Chart")),
                new Block.Figure(chart, "The series against > 0.5"),
                new Block.Code("promql", "up == 0\n```\nnot the end"));
        Page page = new Page("alerts/x/", "X_y *z*", Page.Kind.ALERT, blocks);
        Document html = Jsoup.parse(new HtmlSite("Site").render(page));
        Document md = pythonMarkdown(List.of(MkdocsSite.render(page))).get(0);
        MkdocsBuildTest.Facts a = MkdocsBuildTest.Facts.of(page.path(), html.selectFirst("main"));
        MkdocsBuildTest.Facts b = MkdocsBuildTest.Facts.of(page.path(), md.body());
        assertEquals(a.title(), b.title());
        assertEquals(a.sectionIds(), b.sectionIds());
        // Python-Markdown links to the Markdown file, which MkDocs then rewrites to the page's folder.
        assertEquals(a.links(), new java.util.TreeSet<>(b.links().stream().map(l -> l.replace("/index.md", "/")).toList()));
        assertEquals(a.code(), b.code());
        assertEquals(a.texts(), b.texts());
        assertEquals(1, md.select("figure > svg > title").size(), md.body().html());
        assertTrue(md.select("script, [onclick], a[href^=javascript]").isEmpty(), md.body().html());
        assertEquals("Route 1.1", md.select("ul > li > ul > li").text());
    }

    private static Document commonmark(String markdown) {
        return Jsoup.parse(HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown)));
    }

    /** Each Markdown text rendered by Python-Markdown with the extensions of Vigil's {@code mkdocs.yml}, in one run. */
    private List<Document> pythonMarkdown(List<String> markdowns) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "md");
        List<String> args = new ArrayList<>(List.of("-c", String.join("\n",
                "import sys, markdown",
                "extensions = sys.argv[1].split(',')",
                "for name in sys.argv[2:]:",
                "    with open(name, encoding='utf-8') as f:",
                "        html = markdown.markdown(f.read(), extensions=extensions)",
                "    with open(name + '.html', 'w', encoding='utf-8') as f:",
                "        f.write(html)"), String.join(",", MkdocsSite.MARKDOWN_EXTENSIONS)));
        Map<Path, String> files = new LinkedHashMap<>();
        for (int i = 0; i < markdowns.size(); i++) {
            Path f = dir.resolve(i + ".md");
            Files.writeString(f, markdowns.get(i));
            files.put(f, markdowns.get(i));
            args.add(f.toString());
        }
        ToolRunner.Run run = new ToolRunner(python, Duration.ofSeconds(120)).run(args, dir);
        assertTrue(run.ok(), run.report());
        List<Document> out = new ArrayList<>();
        for (Path f : files.keySet()) {
            out.add(Jsoup.parse(Files.readString(f.resolveSibling(f.getFileName() + ".html"))));
        }
        return out;
    }
}
