package dev.vigil.compiler.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A template ({@code blueprint}, {@code template rules}, {@code template panels}) added, removed or
 * changed, reported once however many objects it expands into. {@code kind} is the keyword it is
 * declared with; {@code fields} the changes of its signature and body; {@code detail} the signature of
 * an added or removed one; {@code reach} the changed objects of the report that are expanded from it.
 */
public record TemplateChange(String name, Change.Action action, String kind, List<Change.Field> fields, String detail,
        Reach reach) {
    public TemplateChange {
        fields = List.copyOf(fields);
        detail = detail == null ? "" : detail;
    }

    TemplateChange withReach(Reach newReach) {
        return new TemplateChange(name, action, kind, fields, detail, newReach);
    }

    /**
     * The changed objects expanded from a template (at any depth of nesting), counted by kind (a runbook
     * change counts as its alert's), and the services they are in, sorted.
     */
    public record Reach(Map<Change.Kind, Integer> objects, List<String> services) {
        public static final Reach NONE = new Reach(Map.of(), List.of());

        public Reach {
            EnumMap<Change.Kind, Integer> sorted = new EnumMap<>(Change.Kind.class);
            sorted.putAll(objects);
            objects = Collections.unmodifiableMap(sorted);
            services = List.copyOf(services);
        }

        /** {@code affects 14 alerts, 2 recording rules in 7 services}, or {@code affects no object}. */
        public String text() {
            if (objects.isEmpty()) {
                return "affects no object";
            }
            List<String> counted = new ArrayList<>();
            objects.forEach((kind, n) -> counted.add(n + " " + noun(kind, n == 1)));
            return "affects " + String.join(", ", counted) + " in " + services.size()
                    + (services.size() == 1 ? " service" : " services");
        }

        private static String noun(Change.Kind kind, boolean one) {
            return switch (kind) {
                case SLO -> one ? "SLO" : "SLOs";
                case ALERT -> one ? "alert" : "alerts";
                case RECORDING -> one ? "recording rule" : "recording rules";
                case DASHBOARD -> one ? "dashboard or panel" : "dashboards or panels";
                case TEST -> one ? "test" : "tests";
                default -> kind.heading();
            };
        }
    }
}
