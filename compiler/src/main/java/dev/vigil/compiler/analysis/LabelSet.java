package dev.vigil.compiler.analysis;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The labels the series of an expression can carry. Each known label is {@linkplain Label#definite()
 * definitely} present on every series or only possibly present, and may have a known value (fixed by
 * an equality matcher or a static label). An {@linkplain #open() open} set may also carry labels it
 * does not list: a selector of a metric nobody declared, say. A closed set lists every label its
 * series can have, so a label it lacks cannot exist. {@code __name__} is never listed: vector
 * matching ignores it and most operations drop it.
 */
public record LabelSet(SortedMap<String, Label> labels, boolean open) {
    /** No labels, and no others possible: a scalar, {@code vector(1)}, {@code sum(x)}. */
    public static final LabelSet EMPTY = new LabelSet(new TreeMap<>(), false);
    /** Nothing known: any label may or may not be there. */
    public static final LabelSet UNKNOWN = new LabelSet(new TreeMap<>(), true);

    public LabelSet {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** One label: its name, whether every series has it, and its value when one is fixed. */
    public record Label(String name, boolean definite, String value) {
        public Label possible() {
            return definite ? new Label(name, false, null) : this;
        }
    }

    public static LabelSet closed(Map<String, Label> labels) {
        return new LabelSet(new TreeMap<>(labels), false);
    }

    /** Whether series can carry {@code name}: it is listed, or the set is open. */
    public boolean canHave(String name) {
        return open || labels.containsKey(name);
    }

    /** Whether no series can carry {@code name}: the set is closed and does not list it. */
    public boolean cannotHave(String name) {
        return !open && !labels.containsKey(name);
    }

    public boolean definitely(String name) {
        Label l = labels.get(name);
        return l != null && l.definite();
    }

    public Label get(String name) {
        return labels.get(name);
    }

    public Set<String> names() {
        return labels.keySet();
    }

    public LabelSet withOpen(boolean open) {
        return open == this.open ? this : new LabelSet(labels, open);
    }

    public LabelSet with(Label label) {
        SortedMap<String, Label> m = new TreeMap<>(labels);
        m.put(label.name(), label);
        return new LabelSet(m, open);
    }

    public LabelSet without(String name) {
        if (!labels.containsKey(name)) {
            return this;
        }
        SortedMap<String, Label> m = new TreeMap<>(labels);
        m.remove(name);
        return new LabelSet(m, open);
    }

    /** Everything either side may have: definite only where definite on both, values only where equal. */
    public LabelSet union(LabelSet other) {
        SortedMap<String, Label> m = new TreeMap<>();
        for (Label l : labels.values()) {
            Label o = other.labels.get(l.name());
            if (o == null) {
                m.put(l.name(), l.possible());
            } else {
                boolean same = l.value() != null && l.value().equals(o.value());
                m.put(l.name(), new Label(l.name(), l.definite() && o.definite(), same ? l.value() : null));
            }
        }
        for (Label o : other.labels.values()) {
            m.putIfAbsent(o.name(), o.possible());
        }
        return new LabelSet(m, open || other.open);
    }

    /** The listed names for a message: "`a`, `b`", or "no labels". */
    public String describe() {
        if (labels.isEmpty()) {
            return "no labels";
        }
        StringBuilder b = new StringBuilder();
        for (String n : labels.keySet()) {
            b.append(b.length() == 0 ? "" : ", ").append('`').append(n).append('`');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (Label l : labels.values()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(l.name()).append(l.definite() ? "" : "?");
            if (l.value() != null) {
                b.append("=\"").append(l.value()).append('"');
            }
        }
        if (open) {
            b.append(b.length() > 1 ? ", ..." : "...");
        }
        return b.append('}').toString();
    }
}
