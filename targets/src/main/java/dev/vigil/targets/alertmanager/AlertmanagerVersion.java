package dev.vigil.targets.alertmanager;

/**
 * The Alertmanager release the output must load in. Some secret-file settings only exist in newer
 * releases; since Vigil never inlines a secret, a setting the target lacks is an emit error.
 */
public record AlertmanagerVersion(int major, int minor) implements Comparable<AlertmanagerVersion> {
    /** The release the test suite checks the output against with {@code amtool}. */
    public static final AlertmanagerVersion BASELINE = new AlertmanagerVersion(0, 25);

    /** Webhook {@code url_file}: amtool 0.25 rejects it ("field url_file not found"). */
    static final AlertmanagerVersion WEBHOOK_URL_FILE = new AlertmanagerVersion(0, 26);

    public static AlertmanagerVersion parse(String text) {
        String[] parts = text.strip().replaceFirst("^v", "").split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not an Alertmanager version: " + text);
        }
        try {
            return new AlertmanagerVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an Alertmanager version: " + text, e);
        }
    }

    public boolean atLeast(AlertmanagerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(AlertmanagerVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
