package dev.vigil.compiler.diff;

import dev.vigil.compiler.source.Span;
import dev.vigil.compiler.source.Structural;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Equality of model values regardless of where they are written: moving a declaration is no change. */
final class Spanless {
    private Spanless() {
    }

    static boolean equal(Object a, Object b) {
        return Objects.equals(strip(a), strip(b));
    }

    private static Object strip(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(strip(e)));
            return out;
        }
        return v instanceof Record ? Structural.withSpan(v, Span.NONE) : v;
    }
}
