package dev.vigil.compiler.model;

import dev.vigil.compiler.diag.Suggest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a time interval as Alertmanager reads them (its {@code timeinterval} package):
 * weekday, month and day-of-month ranges written {@code a} or {@code a:b}, lower-cased first; times
 * of day {@code HH:MM} from {@code 00:00} to {@code 24:00}; a location {@code time.LoadLocation}
 * knows. Each check returns the problem as a message and a hint, or empty when Alertmanager accepts
 * the value. Vigil writes a time range as {@code HH:MM-HH:MM}.
 */
public final class TimeIntervalSyntax {
    /** Something Alertmanager would refuse, as a message sentence and a hint. */
    public record Problem(String message, String hint) {
    }

    static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday");
    static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    /** Alertmanager's own pattern for a time of day. */
    private static final Pattern TIME = Pattern.compile("^((([01][0-9])|(2[0-3])):[0-5][0-9])$|(^24:00$)");
    /** Go's {@code strconv.Atoi}: an optional sign and decimal digits. */
    private static final Pattern ATOI = Pattern.compile("[+-]?[0-9]{1,9}");
    /** Hours written loosely: {@code 9}, {@code 9:5}, {@code 2am}, {@code 11pm}. */
    private static final Pattern LOOSE_TIME = Pattern.compile("(\\d{1,2})(?::(\\d{1,2}))?\\s*(am|pm)?");

    private TimeIntervalSyntax() {
    }

    /** A weekday, or a range of them from an earlier to a later day of the week (Sunday first). */
    public static Optional<Problem> weekdays(String text) {
        return ordered(text, "a weekday range", "a day such as `monday`, or a range such as `monday:friday`",
                TimeIntervalSyntax::weekday, r -> new Problem("The weekday range `" + text + "` runs backwards; a week "
                        + "starts on `sunday`.", "Split it in two, such as `" + r[0] + ":saturday` and `sunday:" + r[1] + "`."));
    }

    /** A month by name or number, or a range of them. */
    public static Optional<Problem> months(String text) {
        return ordered(text, "a month range", "a month such as `june` or `6`, or a range such as `june:august`",
                TimeIntervalSyntax::month, r -> new Problem("The month range `" + text + "` runs backwards.",
                        "Split it at the new year, such as `" + r[0] + ":december` and `january:" + r[1] + "`."));
    }

    /** How a range reads one of its ends. */
    @FunctionalInterface
    private interface Member {
        int read(String text) throws Refused;
    }

    /** A range whose ends must not run backwards, as weekdays and months. */
    private static Optional<Problem> ordered(String text, String what, String example, Member member,
            java.util.function.Function<String[], Problem> backwards) {
        try {
            String[] range = split(text, what, example);
            return member.read(range[0]) > member.read(range[1]) ? Optional.of(backwards.apply(range)) : Optional.empty();
        } catch (Refused r) {
            return Optional.of(r.problem);
        }
    }

    /** A day of the month, 1 to 31 or counted from the end, -1 to -31, or a range of them. */
    public static Optional<Problem> daysOfMonth(String text) {
        try {
            String[] range = split(text, "a range of days", "a day such as `1`, or a range such as `1:15` or `-7:-1`");
            int begin = day(range[0]);
            int end = day(range[1]);
            if (begin < 0 && end > 0) {
                return problem("The range of days `" + text + "` starts from the end of the month and ends from its start.",
                        "Count both ends the same way, such as `-7:-1` or `24:31`.");
            }
            // As Alertmanager: negative days are judged in the shortest month, 28 days.
            if ((begin < 0 ? 28 + begin : begin) > (end < 0 ? 28 + end : end)) {
                return problem("The range of days `" + text + "` ends before it starts.", "Write the earlier day first.");
            }
            return Optional.empty();
        } catch (Refused r) {
            return Optional.of(r.problem);
        }
    }

    private static int weekday(String day) throws Refused {
        if (!WEEKDAYS.contains(day)) {
            String near = Suggest.closest(day, WEEKDAYS);
            throw new Refused("`" + day + "` is not a weekday.", near != null ? "Did you mean `" + near + "`?"
                    : "Weekdays are `sunday` to `saturday`, or a range such as `monday:friday`.");
        }
        return WEEKDAYS.indexOf(day);
    }

    private static int month(String text) throws Refused {
        int month = MONTHS.indexOf(text) + 1;
        if (month == 0 && ATOI.matcher(text).matches()) {
            month = Integer.parseInt(text);
        }
        if (month < 1 || month > 12) {
            String near = Suggest.closest(text, MONTHS);
            // Alertmanager takes any number, but only 1 to 12 can ever match.
            throw new Refused("`" + text + "` is not a month.", near != null && month == 0
                    ? "Did you mean `" + near + "`?" : "Months are `january` to `december`, or `1` to `12`.");
        }
        return month;
    }

    private static int day(String text) throws Refused {
        int day = ATOI.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (day == 0 || day < -31 || day > 31) {
            throw new Refused("`" + text + "` is not a day of the month.", "Days are `1` to `31`, or `-1` (the last day) to `-31`.");
        }
        return day;
    }

    /** What a member of a range is refused for. */
    private static final class Refused extends Exception {
        final Problem problem;

        Refused(String message, String hint) {
            super(message, null, false, false);
            this.problem = new Problem(message, hint);
        }
    }

    private static Optional<Problem> problem(String message, String hint) {
        return Optional.of(new Problem(message, hint));
    }

    /** A time range as Vigil writes it, {@code HH:MM-HH:MM}, that starts before it ends. */
    public static Optional<Problem> times(String text) {
        String[] parts = text.split("-", -1);
        Optional<String> suggestion = parts.length == 2 ? loose(parts[0]).flatMap(a -> loose(parts[1]).map(b -> a + "-" + b))
                : Optional.empty();
        String hint = "Write `" + suggestion.orElse("09:00-17:00") + "`.";
        if (parts.length != 2) {
            return problem("`" + text + "` is not a time range: Alertmanager needs `HH:MM-HH:MM`.", hint);
        }
        for (String part : parts) {
            if (!TIME.matcher(part.strip()).matches()) {
                return problem("`" + part.strip() + "` in `" + text + "` is not a time of day: "
                        + "Alertmanager needs `HH:MM` from `00:00` to `24:00`.", hint);
            }
        }
        if (minutes(parts[0].strip()) >= minutes(parts[1].strip())) {
            return problem("The time range `" + text + "` does not end after it starts.",
                    "A range cannot cross midnight: write two, such as `" + parts[0].strip() + "-24:00` and `00:00-"
                            + parts[1].strip() + "`.");
        }
        return Optional.empty();
    }

    /** A location {@code time.LoadLocation} loads: a tz database name, {@code UTC} or {@code Local}. */
    public static Optional<Problem> location(String text) {
        // Go reads "" as UTC too.
        if (text.isEmpty() || text.equals("UTC") || text.equals("Local") || Zones.IDS.contains(text)) {
            return Optional.empty();
        }
        String near = Suggest.closest(text, Zones.IDS);
        return problem("`" + text + "` is not a time zone of the tz database.",
                near != null ? "Did you mean `" + near + "`?" : "Use a tz database name such as `Europe/Berlin`, or `UTC`.");
    }

    /** The two ends of {@code a:b}, or {@code a} twice, lower-cased as Alertmanager does; {@code a:b:c} is refused. */
    private static String[] split(String text, String what, String example) throws Refused {
        String[] parts = text.toLowerCase(Locale.ROOT).split(":", -1);
        if (parts.length > 2) {
            throw new Refused("`" + text + "` is not " + what + ": it has more than one `:`.", "Write " + example + ".");
        }
        return new String[] {parts[0], parts[parts.length - 1]};
    }

    private static int minutes(String time) {
        String[] hm = time.split(":");
        return Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
    }

    /** {@code HH:MM} for a loosely written time ({@code 9}, {@code 2am}), to suggest; empty when it is not one. */
    private static Optional<String> loose(String text) {
        Matcher m = LOOSE_TIME.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        if (hour > 24 || minute > 59 || hour == 24 && minute > 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%02d:%02d", hour, minute));
    }

    /** The tz database names the JDK knows, loaded on first use. */
    private static final class Zones {
        static final Set<String> IDS = new TreeSet<>(ZoneId.getAvailableZoneIds());
    }
}
