package dev.vigil.targets.tools;

import dev.vigil.targets.verify.ToolRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One run of promtool or amtool over many files, with the verdict for each file read back from
 * what the tool printed. promtool prints a header per file on standard output ({@code Checking F},
 * {@code Unit Testing:  F}), then {@code SUCCESS}, or for a failure a {@code FAILED:} block on
 * standard error; the blocks come in the order of the files. promtool 3 no longer prints the
 * {@code Unit Testing} headers, so where {@code test rules} has {@code --junit} its verdicts are read
 * from that report instead. amtool prints everything on standard output, one
 * {@code Checking 'F'  SUCCESS|FAILED} per file.
 */
public final class ToolBatch {
    /**
     * One file's verdict and what the tool said about it. {@code lintOnly}: promtool printed
     * {@code FAILED} for its lint (duplicate rules) alone, which does not fail {@code check rules}.
     */
    public record Verdict(boolean ok, String output, boolean lintOnly) {
        public Verdict(boolean ok, String output) {
            this(ok, output, false);
        }
    }

    /** The verdicts by file (as passed), and the wall time the run took. */
    public record Run(Map<String, Verdict> verdicts, long millis, String command) {
    }

    /** Whether a promtool's {@code test rules} writes JUnit reports (3.x does), by executable. */
    private static final Map<Path, Boolean> JUNIT = new ConcurrentHashMap<>();
    /** How many {@code promtool test rules} run at once over a batch: the machine's two cores. */
    private static final int PARALLEL = 2;

    private ToolBatch() {
    }

    public static Run promtoolCheckRules(Tool promtool, Path dir, List<String> files) {
        return promtoolCheckRules(promtool, dir, files, List.of());
    }

    /** As {@link #promtoolCheckRules(Tool, Path, List)}, with promtool's global {@code options} ({@code --enable-feature=...}). */
    public static Run promtoolCheckRules(Tool promtool, Path dir, List<String> files, List<String> options) {
        return promtool(promtool, dir, concat(options, "check", "rules"), "Checking ", files);
    }

    /**
     * {@code promtool test rules} over the files, in {@value #PARALLEL} runs at once (each runs its
     * files one after the other, on one core, and the samples' SLO tests take seconds each).
     */
    public static Run promtoolTestRules(Tool promtool, Path dir, List<String> files) {
        return promtoolTestRules(promtool, dir, files, List.of());
    }

    /** As {@link #promtoolTestRules(Tool, Path, List)}, with promtool's global {@code options}. */
    public static Run promtoolTestRules(Tool promtool, Path dir, List<String> files, List<String> options) {
        if (files.size() < 2) {
            return promtoolTestRulesOnce(promtool, dir, files, options);
        }
        List<List<String>> parts = balanced(dir, files);
        ExecutorService pool = Executors.newFixedThreadPool(parts.size());
        try {
            List<Future<Run>> runs = new ArrayList<>();
            parts.forEach(part -> runs.add(pool.submit(() -> promtoolTestRulesOnce(promtool, dir, part, options))));
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            long millis = 0;
            List<String> commands = new ArrayList<>();
            for (Future<Run> f : runs) {
                Run r = f.get();
                verdicts.putAll(r.verdicts());
                millis = Math.max(millis, r.millis());
                commands.add(r.command());
            }
            Map<String, Verdict> ordered = new LinkedHashMap<>();
            files.forEach(f -> ordered.put(f, verdicts.get(f)));
            return new Run(ordered, millis, String.join(" & ", commands));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The files in {@value #PARALLEL} parts of about equal size, the largest first into the smallest
     * part: a test file's size stands for its cost, and one sample's SLO tests can take a minute.
     */
    private static List<List<String>> balanced(Path dir, List<String> files) {
        List<List<String>> parts = new ArrayList<>();
        long[] bytes = new long[Math.min(PARALLEL, files.size())];
        for (int i = 0; i < bytes.length; i++) {
            parts.add(new ArrayList<>());
        }
        Map<String, Long> size = new LinkedHashMap<>();
        files.forEach(f -> size.put(f, dir.resolve(f).toFile().length()));
        files.stream().sorted(Comparator.comparing((String f) -> size.get(f)).reversed().thenComparing(Comparator.naturalOrder()))
                .forEach(f -> {
                    int smallest = 0;
                    for (int i = 1; i < bytes.length; i++) {
                        smallest = bytes[i] < bytes[smallest] ? i : smallest;
                    }
                    parts.get(smallest).add(f);
                    bytes[smallest] += size.get(f);
                });
        return parts;
    }

    private static Run promtoolTestRulesOnce(Tool promtool, Path dir, List<String> files, List<String> options) {
        if (files.isEmpty() || !JUNIT.computeIfAbsent(promtool.executable(),
                p -> helpMentionsJunit(promtool))) {
            return promtool(promtool, dir, concat(options, "test", "rules"), "Unit Testing:  ", files);
        }
        try {
            Path report = Files.createTempFile(dir, "promtool-junit", ".xml");
            try {
                List<String> args = concat(options, "test", "rules", "--junit=" + report);
                args.addAll(files);
                long start = System.nanoTime();
                ToolRunner.Run r = run(promtool, dir, args);
                long millis = (System.nanoTime() - start) / 1_000_000;
                Map<String, Verdict> verdicts = new LinkedHashMap<>();
                if (Files.size(report) > 0) {
                    NodeList suites = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                            .getElementsByTagName("testsuite");
                    for (int i = 0; i < suites.getLength(); i++) {
                        Element suite = (Element) suites.item(i);
                        String file = suite.getAttribute("name");
                        StringBuilder out = new StringBuilder("Unit Testing:  " + file + "\n");
                        NodeList failed = suite.getElementsByTagName("*");
                        for (int j = 0; j < failed.getLength(); j++) {
                            Node n = failed.item(j);
                            if (n.getNodeName().equals("failure") || n.getNodeName().equals("error")) {
                                out.append("  FAILED:\n").append(n.getTextContent()).append('\n');
                            }
                        }
                        verdicts.put(file, new Verdict(out.indexOf("  FAILED:") < 0, out.toString()));
                    }
                }
                return new Run(complete(verdicts, files, r), millis, String.join(" ", r.command()));
            } finally {
                Files.deleteIfExists(report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("promtool wrote a JUnit report that is not XML", e);
        }
    }

    public static Run amtoolCheckConfig(Tool amtool, Path dir, List<String> files) {
        if (files.isEmpty()) {
            return new Run(Map.of(), 0, "");
        }
        List<String> args = new ArrayList<>(List.of("check-config"));
        args.addAll(files);
        long start = System.nanoTime();
        ToolRunner.Run r = run(amtool, dir, args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        String[] sections = r.stdout().split("(?m)^Checking '", -1);
        for (int i = 1; i < sections.length; i++) {
            String s = sections[i];
            int end = s.indexOf("'  ");
            String file = end < 0 ? "" : s.substring(0, end);
            verdicts.put(file, new Verdict(s.startsWith(file + "'  SUCCESS"), "Checking '" + s));
        }
        return new Run(complete(verdicts, files, r), millis, String.join(" ", r.command()));
    }

    private static Run promtool(Tool promtool, Path dir, List<String> command, String header, List<String> files) {
        if (files.isEmpty()) {
            return new Run(Map.of(), 0, "");
        }
        List<String> args = new ArrayList<>(command);
        args.addAll(files);
        long start = System.nanoTime();
        ToolRunner.Run r = run(promtool, dir, args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> order = new ArrayList<>();
        Map<String, StringBuilder> said = new LinkedHashMap<>();
        Map<String, Boolean> passed = new LinkedHashMap<>();
        String current = null;
        for (String line : r.stdout().split("\n", -1)) {
            if (line.startsWith(header)) {
                current = line.substring(header.length()).strip();
                order.add(current);
                said.put(current, new StringBuilder(line).append('\n'));
                passed.put(current, false);
            } else if (current != null) {
                said.get(current).append(line).append('\n');
                if (line.startsWith("  SUCCESS")) {
                    passed.put(current, true);
                }
            }
        }
        // The FAILED blocks on standard error belong to the failed files, in order.
        List<String> failed = order.stream().filter(f -> !passed.get(f)).toList();
        String[] blocks = r.stderr().split("(?m)^  FAILED:\n", -1);
        boolean aligned = blocks.length - 1 == failed.size() && blocks[0].isBlank();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String f : order) {
            String out = said.get(f).toString();
            boolean lintOnly = false;
            if (!passed.get(f)) {
                String block = aligned ? blocks[failed.indexOf(f) + 1] : "(standard error of the whole run)\n" + r.stderr();
                out += "  FAILED:\n" + block;
                lintOnly = aligned && block.startsWith("lint error") && !block.contains(f + ":");
            }
            verdicts.put(f, new Verdict(passed.get(f) || lintOnly, out, lintOnly));
        }
        return new Run(complete(verdicts, files, r), millis, String.join(" ", r.command()));
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> out = new ArrayList<>(first);
        out.addAll(List.of(rest));
        return out;
    }

    private static boolean helpMentionsJunit(Tool promtool) {
        Tool.Result help = promtool.run(List.of("test", "rules", "--help"));
        return (help.stdout() + help.stderr()).contains("--junit");
    }

    /** A file the tool never got to (it crashed or stopped early) fails with the whole run's output. */
    private static Map<String, Verdict> complete(Map<String, Verdict> verdicts, List<String> files, ToolRunner.Run r) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (String f : files) {
            Verdict v = verdicts.get(f);
            out.put(f, v != null ? v : new Verdict(false, "no verdict for this file in the run:\n" + r.report()));
        }
        return out;
    }

    private static ToolRunner.Run run(Tool tool, Path dir, List<String> args) {
        try {
            // A guard against a hung tool, not a performance bound: 5 minutes, and 30 seconds more per file.
            long files = args.stream().filter(a -> !a.startsWith("-") && Files.exists(dir.resolve(a))).count();
            Duration limit = Duration.ofMinutes(5).plusSeconds(30L * files);
            ToolRunner.Run r = new ToolRunner(tool.executable(), limit).run(args, dir);
            if (r.timedOut()) {
                throw new AssertionError(tool.name() + " did not finish within " + limit.toSeconds() + " s over "
                        + files + " files");
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
