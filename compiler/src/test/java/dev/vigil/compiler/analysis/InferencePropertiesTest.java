package dev.vigil.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.PromqlChecker;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** For random well-formed queries, inference never throws and agrees with the checker on every node's type. */
class InferencePropertiesTest {
    private static final String[] METRICS = {
        "http_requests_total", "req_seconds_bucket", "req_seconds_count", "queue_depth", "job:requests:rate5m",
        "loop:a", "undeclared_metric",
    };
    private static final String[] LABELS = {"job", "instance", "code", "le", "tenant", "pod"};
    private static final String[] AGG = {"sum", "avg", "max", "min", "count", "group", "stddev"};
    private static final String[] PARAM_AGG = {"topk", "bottomk", "quantile", "count_values", "limitk"};
    private static final String[] VEC_FN = {"abs", "ceil", "sort", "timestamp", "exp", "absent", "sgn"};
    private static final String[] RANGE_FN = {"rate", "irate", "increase", "max_over_time", "avg_over_time",
        "absent_over_time", "deriv", "changes", "last_over_time"};
    private static final String[] BIN = {"+", "-", "*", "/", "%", "^", "==", "!=", ">", "<", ">=", "<=", "atan2",
        "and", "or", "unless"};

    private static final LabelInference PROJECT = LabelInference.forProject(TestProjects.compile("""
            service s {
              metric http_requests_total counter { labels [code, tenant] }
              metric req_seconds histogram { labels [tenant] }
              metric queue_depth gauge
              group g {
                record job:requests:rate5m = sum by (job, code) (rate(http_requests_total[5m]))
                record loop:a = loop:b + 1
                record loop:b = loop:a * 2
              }
            }
            """));

    @Property(tries = 1500)
    void inferenceNeverThrowsAndAgreesWithTheChecker(@ForAll long seed) {
        Random random = new Random(seed);
        String text = expr(random, 4);
        Optional<Expr> parsed = PromqlParser.parse(text, new DiagnosticSink());
        if (parsed.isEmpty()) {
            return; // the grammar below is meant to be well formed, but stay robust to its corners
        }
        for (LabelInference li : new LabelInference[] {PROJECT, LabelInference.empty()}) {
            Deque<Expr> todo = new ArrayDeque<>();
            todo.push(parsed.get());
            while (!todo.isEmpty()) {
                Expr e = todo.pop();
                Inferred inferred = li.infer(e);
                assertNotNull(inferred.labels());
                assertEquals(PromqlChecker.typeOf(e), inferred.type(), () -> "type of `" + e + "` in `" + text + "`");
                e.children().forEach(todo::push);
            }
        }
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String selector(Random r) {
        StringBuilder b = new StringBuilder(pick(r, METRICS));
        int n = r.nextInt(3);
        if (n > 0) {
            b.append('{');
            for (int i = 0; i < n; i++) {
                b.append(i > 0 ? "," : "").append(pick(r, LABELS))
                        .append(pick(r, new String[] {"=", "!=", "=~", "!~"}))
                        .append(pick(r, new String[] {"\"a\"", "\"\"", "\".*\"", "\"5..\""}));
            }
            b.append('}');
        }
        return b.toString();
    }

    private static String labelList(Random r) {
        StringBuilder b = new StringBuilder("(");
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(LABELS[(i + r.nextInt(2)) % LABELS.length]);
        }
        return b.append(')').toString();
    }

    private static String range(Random r, int depth) {
        return r.nextInt(3) == 0 && depth > 0 ? "(" + expr(r, depth - 1) + ")[5m:1m]" : selector(r) + "[5m]";
    }

    static String expr(Random r, int depth) {
        int choice = depth <= 0 ? r.nextInt(3) : r.nextInt(14);
        return switch (choice) {
            case 0, 1 -> selector(r);
            case 2 -> pick(r, new String[] {"1", "0", "0.5", "2"});
            case 3 -> pick(r, RANGE_FN) + "(" + range(r, depth) + ")";
            case 4 -> pick(r, AGG) + (r.nextBoolean() ? " by " : " without ") + labelList(r) + " (" + expr(r, depth - 1) + ")";
            case 5 -> pick(r, AGG) + "(" + expr(r, depth - 1) + ")";
            case 6 -> {
                String op = pick(r, PARAM_AGG);
                String param = op.equals("count_values") ? "\"value\"" : op.equals("quantile") ? "0.9" : "3";
                yield op + "(" + param + ", " + expr(r, depth - 1) + ")";
            }
            case 7 -> pick(r, VEC_FN) + "(" + expr(r, depth - 1) + ")";
            case 8 -> "histogram_quantile(0.99, " + expr(r, depth - 1) + ")";
            case 9 -> "label_replace(" + expr(r, depth - 1) + ", \"dst\", \"$1\", \"" + pick(r, LABELS) + "\", \"(.*)\")";
            case 10 -> "clamp_min(" + expr(r, depth - 1) + ", 0.001)";
            case 11 -> "(" + expr(r, depth - 1) + ")";
            case 12 -> "-" + expr(r, depth - 1);
            default -> {
                String op = pick(r, BIN);
                String bool = op.matches("==|!=|>|<|>=|<=") && r.nextInt(3) == 0 ? " bool" : "";
                String matching = "";
                if (r.nextBoolean()) {
                    matching = (r.nextBoolean() ? " on" : " ignoring") + labelList(r);
                    if (!op.matches("and|or|unless") && r.nextInt(3) == 0) {
                        matching += (r.nextBoolean() ? " group_left" : " group_right") + labelList(r);
                    }
                }
                yield "(" + expr(r, depth - 1) + ") " + op + bool + matching + " (" + expr(r, depth - 1) + ")";
            }
        };
    }
}
