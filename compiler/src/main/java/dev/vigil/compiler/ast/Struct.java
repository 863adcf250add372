package dev.vigil.compiler.ast;

import dev.vigil.compiler.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value written in Vigil's syntax ({@code options { legend = { calcs = ["max"] } }}), kept with
 * the span of every key and value so that a check can point at the exact nested element. Bare words
 * other than {@code true}, {@code false} and {@code null} are kept as {@link Word} for the reader to report.
 */
public sealed interface Struct {
    Span span();

    /** Members in source order; a repeated key is kept (and reported by the reader). */
    record Obj(List<Member> members, Span span) implements Struct {
        public Obj {
            members = List.copyOf(members);
        }

        /** The first member with this key. */
        public Optional<Member> member(String key) {
            return members.stream().filter(m -> m.key().equals(key)).findFirst();
        }
    }

    record Member(String key, Span keySpan, Struct value) {
    }

    record Arr(List<Struct> items, Span span) implements Struct {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value, Span span) implements Struct {
    }

    /** Exact, as written: {@code 0.1} stays 0.1. */
    record Num(BigDecimal value, Span span) implements Struct {
    }

    record Bool(boolean value, Span span) implements Struct {
    }

    record Null(Span span) implements Struct {
    }

    /** A bare word that is not a JSON literal: a string without its quotes, most likely. */
    record Word(String text, Span span) implements Struct {
    }
}
