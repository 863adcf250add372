package dev.vigil.compiler.routing;

/** Three-valued truth: a matcher on a label whose value is not known may or may not hold. */
public enum Truth {
    YES, NO, MAYBE;

    public static Truth of(boolean b) {
        return b ? YES : NO;
    }

    public Truth and(Truth o) {
        if (this == NO || o == NO) {
            return NO;
        }
        return this == YES && o == YES ? YES : MAYBE;
    }

    public Truth not() {
        return this == MAYBE ? MAYBE : of(this == NO);
    }
}
