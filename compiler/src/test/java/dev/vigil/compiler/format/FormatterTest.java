package dev.vigil.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The style rules one by one, each on the smallest input that shows it. */
class FormatterTest {
    private static String fmt(String text) {
        Formatter.Result r = Formatter.format("t.vigil", text);
        assertTrue(r.formatted().isPresent(), r.diagnostics()::toString);
        return r.formatted().get();
    }

    @Test
    void blocksAreIndentedByTwoWithOneItemPerLine() {
        assertEquals("settings {\n  scrape_interval     15s\n  evaluation_interval 30s\n}\n",
                fmt("settings { scrape_interval 15s evaluation_interval 30s }"));
        assertEquals("routing {\n  receiver r webhook {}\n}\n", fmt("routing {\nreceiver r webhook {\n}\n}"));
    }

    @Test
    void blankLinesCollapseToOneAndNoneOpenOrCloseABlock() {
        assertEquals("service a {\n  team \"x\"\n\n  const c = 1\n}\n",
                fmt("\n\nservice a {\n\n\n  team \"x\"\n\n\n\n  const c = 1\n\n}\n\n\n"));
    }

    @Test
    void neighbouringKeyValueLinesAlignTheirValuesUntilABlankLine() {
        assertEquals("service a {\n  const short       = 1\n  // a comment does not end the run\n"
                        + "  const much_longer = 2\n\n  const other = 3\n}\n",
                fmt("service a {\nconst short = 1\n// a comment does not end the run\nconst much_longer = 2\n\n"
                        + "const other = 3\n}"));
    }

    @Test
    void commentsStayWhereTheyWereOwnLineOrTrailing() {
        String text = "service a { // trailing the brace\n  /* before */ team \"x\" # hash\n  // own line\n}\n";
        assertEquals("service a { // trailing the brace\n  /* before */ team \"x\" # hash\n  // own line\n}\n", fmt(text));
    }

    @Test
    void literalsArePrintedAsWritten() {
        String text = "const a = \"tab\\there \\\"q\\\" \\u00e9\"\nconst b = 1.50e3\nconst c = 1h30m\nconst d = 99.90%\n"
                + "const e = 0x1F\nconst f = `raw\n  text`\n";
        // Already aligned (the names are one letter), so nothing may change: no escape, number or duration is rewritten.
        assertEquals(text, fmt(text));
    }

    @Test
    void queriesArePrintedInPromqlStyle() {
        String text = "service a { group g { record r:x = sum  by(job)(rate( x{a = \"b\" , c=~\"d\"}[ 5m ] offset 1h))"
                + " /on ( job ) group_left ( y ) - 1 } }";
        assertEquals("service a {\n  group g {\n    record r:x = sum by (job) (rate(x{a=\"b\", c=~\"d\"}[5m] offset 1h))"
                + " / on (job) group_left (y) -1\n  }\n}\n", fmt(text));
    }

    @Test
    void aLongQueryBreaksAtItsOperatorsThenItsArguments() {
        String query = "sum by (job) (rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m])) / "
                + "sum by (job) (rate(http_requests_total{job=\"api\"}[5m])) > 0.05";
        String out = fmt("service a { group g { alert A { when " + query + " } } }");
        assertEquals("service a {\n  group g {\n    alert A {\n"
                + "      when sum by (job) (rate(http_requests_total{job=\"api\", code=~\"5..\"}[5m]))\n"
                + "               / sum by (job) (rate(http_requests_total{job=\"api\"}[5m]))\n"
                + "             > 0.05\n"
                + "    }\n  }\n}\n", out);
        String nested = "histogram_quantile(0.99, sum by (le, job, instance, method, route) (rate("
                + "http_request_duration_seconds_bucket{job=\"api\"}[5m])))";
        assertEquals("service a {\n  group g {\n    record r:x =\n      histogram_quantile(\n        0.99,\n"
                + "        sum by (le, job, instance, method, route) (\n"
                + "          rate(http_request_duration_seconds_bucket{job=\"api\"}[5m])\n        )\n      )\n  }\n}\n",
                fmt("service a { group g { record r:x = " + nested + " } }"));
    }

    @Test
    void aBracketedQueryBetweenLiteralsKeepsThemOnItsLines() {
        String inner = "platform:l3_availability:ratio + min(treaty:fill_rate:avg) + min(treaty:provenance_coverage:min)";
        assertEquals("service a {\n  group g {\n    record r:x =\n      100 * (\n"
                + "        platform:l3_availability:ratio\n          + min(treaty:fill_rate:avg)\n"
                + "          + min(treaty:provenance_coverage:min)\n      ) / 3\n  }\n}\n",
                fmt("service a { group g { record r:x = 100 * (" + inner + ") / 3 } }"));
    }

    @Test
    void labelBlocksAndListsAreSpacedOneWay() {
        assertEquals("service a {\n  labels { app = \"x\", tier = \"y\" }\n  metric m gauge {\n    labels [a, b]\n  }\n}\n",
                fmt("service a { labels {app=\"x\",tier=\"y\"} metric m gauge { labels [ a , b ] } }"));
    }

    @Test
    void aFileThatDoesNotParseIsNotFormattedAndSaysWhy() {
        Formatter.Result r = Formatter.format("t.vigil", "service a {\n  team\n");
        assertTrue(r.formatted().isEmpty());
        assertFalse(r.changed());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().startsWith("Syntax.")), r.diagnostics()::toString);
        Formatter.Result escape = Formatter.format("t.vigil", "const a = \"bad \\q escape\"\n");
        assertTrue(escape.formatted().isEmpty(), "a string the language rejects is not formatted either");
    }

    @Test
    void anEmptyFileStaysEmpty() {
        assertEquals("", fmt(""));
        assertEquals("// only a comment\n", fmt("// only a comment"));
    }

    @Test
    void routingTestCasesStayOnOneLineAndALongInhibitionCaseContinuesAtWhile() {
        String header = "routing {\n  test \"t\" {\n";
        assertEquals(header + "    alert X { a = \"b\" } expect r1, r2\n"
                        + "    alert Y while { alertname = \"Z\" } expect not inhibited\n  }\n}\n",
                fmt("routing { test \"t\" {\n alert   X{a=\"b\"} expect r1 ,r2 alert Y while {alertname=\"Z\"}"
                        + " expect not\ninhibited } }"));
        String target = "{ alertname = \"PodRestarting\", service = \"api\", severity = \"warning\" }";
        String source = "{ alertname = \"ApiDown\", service = \"api\", severity = \"critical\" }";
        assertEquals(header + "    " + target + "\n      while " + source + " expect inhibited\n  }\n}\n",
                fmt("routing { test \"t\" { " + target + " while " + source + " expect inhibited } }"));
    }
}
