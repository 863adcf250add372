package dev.vigil.lsp.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.lsp.harness.Markers;
import dev.vigil.lsp.harness.ServerHarness;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signature help inside PromQL calls and aggregations, with the parameter the cursor is in. */
class SignatureHelpTest {
    @TempDir
    Path dir;

    private static String alert(String when) {
        return "service shop {\n  group g {\n    alert A {\n      when " + when + "\n    }\n  }\n}\n";
    }

    private static SignatureHelp help(ServerHarness h, String marked) {
        Markers.Marked m = h.open("edit.vigil", marked);
        SignatureHelp help = h.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(
                new TextDocumentIdentifier(h.uri("edit.vigil")), m.position(0))).join();
        h.close("edit.vigil");
        return help;
    }

    /** The parameter labels as the client shows them: the ranges of the signature's label they point at. */
    private static List<String> parameters(SignatureInformation s) {
        return s.getParameters().stream().map(ParameterInformation::getLabel)
                .map(l -> s.getLabel().substring(l.getRight().getFirst(), l.getRight().getSecond())).toList();
    }

    @Test
    void histogramQuantileAfterItsFirstArgument() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            SignatureHelp help = help(h, alert("histogram_quantile(0.9, %|%"));
            SignatureInformation s = help.getSignatures().get(0);
            assertEquals("histogram_quantile(φ scalar, b instant-vector) → instant-vector", s.getLabel());
            assertEquals(List.of("φ scalar", "b instant-vector"), parameters(s));
            assertEquals(1, help.getActiveParameter());
            assertEquals(0, help.getActiveSignature());
            assertEquals("Returns an instant-vector.", s.getDocumentation().getRight().getValue());
            // The first argument, and commas inside nested calls and selectors do not count.
            assertEquals(0, help(h, alert("histogram_quantile(%|%")).getActiveParameter());
            assertEquals(1, help(h, alert("histogram_quantile(0.9, sum by (le) (rate(x{a=\"1\", b=\"2\"}[5m]))%|%"))
                    .getActiveParameter());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void theCallAroundTheCursorIsTheInnermostOne() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            SignatureHelp rate = help(h, alert("histogram_quantile(0.9, rate(%|%"));
            assertEquals("rate(v range-vector) → instant-vector", rate.getSignatures().get(0).getLabel());
            // Inside `by (...)` the aggregation's own parentheses are not yet open: the call around it is shown.
            SignatureHelp outer = help(h, alert("histogram_quantile(0.9, sum by (%|%"));
            assertEquals("histogram_quantile(φ scalar, b instant-vector) → instant-vector",
                    outer.getSignatures().get(0).getLabel());
            h.assertNoInternalErrors();
        }
    }

    @Test
    void aggregationsAndRepeatedParameters() {
        try (ServerHarness h = ServerHarness.start(dir)) {
            SignatureHelp topk = help(h, alert("topk(5, %|%"));
            assertEquals("topk(k scalar, v instant-vector) → instant-vector", topk.getSignatures().get(0).getLabel());
            assertEquals(1, topk.getActiveParameter());
            SignatureHelp sum = help(h, alert("sum by (job) (%|%"));
            assertEquals("sum(v instant-vector) → instant-vector", sum.getSignatures().get(0).getLabel());
            SignatureHelp join = help(h, alert("label_join(up, \"dst\", \",\", \"a\", \"b\", %|%"));
            SignatureInformation s = join.getSignatures().get(0);
            assertEquals(List.of("v instant-vector", "dst_label string", "separator string", "[src_label string, …]"),
                    parameters(s));
            assertEquals(3, join.getActiveParameter());
            assertEquals(List.of("v instant-vector", "[to_nearest scalar]"),
                    parameters(help(h, alert("round(up, %|%")).getSignatures().get(0)));
            assertNull(help(h, alert("(up %|%")));
            h.assertNoInternalErrors();
        }
    }
}
