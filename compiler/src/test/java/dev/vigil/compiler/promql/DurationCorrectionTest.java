package dev.vigil.compiler.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Durations#correction}: the duration a unit word or a space stood for, and nothing for the rest. */
class DurationCorrectionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10mins|10m", "30sec|30s", "5 m|5m", "1hour|1h", "2 days|2d", "1h 30min|1h30m", "500msec|500ms",
        "1Week|1w", "3 yrs|3y"})
    void unitWordsAndSpacesBecomeTheDurationMeant(String written, String meant) {
        assertEquals(Optional.of(meant), Durations.correction(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"10xyz", "5", "m", "5mins 3", "30s5mins", "1m1h", "0x1f", "x5m"})
    void noCorrectionForWhatIsNoDurationOrOutOfOrder(String written) {
        assertEquals(Optional.empty(), Durations.correction(written));
    }

    @Property
    void aValidDurationNeedsNoCorrection(@ForAll @LongRange(min = 1, max = 10L * 365 * 24 * 3600 * 1000) long millis) {
        assertEquals(Optional.empty(), Durations.correction(Durations.format(millis)));
    }
}
