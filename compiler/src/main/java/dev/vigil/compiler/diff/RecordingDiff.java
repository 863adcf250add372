package dev.vigil.compiler.diff;

import dev.vigil.compiler.model.Constant;
import dev.vigil.compiler.promql.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Written recording rules whose expression changed, as the changed subexpressions; rules added,
 * removed, or renamed (removed and added with the same expression and labels). A rule that is
 * gone while something still reads it is a broken reference ({@link Readers}).
 */
final class RecordingDiff {
    private RecordingDiff() {
    }

    static void compare(Side before, Side after, Changes out) {
        Map<String, String> renamed = new TreeMap<>();
        for (String service : Side.common(before, after)) {
            Map<String, Side.RecordingAt> ra = before.recordings.get(service);
            Map<String, Side.RecordingAt> rb = after.recordings.get(service);
            Map<String, Constant> sa = before.scope(service);
            Map<String, Constant> sb = after.scope(service);
            Map<String, String> gone = new LinkedHashMap<>();
            Map<String, String> fresh = new LinkedHashMap<>();
            for (String key : RoutingDiff.union(ra.keySet(), rb.keySet())) {
                Side.RecordingAt x = ra.get(key);
                Side.RecordingAt y = rb.get(key);
                if (x == null) {
                    fresh.put(key, identity(y, sb));
                } else if (y == null) {
                    gone.put(key, identity(x, sa));
                } else {
                    List<Change.Field> f = new ArrayList<>();
                    PromqlDiff.diff(PromqlDiff.normalize(x.rule().expr(), sa, Set.of()),
                            PromqlDiff.normalize(y.rule().expr(), sb, Set.of()))
                            .forEach(p -> f.add(Change.Field.of("", p.before(), p.after())));
                    for (String l : RoutingDiff.union(x.rule().labels().keySet(), y.rule().labels().keySet())) {
                        if (!Objects.equals(x.rule().labels().get(l), y.rule().labels().get(l))) {
                            f.add(Change.Field.of("label " + l, x.rule().labels().get(l), y.rule().labels().get(l)));
                        }
                    }
                    if (!x.group().name().equals(y.group().name())) {
                        f.add(Change.Field.of("group", x.group().name(), y.group().name()));
                    }
                    if (!f.isEmpty()) {
                        out.add(service, Change.changed(Change.Kind.RECORDING, key, f).from(y.rule().span()));
                    }
                }
            }
            for (Map.Entry<String, String> g : gone.entrySet()) {
                String to = fresh.entrySet().stream().filter(e -> e.getValue().equals(g.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (to != null) {
                    fresh.remove(to);
                    renamed.put(ra.get(g.getKey()).rule().name(), rb.get(to).rule().name());
                    out.add(service, new Change(Change.Kind.RECORDING, Change.Action.RENAMED, to,
                            List.of(Change.Field.of("renamed from", g.getKey(), to)), List.of(), "").from(rb.get(to).rule().span()));
                } else {
                    out.add(service, Change.removed(Change.Kind.RECORDING, g.getKey(), "").from(ra.get(g.getKey()).rule().span()));
                }
            }
            fresh.forEach((key, identity) -> out.add(service, Change.added(Change.Kind.RECORDING, key,
                    Texts.code(PromqlDiff.print(PromqlDiff.normalize(rb.get(key).rule().expr(), sb, Set.of()))))
                    .from(rb.get(key).rule().span())));
        }
        brokenReferences(before, after, renamed, out);
    }

    /** What a rule computes, for pairing a rename: its expression and labels. */
    private static String identity(Side.RecordingAt r, Map<String, Constant> scope) {
        Expr e = PromqlDiff.normalize(r.rule().expr(), scope, Set.of());
        return PromqlDiff.print(e) + " " + r.rule().labels();
    }

    private static void brokenReferences(Side before, Side after, Map<String, String> renamed, Changes out) {
        TreeSet<String> gone = before.recordingNames();
        gone.removeAll(after.recordingNames());
        if (gone.isEmpty()) {
            return;
        }
        Map<String, TreeSet<String>> readers = Readers.of(after, gone);
        for (String name : gone) {
            TreeSet<String> who = readers.get(name);
            if (who == null || who.isEmpty()) {
                continue;
            }
            String service = before.recordings.entrySet().stream()
                    .filter(e -> e.getValue().values().stream().anyMatch(r -> r.rule().name().equals(name)))
                    .map(Map.Entry::getKey).sorted().findFirst().orElse(null);
            String to = renamed.get(name);
            out.impact(new Impact(Impact.Type.REFERENCE_BROKEN, true, service, "The recording rule " + Texts.code(name)
                    + (to == null ? " is removed" : " is renamed to " + Texts.code(to)) + ", but "
                    + String.join(", ", who) + " still " + (who.size() == 1 ? "reads" : "read") + " it."));
        }
    }
}
