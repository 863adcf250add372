package dev.vigil.compiler.regex;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * RE2 regexes as the monitoring stack applies them to label values, on Java's engine: checked
 * with {@link Re2Syntax}, translated by {@link Re2Java}, anchored at both ends and cached. The two
 * tools anchor alike ({@code ^(?:re)$}) and differ only in what {@code .} matches. This is the only
 * place a PromQL or Alertmanager regex is compiled.
 */
public enum Re2 {
    /** Label matchers in PromQL: {@code ^(?s:re)$}, as Prometheus 3 reads them ({@code .} matches a newline). */
    PROMETHEUS(Pattern.DOTALL),
    /**
     * Alertmanager's matchers, {@code ^(?:re)$}: {@code .} does not match a newline (amtool 0.25
     * does not route {@code msg="a\nb"} through {@code msg=~"a.b"}).
     */
    ALERTMANAGER(0);

    /** Enough for every regex of a large project; past it the cache starts over rather than grow. */
    private static final int CACHE_LIMIT = 4096;

    private final int flags;
    private final Map<String, Optional<Pattern>> cache = new ConcurrentHashMap<>();

    Re2(int flags) {
        // RE2's `.` stops only at \n and its (?i) folds Unicode; Java needs flags for both.
        this.flags = flags | Pattern.UNIX_LINES | Pattern.UNICODE_CASE;
    }

    /** Empty when RE2 accepts {@code re}; otherwise why not, as a sentence fragment. */
    public static Optional<String> problem(String re) {
        return Re2Syntax.problem(re);
    }

    /** The pattern that matches exactly the values {@code re} matches in full; empty when {@code re} is not valid RE2. */
    public Optional<Pattern> anchored(String re) {
        Optional<Pattern> known = cache.get(re);
        if (known != null) {
            return known;
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        Optional<Pattern> compiled = compile(re);
        cache.put(re, compiled);
        return compiled;
    }

    /** Whether {@code re} matches all of {@code value}; empty when {@code re} is not valid RE2 or the match overflows the stack. */
    public Optional<Boolean> matches(String re, String value) {
        return anchored(re).flatMap(p -> {
            try {
                return Optional.of(p.matcher(value).matches());
            } catch (StackOverflowError e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether no value can match both regexes, for certain: false when some value may (see
     * {@link LabelValues}, which decides it on automata rather than spellings).
     */
    public boolean disjoint(String a, String b) {
        return LabelValues.of(LabelValues.Op.RE, a).disjoint(LabelValues.of(LabelValues.Op.RE, b), this);
    }

    /** Whether {@code re} matches every value without a newline, for certain: {@code .*}, {@code (.*)}, {@code .{0,}|x}. */
    public boolean matchesEveryLine(String re) {
        return LabelValues.includesEveryLine(re, this);
    }

    private Optional<Pattern> compile(String re) {
        if (Re2Syntax.problem(re).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(Re2Java.translate(re), flags));
        } catch (PatternSyntaxException | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
