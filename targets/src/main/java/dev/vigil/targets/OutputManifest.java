package dev.vigil.targets;

import dev.vigil.compiler.model.Links;
import dev.vigil.targets.kubernetes.KubernetesObject;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files a build produces, held in memory until the build commits them. Paths are relative,
 * with forward slashes, and may not leave the output directory: a service or dashboard name that
 * becomes a file name cannot write outside it.
 */
public final class OutputManifest {
    /**
     * One path segment: no separators, no control characters, none of the characters Windows refuses;
     * besides, not `.` or `..`, no device name ({@link Links#isDeviceName}), no trailing dot or space.
     */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}:*?\"<>|]+");

    /** Names Windows gives to devices, with or without an extension: a file cannot be called `CON` or `nul.md`. */

    private final SortedMap<String, byte[]> files = new TreeMap<>();

    /** The Kubernetes objects among the files, in the order written, for the size limits checked before a commit. */
    private final java.util.List<KubernetesObject> objects = new java.util.ArrayList<>();

    /** The paths written, lower-cased: on macOS and Windows two paths differing only in case are one file. */
    private final java.util.Map<String, String> folded = new java.util.HashMap<>();

    /** Adds a file; refuses a path that could escape the output directory or that was written already. */
    public void write(String relativePath, byte[] content) {
        put(relativePath, content.clone());
    }

    /** Adds every file of {@code other}, with the checks of {@link #write}; {@code other} is not used after. */
    public void add(OutputManifest other) {
        other.files.forEach(this::put);
        objects.addAll(other.objects);
    }

    /** Adds a Kubernetes object's file, and keeps the object, so the limits are checked on exactly what is written. */
    public void writeObject(KubernetesObject object) {
        writeText(object.path(), object.text());
        objects.add(object);
    }

    public java.util.List<KubernetesObject> objects() {
        return java.util.List.copyOf(objects);
    }

    private void put(String relativePath, byte[] content) {
        String path = checkPath(relativePath);
        // Unreachable for a checked model: names that would share a file are a blocking Name.Duplicate,
        // Name.Collision or Name.OutputPath, and file names from the sources go through safeSegment.
        if (files.containsKey(path)) {
            throw new IllegalArgumentException("Two outputs would both be written to " + path);
        }
        // Unreachable for a checked model too: Name.OutputPath reports names whose files differ only in case.
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        String[] segments = lower.split("/");
        String prefix = "";
        String original = "";
        String[] exact = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            prefix += (i == 0 ? "" : "/") + segments[i];
            original += (i == 0 ? "" : "/") + exact[i];
            String earlier = folded.putIfAbsent(prefix, original);
            if (earlier != null && !earlier.equals(original)) {
                throw new IllegalArgumentException("Outputs " + earlier + " and " + original + " differ only in case");
            }
        }
        files.put(path, content);
    }

    /** Text as UTF-8 with Unix line endings, so builds on any machine give the same bytes. */
    public void writeText(String relativePath, String text) {
        write(relativePath, text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    public boolean contains(String relativePath) {
        return files.containsKey(relativePath);
    }

    public byte[] read(String relativePath) {
        byte[] b = files.get(relativePath);
        return b == null ? null : b.clone();
    }

    static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("Not a relative file path: " + path);
        }
        for (String segment : path.split("/", -1)) {
            // Unreachable: emitters build paths from fixed folders and safeSegment'ed names.
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()
                    || Links.isDeviceName(segment) || segment.endsWith(".") || segment.endsWith(" ")) {
                throw new IllegalArgumentException("Unsafe output path: " + path);
            }
        }
        return path;
    }

    /**
     * A name from the user's sources made safe as one file-name segment: letters, digits, `-`, `_`
     * and `.` are kept, anything else becomes `_`, and names that would be `.`/`..` are prefixed.
     */
    public static String safeSegment(String name) {
        return dev.vigil.compiler.model.Links.segment(name);
    }
}
