package dev.vigil.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.compiler.source.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final Span RULE = new Span("r.yml", 10, 3, 14, 1);
    private static final Span COMMENT = new Span("r.yml", 9, 3, 9, 40);

    private static Diagnostic at(String code, Severity severity, int line) {
        return new Diagnostic(code, severity, new Span("r.yml", line, 5, line, 9), "m", null, null);
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code() + "@" + d.span().line() + ":"
                + (d.isSuppressed() ? "suppressed" : d.severity().label())).toList();
    }

    @Test
    void aReasonedSuppressionSilencesItsCheckInsideItsRuleOnly() {
        Suppression s = new Suppression("Alert.ForTooShort", "batch job", RULE, COMMENT);
        List<Diagnostic> out = Suppressions.apply(List.of(
                at("Alert.ForTooShort", Severity.WARNING, 11),
                at("Alert.ForTooShort", Severity.WARNING, 20),
                at("Alert.TopK", Severity.WARNING, 12)), List.of(s), Map.of());
        // The silenced finding stays, with its reason, for an audit.
        assertEquals(List.of("Alert.ForTooShort@11:suppressed", "Alert.TopK@12:warning", "Alert.ForTooShort@20:warning"),
                codes(out));
        assertEquals("batch job", out.get(0).suppressed());
    }

    @Test
    void aFamilyCoversEveryCheckInIt() {
        Suppression s = new Suppression("Rate", "exported by a legacy job", RULE, COMMENT);
        List<Diagnostic> out = Suppressions.apply(List.of(
                at("Rate.OnGauge", Severity.WARNING, 11), at("Rate.WindowTooShort", Severity.WARNING, 12)),
                List.of(s), Map.of());
        assertEquals(List.of("Rate.OnGauge@11:suppressed", "Rate.WindowTooShort@12:suppressed"), codes(out));
    }

    @Test
    void syntaxAndDuplicateErrorsCannotBeSuppressed() {
        Suppression s = new Suppression("Name.Duplicate", "we know", RULE, COMMENT);
        List<Diagnostic> out = Suppressions.apply(List.of(at("Name.Duplicate", Severity.ERROR, 11)), List.of(s), Map.of());
        assertEquals(List.of("Suppression.NotAllowed@9:error", "Name.Duplicate@11:error"), codes(out));
    }

    @Test
    void aSuppressionNeedsAReasonAndShouldBeUsed() {
        List<Diagnostic> out = Suppressions.apply(List.of(at("Alert.TopK", Severity.WARNING, 11)), List.of(
                new Suppression("Alert.TopK", "", RULE, COMMENT),
                new Suppression("Absent.FiresOnRestart", "not needed", RULE, new Span("r.yml", 8, 1, 8, 30))), Map.of());
        assertEquals(List.of("Suppression.Unused@8:warning", "Suppression.MissingReason@9:error", "Alert.TopK@11:warning"),
                codes(out));
    }

    @Test
    void overridesChangeSeverityByMostSpecificKeyAndCanTurnChecksOff() {
        Map<String, CheckLevel> overrides = new HashMap<>();
        overrides.put("Rate", new CheckLevel(Severity.ERROR, null));
        overrides.put("Rate.WindowTooShort", CheckLevel.off("scraped every 15s"));
        overrides.put("Name.Duplicate", new CheckLevel(Severity.INFO, "cannot be lowered"));
        List<Diagnostic> out = Suppressions.apply(List.of(
                at("Rate.OnGauge", Severity.WARNING, 11), at("Rate.WindowTooShort", Severity.WARNING, 12),
                at("Name.Duplicate", Severity.ERROR, 13)), List.of(), overrides);
        assertEquals(List.of("Rate.OnGauge@11:error", "Rate.WindowTooShort@12:suppressed", "Name.Duplicate@13:error"),
                codes(out));
    }

    @Test
    void parsingTheComment() {
        Suppression s = Suppression.parse(" vigil:ignore Alert.TopK  flaps are fine here ", RULE, COMMENT).orElseThrow();
        assertEquals("Alert.TopK", s.id());
        assertEquals("flaps are fine here", s.reason());
        assertEquals(true, Suppression.parse(" just a comment", RULE, COMMENT).isEmpty());
    }
}
