package dev.vigil.compiler.importer.metrics;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.importer.VigilText;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes imported metrics as {@code metric} declarations in a {@code .vigil} file, merged into the file
 * when it exists, which is then laid out by {@code vigil fmt}. What the file already declares is kept,
 * hand edits and comments included: a
 * declaration that disagrees with the exporter (another type, labels it lacks) is reported, not
 * rewritten. New declarations go, sorted by name, at the end of the file's block for the service, or
 * in a new {@code extend service} block.
 */
public final class MetricDeclarations {
    private MetricDeclarations() {
    }

    /** The file's new text, and how many declarations were added and how many already existed. */
    public record Result(String text, int added, int kept) {
    }

    /**
     * Merges {@code imported} into {@code existing} (empty for a new file at {@code path}). Returns empty
     * when the existing file does not parse: the diagnostics say where, and nothing should be written.
     */
    public static Optional<Result> merge(String path, Optional<SourceFile> existing, String service,
            List<MetricFamily> imported, DiagnosticSink sink) {
        if (!VigilText.isName(service)) {
            throw new IllegalArgumentException("not a service name: " + service);
        }
        String text = existing.map(SourceFile::text).orElse("");
        Map<String, Decl.MetricDecl> declared = new LinkedHashMap<>();
        Decl.ServiceDecl block = null;
        if (existing.isPresent()) {
            DiagnosticSink parse = new DiagnosticSink();
            Optional<VigilFile> file = VigilSourceParser.parse(existing.get(), parse);
            if (file.isEmpty() || parse.hasErrors()) {
                sink.addAll(parse.all());
                return Optional.empty();
            }
            for (Decl d : file.get().decls()) {
                if (d instanceof Decl.ServiceDecl s) {
                    if (block == null && s.name().text().equals(service)) {
                        block = s;
                    }
                    s.members().stream().filter(m -> m instanceof Decl.MetricDecl).map(m -> (Decl.MetricDecl) m)
                            .forEach(m -> declared.putIfAbsent(m.name().text(), m));
                }
            }
        }
        Map<String, MetricFamily> added = new TreeMap<>();
        List<MetricFamily> untyped = new ArrayList<>();
        int kept = 0;
        for (MetricFamily f : imported) {
            if (f.type() == null) {
                untyped.add(f);
            } else if (declared.containsKey(f.name())) {
                kept++;
                conflicts(declared.get(f.name()), f, sink);
            } else if (!declarable(f.name())) {
                sink.warning(Ids.IMPORT_DROPPED, f.span(), "Metric `" + f.name() + "` is left out: the language "
                        + "cannot declare a metric of that name.", "Queries can still read it; only its declaration is missing.");
            } else {
                added.putIfAbsent(f.name(), f);
            }
        }
        if (!untyped.isEmpty()) {
            // One finding for all: node_exporter alone exposes dozens of untyped counters.
            List<String> names = untyped.stream().map(MetricFamily::name).sorted().toList();
            sink.warning(Ids.IMPORT_DROPPED, untyped.get(0).span(), (names.size() == 1 ? "Metric `" + names.get(0) + "` is"
                    : names.size() + " metrics are") + " left out: untyped or of unknown type, so a declaration would "
                    + "have to guess one (" + names.stream().limit(3).map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                    + (names.size() > 3 ? ", ..." : "") + ").",
                    "Queries still read them; declare by hand the ones whose type you know (a counter you `rate`).");
        }
        if (added.isEmpty()) {
            return Optional.of(new Result(text, 0, kept));
        }
        StringBuilder decls = new StringBuilder();
        added.values().forEach(f -> decls.append(declaration(f)));
        String merged;
        if (block != null) {
            int close = offset(text, block.span().endLine(), block.span().endColumn()) - 1;
            merged = text.substring(0, close) + "\n" + decls + text.substring(close);
        } else {
            String head = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
            merged = head + (head.isEmpty() ? "" : "\n") + "extend service " + service + " {\n"
                    + decls + "}\n";
        }
        return Optional.of(new Result(VigilText.format(path, merged), added.size(), kept));
    }

    /** One declaration, in the layout {@code vigil fmt} gives it. */
    static String declaration(MetricFamily f) {
        List<String> props = new ArrayList<>();
        if (!f.labels().isEmpty()) {
            props.add("labels " + VigilText.nameList(f.labels()));
        }
        if (!f.optionalLabels().isEmpty()) {
            props.add("optional_labels " + VigilText.nameList(f.optionalLabels()));
        }
        if (!f.unit().isEmpty()) {
            props.add("unit " + VigilText.string(f.unit()));
        }
        if (!f.help().isEmpty()) {
            props.add("help " + VigilText.string(f.help()));
        }
        String head = "metric " + f.name() + " " + f.type().keyword();
        if (props.isEmpty()) {
            return head + "\n";
        }
        return head + " {\n" + String.join("\n", props) + "\n}\n";
    }

    /** Whether the grammar takes {@code name} as a metric's name: not every PromQL name is one (`service`). */
    private static boolean declarable(String name) {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<VigilFile> f = VigilSourceParser.parse(new SourceFile("<name>", "service s { metric " + name + " gauge }"), sink);
        return f.isPresent() && !sink.hasErrors();
    }

    private static void conflicts(Decl.MetricDecl d, MetricFamily f, DiagnosticSink sink) {
        String type = d.type() == null ? null : d.type().text();
        if (type != null && !type.equals(f.type().keyword())) {
            sink.warning(Ids.IMPORT_METRIC_CONFLICT, d.type().span(), "Metric `" + f.name() + "` is declared a `" + type
                    + "`, but its exporter says it is a `" + f.type().keyword() + "`.",
                    "Declare it as a `" + f.type().keyword() + "` if the exporter is right; the import keeps the declaration as written.");
        }
        TreeSet<String> every = names(d.labels());
        TreeSet<String> some = new TreeSet<>();
        d.properties().stream().filter(p -> p.key().text().equals("optional_labels")).forEach(p -> some.addAll(names(p.value())));
        TreeSet<String> missing = new TreeSet<>(f.labels());
        missing.addAll(f.optionalLabels());
        missing.removeAll(every);
        missing.removeAll(some);
        if (!missing.isEmpty()) {
            sink.warning(Ids.IMPORT_METRIC_CONFLICT, d.labels() == null ? d.name().span() : d.labels().span(), "Metric `"
                    + f.name() + "` is declared without the label" + (missing.size() == 1 ? " `" : "s `")
                    + String.join("`, `", missing) + "`, which its series carry.", "Add " + (missing.size() == 1 ? "it" : "them")
                    + " to `labels` (or `optional_labels`, for one only some series have) so that the checks know "
                    + (missing.size() == 1 ? "it" : "them") + "; the import keeps the declaration as written.");
        }
        TreeSet<String> overclaimed = new TreeSet<>(f.optionalLabels());
        overclaimed.retainAll(every);
        overclaimed.removeAll(some);
        if (!overclaimed.isEmpty()) {
            String list = "`" + String.join("`, `", overclaimed) + "`";
            sink.warning(Ids.IMPORT_METRIC_CONFLICT, d.labels().span(), "Metric `" + f.name() + "` is declared with "
                    + list + " on every series, but some of its series lack " + (overclaimed.size() == 1 ? "it" : "them")
                    + " or have " + (overclaimed.size() == 1 ? "it" : "them") + " empty.",
                    "Move " + list + " to `optional_labels`: the checks take a label in `labels` to be on every series, "
                            + "and may report that a join production makes never matches; the import keeps the declaration "
                            + "as written.");
        }
    }

    /** The names of a label list as written (words or strings); empty for no list. */
    private static TreeSet<String> names(Value v) {
        TreeSet<String> out = new TreeSet<>();
        if (v instanceof Value.ListValue list) {
            list.items().forEach(i -> {
                if (i instanceof Value.NameValue n) {
                    out.add(n.name());
                } else if (i instanceof Value.StringValue s) {
                    out.add(s.value());
                }
            });
        }
        return out;
    }

    /** The character offset of a 1-based line and column. */
    private static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }
}
