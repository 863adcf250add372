package dev.vigil.compiler.lowering;

import dev.vigil.compiler.promql.LabelMatcher;
import dev.vigil.compiler.promql.MatchOp;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.regex.Re2;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Concrete series for a generated test: a label set a selector selects ({@code status=~"5.."} gives
 * {@code status="500"}), or one that one selector selects and another does not (a request that is
 * counted in the total but is not an error). Every answer is checked against the selectors with
 * the same RE2 semantics Prometheus uses; when none is found the SLO gets no generated test.
 */
final class SeriesWitness {
    /** Values tried when a matcher gives none, or one must be refused: short and neutral. */
    private static final List<String> FALLBACKS = List.of("ok", "other", "0", "x", "");

    /** A label value for {@code by} labels no matcher fixes. */
    static final String GROUP_VALUE = "test";

    /** A selector with its constants substituted: the metric name and plain matchers. */
    record Selector(String name, List<LabelMatcher> matchers) {
        boolean matches(String metric, Map<String, String> labels) {
            if (!name.equals(metric)) {
                return false;
            }
            for (LabelMatcher m : matchers) {
                if (!accepts(m, labels.getOrDefault(m.name(), ""))) {
                    return false;
                }
            }
            return true;
        }

        List<LabelMatcher> on(String label) {
            return matchers.stream().filter(m -> m.name().equals(label)).toList();
        }
    }

    /** A series: the metric name and its labels. */
    record Series(String metric, Map<String, String> labels) {
        String text() {
            StringBuilder sb = new StringBuilder(metric).append('{');
            sb.append(labels.entrySet().stream()
                    .map(e -> e.getKey() + "=" + dev.vigil.compiler.promql.Strings.quote(e.getValue()))
                    .collect(Collectors.joining(", ")));
            return sb.append('}').toString();
        }
    }

    private SeriesWitness() {
    }

    /** The selector's name and matchers, or empty when it has no fixed metric name. */
    static Optional<Selector> resolve(VectorSelector v) {
        if (v.name().isEmpty() || v.matchers().stream().anyMatch(LabelMatcher::isConstRef)) {
            return Optional.empty();
        }
        return Optional.of(new Selector(v.name().get(),
                v.matchers().stream().filter(m -> !m.name().equals("__name__")).toList()));
    }

    /** A series the selector selects, carrying every {@code by} label with a non-empty value. */
    static Optional<Series> of(Selector s, List<String> by) {
        Map<String, String> labels = new TreeMap<>();
        Set<String> names = new LinkedHashSet<>(by);
        s.matchers().forEach(m -> names.add(m.name()));
        for (String label : names) {
            List<LabelMatcher> ms = s.on(label);
            Optional<String> v = pick(candidates(ms), ms, List.of(), by.contains(label));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!v.get().isEmpty()) {
                labels.put(label, v.get());
            }
        }
        return s.matches(s.name(), labels) ? Optional.of(new Series(s.name(), labels)) : Optional.empty();
    }

    /**
     * A series {@code in} selects and {@code out} does not: the first witness of {@code in} if it
     * already escapes {@code out}, else one with a label changed to a value {@code out} refuses.
     */
    static Optional<Series> ofNot(Selector in, Selector out, List<String> by) {
        Optional<Series> base = of(in, by);
        if (base.isEmpty() || !out.matches(base.get().metric(), base.get().labels())) {
            return base;
        }
        for (LabelMatcher refused : out.matchers()) {
            List<LabelMatcher> required = in.on(refused.name());
            List<String> candidates = new ArrayList<>(candidates(required));
            candidates.addAll(refusals(refused));
            Optional<String> v = pick(candidates, required, List.of(refused), by.contains(refused.name()));
            if (v.isPresent()) {
                Map<String, String> labels = new TreeMap<>(base.get().labels());
                if (v.get().isEmpty()) {
                    labels.remove(refused.name());
                } else {
                    labels.put(refused.name(), v.get());
                }
                if (in.matches(in.name(), labels) && !out.matches(in.name(), labels)) {
                    return Optional.of(new Series(in.name(), labels));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pick(List<String> candidates, List<LabelMatcher> required,
            List<LabelMatcher> refused, boolean nonEmpty) {
        List<String> all = new ArrayList<>(candidates);
        if (nonEmpty) {
            all.add(GROUP_VALUE);
        }
        all.addAll(FALLBACKS);
        for (String c : all) {
            if (nonEmpty && c.isEmpty()) {
                continue;
            }
            if (required.stream().allMatch(m -> accepts(m, c)) && refused.stream().noneMatch(m -> accepts(m, c))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Values that satisfy the matchers one by one: the {@code =} values and examples of the regexes. */
    private static List<String> candidates(List<LabelMatcher> ms) {
        List<String> out = new ArrayList<>();
        for (LabelMatcher m : ms) {
            if (m.op() == MatchOp.EQ) {
                out.add(m.value());
            } else if (m.op() == MatchOp.RE) {
                example(m.value()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Values a matcher is likely to refuse: the value of {@code !=}, an example of {@code !~}. */
    private static List<String> refusals(LabelMatcher m) {
        return switch (m.op()) {
            case NEQ -> List.of(m.value());
            case NRE -> example(m.value()).map(List::of).orElse(List.of());
            default -> List.of();
        };
    }

    /** Whether the matcher selects {@code value}; a regex RE2 refuses selects nothing, so no witness rests on it. */
    static boolean accepts(LabelMatcher m, String value) {
        return m.matches(value).orElse(false);
    }

    /**
     * A short string the regex matches, built from its first alternatives, no optional parts and
     * {@code 0} for any character ({@code 5..} gives {@code 500}); checked, empty when it fails.
     */
    static Optional<String> example(String re) {
        try {
            String s = new Example(re).alternation();
            return Re2.PROMETHEUS.matches(re, s).filter(hit -> hit).map(hit -> s);
        } catch (RuntimeException unsupported) {
            return Optional.empty();
        }
    }

    /** A recursive walk over the regex that writes one match. */
    private static final class Example {
        private final String re;
        private int pos;

        Example(String re) {
            this.re = re;
        }

        String alternation() {
            String first = sequence();
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                sequence();
            }
            return first;
        }

        private String sequence() {
            StringBuilder out = new StringBuilder();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                String atom = atom();
                int times = quantifier();
                out.append(atom.repeat(times));
            }
            return out.toString();
        }

        private String atom() {
            char c = re.charAt(pos++);
            switch (c) {
                case '(' -> {
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (re.startsWith("?P<", pos)) {
                        pos = re.indexOf('>', pos) + 1;
                    }
                    String inner = alternation();
                    if (pos >= re.length() || re.charAt(pos) != ')') {
                        throw new IllegalArgumentException("unbalanced group");
                    }
                    pos++;
                    return inner;
                }
                case '[' -> {
                    return charClass();
                }
                case '.' -> {
                    return "0";
                }
                case '^', '$' -> {
                    return "";
                }
                case '\\' -> {
                    char e = re.charAt(pos++);
                    return switch (e) {
                        case 'd' -> "0";
                        case 'w' -> "a";
                        case 's' -> " ";
                        case 'D', 'W', 'S' -> "-";
                        default -> String.valueOf(e);
                    };
                }
                default -> {
                    return String.valueOf(c);
                }
            }
        }

        /** The first character of a class, or for a negated class a character tried against it. */
        private String charClass() {
            int start = pos - 1;
            int end = pos;
            if (end < re.length() && re.charAt(end) == '^') {
                end++;
            }
            if (end < re.length() && re.charAt(end) == ']') {
                end++;
            }
            while (end < re.length() && re.charAt(end) != ']') {
                end += re.charAt(end) == '\\' ? 2 : 1;
            }
            String cls = re.substring(start, end + 1);
            pos = end + 1;
            String tried = (cls.length() > 2 ? cls.substring(1, 2) : "") + "0aA_-x.";
            for (char ch : tried.toCharArray()) {
                if (Re2.PROMETHEUS.matches(cls, String.valueOf(ch)).orElse(false)) {
                    return String.valueOf(ch);
                }
            }
            throw new IllegalArgumentException("no example for " + cls);
        }

        private int quantifier() {
            if (pos >= re.length()) {
                return 1;
            }
            char c = re.charAt(pos);
            int times;
            if (c == '?' || c == '*') {
                times = 0;
                pos++;
            } else if (c == '+') {
                times = 1;
                pos++;
            } else if (c == '{') {
                int close = re.indexOf('}', pos);
                String body = re.substring(pos + 1, close);
                times = Integer.parseInt(body.split(",", -1)[0]);
                pos = close + 1;
            } else {
                return 1;
            }
            if (pos < re.length() && re.charAt(pos) == '?') {
                pos++;
            }
            return times;
        }
    }
}
