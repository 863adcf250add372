package dev.vigil.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The examples of Prometheus's unit-testing documentation, expanded as promtool expands them. */
class SeriesNotationTest {
    @Test
    void expandsAsPromtoolDoes() {
        assertEquals(Optional.of(List.of(-2.0, 2.0, 6.0, 10.0)), SeriesNotation.expand("-2+4x3"));
        assertEquals(Optional.of(List.of(1.0, -1.0, -3.0, -5.0, -7.0)), SeriesNotation.expand(" 1-2x4"));
        assertEquals(Optional.of(List.of(1.0, 1.0, 1.0, 1.0, 1.0)), SeriesNotation.expand("1x4"));
        assertEquals(Optional.of(Arrays.asList(1.0, null, null, null, null)), SeriesNotation.expand("1 _x3 stale"));
        assertEquals(Optional.of(Arrays.asList(0.0, 10.0, null, 5.0)), SeriesNotation.expand("0+10x1 _ 5"));
        assertEquals(Optional.of(List.of(Double.POSITIVE_INFINITY)), SeriesNotation.expand("Inf"));
    }

    @Test
    void refusesWhatIsNotTheNotation() {
        assertEquals(Optional.empty(), SeriesNotation.expand("1 two"));
        assertEquals(Optional.empty(), SeriesNotation.expand(""));
        assertEquals(Optional.empty(), SeriesNotation.expand("0+1x10000000"), "too many samples to expand");
        assertTrue(SeriesNotation.isItem("_x5"));
        assertFalse(SeriesNotation.isItem("_+1x5"));
        assertFalse(SeriesNotation.isItem("stalex2"));
    }
}
