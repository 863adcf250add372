package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.VigilCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --catalogue-url}: the build's way to turn the catalogue on, judged by {@code check} as {@code build} does. */
class CatalogueOptionsTest {
    /** Two alerts whose names differ only in case, in two services: distinct runbooks, but one catalogue page. */
    private static final String PROJECT = """
            service api {
              group api_alerts {
                alert HighLatency { when up{job="api"} == 0  for 5m  severity warning  summary "The API is slow" }
              }
            }

            service web {
              group web_alerts {
                alert Highlatency { when up{job="web"} == 0  for 5m  severity warning  summary "The web is slow" }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path project(String text) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("project.vigil"), text);
        return src;
    }

    @Test
    void theUrlBuildsTheSiteAndTheRunbookUrlsPointThere() throws IOException {
        Path src = project(PROJECT.replace("Highlatency", "Unavailable"));
        Path out = dir.resolve("out");
        Run built = VigilCommandTest.run("build", "--out", out.toString(), "--catalogue-url", "https://x.example/", src.toString());
        assertEquals(0, built.status(), built.out() + built.err());
        assertTrue(Files.isRegularFile(out.resolve("site/alerts/highlatency/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("site/alerts/unavailable/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("mkdocs/mkdocs.yml")));
        assertTrue(Files.readString(out.resolve("prometheus/rules/api.rules.yml"))
                .contains("runbook_url: https://x.example/alerts/highlatency/\n"));
    }

    @Test
    void aUrlThatIsNotAWebAddressIsAUsageErrorOnOneLine() throws IOException {
        Path src = project(PROJECT);
        Path out = dir.resolve("out");
        for (String command : new String[] {"build", "check"}) {
            Run bad = command.equals("build")
                    ? VigilCommandTest.run("build", "--out", out.toString(), "--catalogue-url", "ftp://x", src.toString())
                    : VigilCommandTest.run("check", "--catalogue-url", "ftp://x", src.toString());
            assertEquals(2, bad.status(), bad.out() + bad.err());
            String first = bad.err().lines().findFirst().orElse("");
            assertEquals("vigil: --catalogue-url is not a web address: it has the scheme `ftp:`, not `https:` or `http:`.",
                    first, bad.err());
            assertFalse(bad.err().contains("\tat "), bad.err());
            assertFalse(bad.err().contains("Exception"), bad.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void theUrlAndTheSourcesBaseUrlTogetherAreAConflict() throws IOException {
        Path src = project("catalogue { base_url \"https://from-sources.example/\" }\n"
                + PROJECT.replace("Highlatency", "Unavailable"));
        Path out = dir.resolve("out");
        Run both = VigilCommandTest.run("build", "--out", out.toString(), "--catalogue-url", "https://x.example/", src.toString());
        assertEquals(1, both.status(), both.out() + both.err());
        String all = both.out() + both.err();
        assertTrue(all.contains("error[Property.Conflict]: `base_url` is set here and by the build (`https://x.example/`)."), all);
        assertFalse(Files.exists(out));
    }

    @Test
    void checkWithTheUrlReportsPagesThatWouldClashAsBuildDoes() throws IOException {
        Path src = project(PROJECT);
        Run plain = VigilCommandTest.run("check", src.toString());
        assertEquals(0, plain.status(), plain.out() + plain.err());

        Run check = VigilCommandTest.run("check", "--catalogue-url", "https://x.example/", src.toString());
        Path out = dir.resolve("out");
        Run build = VigilCommandTest.run("build", "--out", out.toString(), "--catalogue-url", "https://x.example/", src.toString());
        assertEquals(1, check.status(), check.out() + check.err());
        assertEquals(1, build.status(), build.out() + build.err());
        String checked = check.out() + check.err();
        assertTrue(checked.contains("error[Name.CataloguePage]"), checked);
        assertTrue(checked.contains("`alerts/highlatency/`"), checked);
        String built = build.out() + build.err();
        assertEquals(checked.lines().filter(l -> l.contains("error[")).toList(),
                built.lines().filter(l -> l.contains("error[")).toList());
        assertFalse(Files.exists(out.resolve("site")));
    }
}
