package dev.vigil.compiler.importer;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Severity;
import dev.vigil.compiler.model.Links;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code vigil import} without the file system: reads every document of every input, lets the first
 * importer that recognises it translate it, gathers the sources into one file per service, and
 * compiles them as {@code vigil check} would (adding the baseline when asked). Nothing here writes;
 * when an input has errors the result holds no files.
 */
public final class ImportRun {
    /** What a directory given to import is searched for: YAML, and JSON for Grafana dashboards. */
    public static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    /** The file of the project's routing: it belongs to no service. */
    public static final String ROUTING = "routing";

    /**
     * {@code files} maps each file name (relative to the output directory, sorted) to its text;
     * {@code diagnostics} are the inputs' (in their own positions) and then the errors that remain in
     * the written sources; {@code sources} holds both kinds of text, for rendering them.
     */
    public record Result(SortedMap<String, String> files, List<Diagnostic> diagnostics, Map<String, SourceFile> sources,
            ImportSummary summary) {
        public boolean inputHasErrors() {
            return summary.inputErrors() > 0;
        }
    }

    private ImportRun() {
    }

    /**
     * Imports {@code inputs}; the written files will be shown as {@code outPrefix + name} (e.g.
     * {@code "out/"}), which is where findings about them point.
     */
    public static Result run(List<Importer> importers, List<SourceFile> inputs, String outPrefix, boolean baseline) {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, SourceFile> sources = new HashMap<>();
        SortedMap<String, Integer> documents = new TreeMap<>();
        int unrecognised = 0;
        Map<String, List<String>> byService = new LinkedHashMap<>();
        for (SourceFile input : inputs) {
            sources.put(input.path(), input);
            for (YamlDocument doc : YamlDocument.composeAll(input, sink)) {
                Importer importer = importers.stream().filter(i -> i.recognises(doc)).findFirst().orElse(null);
                if (importer == null) {
                    unrecognised++;
                    sink.warning(Ids.INPUT_UNKNOWN_KIND, doc.span(doc.root()), "Vigil cannot import this document: it is "
                            + "of no kind it reads.", "`vigil import` reads " + kinds(importers) + ".");
                    continue;
                }
                documents.merge(importer.kind(), 1, Integer::sum);
                for (ImportedSource s : importer.translate(doc, sink)) {
                    byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s.text());
                }
            }
        }
        List<Diagnostic> inputDiagnostics = sink.sorted();
        int inputErrors = (int) inputDiagnostics.stream().filter(Diagnostic::isError).count();
        int dropped = count(inputDiagnostics, Ids.IMPORT_DROPPED);
        int secrets = count(inputDiagnostics, Ids.SECRET_INLINE);
        if (inputErrors > 0) {
            ImportSummary summary = new ImportSummary(inputs.size(), documents, unrecognised, 0, 0, 0, 0, 0, 0, dropped, secrets,
                    0, 0, 0, inputErrors);
            return new Result(new TreeMap<>(), inputDiagnostics, sources, summary);
        }
        SortedMap<String, String> files = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(byService).entrySet()) {
            String name = fileName(e.getKey(), taken);
            files.put(name, VigilText.format(outPrefix + name, merge(e.getKey(), e.getValue())));
        }
        CompileResult checked = compile(files, outPrefix);
        List<Diagnostic> findings = checked.diagnostics().stream().filter(d -> !d.isSuppressed()).toList();
        int baselined = 0;
        if (baseline) {
            SortedMap<String, String> withIgnores = new TreeMap<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                String path = outPrefix + f.getKey();
                List<Diagnostic> here = findings.stream()
                        .filter(d -> d.span().file().equals(path) && Baseline.wanted(d)).toList();
                baselined += here.size();
                withIgnores.put(f.getKey(), VigilText.format(path, Baseline.apply(new SourceFile(path, f.getValue()), here)));
            }
            files = withIgnores;
            checked = compile(files, outPrefix);
        }
        List<Diagnostic> remaining = checked.diagnostics().stream().filter(d -> !d.isSuppressed() && d.isError()).toList();
        List<Diagnostic> all = new ArrayList<>(inputDiagnostics);
        all.addAll(remaining);
        sources.putAll(checked.sources());
        Counts counts = counts(files, outPrefix);
        ImportSummary summary = new ImportSummary(inputs.size(), documents, unrecognised, counts.services, counts.groups,
                counts.rules, counts.slos, counts.dashboards, counts.receivers, dropped, secrets, findings.size(), baselined, remaining.size(), 0);
        return new Result(files, all, sources, summary);
    }

    private static int count(List<Diagnostic> diagnostics, String id) {
        return (int) diagnostics.stream().filter(d -> d.code().equals(id) && d.severity() != Severity.INFO).count();
    }

    private static String kinds(List<Importer> importers) {
        List<String> kinds = importers.stream().map(Importer::kind).toList();
        return kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
    }

    /**
     * The texts of one service as one file. The service is declared once: a later text that declares it
     * again (from another document or input) extends it instead.
     */
    static String merge(String service, List<String> texts) {
        StringBuilder out = new StringBuilder();
        boolean declared = false;
        for (String text : texts) {
            String t = text;
            Span again = declared ? declaration(service, t) : null;
            if (again != null) {
                t = insertAt(t, again.line(), again.column(), "extend ");
            }
            declared |= declaration(service, t) != null || again != null;
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t.endsWith("\n") ? t : t + "\n");
        }
        return out.toString();
    }

    /** Where {@code text} declares (not extends) {@code service}, or null. */
    private static Span declaration(String service, String text) {
        VigilFile file = VigilSourceParser.parse(new SourceFile("<import>", text), new DiagnosticSink()).orElse(null);
        if (file == null) {
            return null;
        }
        for (Decl d : file.decls()) {
            if (d instanceof Decl.ServiceDecl s && !s.extension() && s.name().text().equals(service)) {
                return s.span();
            }
        }
        return null;
    }

    private static String insertAt(String text, int line, int column, String insert) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        offset += column - 1;
        return text.substring(0, offset) + insert + text.substring(offset);
    }

    private static CompileResult compile(SortedMap<String, String> files, String outPrefix) {
        List<SourceFile> sources = new ArrayList<>();
        files.forEach((name, text) -> sources.add(new SourceFile(outPrefix + name, text)));
        return Compiler.compile(sources);
    }

    private record Counts(int services, int groups, int rules, int slos, int dashboards, int receivers) {
    }

    private static Counts counts(SortedMap<String, String> files, String outPrefix) {
        java.util.Set<String> services = new java.util.TreeSet<>();
        int groups = 0;
        int rules = 0;
        int slos = 0;
        int dashboards = 0;
        int receivers = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            VigilFile file = VigilSourceParser.parse(new SourceFile(outPrefix + f.getKey(), f.getValue()),
                    new DiagnosticSink()).orElse(null);
            if (file == null) {
                continue;
            }
            for (Decl d : file.decls()) {
                if (d instanceof Decl.ServiceDecl s) {
                    services.add(s.name().text());
                    for (Decl.ServiceMember m : s.members()) {
                        if (m instanceof Decl.GroupDecl g) {
                            groups++;
                            rules += g.rules().size();
                        } else if (m instanceof Decl.SloDecl) {
                            slos++;
                        } else if (m instanceof Decl.DashboardDecl) {
                            dashboards++;
                        }
                    }
                } else if (d instanceof Decl.RoutingDecl r) {
                    receivers += (int) r.items().stream().filter(i -> i instanceof Decl.Receiver).count();
                }
            }
        }
        return new Counts(services.size(), groups, rules, slos, dashboards, receivers);
    }

    /**
     * A file name for {@code service} that no other imported service has, ignoring case (`Api` and
     * `api`, or `a/b` and `a_b`, would otherwise overwrite each other on some file systems), and that
     * is no Windows device name.
     */
    private static String fileName(String service, Set<String> taken) {
        String base = Links.segment(service);
        if (Links.isDeviceName(base)) {
            base = base + "_";
        }
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "_" + n;
        }
        return candidate + Compiler.EXTENSION;
    }
}
