package dev.vigil.compiler.model;

import dev.vigil.compiler.source.Span;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Alertmanager routing: receivers, the route tree, inhibitions, time intervals and routing tests. */
public record Routing(List<Receiver> receivers, List<Route> routes, List<Inhibition> inhibitions,
        List<TimeInterval> timeIntervals, List<RouteTest> tests) {
    public static final Routing EMPTY = new Routing(List.of(), List.of(), List.of(), List.of(), List.of());

    public Routing {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        inhibitions = List.copyOf(inhibitions);
        timeIntervals = List.copyOf(timeIntervals);
        tests = List.copyOf(tests);
    }

    /**
     * Alertmanager's integrations Vigil writes, each named as in the DSL and, with {@code _configs}
     * appended, as Alertmanager's receiver key ({@code msteamsv2_configs}).
     */
    public enum ReceiverType {
        SLACK, PAGERDUTY, EMAIL, WEBHOOK, OPSGENIE, DISCORD, MSTEAMS, MSTEAMSV2, TELEGRAM, WEBEX, JIRA, ROCKETCHAT,
        INCIDENTIO, PUSHOVER, VICTOROPS, MATTERMOST;

        /** The name in the DSL: {@code msteamsv2}. */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The settings the DSL takes for this type, as docs/language.md "Routing" lists them. */
        public List<String> settings() {
            return RoutingReader.settingsOf(this);
        }

        /** The {@code *_file} setting for {@code key} when {@code key} holds a secret inline for this type. */
        public java.util.Optional<String> secretFile(String key) {
            return RoutingReader.secretFile(key, this);
        }

        /** Whether the DSL writes {@code key} as {@code true}/{@code false}, or as a duration. */
        public static boolean isBoolean(String key) {
            return RoutingReader.isBoolean(key);
        }

        public static boolean isDuration(String key) {
            return RoutingReader.isDuration(key);
        }
    }

    /**
     * Settings are kept as written; secrets only ever appear as {@code *_file} paths. {@code valueSpans}
     * locates each setting's value, where the reader knows it.
     */
    public record Receiver(String name, ReceiverType type, SortedMap<String, Object> settings, Span span,
            SortedMap<String, Span> valueSpans) {
        public Receiver {
            settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
            valueSpans = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(valueSpans));
        }

        public Receiver(String name, ReceiverType type, SortedMap<String, Object> settings, Span span) {
            this(name, type, settings, span, new TreeMap<>());
        }

        /** Where the value of {@code setting} is written, or the receiver's name. */
        public Span spanOf(String setting) {
            return valueSpans.getOrDefault(setting, span);
        }
    }

    /** A matcher on a label; {@code >=}, {@code >}, {@code <=}, {@code <} compare severities by rank. */
    public record Matcher(String label, String op, String value, Span span) {
    }

    /**
     * A route; {@code isDefault} marks the catch-all. Durations in milliseconds, {@link #INHERITED}
     * when not set (`group_wait 0s` is a setting: send at once).
     */
    public record Route(boolean isDefault, List<Matcher> matchers, Ref receiver, List<String> groupBy,
            long groupWaitMillis, long groupIntervalMillis, long repeatIntervalMillis, boolean continueMatching,
            List<Ref> muteTimeIntervals, List<Ref> activeTimeIntervals, List<Route> children, Span span) {
        public Route {
            matchers = List.copyOf(matchers);
            groupBy = List.copyOf(groupBy);
            muteTimeIntervals = List.copyOf(muteTimeIntervals);
            activeTimeIntervals = List.copyOf(activeTimeIntervals);
            children = List.copyOf(children);
        }

        /** A duration the route does not set, so it inherits its parent's (or Alertmanager's default). */
        public static final long INHERITED = -1;
    }

    /** Alerts matching {@code target} are silenced while alerts matching {@code source} fire, when {@code equal} agree. */
    public record Inhibition(List<Matcher> target, Ref targetAlert, List<Matcher> source, Ref sourceAlert,
            List<String> equal, Span span) {
        public Inhibition {
            target = List.copyOf(target);
            source = List.copyOf(source);
            equal = List.copyOf(equal);
        }
    }

    public record TimeInterval(String name, List<String> weekdays, List<String> times, List<String> months,
            List<String> daysOfMonth, String location, Span span) {
        public TimeInterval {
            weekdays = List.copyOf(weekdays);
            times = List.copyOf(times);
            months = List.copyOf(months);
            daysOfMonth = List.copyOf(daysOfMonth);
        }
    }

    /**
     * A routing test case. Without {@code source}, {@code alert} must reach exactly {@code receivers}, in
     * the order the routes match; with it, {@code alert} must be inhibited ({@code inhibited}) or not
     * while {@code source} fires.
     */
    public record RouteTest(String name, TestAlert alert, List<Ref> receivers, TestAlert source, boolean inhibited,
            Span span) {
        public RouteTest {
            receivers = List.copyOf(receivers);
        }

        /** Whether the case asserts an inhibition, which amtool cannot test, rather than receivers. */
        public boolean isInhibition() {
            return source != null;
        }
    }

    /**
     * An alert of a routing test: the labels written, or, when {@code alert} names one, that alert's
     * labels with the written ones added ({@code routing.TestAlerts} resolves them).
     */
    public record TestAlert(Ref alert, SortedMap<String, String> labels, Span span) {
        public TestAlert {
            labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        }
    }
}
