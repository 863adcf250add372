package dev.vigil.compiler.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloatLabelsTest {
    /** What Prometheus 3.5.3 stored, scraping these `le` values from a text exposition on 127.0.0.1. */
    @Test
    void normalisedAsPrometheus3StoresThem() {
        Map<String, String> measured = new LinkedHashMap<>();
        measured.put("0.005", "0.005");
        measured.put("0.1", "0.1");
        measured.put("0.25", "0.25");
        measured.put("1", "1.0");
        measured.put("2.50", "2.5");
        measured.put("10", "10.0");
        measured.put("1e-05", "1e-05");
        measured.put("100000", "100000.0");
        measured.put("1e+21", "1e+21");
        measured.put("123456789012345678", "1.2345678901234568e+17");
        measured.put("+Inf", "+Inf");
        measured.forEach((in, stored) -> assertEquals(Optional.of(stored), FloatLabels.normalised(in), in));
    }

    @Test
    void exposedAsGoExportersWriteThem() {
        assertEquals(Optional.of("1"), FloatLabels.exposed("1.0"));
        assertEquals(Optional.of("0.25"), FloatLabels.exposed("0.250"));
        assertEquals(Optional.of("1e+06"), FloatLabels.exposed("1000000"));
        assertEquals(Optional.of("0.0001"), FloatLabels.exposed("1e-4"));
        assertEquals(Optional.empty(), FloatLabels.exposed("fast"));
    }
}
