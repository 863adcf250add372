package dev.vigil.compiler.diff;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.parse.SyntaxTree;
import dev.vigil.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Templates added, removed, or changed in their signature (kind, parameters added or removed, a type or a
 * default changed, shown as written: {@code 5% → 2%}) or their body. A body is compared by its tokens, so
 * comments and layout make no difference; the body is never built, since what it builds depends on the
 * arguments of each use, and those effects are the objects of the report. The reach of each template is
 * counted from those objects once they are all compared.
 */
final class TemplateDiff {
    /** The kinds of change that count towards a reach, a runbook as its alert. */
    private static final Set<Change.Kind> COUNTED = Set.of(Change.Kind.SLO, Change.Kind.ALERT, Change.Kind.RUNBOOK,
            Change.Kind.RECORDING, Change.Kind.DASHBOARD, Change.Kind.TEST);

    private TemplateDiff() {
    }

    /** The templates of both sides compared; {@code sources} hold the text their bodies are read from. */
    static List<TemplateChange> compare(Project before, Map<String, SourceFile> beforeSources, Project after,
            Map<String, SourceFile> afterSources) {
        Map<String, Decl.TemplateDecl> ta = templates(before);
        Map<String, Decl.TemplateDecl> tb = templates(after);
        if (ta.isEmpty() && tb.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> ba = bodies(before, beforeSources);
        Map<String, List<String>> bb = bodies(after, afterSources);
        List<TemplateChange> out = new ArrayList<>();
        for (String name : RoutingDiff.union(ta.keySet(), tb.keySet())) {
            Decl.TemplateDecl x = ta.get(name);
            Decl.TemplateDecl y = tb.get(name);
            if (x == null) {
                out.add(new TemplateChange(name, Change.Action.ADDED, y.kind().keyword(), List.of(), signature(y),
                        TemplateChange.Reach.NONE));
            } else if (y == null) {
                out.add(new TemplateChange(name, Change.Action.REMOVED, x.kind().keyword(), List.of(), signature(x),
                        TemplateChange.Reach.NONE));
            } else {
                List<Change.Field> f = fields(x, y);
                // A body that could not be read on either side (no source) counts as unchanged only if neither could.
                if (!Objects.equals(ba.get(name), bb.get(name))) {
                    f.add(Change.Field.summarized("body", null, null, "body changed"));
                }
                if (!f.isEmpty()) {
                    out.add(new TemplateChange(name, Change.Action.CHANGED, y.kind().keyword(), f, "",
                            TemplateChange.Reach.NONE));
                }
            }
        }
        return out;
    }

    /**
     * Each template change with its reach: the changes in {@code services} of objects expanded from it,
     * in the new version (in the old one for a removed object), each object counted once.
     */
    static List<TemplateChange> withReach(List<TemplateChange> templates, List<ServiceDiff> services) {
        List<TemplateChange> out = new ArrayList<>();
        for (TemplateChange t : templates) {
            Map<Change.Kind, Set<String>> objects = new EnumMap<>(Change.Kind.class);
            Set<String> where = new TreeSet<>();
            for (ServiceDiff s : services) {
                for (Change c : s.changes()) {
                    if (COUNTED.contains(c.kind()) && c.templates().contains(t.name())) {
                        Change.Kind kind = c.kind() == Change.Kind.RUNBOOK ? Change.Kind.ALERT : c.kind();
                        objects.computeIfAbsent(kind, k -> new TreeSet<>()).add(s.name() + "\u0000" + c.name());
                        where.add(s.name());
                    }
                }
            }
            Map<Change.Kind, Integer> counts = new EnumMap<>(Change.Kind.class);
            objects.forEach((k, names) -> counts.put(k, names.size()));
            out.add(t.withReach(new TemplateChange.Reach(counts, List.copyOf(where))));
        }
        return out;
    }

    private static Map<String, Decl.TemplateDecl> templates(Project p) {
        Map<String, Decl.TemplateDecl> out = new TreeMap<>();
        for (VigilFile f : p.files()) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.TemplateDecl t) {
                    out.putIfAbsent(t.name().text(), t);
                }
            }
        }
        return out;
    }

    /** Kind, then per parameter of the new version whether it is new or its type or default changed, then those removed. */
    private static List<Change.Field> fields(Decl.TemplateDecl x, Decl.TemplateDecl y) {
        List<Change.Field> f = new ArrayList<>();
        if (x.kind() != y.kind()) {
            f.add(Change.Field.of("kind", x.kind().keyword(), y.kind().keyword()));
        }
        Map<String, Decl.Param> pa = params(x);
        Map<String, Decl.Param> pb = params(y);
        for (Decl.Param b : pb.values()) {
            String name = b.name().text();
            Decl.Param a = pa.get(name);
            if (a == null) {
                f.add(Change.Field.summarized("parameter " + name, null, param(b), "added parameter " + Texts.code(param(b))));
                continue;
            }
            if (!a.type().text().equals(b.type().text())) {
                f.add(Change.Field.of("type of " + name, a.type().text(), b.type().text()));
            }
            String was = written(a.defaultValue());
            String now = written(b.defaultValue());
            if (!Objects.equals(was, now)) {
                f.add(Change.Field.of("default " + name, was, now));
            }
        }
        for (Decl.Param a : pa.values()) {
            if (!pb.containsKey(a.name().text())) {
                f.add(Change.Field.summarized("parameter " + a.name().text(), param(a), null,
                        "removed parameter " + Texts.code(param(a))));
            }
        }
        return f;
    }

    private static Map<String, Decl.Param> params(Decl.TemplateDecl t) {
        Map<String, Decl.Param> out = new LinkedHashMap<>();
        t.params().forEach(p -> out.putIfAbsent(p.name().text(), p));
        return out;
    }

    /** {@code blueprint `(job string, error_ratio percentage = 5%)`}. */
    private static String signature(Decl.TemplateDecl t) {
        return t.kind().keyword() + " " + Texts.code("(" + t.params().stream().map(TemplateDiff::param)
                .collect(Collectors.joining(", ")) + ")");
    }

    /** {@code error_ratio percentage = 5%}, as declared. */
    private static String param(Decl.Param p) {
        String d = written(p.defaultValue());
        return p.name().text() + " " + p.type().text() + (d == null ? "" : " = " + d);
    }

    /** A default as it reads in the source: {@code 5%}, {@code "api"}, {@code [job, instance]}, a query; null when none. */
    static String written(Decl.Argument a) {
        if (a == null) {
            return null;
        }
        return a.query() != null ? PromqlDiff.print(a.query()) : written(a.value());
    }

    private static String written(Value v) {
        if (v instanceof Value.StringValue s) {
            return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (v instanceof Value.ListValue l) {
            return "[" + l.items().stream().map(TemplateDiff::written).collect(Collectors.joining(", ")) + "]";
        }
        return Values.text(v);
    }

    /**
     * The body of each template, as the type and text of its tokens after the parameter list: comments
     * and whitespace are not tokens, so they make no difference. Only files that declare templates are read.
     */
    private static Map<String, List<String>> bodies(Project p, Map<String, SourceFile> sources) {
        Map<String, List<String>> out = new HashMap<>();
        for (VigilFile f : p.files()) {
            SourceFile source = sources.get(f.path());
            if (source != null && f.decls().stream().anyMatch(d -> d instanceof Decl.TemplateDecl)) {
                SyntaxTree.parse(source, new DiagnosticSink()).ifPresent(root -> collect(root, out));
            }
        }
        return out;
    }

    private static void collect(SyntaxTree.Node node, Map<String, List<String>> out) {
        if (!node.rule().equals("templateDecl")) {
            for (SyntaxTree.Element e : node.children()) {
                if (e instanceof SyntaxTree.Node n) {
                    collect(n, out);
                }
            }
            return;
        }
        String name = null;
        List<String> body = null;
        for (SyntaxTree.Element e : node.children()) {
            if (body != null) {
                tokens(e, body);
            } else if (e instanceof SyntaxTree.Node n && n.rule().equals("name")) {
                List<String> tokens = new ArrayList<>();
                tokens(n, tokens);
                name = tokens.get(0).substring(tokens.get(0).indexOf(' ') + 1);
            } else if (e instanceof SyntaxTree.Node n && n.rule().equals("templateParams")) {
                body = new ArrayList<>();
            }
        }
        if (name != null && body != null) {
            out.putIfAbsent(name, body);
        }
    }

    private static void tokens(SyntaxTree.Element e, List<String> out) {
        if (e instanceof SyntaxTree.Leaf l) {
            out.add(l.type() + " " + l.text());
        } else {
            ((SyntaxTree.Node) e).children().forEach(c -> tokens(c, out));
        }
    }
}
