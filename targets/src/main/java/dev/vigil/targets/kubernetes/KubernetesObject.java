package dev.vigil.targets.kubernetes;

import dev.vigil.compiler.source.Span;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One Kubernetes object the build writes: the file, the object as maps and lists, its text in that
 * file, and the declaration it comes from ({@code owner}, as a message names it, at {@code origin}),
 * where a limit it breaks is reported. The text is rendered on first use: {@code vigil check} measures
 * the objects against the cluster's limits without writing them, and YAML is most of their cost.
 * {@code rulesBytes} is a PrometheusRule's rules as measured when it was split, so that they are not
 * rendered again to be checked.
 */
public final class KubernetesObject {
    private final String path;
    private final Map<String, Object> document;
    private final Supplier<String> render;
    private final String owner;
    private final Span origin;
    private final OptionalLong rulesBytes;
    private volatile String text;

    public KubernetesObject(String path, Map<String, Object> document, Supplier<String> render, String owner,
            Span origin, OptionalLong rulesBytes) {
        this.path = Objects.requireNonNull(path, "path");
        this.document = Objects.requireNonNull(document, "document");
        this.render = Objects.requireNonNull(render, "render");
        this.owner = owner;
        this.origin = origin;
        this.rulesBytes = rulesBytes;
    }

    public KubernetesObject(String path, Map<String, Object> document, Supplier<String> render, String owner, Span origin) {
        this(path, document, render, owner, origin, OptionalLong.empty());
    }

    public String path() {
        return path;
    }

    public Map<String, Object> document() {
        return document;
    }

    /** The file's text, rendered once. */
    public String text() {
        String t = text;
        if (t == null) {
            t = render.get();
            text = t;
        }
        return t;
    }

    public String owner() {
        return owner;
    }

    public Span origin() {
        return origin;
    }

    public OptionalLong rulesBytes() {
        return rulesBytes;
    }

    public String kind() {
        return String.valueOf(document.get("kind"));
    }

    public String name() {
        return String.valueOf(metadata().get("name"));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) document.get("metadata");
    }
}
