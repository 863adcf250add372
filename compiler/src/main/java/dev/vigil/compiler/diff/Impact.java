package dev.vigil.compiler.diff;

/**
 * A consequence of the change that a reviewer must see, spelled out: {@code breaking} ones make
 * {@code --fail-on breaking} fail. {@code service} is null for the project's routing.
 */
public record Impact(Type type, boolean breaking, String service, String message) {
    public enum Type {
        /** An alert no longer exists. */
        ALERT_REMOVED,
        /** A recording rule is gone while alerts, panels or runbooks still read it. */
        REFERENCE_BROKEN,
        /** A page-level alert no longer reaches a receiver it reached. */
        RECEIVER_LOST,
        /** An alert now reaches only the default route's receiver. */
        DEFAULT_ONLY,
        /** A label a route or inhibition matches on is gone from an alert. */
        LABEL_MATCHED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
