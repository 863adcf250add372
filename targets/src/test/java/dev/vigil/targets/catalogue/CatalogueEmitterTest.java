package dev.vigil.targets.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.compiler.CompileOptions;
import dev.vigil.compiler.model.Links;
import dev.vigil.targets.EmitSettings;
import dev.vigil.targets.Yaml;
import dev.vigil.targets.build.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build with a catalogue writes, and what one without writes instead, on a small project of its own. */
class CatalogueEmitterTest {
    private static final String BASE = "https://catalogue.example.com/mon/";
    private static final String SERVICE = """
            service api {
              team "platform"
              links { runbooks "https://runbooks.example.com/api" }
              group api_alerts {
                alert ApiHighLatency { when up{job="api"} == 0  for 5m  severity warning  summary "The API is slow" }
                alert ApiUnavailable {
                  when up{job="api"} == 0
                  for 5m
                  severity critical
                  summary "The API is unavailable"
                  aliases ["ApiDown", "API_Offline"]
                }
              }
            }
            """;

    @TempDir
    Path tmp;

    private Path build(String catalogue, CompileOptions options) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("api.vigil"), catalogue + SERVICE);
        Path out = tmp.resolve("out");
        Build.Result r = Build.run(src, out, EmitSettings.DEFAULT, options);
        assertTrue(r.succeeded(), () -> r.compilation().diagnostics().toString());
        return out;
    }

    @Test
    void withoutACatalogueNoSiteIsWrittenAndTheRunbookUrlStaysUnderTheServicesLink() throws Exception {
        Path out = build("", CompileOptions.DEFAULT);
        assertFalse(Files.exists(out.resolve("site")));
        assertFalse(Files.exists(out.resolve("mkdocs")));
        assertEquals(Map.of("ApiHighLatency", "https://runbooks.example.com/api/ApiHighLatency.md",
                "ApiUnavailable", "https://runbooks.example.com/api/ApiUnavailable.md"), runbookUrls(out));
        assertTrue(Files.isRegularFile(out.resolve("runbooks/api/ApiUnavailable.md")));
    }

    @Test
    void theRunbookUrlIsTheAlertsPageAndThatPageIsWritten() throws Exception {
        Path out = build("catalogue { base_url \"" + BASE + "\"  title \"API monitoring\" }\n", CompileOptions.DEFAULT);
        Map<String, String> urls = runbookUrls(out);
        assertEquals(Map.of("ApiHighLatency", BASE + "alerts/apihighlatency/", "ApiUnavailable", BASE + "alerts/apiunavailable/"),
                urls);
        for (Map.Entry<String, String> e : urls.entrySet()) {
            String page = e.getValue().substring(BASE.length());
            Document html = Jsoup.parse(out.resolve("site").resolve(page).resolve("index.html").toFile(), "UTF-8");
            assertEquals(e.getKey(), html.selectFirst("main h1").text());
            assertTrue(Files.readString(out.resolve("mkdocs/docs").resolve(page).resolve("index.md"))
                    .startsWith("# " + MkdocsSite.text(e.getKey()) + "\n"));
        }
    }

    @Test
    void theCatalogueUrlOfTheBuildTurnsTheCatalogueOnAsTheSourcesWould() throws Exception {
        Path out = build("", CompileOptions.DEFAULT.withCatalogue(BASE));
        assertEquals(BASE + "alerts/apiunavailable/", runbookUrls(out).get("ApiUnavailable"));
        assertTrue(Files.isRegularFile(out.resolve("site/alerts/apiunavailable/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("mkdocs/mkdocs.yml")));
    }

    @Test
    void anAliasLeavesARedirectToTheAlertsPageInBothTrees() throws Exception {
        Path out = build("catalogue { base_url \"" + BASE + "\" }\n", CompileOptions.DEFAULT);
        for (String alias : List.of("ApiDown", "API_Offline")) {
            String page = Links.alertPage(alias);
            assertEquals(page.toLowerCase(java.util.Locale.ROOT), page);
            Document html = Jsoup.parse(out.resolve("site").resolve(page).resolve("index.html").toFile(), "UTF-8");
            assertEquals("0; url=../../alerts/apiunavailable/", html.selectFirst("meta[http-equiv=refresh]").attr("content"));
            assertEquals("../../alerts/apiunavailable/", html.selectFirst("main a").attr("href"));
            assertEquals(alias, html.selectFirst("main h1").text());
            String md = Files.readString(out.resolve("mkdocs/docs").resolve(page).resolve("index.md"));
            assertTrue(md.contains("](../../alerts/apiunavailable/index.md)"), md);
        }
    }

    @Test
    void catalogueJsonListsEveryAlertWithItsPageAndAliases() throws Exception {
        Path out = build("catalogue { base_url \"" + BASE + "\" }\n", CompileOptions.DEFAULT);
        JsonNode json = new ObjectMapper().readTree(out.resolve("site/catalogue.json").toFile());
        assertEquals(BASE, json.path("base_url").asText());
        Map<String, String> pages = new TreeMap<>();
        for (JsonNode a : json.path("alerts")) {
            pages.put(a.path("name").asText(), a.path("page").asText());
            assertEquals(BASE + a.path("page").asText(), a.path("url").asText());
            assertTrue(Files.isRegularFile(out.resolve("site").resolve(a.path("page").asText()).resolve("index.html")));
        }
        assertEquals(runbookUrls(out).keySet(), pages.keySet());
        JsonNode unavailable = json.path("alerts").get(1);
        assertEquals("ApiUnavailable", unavailable.path("name").asText());
        assertEquals(List.of("alerts/apidown/", "alerts/api_offline/"),
                unavailable.path("aliases").findValuesAsText("page"));
        assertEquals(Files.readString(out.resolve("site/catalogue.json")), Files.readString(out.resolve("mkdocs/docs/catalogue.json")));
    }

    @Test
    void everyFileOfTheSiteAndTheMkdocsTreeIsInTheManifest() throws Exception {
        Path out = build("catalogue { base_url \"" + BASE + "\" }\n", CompileOptions.DEFAULT);
        assertEquals(files(out, "site/", "mkdocs/"), new java.util.TreeSet<>(
                dev.vigil.targets.OutputDirectory.readManifest(out).keySet().stream()
                        .filter(p -> p.startsWith("site/") || p.startsWith("mkdocs/")).toList()));
    }

    /** The files below {@code out} whose paths start with one of {@code prefixes}, relative and with {@code /}. */
    static java.util.TreeSet<String> files(Path out, String... prefixes) throws IOException {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Stream.of(prefixes).anyMatch(p::startsWith)).forEach(found::add);
        }
        assertFalse(found.isEmpty(), "nothing below " + List.of(prefixes));
        return found;
    }

    /** Each alert's {@code runbook_url} in the Prometheus rule files, by alert name. */
    @SuppressWarnings("unchecked")
    static Map<String, String> runbookUrls(Path out) throws IOException {
        Map<String, String> urls = new TreeMap<>();
        try (Stream<Path> s = Files.list(out.resolve("prometheus/rules"))) {
            for (Path f : s.sorted().toList()) {
                Map<String, Object> doc = (Map<String, Object>) Yaml.load(Files.readString(f));
                for (Object g : (List<Object>) doc.get("groups")) {
                    for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                        Map<String, Object> rule = (Map<String, Object>) r;
                        if (rule.containsKey("alert")) {
                            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                            urls.put((String) rule.get("alert"), (String) annotations.get("runbook_url"));
                        }
                    }
                }
            }
        }
        return urls;
    }
}
