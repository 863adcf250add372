package dev.vigil.targets.kubernetes;

import dev.vigil.compiler.source.Span;
import java.util.Map;

/**
 * One Kubernetes object the build writes: the file, the object as maps and lists, its text in that
 * file, and the declaration it comes from ({@code owner}, as a message names it, at {@code origin}),
 * where a limit it breaks is reported.
 */
public record KubernetesObject(String path, Map<String, Object> document, String text, String owner, Span origin) {
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
