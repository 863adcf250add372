package dev.vigil.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.model.MetricType;
import dev.vigil.compiler.model.Project;
import dev.vigil.compiler.model.Rule;
import dev.vigil.compiler.parse.PromqlParser;
import dev.vigil.compiler.promql.Expr;
import dev.vigil.compiler.promql.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelInferenceTest {
    private static final Project PROJECT = TestProjects.compile("""
            service crm {
              team "platform"
              labels { app = "crm" }
              metric kafka_consumergroup_lag gauge { labels [topic, consumergroup, partition] }
              metric kafka_consumergroup_current_offset gauge { labels [topic, consumergroup, partition, memberid] }
              metric http_requests_total counter { labels [code, tenant] }
              metric req_seconds histogram { labels [tenant] }
              group g {
                record kafka:group_partition_lag:max = max by (topic, consumergroup, partition) (kafka_consumergroup_lag)
                record kafka:group_skew:ratio =
                  max by (topic, consumergroup) (kafka:group_partition_lag:max)
                    / clamp_min(avg by (topic, consumergroup) (kafka:group_partition_lag:max), 0.001)
                record tenant:requests:rate5m labels { source = "vigil" } = sum by (tenant) (rate(http_requests_total[5m]))
                record loop:a = loop:b + 1
                record loop:b = loop:a
                alert Under {
                  when count(count by (memberid) (kafka_consumergroup_current_offset{consumergroup="x"})) < 2
                  severity info
                  labels { component = "kafka" }
                }
              }
            }
            """);
    private final LabelInference li = LabelInference.forProject(PROJECT);

    private Inferred infer(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        Expr e = PromqlParser.parse(text, sink).orElseThrow(() -> new AssertionError(sink.sorted().toString()));
        return li.infer(e);
    }

    private static String labels(Inferred i) {
        return i.labels().toString();
    }

    @Test
    void declaredMetricsHaveTheirLabelsAndTheTargetLabels() {
        Inferred i = infer("kafka_consumergroup_lag{topic=\"crm\"}");
        assertEquals(ValueType.VECTOR, i.type());
        assertEquals("{consumergroup, instance, job, partition, topic=\"crm\"}", labels(i));
        assertEquals(MetricType.GAUGE, i.kind());
    }

    @Test
    void undeclaredMetricsAreOpenAndMatchersAddLabels() {
        Inferred i = infer("something{env=\"prod\", pod=~\".+\", x=~\".*\", gone=\"\"}");
        assertTrue(i.labels().open());
        assertEquals("{env=\"prod\", instance, job, pod, ...}", labels(i));
    }

    @Test
    void scrapedSeriesHaveTheTargetLabelsAndRecordedOnesDoNot() {
        assertEquals("{instance, job, ...}", labels(infer("rate(a_total[5m])")));
        assertEquals("{...}", labels(infer("some:recorded:elsewhere")), "a colon marks a recording rule");
        assertEquals("{alertname=\"X\", ...}", labels(infer("ALERTS{alertname=\"X\"}")), "Prometheus writes ALERTS itself");
        assertEquals("{...}", labels(infer("{__name__=~\"a.*\"}")), "a selector without a name may read recorded series");
        assertEquals("{job}", labels(infer("sum by (job) (rate(a[5m]))")), "by keeps job, and it is always there");
        assertEquals("{instance, ...}", labels(infer("something{job=\"\"}")), "`job=\"\"` selects series without job");
    }

    @Test
    void theProjectChoosesItsTargetLabels() {
        Project none = TestProjects.compile("""
                settings { target_labels [] }
                service s { metric m gauge { labels [a] } group g { record s:m:sum = sum(m) } }
                """);
        assertEquals(List.of(), none.settings().targetLabels());
        LabelInference off = LabelInference.forProject(none);
        assertEquals("{...}", off.infer(parse("rate(a_total[5m])")).labels().toString());
        assertEquals("{a, instance?, job?}", off.infer(parse("m")).labels().toString());

        Project more = TestProjects.compile("""
                settings { target_labels [job, instance, cluster] }
                service s { group g { record s:m:sum = sum(m) } }
                """);
        assertEquals("{cluster, instance, job, ...}",
                LabelInference.forProject(more).infer(parse("up")).labels().toString());
        assertEquals("{...}", LabelInference.forProject(more, List.of()).infer(parse("up")).labels().toString(),
                "a unit test's input series carry no target labels");
        assertEquals(List.of("job", "instance"), PROJECT.settings().targetLabels());
    }

    private static Expr parse(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        return PromqlParser.parse(text, sink).orElseThrow(() -> new AssertionError(sink.sorted().toString()));
    }

    @Test
    void aggregationsKeepOrDropLabels() {
        assertEquals("{topic}", labels(infer("sum by (topic, nothere) (kafka_consumergroup_lag)")));
        assertEquals("{consumergroup, instance, job, topic}",
                labels(infer("sum without (partition) (kafka_consumergroup_lag)")));
        assertEquals("{}", labels(infer("sum(kafka_consumergroup_lag)")));
        assertEquals("{x?}", labels(infer("sum by (x) (undeclared)")));
        assertEquals("{consumergroup, instance, job, partition, topic}",
                labels(infer("topk by (topic) (1, kafka_consumergroup_lag)")));
        assertEquals("{topic, value}", labels(infer("count_values by (topic) (\"value\", kafka_consumergroup_lag)")));
    }

    @Test
    void theSeedConsumerCountHasNoLabels() {
        Rule.Alert a = (Rule.Alert) PROJECT.services().get(0).groups().get(0).rules().get(5);
        assertEquals("{}", li.templateLabels(a).toString());
        LabelSet alert = li.alertLabels(a);
        assertEquals("{alertname=\"Under\", app=\"crm\", component=\"kafka\", service=\"crm\", severity=\"info\", "
                + "team=\"platform\"}", alert.toString());
        assertFalse(alert.open());
    }

    @Test
    void recordingRulesCarryTheirExpressionsLabels() {
        assertEquals("{consumergroup, topic}", labels(infer("kafka:group_skew:ratio")));
        assertEquals("{source=\"vigil\", tenant}", labels(infer("tenant:requests:rate5m")));
        Inferred r = infer("tenant:requests:rate5m");
        assertTrue(r.readsCounter());
        assertNull(r.kind());
    }

    @Test
    void cyclesAreUnknownNotFatal() {
        Inferred i = infer("loop:a");
        assertEquals(ValueType.VECTOR, i.type());
        assertTrue(i.labels().open());
    }

    @Test
    void functions() {
        assertEquals("{instance, job, tenant}", labels(infer("histogram_quantile(0.9, rate(req_seconds_bucket[5m]))")));
        assertEquals("{instance, job, le, tenant}", labels(infer("rate(req_seconds_bucket[5m])")));
        assertTrue(infer("rate(req_seconds_bucket[5m])").readsHistogram());
        assertEquals("{tenant}", labels(infer("histogram_quantile(0.9, sum by (tenant, le) (rate(req_seconds_bucket[5m])))")));
        assertEquals("{job=\"api\"}", labels(infer("absent(up{job=\"api\", instance=~\"x.*\"})")));
        assertEquals("{code, dst?, instance, job, tenant}",
                labels(infer("label_replace(http_requests_total, \"dst\", \"$1\", \"code\", \"(.*)\")")));
        assertEquals("{code, dst=\"v\", instance, job, tenant}",
                labels(infer("label_replace(http_requests_total, \"dst\", \"v\", \"\", \".*\")")));
        assertEquals("{}", labels(infer("vector(1)")));
        assertEquals(ValueType.SCALAR, infer("scalar(sum(http_requests_total))").type());
        assertEquals(MetricType.COUNTER, infer("http_requests_total[5m]").kind());
    }

    @Test
    void binaryOperatorsFollowVectorMatching() {
        assertEquals("{code, instance, job, tenant}", labels(infer("http_requests_total > 0")));
        assertEquals("{tenant}", labels(infer("sum by (tenant, code) (http_requests_total) / on (tenant) sum by (tenant) (http_requests_total)")));
        assertEquals("{code}", labels(infer("sum by (tenant, code) (http_requests_total) / ignoring (tenant) sum by (code) (http_requests_total)")));
        assertEquals("{code, tenant}", labels(infer(
                "sum by (tenant, code) (http_requests_total) / on (tenant) group_left sum by (tenant) (http_requests_total)")));
        assertEquals("{code, partition, tenant}", labels(infer(
                "sum by (tenant, code) (http_requests_total) * on (tenant) group_left (partition, nothere) "
                        + "max by (tenant, partition) (kafka_consumergroup_lag)")));
        assertEquals("{a?, b?}", labels(infer("sum by (a) (x) or sum by (b) (y)")));
        assertEquals("{x=\"1\"}", labels(infer("sum by (x) (undeclared) and on (x) sum by (x) (other{x=\"1\"})")));
    }

    @Test
    void nullAndBrokenInputIsUnknown() {
        assertEquals(ValueType.NONE, li.infer(null).type());
        assertEquals(ValueType.NONE, infer("nosuchfunction(x)").type());
        assertEquals(ValueType.NONE, LabelInference.forProject(null).infer(null).type());
    }

    @Test
    void longChainsDoNotRecurse() {
        // The longest chain the parser accepts (VigilParsing.MAX_EXPRESSION_DEPTH operators).
        Inferred i = infer("x" + " + x".repeat(500));
        assertEquals(ValueType.VECTOR, i.type());
    }
}
