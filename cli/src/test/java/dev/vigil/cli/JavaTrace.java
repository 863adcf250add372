package dev.vigil.cli;

import java.util.regex.Pattern;

/** What only a Java exception prints: the README's promise is that no run of Vigil ever shows it. */
final class JavaTrace {
    static final Pattern PATTERN = Pattern.compile(
            "\\tat [a-z]|Exception|\\bError:|\\.java:\\d+\\)|Caused by:|StackOverflow|OutOfMemory");

    private JavaTrace() {
    }
}
