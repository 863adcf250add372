package dev.vigil.compiler.model;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a rule test into the model, checking promtool's series notation. */
final class TestReader {

    private TestReader() {
    }

    static TestCase read(Decl.TestDecl t, ValueReader values, ConstantTypes constantTypes, Map<String, Constant> scope,
            DiagnosticSink sink) {
        String name = values.string(t.name(), "test").orElse("");
        long interval = 60_000;
        boolean intervalSeen = false;
        List<TestCase.InputSeries> series = new ArrayList<>();
        List<TestCase.Expectation> expectations = new ArrayList<>();
        for (Decl.TestItem item : t.items()) {
            if (item instanceof Decl.TestInterval iv) {
                if (intervalSeen) {
                    sink.error(Ids.PROPERTY_REPEATED, iv.span(), "`every` is given more than once in this test.", null);
                }
                intervalSeen = true;
                interval = values.duration(iv.interval(), "every").orElse(interval);
            } else if (item instanceof Decl.Series s) {
                Optional<String> v = values.string(s.values(), "series");
                if (v.isPresent()) {
                    checkSeries(v.get(), s, sink);
                    series.add(new TestCase.InputSeries(s.selector(), v.get(), s.span()));
                }
            } else if (item instanceof Decl.ExpectAlert e) {
                long at = values.duration(e.at(), "at").orElse(0L);
                java.math.BigDecimal alertValue = e.value() == null ? null : values.number(e.value(), "value").orElse(null);
                expectations.add(new TestCase.AlertExpectation(at, Ref.of(Ref.Kind.ALERT, e.alert().text(), e.alert().span()),
                        true, ModelBuilder.labelMap(e.labels(), values, "labels", sink), alertValue,
                        ModelBuilder.labelMap(e.annotations(), values, "annotations", sink), e.span()));
            } else if (item instanceof Decl.ExpectNoAlert n) {
                long at = values.duration(n.at(), "at").orElse(0L);
                expectations.add(new TestCase.AlertExpectation(at, Ref.of(Ref.Kind.ALERT, n.alert().text(), n.alert().span()),
                        false, new java.util.TreeMap<>(), null, new java.util.TreeMap<>(), n.span()));
            } else if (item instanceof Decl.ExpectValue ev) {
                long at = values.duration(ev.at(), "at").orElse(0L);
                constantTypes.check(ev.expr(), scope);
                List<TestCase.ExpectedSample> samples = new ArrayList<>();
                for (Decl.Sample s : ev.samples()) {
                    values.number(s.value(), "sample value").ifPresent(
                            n -> samples.add(new TestCase.ExpectedSample(s.labels(), n, s.span())));
                }
                expectations.add(new TestCase.ValueExpectation(at, ev.expr(), samples, ev.span()));
            }
        }
        if (series.isEmpty()) {
            sink.error(Ids.PROPERTY_MISSING, t.span(), "Test `" + name + "` has no input `series`.",
                    "Add `series metric{label=\"v\"} = \"0+1x10\"`.");
        }
        return new TestCase(name, interval, series, expectations, t.span());
    }

    private static void checkSeries(String values, Decl.Series s, DiagnosticSink sink) {
        String trimmed = values.trim();
        if (trimmed.isEmpty()) {
            sink.error(Ids.TYPE_INVALID_SERIES, s.values().span(), "The series values are empty.",
                    "Write values in promtool's notation, for example `\"0+10x20\"`.");
            return;
        }
        for (String item : trimmed.split("\\s+")) {
            if (!SeriesNotation.isItem(item)) {
                sink.error(Ids.TYPE_INVALID_SERIES, s.values().span(), "`" + item + "` is not in promtool's series notation.",
                        "Use values like `1`, `0+10x20` (start, step, repeat), `_` (missing) or `stale`.");
                return;
            }
        }
    }
}
