package dev.vigil.compiler.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.CompileResult;
import dev.vigil.compiler.Compiler;
import dev.vigil.compiler.SourceLoader;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.lint.Linter;
import dev.vigil.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing, the checks and a rule file's queries run on several workers when a project is large; the
 * findings must not depend on how many. Each project here is large enough for every parallel path
 * (120 files, 2,400 rules, 1,200 queries in one rule file) and has findings in many files, so that
 * an order that depended on timing would show.
 */
class WorkersDeterminismTest {
    private static final int SERVICES = 120;

    @Test
    void aLargeProjectGetsTheSameFindingsWithOneWorkerAndWithSeveral(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("project.vigil"), "severities critical > warning > info\n");
        for (int i = 0; i < SERVICES; i++) {
            Files.writeString(dir.resolve("svc_" + i + ".vigil"), service(i));
        }
        Supplier<CompileResult> check = () -> {
            try {
                return new Compiler(new SourceLoader(dir)).check(List.of(dir));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<Diagnostic> one = with(1, check).diagnostics();
        List<Diagnostic> several = with(4, check).diagnostics();
        // Findings of checks in every file, not syntax errors that would stop the checks.
        assertEquals(SERVICES * 10, count(one, "Division.Unsafe"), one.subList(0, Math.min(3, one.size())).toString());
        assertEquals(SERVICES, count(one, "Naming.UndefinedMetric"));
        assertEquals(one, several);
    }

    @Test
    void aLargeRuleFileGetsTheSameFindingsWithOneWorkerAndWithSeveral() {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (int i = 0; i < SERVICES; i++) {
            yaml.append("- name: svc_").append(i).append("\n  rules:\n");
            for (int r = 0; r < 5; r++) {
                yaml.append("  - record: job:errors_").append(r).append(":ratio_").append(i).append('\n')
                        .append("    expr: sum(rate(errors_total{job=\"svc-").append(i).append("\"}[5m])) / sum(rate(requests_total{job=\"svc-")
                        .append(i).append("\"}[5m]))\n");
                yaml.append("  - alert: Broken").append(r).append('_').append(i).append('\n')
                        .append("    expr: rate(requests_total{job=\"svc-").append(i).append("\"}[5m]) > \n")
                        .append("    for: 5m\n");
            }
        }
        List<SourceFile> file = List.of(new SourceFile("rules.yml", yaml.toString()));
        List<Diagnostic> one = with(1, () -> Linter.lint(file, Linter.Options.DEFAULT)).diagnostics();
        List<Diagnostic> several = with(4, () -> Linter.lint(file, Linter.Options.DEFAULT)).diagnostics();
        // A syntax error at each broken query, at its own line of the file.
        List<Diagnostic> syntax = one.stream().filter(d -> d.code().startsWith("Syntax.")).toList();
        assertEquals(SERVICES * 5, syntax.size(), one.subList(0, Math.min(3, one.size())).toString());
        assertEquals(SERVICES * 5, syntax.stream().map(d -> d.span().line()).distinct().count());
        assertEquals(one, several);
    }

    /** A service of 10 recording rules and 10 alerts; each alert divides without a guard, and one reads an undeclared metric. */
    private static String service(int i) {
        StringBuilder b = new StringBuilder("service svc_").append(i).append(" {\n  team \"t").append(i % 7).append("\"\n")
                .append("  metric requests_total counter { labels [job, instance, code] }\n")
                .append("  group svc_").append(i).append("_rules every 30s {\n");
        String job = "{job=\"svc-" + i + "\"}";
        for (int r = 0; r < 10; r++) {
            b.append("    record job:requests_").append(r).append(":rate5m = sum by (job) (rate(requests_total").append(job)
                    .append("[5m]))\n");
        }
        for (int r = 0; r < 10; r++) {
            b.append("    alert Svc").append(i).append("Errors").append(r).append(" {\n")
                    .append("      when job:requests_").append(r).append(":rate5m").append(job).append(" / job:requests_")
                    .append((r + 1) % 10).append(":rate5m").append(job).append(" > 0.1\n")
                    .append("      severity warning\n      summary \"errors\"\n    }\n");
        }
        b.append("    record job:undeclared:rate5m = sum by (job) (rate(undeclared_total").append(job).append("[5m]))\n");
        return b.append("  }\n}\n").toString();
    }

    private static long count(List<Diagnostic> diagnostics, String code) {
        return diagnostics.stream().filter(d -> d.code().equals(code)).count();
    }

    private static <T> T with(int workers, Supplier<T> run) {
        String before = System.getProperty(Workers.PROPERTY);
        System.setProperty(Workers.PROPERTY, Integer.toString(workers));
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(Workers.PROPERTY);
            } else {
                System.setProperty(Workers.PROPERTY, before);
            }
        }
    }
}
