package dev.vigil.compiler.target;

import dev.vigil.compiler.diag.Suggest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grafana's unit registry: the ids its unit picker offers (the resource {@code grafana/units.txt}, from
 * {@code @grafana/data}, see its README), the custom forms Grafana's {@code getValueFormat} reads
 * ({@code suffix:x}, {@code currency:EUR}, ...), and what a user who wrote something else most likely
 * meant. Grafana shows any other unit as text after the number, unscaled.
 */
public final class GrafanaUnits {
    private static final String RESOURCE = "/dev/vigil/compiler/target/grafana/units.txt";

    /** The keys {@code getValueFormat} reads before a {@code :} (valueFormats.ts in @grafana/data). */
    public static final List<String> CUSTOM_FORMS = List.of("prefix", "suffix", "si", "count", "currency", "time", "bool");

    /** Old ids Grafana still resolves to their new ones. */
    private static final Set<String> ALIASES = Set.of("farenheit");

    /**
     * Units as people write them where Grafana wants an id, exactly as written (case matters: {@code B}
     * is bytes, {@code b} bits). A line is {@code IDS: FORMS}, several ids where the meaning is unclear.
     */
    private static final Map<String, List<String>> WRITTEN = table("""
            bytes: B
            bits: b
            Bps: B/s
            bps: b/s
            deckbytes: KB, kB
            decmbytes: MB
            decgbytes: GB
            dectbytes: TB
            decpbytes: PB
            kbytes: KiB
            mbytes: MiB
            gbytes: GiB
            tbytes: TiB
            pbytes: PiB
            KBs: KB/s, kB/s
            MBs: MB/s
            GBs: GB/s
            TBs: TB/s
            KiBs: KiB/s
            MiBs: MiB/s
            GiBs: GiB/s
            Kbits: kbps, Kbps, kb/s, Kb/s
            Mbits: Mbps, Mb/s
            Gbits: Gbps, Gb/s
            watt: W
            volt: V
            amp: A
            kwatth: kWh
            watth: Wh
            """);

    /**
     * The same, compared lower-case without spaces, and with {@code /second}, {@code per sec}, ... as
     * {@code /s} and {@code /minute}, ... as {@code /min}.
     */
    private static final Map<String, List<String>> SPOKEN = table("""
            s: sec, secs, second, seconds
            ms: msec, msecs, millis, millisecond, milliseconds
            \u00b5s: us, usec, usecs, microsecond, microseconds
            ns: nsec, nsecs, nanosecond, nanoseconds
            m: min, mins, minute, minutes
            h: hr, hrs, hour, hours
            d: day, days
            reqps: req/s, reqs/s, request/s, requests/s, qps, query/s, queries/s
            reqpm: req/min, reqs/min, request/min, requests/min
            ops: op/s, ops/s, operation/s, operations/s
            opm: op/min, ops/min, operations/min
            eps: event/s, events/s
            mps: msg/s, msgs/s, message/s, messages/s
            recps: record/s, records/s
            rowsps: row/s, rows/s
            rps: read/s, reads/s
            wps: write/s, writes/s
            iops: io/s, ios/s
            pps: packet/s, packets/s
            cps: /s, count/s, counts/s
            Bps: byte/s, bytes/s
            bps: bit/s, bits/s
            deckbytes: kilobytes
            decmbytes: megabytes
            decgbytes: gigabytes
            dectbytes: terabytes
            kbytes: kibibytes
            mbytes: mebibytes
            gbytes: gibibytes
            tbytes: tebibytes
            percent percentunit: %
            percent: pct, percents, percentage, percent(0-100)
            percentunit: percent(0-1), percent(0.0-1.0), fraction
            percentunit none: ratio
            short none: count, counts, number, num, int, integer
            bool: boolean, true/false
            bool_yes_no: yes/no
            bool_on_off: on/off
            string: text
            celsius: °c, degc, degreesc
            fahrenheit: °f, degf, degreesf
            currencyUSD: $, dollar, dollars
            currencyEUR: €, euro, euros
            currencyGBP: £
            volt: volts
            watt: watts
            amp: amps, ampere, amperes
            ohm: ohms
            joule: joules
            hertz: hz
            rotkhz: khz
            rotmhz: mhz
            rotghz: ghz
            """);

    /** What tells apart ids a hint offers side by side. */
    private static final Map<String, String> NOTES = Map.of(
            "percent", "0 to 100", "percentunit", "0 to 1",
            "Bps", "bytes/s", "bps", "bits/s",
            "kbytes", "KiB, 1024 bytes", "deckbytes", "kB, 1000 bytes",
            "short", "scaled to K, M, B", "none", "the number as it is");

    private GrafanaUnits() {
    }

    private static Map<String, List<String>> table(String lines) {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : lines.strip().split("\n")) {
            int colon = line.indexOf(": ");
            List<String> ids = List.of(line.substring(0, colon).strip().split(" "));
            for (String form : line.substring(colon + 2).split(", ")) {
                out.put(form.strip(), ids);
            }
        }
        return Map.copyOf(out);
    }

    /** Every id the tables offer, for the test that holds them to Grafana's list. */
    static Set<String> offered() {
        Set<String> out = new LinkedHashSet<>();
        WRITTEN.values().forEach(out::addAll);
        SPOKEN.values().forEach(out::addAll);
        out.addAll(NOTES.keySet());
        return out;
    }

    /** Read on first use, once per JVM. */
    private static final class Registry {
        static final List<String> IDS = load();
        static final Set<String> SET = Set.copyOf(IDS);
        /** Lower-case (and U+03BC mu as U+00B5 micro) to the ids, for case and look-alike mistakes. */
        static final Map<String, List<String>> FOLDED = folded();

        private static List<String> load() {
            try (InputStream in = GrafanaUnits.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                // Exact strings: `µs` (U+00B5) and `conμgm3` (U+03BC) are different ids.
                List<String> ids = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (!line.isBlank()) {
                            ids.add(line.strip());
                        }
                    }
                }
                return List.copyOf(ids);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Map<String, List<String>> folded() {
            Map<String, List<String>> out = new HashMap<>();
            for (String id : IDS) {
                out.computeIfAbsent(fold(id), k -> new ArrayList<>()).add(id);
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return Map.copyOf(out);
        }
    }

    /** Every unit id of Grafana's unit picker, in its order. */
    public static List<String> ids() {
        return Registry.IDS;
    }

    /** Whether Grafana formats {@code unit} as a unit: an id, an old id it still resolves, or a custom form. */
    public static boolean known(String unit) {
        return Registry.SET.contains(unit) || ALIASES.contains(unit) || customForm(unit).isPresent();
    }

    /** The key of a custom form ({@code suffix} of {@code suffix:x}); Grafana reads any text after the colon. */
    public static Optional<String> customForm(String unit) {
        int colon = unit.indexOf(':');
        return colon > 0 && CUSTOM_FORMS.contains(unit.substring(0, colon)) ? Optional.of(unit.substring(0, colon))
                : Optional.empty();
    }

    /** A few words that tell {@code id} from the ids offered beside it, if any. */
    public static Optional<String> note(String id) {
        return Optional.ofNullable(NOTES.get(id));
    }

    /**
     * What {@code unit}, which Grafana does not know, most likely means: known units, best first; one
     * when the meaning is clear, several when it is not ({@code %}: {@code percent} or
     * {@code percentunit}), none when nothing is close.
     */
    public static List<String> suggestions(String unit) {
        String text = unit.strip();
        if (!text.equals(unit) && known(text)) {
            return List.of(text);
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            Optional<String> key = closestForm(text.substring(0, colon));
            if (key.isPresent()) {
                return List.of(key.get() + text.substring(colon));
            }
        }
        if (WRITTEN.containsKey(text)) {
            return WRITTEN.get(text);
        }
        String spoken = spoken(text);
        if (SPOKEN.containsKey(spoken)) {
            return SPOKEN.get(spoken);
        }
        List<String> sameLetters = Registry.FOLDED.getOrDefault(fold(text), List.of());
        if (!sameLetters.isEmpty()) {
            return sameLetters;
        }
        String currency = "currency" + text.toUpperCase(Locale.ROOT);
        if (text.length() == 3 && Registry.SET.contains(currency)) {
            return List.of(currency);
        }
        return nearest(fold(text));
    }

    /** A custom form's key written in another case or misspelt ({@code Suffix}, {@code sufix}). */
    private static Optional<String> closestForm(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (CUSTOM_FORMS.contains(lower)) {
            return Optional.of(lower);
        }
        return lower.length() < 4 ? Optional.empty()
                : CUSTOM_FORMS.stream().filter(f -> Suggest.distance(lower, f) <= 2).findFirst();
    }

    /** Lower case, no spaces, and every way of saying "per second" as {@code /s}, "per minute" as {@code /min}. */
    private static String spoken(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "").replace('\u03bc', '\u00b5');
        s = s.replace("persecond", "/s").replace("persec", "/s").replace("/second", "/s").replace("/sec", "/s");
        s = s.replace("perminute", "/min").replace("/minute", "/min").replace("permin", "/min");
        return s;
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u03bc', '\u00b5');
    }

    /**
     * The ids within a few edits of {@code folded}, the closest ones: one edit up to 5 characters, two up
     * to 9, three beyond; three characters only when one id is a single edit away ({@code rds}, which
     * node-mixin's dashboards use, is {@code rps}). Shorter text is too close to too many ids
     * ({@code x} is one edit from {@code s}, {@code m}, {@code h} and {@code d}) to mean any of them.
     */
    private static List<String> nearest(String folded) {
        if (folded.length() < 3) {
            return List.of();
        }
        int best = folded.length() <= 5 ? 1 : folded.length() <= 9 ? 2 : 3;
        Set<String> found = new LinkedHashSet<>();
        for (String id : Registry.IDS) {
            int d = Suggest.distance(folded, fold(id));
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best) {
                found.add(id);
            }
        }
        // More than two at the same distance is a guess, not a suggestion.
        int most = folded.length() == 3 ? 1 : 2;
        return found.size() > most ? List.of() : List.copyOf(found);
    }
}
