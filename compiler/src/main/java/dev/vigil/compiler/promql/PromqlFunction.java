package dev.vigil.compiler.promql;

import java.util.List;
import java.util.Objects;

/**
 * The signature of a PromQL function. {@code variadic} follows Prometheus: 0 means exactly
 * {@code argTypes.size()} arguments; {@code n > 0} means the last argument is optional and may be
 * repeated up to {@code n} times; -1 means the last argument may be left out or repeated without limit.
 * Arguments past the list take the type of its last entry.
 */
public record PromqlFunction(String name, List<ValueType> argTypes, int variadic, ValueType returnType,
        boolean experimental) {
    public PromqlFunction {
        Objects.requireNonNull(name, "name");
        argTypes = List.copyOf(argTypes);
        Objects.requireNonNull(returnType, "returnType");
    }

    public int minArgs() {
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
    }

    /** The most arguments accepted, or -1 for no limit. */
    public int maxArgs() {
        if (variadic < 0) {
            return -1;
        }
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1 + variadic;
    }

    /** The type expected of the argument at {@code index} (0-based). */
    public ValueType argType(int index) {
        return argTypes.get(Math.min(index, argTypes.size() - 1));
    }
}
