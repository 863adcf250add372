package dev.vigil.compiler.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grafana's unit registry as the resource holds it, the custom forms, and what a mistake is taken to mean. */
class GrafanaUnitsTest {
    @Test
    void theRegistryIsGrafanasListReadOnce() {
        List<String> ids = GrafanaUnits.ids();
        assertSame(ids, GrafanaUnits.ids());
        assertEquals(272, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "an id is listed twice");
        assertEquals(List.of("none", "string", "short"), ids.subList(0, 3));
        // Two different micro signs, as Grafana spells them: `µs` is U+00B5, `conμgm3` U+03BC.
        assertTrue(ids.contains("\u00b5s"));
        assertTrue(ids.contains("con\u03bcgm3"));
        assertFalse(ids.contains("\u03bcs"));
    }

    @Test
    void theTablesOfCommonSpellingsOfferOnlyGrafanasIds() {
        List<String> unknown = GrafanaUnits.offered().stream().filter(u -> !GrafanaUnits.ids().contains(u)).toList();
        assertEquals(List.of(), unknown);
        assertTrue(GrafanaUnits.offered().size() > 60);
    }

    @Test
    void customFormsAreThoseGetValueFormatReads() {
        for (String unit : List.of("suffix:x", "prefix:$", "si:mW", "count:orders", "currency:EUR", "time:YYYY-MM",
                "bool:up/down", "suffix:", "farenheit")) {
            assertTrue(GrafanaUnits.known(unit), unit);
        }
        for (String unit : List.of(":x", "Suffix:x", "unit:x", "req/s", "MS", "")) {
            assertFalse(GrafanaUnits.known(unit), unit);
        }
        assertEquals("suffix", GrafanaUnits.customForm("suffix:a:b").orElseThrow());
    }

    /**
     * Mistakes seen in dashboards (units as people say them, other cases, near misses, custom forms
     * misspelt), each with what the check offers: one id where the meaning is clear, several where it
     * is not, none where nothing is close. Every offer must be a unit Grafana knows.
     */
    private static final List<List<String>> MISTAKES = List.of(
            List.of("req/s", "reqps"), List.of("requests/sec", "reqps"), List.of("Requests per second", "reqps"),
            List.of("req/sec", "reqps"), List.of("qps", "reqps"), List.of("requests/min", "reqpm"),
            List.of("ops/sec", "ops"), List.of("operations per second", "ops"), List.of("events/s", "eps"),
            List.of("msg/s", "mps"), List.of("IOPS", "iops"),
            List.of("seconds", "s"), List.of("sec", "s"), List.of("Seconds", "s"), List.of("milliseconds", "ms"),
            List.of("msec", "ms"), List.of("MS", "ms"), List.of("Ms", "ms"), List.of("us", "\u00b5s"),
            List.of("\u03bcs", "\u00b5s"), List.of("microseconds", "\u00b5s"), List.of("nanoseconds", "ns"),
            List.of("minutes", "m"), List.of("hours", "h"), List.of("days", "d"),
            List.of("%", "percent", "percentunit"), List.of("pct", "percent"), List.of("percentage", "percent"),
            List.of("Percent", "percent"), List.of("precent", "percent"), List.of("percent_unit", "percentunit"),
            List.of("ratio", "percentunit", "none"),
            List.of("byte", "bytes"), List.of("Bytes", "bytes"), List.of("B", "bytes"), List.of("bytes/sec", "Bps"),
            List.of("bytes per second", "Bps"), List.of("B/s", "Bps"), List.of("bits/s", "bps"),
            List.of("BPS", "Bps", "bps"), List.of("MB", "decmbytes"), List.of("GiB", "gbytes"), List.of("KiB", "kbytes"),
            List.of("MB/s", "MBs"), List.of("Mbps", "Mbits"), List.of("gigabytes", "decgbytes"),
            List.of("kbyte", "kbytes"), List.of("decbyte", "decbytes"),
            List.of("count", "short", "none"), List.of("Short", "short"), List.of("None", "none"),
            List.of("celcius", "celsius"), List.of("°C", "celsius"), List.of("degF", "fahrenheit"),
            List.of("$", "currencyUSD"), List.of("USD", "currencyUSD"), List.of("eur", "currencyEUR"),
            List.of("dollars", "currencyUSD"), List.of("euros", "currencyEUR"),
            List.of("watts", "watt"), List.of("volts", "volt"), List.of("Hz", "hertz"), List.of("kWh", "kwatth"),
            List.of("boolean", "bool"), List.of("yes/no", "bool_yes_no"),
            List.of("Suffix:x", "suffix:x"), List.of("sufix:x", "suffix:x"), List.of("currancy:EUR", "currency:EUR"),
            List.of("PREFIX:$", "prefix:$"), List.of(" ms", "ms"), List.of("reqps ", "reqps"),
            // node-mixin's USE dashboards (testdata/corpus/mixins) give memory saturation, major page faults
            // per second, the unit `rds`.
            List.of("rds", "rps"), List.of("tps"), List.of("GHz", "rotghz"),
            List.of("x"), List.of("steps"), List.of("widgets/s"), List.of("items"));

    @Test
    void realisticMistakesGetWhatTheyMeant() {
        List<String> wrong = new ArrayList<>();
        for (List<String> mistake : MISTAKES) {
            String written = mistake.get(0);
            assertFalse(GrafanaUnits.known(written), written + " is a Grafana unit; not a mistake");
            List<String> offered = GrafanaUnits.suggestions(written);
            offered.forEach(u -> assertTrue(GrafanaUnits.known(u), written + ": offers `" + u + "`, which Grafana does not know"));
            if (!offered.equals(mistake.subList(1, mistake.size()))) {
                wrong.add(written + " -> " + offered + ", expected " + mistake.subList(1, mistake.size()));
            }
        }
        assertEquals(List.of(), wrong, (MISTAKES.size() - wrong.size()) + " of " + MISTAKES.size() + " right");
    }
}
