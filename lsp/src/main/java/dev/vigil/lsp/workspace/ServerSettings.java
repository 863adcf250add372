package dev.vigil.lsp.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.vigil.compiler.CompileOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's settings, from {@code initializationOptions} or the {@code vigil} section of
 * {@code workspace/didChangeConfiguration}: {@code docsBaseUrl}, where the pages that diagnostics link
 * to are published ({@code checks/ID.md} and {@code diagnostics.md} below it; by default the copies
 * packaged in the jar, written out to a local directory), and {@code libraryPath}, the jars and
 * directories {@code import "lib:..."} reads, as {@code vigil check --library} takes them.
 */
public record ServerSettings(Optional<String> docsBaseUrl, List<Path> libraryPath) {
    public static final ServerSettings DEFAULT = new ServerSettings(Optional.empty(), List.of());

    public ServerSettings {
        libraryPath = List.copyOf(libraryPath);
    }

    public CompileOptions compileOptions() {
        return libraryPath.isEmpty() ? CompileOptions.DEFAULT : CompileOptions.DEFAULT.withLibraryPath(libraryPath);
    }

    /**
     * The settings an options object holds, {@code {"docsBaseUrl": "...", "libraryPath": ["..."]}}, or
     * nested under {@code "vigil"}; what is absent or not understood keeps its default.
     */
    public static ServerSettings from(Object options, Path relativeTo) {
        if (!(options instanceof JsonObject o)) {
            return DEFAULT;
        }
        if (o.has("vigil") && o.get("vigil").isJsonObject()) {
            o = o.getAsJsonObject("vigil");
        }
        Optional<String> docs = Optional.empty();
        JsonElement d = o.get("docsBaseUrl");
        if (d != null && d.isJsonPrimitive() && !d.getAsString().isBlank()) {
            String url = d.getAsString().strip();
            docs = Optional.of(url.endsWith("/") ? url : url + "/");
        }
        List<Path> libraries = new ArrayList<>();
        JsonElement l = o.get("libraryPath");
        if (l != null && l.isJsonArray()) {
            for (JsonElement e : (JsonArray) l) {
                if (e.isJsonPrimitive() && !e.getAsString().isBlank()) {
                    Path p = Path.of(e.getAsString());
                    libraries.add((p.isAbsolute() || relativeTo == null ? p : relativeTo.resolve(p)).normalize());
                }
            }
        }
        return new ServerSettings(docs, libraries);
    }
}
