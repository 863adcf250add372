package dev.vigil.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Alertmanager's own time interval parsing (timeinterval.go), value by value. */
class TimeIntervalSyntaxTest {
    private static void accepted(java.util.function.Function<String, java.util.Optional<TimeIntervalSyntax.Problem>> check,
            List<String> values) {
        values.forEach(v -> assertTrue(check.apply(v).isEmpty(), v + ": " + check.apply(v)));
    }

    private static void refused(java.util.function.Function<String, java.util.Optional<TimeIntervalSyntax.Problem>> check,
            List<String> values) {
        values.forEach(v -> assertTrue(check.apply(v).isPresent(), v + " should be refused"));
    }

    @Test
    void weekdays() {
        accepted(TimeIntervalSyntax::weekdays, List.of("monday", "Monday:FRIDAY", "sunday:saturday", "friday:friday"));
        refused(TimeIntervalSyntax::weekdays, List.of("sundays", "mon", "saturday:sunday", "monday:tuesday:friday", "", "1"));
        assertEquals("Did you mean `sunday`?", TimeIntervalSyntax.weekdays("sundays").orElseThrow().hint());
    }

    @Test
    void times() {
        accepted(TimeIntervalSyntax::times, List.of("09:00-17:00", "00:00-24:00", "23:59-24:00", " 09:00 - 17:00 "));
        refused(TimeIntervalSyntax::times, List.of("9-17", "2am-4am", "17:00-09:00", "09:00-09:00", "09:00", "24:01-24:30",
                "9:00-17:00", "09:60-10:00", "09:00-17:00-18:00"));
        assertEquals("Write `09:00-17:00`.", TimeIntervalSyntax.times("9-17").orElseThrow().hint());
        assertEquals("Write `02:00-16:30`.", TimeIntervalSyntax.times("2am-4:30pm").orElseThrow().hint());
    }

    @Test
    void months() {
        accepted(TimeIntervalSyntax::months, List.of("january", "June:August", "1:12", "+3", "december"));
        refused(TimeIntervalSyntax::months, List.of("decembre", "13", "0", "december:january", "3:1", "a:b:c"));
    }

    @Test
    void daysOfMonth() {
        accepted(TimeIntervalSyntax::daysOfMonth, List.of("1", "31", "-1", "-31", "1:7", "-7:-1", "20:-1", "15:15"));
        refused(TimeIntervalSyntax::daysOfMonth, List.of("0", "32", "-32", "-3:5", "20:10", "-1:-7", "first", "1:2:3"));
    }

    @Test
    void locations() {
        accepted(TimeIntervalSyntax::location, List.of("Europe/Berlin", "America/New_York", "UTC", "Local", ""));
        refused(TimeIntervalSyntax::location, List.of("Europe/Londn", "utc", "CEST", "Berlin"));
        assertEquals("Did you mean `Europe/London`?", TimeIntervalSyntax.location("Europe/Londn").orElseThrow().hint());
    }
}
