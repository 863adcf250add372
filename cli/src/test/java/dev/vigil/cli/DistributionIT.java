package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.target.TargetVersions.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable archive as a user gets it: unpacked with {@code tar} into an empty directory whose
 * path has spaces, and run through {@code bin/vigil} as real processes, through a symlink and from
 * another working directory. It runs in the integration-test phase (cli/pom.xml), after the package
 * phase wrote the archive; without the archive or {@code tar} it fails on CI (CI=true) and is skipped
 * elsewhere.
 */
class DistributionIT {
    private static final Path REPO = Path.of(System.getProperty("vigil.repo", "..")).toAbsolutePath();
    private static final String VERSION = System.getProperty("vigil.dist.version", "");

    @TempDir
    static Path tmp;

    /** The unpacked vigil-VERSION directory. */
    private static Path home;

    /** The archive's entries as {@code tar -tv} lists them. */
    private static List<String> listing;

    @BeforeAll
    static void unpack() throws Exception {
        String configured = System.getProperty("vigil.dist.archive", "");
        Path archive = configured.isEmpty() ? null : Path.of(configured);
        require(archive != null && Files.isRegularFile(archive), "the distribution archive "
                + (archive == null ? "(-Dvigil.dist.archive)" : archive) + " is missing; `mvn package` in cli writes it");
        require(dev.vigil.targets.verify.ToolRunner.locate("tar").isPresent(), "`tar` was not found on the PATH");
        Path into = Files.createDirectories(tmp.resolve("install dir"));
        Run untar = run(List.of("tar", "-xzf", archive.toString(), "-C", into.toString()), tmp, Map.of());
        assertEquals(0, untar.status(), untar.out());
        try (Stream<Path> top = Files.list(into)) {
            assertEquals(List.of(into.resolve("vigil-" + VERSION)), top.toList(), "one top directory, vigil-VERSION");
        }
        home = into.resolve("vigil-" + VERSION);
        Run list = run(List.of("tar", "-tvzf", archive.toString()), tmp, Map.of());
        assertEquals(0, list.status(), list.out());
        listing = list.out().lines().toList();
    }

    private static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(what + ". On CI (CI=true) the distribution test must run.");
        }
        System.err.println("WARNING: " + what + "; the distribution tests are SKIPPED.");
        Assumptions.abort(what);
    }

    record Run(int status, String out) {
    }

    /**
     * Runs {@code command} in {@code dir} with an environment of only a PATH, HOME and {@code env}: a
     * user's shell, not the test JVM's; stdout and stderr together.
     */
    private static Run run(List<String> command, Path dir, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail(command + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** bin/vigil with {@code args}, Java found through JAVA_HOME, as a user runs it. */
    private static Run vigil(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/vigil").toString()));
        command.addAll(Arrays.asList(args));
        return run(command, dir, Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    @Test
    void theArchiveHoldsTheLauncherTheJarsTheLicensesAndAReadme() throws IOException {
        assertTrue(listing.stream().anyMatch(l -> l.startsWith("-rwxr-xr-x ") && l.endsWith(" vigil-" + VERSION
                + "/bin/vigil")), String.join("\n", listing));
        assertTrue(Files.isExecutable(home.resolve("bin/vigil")));
        assertTrue(Files.isRegularFile(home.resolve("README.md")));
        assertTrue(Files.isRegularFile(home.resolve("lib/vigil-cli-" + VERSION + ".jar")));
        // Every bundled library has its license named; Vigil's own jars are the only others.
        String licenses = Files.readString(home.resolve("licenses/README.md"), StandardCharsets.UTF_8);
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                String artifact = name.replaceFirst("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "");
                assertTrue(artifact.startsWith("vigil-") || licenses.contains("`" + artifact + "`"),
                        "licenses/README.md does not name the license of " + name);
            }
        }
        for (String text : List.of("Apache-2.0.txt", "ANTLR-BSD-3-Clause.txt", "EPL-2.0.md")) {
            assertTrue(licenses.contains("`" + text + "`") && Files.isRegularFile(home.resolve("licenses/" + text)), text);
        }
    }

    @Test
    void theZipHoldsWhatTheTarHolds() throws IOException {
        Path zip = Path.of(System.getProperty("vigil.dist.archive").replaceFirst("\\.tar\\.gz$", ".zip"));
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
        }
        TreeSet<String> inTar = new TreeSet<>();
        for (String line : listing) {
            if (line.startsWith("-")) {
                inTar.add(line.substring(line.indexOf(" vigil-" + VERSION + "/") + 1));
            }
        }
        assertEquals(inTar, inZip);
    }

    @Test
    void versionWorksThroughASymlinkFromAnyDirectoryWithJavaOnThePath() throws Exception {
        Path links = Files.createDirectories(tmp.resolve("my bin"));
        Path link = links.resolve("vigil");
        if (!Files.exists(link)) {
            // A relative link, as `ln -s ../install dir/...` makes: resolved against the link's directory.
            Files.createSymbolicLink(link, links.relativize(home.resolve("bin/vigil")));
        }
        Path elsewhere = Files.createDirectories(tmp.resolve("some other dir"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        Run r = run(List.of(link.toString(), "--version"), elsewhere,
                Map.of("PATH", javaBin + ":/usr/local/bin:/usr/bin:/bin"));
        assertEquals(0, r.status(), r.out());
        List<String> lines = r.out().lines().toList();
        assertEquals("vigil " + VERSION, lines.get(0));
        assertEquals("targets by default: Prometheus " + Tool.PROMETHEUS.byDefault() + ", Alertmanager "
                + Tool.ALERTMANAGER.byDefault() + ", Grafana " + Tool.GRAFANA.byDefault(), lines.get(1));
    }

    @Test
    void checkBuildAndLintRunFromTheArchive() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("crm events"));
        try (Stream<Path> files = Files.list(REPO.resolve("samples/crm-events/src/main/vigil"))) {
            for (Path f : files.toList()) {
                Files.copy(f, project.resolve(f.getFileName()));
            }
        }
        Run check = vigil(tmp, "check", project.toString());
        assertEquals(0, check.status(), check.out());
        assertTrue(check.out().contains("0 errors, 0 warnings, 4 suppressed"), check.out());

        Path out = tmp.resolve("built output");
        Run build = vigil(project, "build", ".", "--out", out.toString());
        assertEquals(0, build.status(), build.out());
        for (String written : List.of("prometheus/rules/crm_events.rules.yml", "prometheus/tests/crm_events.test.yml",
                "alertmanager/alertmanager.yml", "grafana/dashboards/crm-events-pipeline.json",
                "kubernetes/prometheusrule-crm-events.yaml", "runbooks/crm_events/README.md", "manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(written)), written + " was not written:\n" + build.out());
        }

        // The built rules load cleanly; lint reports the names the sources' `vigil:ignore` waived.
        Run lintBuilt = vigil(tmp, "lint", out.resolve("prometheus/rules").toString());
        assertEquals(0, lintBuilt.status(), lintBuilt.out());
        assertTrue(lintBuilt.out().contains("info[Naming.RecordingRule]: Recording rule `kafka:group_skew_ratio`"),
                lintBuilt.out());
        Path broken = tmp.resolve("broken rules.yml");
        Files.writeString(broken, String.join("\n", "groups:", "  - name: api", "    rules:", "      - alert: ApiDown",
                "        expr: up{job=\"api\"} == 0", "        for: 5", ""), StandardCharsets.UTF_8);
        Run lint = vigil(tmp, "lint", broken.toString());
        assertEquals(1, lint.status(), lint.out());
        assertTrue(lint.out().contains("broken rules.yml:6:14: error[Type.InvalidDuration]:"), lint.out());

        // Panel options load the schema validator, whose logging must not reach the terminal.
        Path panels = Files.createDirectories(tmp.resolve("panels"));
        Files.copy(REPO.resolve("targets/src/test/resources/grafana/panel-json/panel-json.vigil"),
                panels.resolve("panel-json.vigil"));
        Run options = vigil(tmp, "check", panels.toString());
        assertEquals("ok: no problems found\n", options.out(), "stdout and stderr together");
    }

    @Test
    void vigilJavaOptsComeAfterTheLaunchersOptionsAndAreSplitAtSpaces() throws Exception {
        Run r = run(List.of(home.resolve("bin/vigil").toString(), "--version"), tmp,
                Map.of("JAVA_HOME", System.getProperty("java.home"), "VIGIL_JAVA_OPTS", "-Xlog:gc  -Xlog:gc+init -Xmx64m"));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("Using Serial"), r.out());
        assertTrue(r.out().contains("Heap Max Capacity: 64M"), r.out());
    }

    /** The launcher's JVM options are the repository launcher's, which docs/performance.md measured. */
    @Test
    void theLaunchersJvmOptionsAreTheRepositoryLaunchers() throws IOException {
        Matcher dev = Pattern.compile("(?m)^jvm=\\((.*)\\)$").matcher(Files.readString(REPO.resolve("vigil")));
        Matcher dist = Pattern.compile("exec \"\\$java\" (.*?) \\$\\{VIGIL_JAVA_OPTS")
                .matcher(Files.readString(home.resolve("bin/vigil")));
        assertTrue(dev.find() && dist.find(), "the option lines were not found");
        assertEquals(dev.group(1), dist.group(1));
    }

    @Test
    void anOlderJavaIsRefusedInOneLine() throws Exception {
        // A Java 11 home that says so in its release file, and a Java 8 with none, which must be asked.
        Path eleven = Files.createDirectories(tmp.resolve("jdk 11/bin"));
        Files.writeString(eleven.resolve("../release"), "JAVA_VERSION=\"11.0.22\"\n");
        Path eight = Files.createDirectories(tmp.resolve("jdk 8/bin"));
        Map<Path, String> javas = new HashMap<>(Map.of(eleven, "Java 11", eight, "Java 8"));
        for (Path bin : javas.keySet()) {
            Path java = bin.resolve("java");
            Files.writeString(java, "#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n");
            java.toFile().setExecutable(true);
        }
        for (Map.Entry<Path, String> e : javas.entrySet()) {
            Run r = run(List.of(home.resolve("bin/vigil").toString(), "check", "."), tmp,
                    Map.of("JAVA_HOME", e.getKey().getParent().toString()));
            assertEquals(2, r.status(), r.out());
            assertEquals(List.of("vigil: Java 17 or later is needed; " + e.getKey().resolve("java") + " is " + e.getValue()
                    + "."), r.out().lines().toList());
        }
    }
}
