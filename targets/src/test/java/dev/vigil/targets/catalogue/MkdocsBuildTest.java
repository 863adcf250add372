package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.model.Project;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.OutputManifest;
import dev.vigil.targets.Repo;
import dev.vigil.targets.build.Build;
import dev.vigil.targets.tools.Tool;
import dev.vigil.targets.verify.ToolRunner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each seed sample's {@code mkdocs/} tree, built by the real {@code mkdocs build --strict} (offline when
 * {@code unshare -n} works): it builds without a warning, writes exactly the pages of {@code site/}, and
 * the two renderings of every page agree on its title, section ids, links and code blocks, so a reader
 * finds the same facts on either. A missing mkdocs fails on CI and skips, loudly, elsewhere.
 */
class MkdocsBuildTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everySampleBuildsWithMkdocsStrict() throws IOException {
        Tool mkdocs = Tool.require("mkdocs");
        List<Path> samples;
        try (Stream<Path> s = Files.list(Repo.root().resolve("samples"))) {
            samples = s.filter(p -> Files.isRegularFile(p.resolve("src/main/vigil/catalogue.vigil"))).sorted().toList();
        }
        assertFalse(samples.isEmpty(), "no sample declares a catalogue");
        return samples.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> check(mkdocs, s)));
    }

    private void check(Tool mkdocs, Path sample) throws Exception {
        Project project = compile(sample);
        OutputManifest out = Build.emit(project, EmitSettings.DEFAULT);
        Path dir = tmp.resolve(sample.getFileName().toString());
        write(out, CatalogueEmitter.MKDOCS, dir.resolve("src"));
        Path built = dir.resolve("built");
        ToolRunner.Run run = mkdocsBuild(mkdocs, dir.resolve("src"), built);
        assertTrue(run.ok(), run.report());
        List<String> complaints = run.stderr().lines().filter(l -> l.startsWith("WARNING") || l.startsWith("ERROR")).toList();
        assertEquals(List.of(), complaints, run.report());

        TreeSet<String> sitePages = new TreeSet<>();
        for (String f : out.files().keySet()) {
            if (f.startsWith(CatalogueEmitter.SITE) && f.endsWith("/index.html") || f.equals(CatalogueEmitter.SITE + "index.html")) {
                sitePages.add(f.substring(CatalogueEmitter.SITE.length()));
            }
        }
        TreeSet<String> mkdocsPages = new TreeSet<>();
        try (Stream<Path> s = Files.walk(built)) {
            s.filter(p -> p.getFileName().toString().equals("index.html"))
                    .forEach(p -> mkdocsPages.add(built.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(sitePages, mkdocsPages, "MkDocs wrote other pages than site/ has");

        Site site = Site.of(project);
        for (Site.AlertEntry e : site.alerts()) {
            String page = Links.alertPage(e.alert().name()) + "index.html";
            assertEquals(e.alert().name(), h1(Jsoup.parse(built.resolve(page).toFile(), "UTF-8"), "div[role=main]"), page);
            assertEquals(e.alert().name(), h1(Jsoup.parse(new String(out.read(CatalogueEmitter.SITE + page),
                    java.nio.charset.StandardCharsets.UTF_8)), "main"), page);
        }
        for (String page : sitePages) {
            Document html = Jsoup.parse(new String(out.read(CatalogueEmitter.SITE + page), java.nio.charset.StandardCharsets.UTF_8));
            Document md = Jsoup.parse(built.resolve(page).toFile(), "UTF-8");
            Facts a = Facts.of(page, html.selectFirst("main"));
            Facts b = Facts.of(page, md.selectFirst("div[role=main]"));
            assertEquals(a.title(), b.title(), page + ": title");
            assertEquals(a.sectionIds(), b.sectionIds(), page + ": section ids");
            assertEquals(a.links(), b.links(), page + ": links");
            assertEquals(a.code(), b.code(), page + ": code blocks");
            assertEquals(a.texts(), b.texts(), page + ": paragraphs, cells and headings");
        }
    }

    /** The text of the one {@code h1} inside {@code container}. */
    private static String h1(Document doc, String container) {
        List<String> h1s = doc.select(container + " h1").eachText();
        assertEquals(1, h1s.size(), "h1s: " + h1s);
        return h1s.get(0);
    }

    /**
     * What a reader must find on both renderings of a page: its title, the ids of its sections, where
     * its links lead (resolved against the page) and each code block's text with whether it sits in a
     * list item, in order.
     */
    record Facts(String title, List<String> sectionIds, TreeSet<String> links, List<String> code, List<String> texts) {
        static Facts of(String page, Element main) {
            URI base = URI.create("https://catalogue.invalid/" + page);
            TreeSet<String> links = new TreeSet<>();
            for (Element a : main.select("a[href]")) {
                String href = a.attr("href");
                String resolved = base.resolve(href.replace(" ", "%20")).toString();
                // MkDocs links a page to its folder, site/ to the folder too; both mean index.html.
                links.add(resolved.replace("/index.html", "/"));
            }
            List<String> code = new ArrayList<>();
            for (Element pre : main.select("pre")) {
                String inItem = pre.parents().stream().anyMatch(p -> p.tagName().equals("li")) ? "in list item: " : "";
                code.add(inItem + pre.wholeText().strip());
            }
            // The text of paragraphs, cells and headings outside lists, where the two renderings use the same elements
            // (a table's caption is a paragraph in Markdown); the search box and the note MkDocs has in its place differ.
            List<String> texts = new ArrayList<>();
            for (Element e : main.select("p, caption, th, td, h2, h3, h4, figcaption")) {
                if (e.parents().stream().noneMatch(p -> p.tagName().equals("li") || p.hasClass("search-box"))
                        && !e.hasClass("search-note")
                        && !(e.tagName().equals("p") && e.parent().tagName().equals("td"))) {
                    texts.add(e.text());
                }
            }
            return new Facts(main.selectFirst("h1").text(), main.select("h2[id], h3[id], h4[id]").eachAttr("id"), links, code,
                    texts);
        }
    }

    static Project compile(Path sample) throws dev.vigil.compiler.InputException {
        CompileResult r = Compiler.fromWorkingDirectory().check(List.of(sample.resolve("src/main/vigil")));
        assertTrue(r.project().isPresent(), () -> sample + " did not compile: " + r.diagnostics());
        return r.project().get();
    }

    /** The files of {@code out} below {@code prefix}, written under {@code dir}. */
    static void write(OutputManifest out, String prefix, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
            if (f.getKey().startsWith(prefix)) {
                Path p = dir.resolve(f.getKey().substring(prefix.length()));
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        }
    }

    /** {@code mkdocs build --strict} of the tree at {@code src} into {@code site}, without a network where that can be had. */
    static ToolRunner.Run mkdocsBuild(Tool mkdocs, Path src, Path site) throws IOException {
        List<String> args = List.of("build", "--strict", "--config-file", src.resolve("mkdocs.yml").toString(),
                "--site-dir", site.toString());
        return offline(mkdocs.executable(), args, src);
    }

    /** Runs {@code executable} in a network namespace of its own when {@code unshare -n} is allowed here, else as it is. */
    static ToolRunner.Run offline(Path executable, List<String> args, Path dir) throws IOException {
        Duration limit = Duration.ofSeconds(120);
        java.util.Optional<Path> unshare = ToolRunner.locate("unshare");
        if (unshare.isPresent() && new ToolRunner(unshare.get(), limit).run(List.of("-n", "true"), dir).ok()) {
            List<String> all = new ArrayList<>();
            all.add("-n");
            all.add(executable.toString());
            all.addAll(args);
            return new ToolRunner(unshare.get(), limit).run(all, dir);
        }
        return new ToolRunner(executable, limit).run(args, dir);
    }
}
