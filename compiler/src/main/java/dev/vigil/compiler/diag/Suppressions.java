package dev.vigil.compiler.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies suppressions and project-level severity overrides to a finished list of diagnostics.
 * Errors of the syntax, input and duplicate families describe output that cannot work at all, so
 * they can be neither suppressed nor lowered; nor can a {@link Diagnostic#blocking() blocking} error,
 * one that the emitters rely on or that the target tools would refuse.
 */
public final class Suppressions {
    /** Families whose errors are never silenced. */
    public static final List<String> UNSUPPRESSIBLE = List.of("Syntax", "Input", "Yaml", Ids.NAME_DUPLICATE, "Duplicate");

    private Suppressions() {
    }

    public static boolean suppressible(Diagnostic d) {
        return !(d.isError() && (d.blocking() || UNSUPPRESSIBLE.stream().anyMatch(d::inFamily)));
    }

    /**
     * Returns the diagnostics with overrides applied (id or family to a level), the ones a suppression
     * or an {@code off} level silences marked with its reason (kept, so an audit sees them), and
     * problems with the suppressions themselves added (no reason, not allowed, unused).
     */
    public static List<Diagnostic> apply(List<Diagnostic> diagnostics, List<Suppression> suppressions,
            Map<String, CheckLevel> overrides) {
        List<Diagnostic> out = new ArrayList<>();
        // By identity: spans compare equal to each other, so two alike suppressions would collapse.
        Set<Suppression> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Diagnostic d : diagnostics) {
            Diagnostic adjusted = override(d, overrides);
            if (adjusted.isSuppressed()) {
                out.add(adjusted);
                continue;
            }
            Suppression hit = null;
            for (Suppression s : suppressions) {
                if (!s.id().isEmpty() && !s.reason().isEmpty() && s.covers(adjusted)) {
                    hit = s;
                    break;
                }
            }
            if (hit == null) {
                out.add(adjusted);
            } else if (!suppressible(adjusted)) {
                used.add(hit);
                out.add(adjusted);
                out.add(adjusted.blocking()
                        ? Diagnostic.error(Ids.SUPPRESSION_NOT_ALLOWED, hit.where(),
                                "This `" + adjusted.code() + "` error cannot be suppressed.",
                                "While it stands the output cannot be written, or Prometheus or Alertmanager would refuse it; fix the cause.")
                        : Diagnostic.error(Ids.SUPPRESSION_NOT_ALLOWED, hit.where(),
                                "`" + adjusted.code() + "` errors cannot be suppressed.",
                                "Syntax, input and duplicate errors mean the output cannot work; fix the cause."));
            } else {
                used.add(hit);
                out.add(adjusted.suppressedFor(hit.reason()));
            }
        }
        for (Suppression s : suppressions) {
            if (s.id().isEmpty()) {
                out.add(Diagnostic.error(Ids.SUPPRESSION_MALFORMED, s.where(), "`vigil:ignore` needs a check id and a reason.",
                        "Write `vigil:ignore Alert.ForTooShort the batch job alerts at once by design`."));
            } else if (s.reason().isEmpty()) {
                out.add(Diagnostic.error(Ids.SUPPRESSION_MISSING_REASON, s.where(),
                        "The suppression of `" + s.id() + "` gives no reason.",
                        "Say why, after the id: it is what a reviewer reads."));
            } else if (!used.contains(s)) {
                out.add(Diagnostic.warning(Ids.SUPPRESSION_UNUSED, s.where(),
                        "Nothing here reports `" + s.id() + "`, so this suppression does nothing.",
                        "Remove it, or move it to the rule it is meant for."));
            }
        }
        out.sort(Diagnostic.ORDER);
        return out;
    }

    private static Diagnostic override(Diagnostic d, Map<String, CheckLevel> overrides) {
        if (overrides.isEmpty() || !suppressible(d)) {
            return d;
        }
        // The most specific matching key wins: `Rate.WindowTooShort` over `Rate`.
        String best = null;
        for (String key : overrides.keySet()) {
            if (d.inFamily(key) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best == null) {
            return d;
        }
        CheckLevel level = overrides.get(best);
        return level.isOff() ? d.suppressedFor("`" + best + "` is off: " + level.reason()) : d.withSeverity(level.severity());
    }
}
