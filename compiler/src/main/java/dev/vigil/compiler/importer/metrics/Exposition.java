package dev.vigil.compiler.importer.metrics;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a {@code /metrics} page: Prometheus's text format (0.0.4) and OpenMetrics 1.0, which differ for
 * this purpose only in OpenMetrics' {@code # UNIT} lines, its counters' {@code _total} samples under a
 * family without the suffix, and {@code # EOF}. Each family's metadata comes from its {@code # TYPE},
 * {@code # HELP} and {@code # UNIT} lines, its label names from its samples. A line that is neither is
 * reported where it stands; the others are still read.
 */
public final class Exposition {
    private Exposition() {
    }

    private static final class Family {
        final String name;
        final Span span;
        String type;
        String help = "";
        String unit = "";
        final LabelPresence labels = new LabelPresence();
        final TreeSet<String> samples = new TreeSet<>();

        Family(String name, Span span) {
            this.name = name;
            this.span = span;
        }
    }

    public static List<MetricFamily> read(SourceFile source, DiagnosticSink sink) {
        return read(source, java.util.Set.of(), sink);
    }

    /**
     * As {@link #read(SourceFile, DiagnosticSink)}, without {@code targetLabels}: a {@code /federate} page
     * carries the labels Prometheus attached when it scraped, which the checks assume anyway.
     */
    public static List<MetricFamily> read(SourceFile source, java.util.Set<String> targetLabels, DiagnosticSink sink) {
        Map<String, Family> families = new LinkedHashMap<>();
        String[] lines = source.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Span span = new Span(source.path(), i + 1, 1, i + 1, line.length() + 1);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                meta(line, span, families);
                continue;
            }
            Optional<Sample> sample = Sample.parse(line);
            if (sample.isEmpty()) {
                sink.error(Ids.IMPORT_UNREADABLE, span, "This line of `" + source.path()
                        + "` is not a sample, a `# HELP`, `# TYPE` or `# UNIT` line, or a comment.",
                        "A /metrics page has one sample per line: `name{label=\"value\"} 1`.");
                continue;
            }
            Family f = familyOf(sample.get().name(), families);
            if (f == null) {
                f = families.computeIfAbsent(sample.get().name(), n -> new Family(n, span));
            }
            f.samples.add(sample.get().name());
            if (sample.get().name().equals(f.name + "_created")) {
                continue; // a timestamp of the series it is named after, not a series of its own
            }
            f.labels.add(sample.get().labels().stream().filter(l -> !targetLabels.contains(l)).toList(),
                    sample.get().empty().stream().filter(l -> !targetLabels.contains(l)).toList());
        }
        List<MetricFamily> out = new ArrayList<>();
        for (Family f : families.values()) {
            MetricType t = type(f.type);
            out.add(new MetricFamily(queriedName(f), t, f.help, f.unit, f.labels.every(t), f.labels.some(t), f.span));
        }
        return out;
    }

    private static void meta(String line, Span span, Map<String, Family> families) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#")) {
            return;
        }
        String rest = parts.length == 4 ? parts[3] : "";
        switch (parts[1]) {
            case "TYPE" -> families.computeIfAbsent(parts[2], n -> new Family(n, span)).type = rest.strip();
            case "HELP" -> families.computeIfAbsent(parts[2], n -> new Family(n, span)).help = unescape(rest);
            case "UNIT" -> families.computeIfAbsent(parts[2], n -> new Family(n, span)).unit = rest.strip();
            default -> {
                // Any other comment carries nothing to declare.
            }
        }
    }

    /** The family a sample belongs to: its own name's, or the one its suffix names. */
    private static Family familyOf(String sample, Map<String, Family> families) {
        Family own = families.get(sample);
        if (own != null) {
            return own;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created", "_info", "_gcount", "_gsum")) {
            if (sample.endsWith(suffix)) {
                Family f = families.get(sample.substring(0, sample.length() - suffix.length()));
                if (f != null && f.type != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * The name a query reads: an OpenMetrics counter {@code x} is sampled as {@code x_total}, and so is
     * an info metric as {@code x_info}; the others keep the family's name.
     */
    private static String queriedName(Family f) {
        for (String suffix : List.of("_total", "_info")) {
            if (!f.name.endsWith(suffix) && f.samples.contains(f.name + suffix)) {
                return f.name + suffix;
            }
        }
        return f.name;
    }

    /** Prometheus's and OpenMetrics' types as Vigil's; untyped, unknown and the rest have none. */
    static MetricType type(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "counter" -> MetricType.COUNTER;
            case "gauge", "stateset" -> MetricType.GAUGE;
            case "histogram" -> MetricType.HISTOGRAM;
            case "summary" -> MetricType.SUMMARY;
            case "info" -> MetricType.INFO;
            default -> null;
        };
    }

    /** {@code # HELP} escapes only the backslash and the line feed. */
    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A sample line's name, the names of its labels with a value, and of those written empty; its
     * value, timestamp and exemplar are not needed.
     */
    record Sample(String name, List<String> labels, List<String> empty) {
        static Optional<Sample> parse(String line) {
            int i = 0;
            int n = line.length();
            String name;
            List<String> labels = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            if (line.startsWith("{")) {
                name = null;
            } else {
                while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
                    i++;
                }
                if (i == 0 || Character.isDigit(line.charAt(0))) {
                    return Optional.empty();
                }
                name = line.substring(0, i);
            }
            if (i < n && line.charAt(i) == '{') {
                i++;
                while (true) {
                    while (i < n && line.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && line.charAt(i) == '}') {
                        i++;
                        break;
                    }
                    String label;
                    if (i < n && line.charAt(i) == '"') {
                        int[] end = new int[1];
                        label = quoted(line, i, end);
                        if (label == null) {
                            return Optional.empty();
                        }
                        i = end[0];
                    } else {
                        int start = i;
                        while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                            i++;
                        }
                        label = line.substring(start, i);
                    }
                    while (i < n && line.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && (line.charAt(i) == ',' || line.charAt(i) == '}') && name == null && !label.isEmpty()) {
                        // The quoted metric name of the UTF-8 form: {"my.metric", a="1"}.
                        name = label;
                    } else {
                        if (label.isEmpty() || i >= n || line.charAt(i) != '=') {
                            return Optional.empty();
                        }
                        i++;
                        while (i < n && line.charAt(i) == ' ') {
                            i++;
                        }
                        int[] end = new int[1];
                        String value = i >= n || line.charAt(i) != '"' ? null : quoted(line, i, end);
                        if (value == null) {
                            return Optional.empty();
                        }
                        i = end[0];
                        (value.isEmpty() ? empty : labels).add(label);
                    }
                    while (i < n && line.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && line.charAt(i) == ',') {
                        i++;
                    } else if (!(i < n && line.charAt(i) == '}')) {
                        return Optional.empty();
                    }
                }
            }
            // A value must follow, after white space.
            if (name == null || i >= n || (line.charAt(i) != ' ' && line.charAt(i) != '\t') || line.substring(i).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Sample(name, labels, empty));
        }

        /** The string starting at the quote {@code from}, unescaped; {@code end[0]} is set past its closing quote. */
        private static String quoted(String line, int from, int[] end) {
            StringBuilder b = new StringBuilder();
            for (int i = from + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char e = line.charAt(++i);
                    b.append(e == 'n' ? '\n' : e);
                } else if (c == '"') {
                    end[0] = i + 1;
                    return b.toString();
                } else {
                    b.append(c);
                }
            }
            return null;
        }
    }
}
