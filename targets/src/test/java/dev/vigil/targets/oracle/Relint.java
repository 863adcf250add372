package dev.vigil.targets.oracle;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.targets.alertmanager.AlertmanagerEmitter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigil lint} over what {@code vigil build} wrote: the emitted rule files and Alertmanager
 * configuration must raise nothing {@code vigil check} did not raise on the sources. Positions differ
 * between a .vigil file and YAML, so findings are compared by check id and subject: the alert or
 * recording rule (or else the rule group) the finding is in, or none for the routing. A finding
 * {@code vigil check} made on an SLO covers the rules generated from it.
 */
final class Relint {
    private static final Pattern RULE = Pattern.compile("^\\s*- (?:alert|record): (.+)$");
    private static final Pattern GROUP = Pattern.compile("^\\s*- name: (.+)$");

    private Relint() {
    }

    /** The findings of {@code vigil lint} on the case's output that {@code vigil check} did not report. */
    static List<String> newFindings(BuildOracle.Case c) {
        List<SourceFile> emitted = new ArrayList<>();
        c.output.files().forEach((path, bytes) -> {
            if (path.startsWith("prometheus/rules/") && path.endsWith(".yml") || path.equals(AlertmanagerEmitter.CONFIG)) {
                emitted.add(new SourceFile(path, new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        if (emitted.isEmpty()) {
            return List.of();
        }
        // Linted as the project was checked: the same scrape interval, targets and target labels.
        var linted = Linter.lint(emitted, new Linter.Options(c.project().settings().scrapeIntervalMillis(), false,
                c.project().settings().targets(), c.project().settings().targetLabels()));
        List<Known> known = new ArrayList<>();
        for (Diagnostic d : c.compiled.diagnostics()) {
            known.add(new Known(d.code(), subjects(c.project().files(), d.span())));
        }
        List<String> out = new ArrayList<>();
        for (Diagnostic d : linted.diagnostics()) {
            // Lint does not see the sources' metric declarations, so where check proves two identities
            // disjoint by a declared label, lint can only say they may collide: a weaker finding, not news.
            if (!d.isError() && d.inFamily("Duplicate")) {
                continue;
            }
            SourceFile file = linted.sources().get(d.span().file());
            Set<String> subjects = file == null ? Set.of() : subjects(file, d.span().line());
            boolean reported = known.stream().anyMatch(k -> k.code.equals(d.code())
                    && (subjects.isEmpty() || k.subjects.isEmpty() || k.subjects.stream().anyMatch(
                            v -> subjects.stream().anyMatch(y -> y.equals(v) || v.endsWith(":") && y.startsWith(v)))));
            if (!reported) {
                out.add(d.span().file() + ":" + d.span().line() + ":" + d.span().column() + " "
                        + d.severity().label() + "[" + d.code() + "] " + d.message()
                        + (subjects.isEmpty() ? "" : " (in " + String.join(" / ", subjects) + ")"));
            }
        }
        return out;
    }

    private record Known(String code, Set<String> subjects) {
    }

    /** The rule group and rule a YAML line belongs to, found by reading the file upwards. */
    private static Set<String> subjects(SourceFile file, int line) {
        Set<String> out = new LinkedHashSet<>();
        if (!file.path().startsWith("prometheus/")) {
            return out;
        }
        for (int l = Math.min(line, file.lineCount()); l >= 1; l--) {
            String text = file.line(l);
            Matcher m;
            if (out.isEmpty() && (m = RULE.matcher(text)).matches()) {
                out.add(unquote(m.group(1)));
            } else if ((m = GROUP.matcher(text)).matches()) {
                out.add(unquote(m.group(1)));
                break;
            }
        }
        return out;
    }

    /** The group and rule (or SLO) declarations of the sources that enclose {@code at}. */
    private static Set<String> subjects(List<VigilFile> files, Span at) {
        Set<String> out = new LinkedHashSet<>();
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.ServiceDecl s) {
                    for (Decl.ServiceMember m : s.members()) {
                        if (m instanceof Decl.GroupDecl g && contains(g.span(), at)) {
                            out.add(g.name().text());
                            g.rules().stream().filter(r -> contains(r.span(), at)).forEach(r -> out.add(r.name().text()));
                        } else if (m instanceof Decl.SloDecl slo && contains(slo.span(), at)) {
                            // The SLO's rule groups are named `slo:<service>:<slo>:<part>`.
                            out.add("slo:" + s.name().text() + ":" + slo.name().text() + ":");
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean contains(Span outer, Span inner) {
        if (!outer.file().equals(inner.file())) {
            return false;
        }
        boolean afterStart = inner.line() > outer.line() || inner.line() == outer.line() && inner.column() >= outer.column();
        boolean beforeEnd = inner.line() < outer.endLine() || inner.line() == outer.endLine() && inner.column() <= outer.endColumn();
        return afterStart && beforeEnd;
    }

    private static String unquote(String yamlScalar) {
        String s = yamlScalar.strip();
        return s.length() >= 2 && (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s;
    }
}
