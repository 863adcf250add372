package dev.vigil.maven;

/** The plugin's configuration is wrong (a bad scrapeInterval or severityOverrides): the user's problem, reported as a build failure. */
final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message);
    }
}
