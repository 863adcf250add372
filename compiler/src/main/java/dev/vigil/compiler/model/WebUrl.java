package dev.vigil.compiler.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a link Vigil writes into notifications, dashboards and runbooks ({@code runbook_url},
 * {@code dashboard_url}, a service's {@code links}, a dashboard's {@code link}) is a plain web URL:
 * {@code http} or {@code https}, with a host, and nothing a reader's browser or a Markdown renderer
 * could take for something else. A {@code javascript:} or {@code data:} link in a runbook or a
 * Grafana dashboard runs in the browser of whoever clicks it.
 */
public final class WebUrl {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** Alertmanager and Prometheus expand {@code {{ ... }}} in annotations; their result cannot be checked here. */
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

    private WebUrl() {
    }

    /** Why {@code url} is not a plain http(s) URL, as a clause after "it"; empty when it is one. */
    public static Optional<String> problem(String url) {
        String s = url.strip();
        for (char c : s.toCharArray()) {
            if (c <= ' ' || c == 0x7f) {
                return Optional.of(c == ' ' ? "holds a space" : "holds a control character or line break");
            }
            if ("\"'<>\\`".indexOf(c) >= 0) {
                return Optional.of("holds `" + c + "`, which would end the link where it is written");
            }
        }
        Matcher scheme = SCHEME.matcher(s);
        // `host.example.com:9090/x` has what looks like a scheme, but is a host and port without one.
        if (!scheme.find() || scheme.group(1).contains(".") || s.substring(scheme.end()).matches("\\d.*")) {
            return Optional.of("does not start with `https://` or `http://`");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("http") && !name.equals("https")) {
            return Optional.of("has the scheme `" + name + ":`, not `https:` or `http:`");
        }
        try {
            URI uri = new URI(s);
            if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
                return Optional.of("names no host (`https://host/...`)");
            }
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        return Optional.empty();
    }

    /**
     * As {@link #problem}, for an annotation value: its {@code {{ ... }}} template actions are checked
     * by the template checks and expanded by Prometheus, so only the text around them is judged, and a
     * value that starts with an action (such as {@code {{ $externalURL }}}) has a scheme no one can see.
     */
    public static Optional<String> annotationProblem(String value) {
        if (value.strip().startsWith("{{")) {
            return Optional.empty();
        }
        return problem(TEMPLATE_ACTION.matcher(value).replaceAll("x"));
    }
}
