package dev.vigil.compiler.target;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of Prometheus, Alertmanager or Grafana: {@code 2.42}, {@code 0.25.1}, {@code v11.0}. A
 * missing patch is zero; releases compare by major, minor, then patch.
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {
    private static final Pattern TEXT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("a version has no negative parts");
        }
    }

    public static Version of(int major, int minor) {
        return new Version(major, minor, 0);
    }

    /** {@code 2.42}, {@code 2.42.0} or {@code v2.42.0}; empty for anything else. */
    public static Optional<Version> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    public boolean atLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Version o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        return minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
    }

    /** {@code 2.42}, or {@code 2.42.1} when the patch matters. */
    @Override
    public String toString() {
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
