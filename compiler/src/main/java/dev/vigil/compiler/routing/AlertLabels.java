package dev.vigil.compiler.routing;

import dev.vigil.compiler.analysis.LabelSet;
import java.util.Map;

/**
 * An alert's labels as Alertmanager's matchers read them: each label's value, the empty string
 * for a label the alert does not carry (Alertmanager does not tell the two apart), or null when
 * the value is not known, as for a label an inferred set only may carry.
 */
@FunctionalInterface
public interface AlertLabels {
    /** The value of {@code label}: "" when absent, null when not known. */
    String value(String label);

    /** A concrete alert: every label it lacks is absent. */
    static AlertLabels of(Map<String, String> labels) {
        return label -> labels.getOrDefault(label, "");
    }

    /** An inferred label set: a definite label with a fixed value is known, one it cannot have is absent. */
    static AlertLabels of(LabelSet inferred) {
        return label -> {
            LabelSet.Label l = inferred.get(label);
            if (l != null && l.definite() && l.value() != null) {
                return l.value();
            }
            return inferred.cannotHave(label) ? "" : null;
        };
    }
}
