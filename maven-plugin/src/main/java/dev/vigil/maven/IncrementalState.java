package dev.vigil.maven;

import dev.vigil.targets.OutputDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the last successful {@code vigil:generate} saw: the digest of its configuration (with the
 * plugin's fingerprint), every input file it read with its digest, and the digest of the output's
 * manifest. When all of them still hold, and the output files are still as the manifest lists them,
 * a new build would write the same bytes, so it is skipped.
 *
 * @param configuration digest of {@link GenerateRequest#configuration()}
 * @param inputs        absolute path to digest, for every source read (imports included) and template
 * @param manifest      digest of the output's {@code manifest.json}
 */
record IncrementalState(String configuration, SortedMap<String, String> inputs, String manifest) {
    IncrementalState {
        inputs = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    }

    static IncrementalState of(String configuration, Collection<Path> inputFiles, Path output) throws IOException {
        SortedMap<String, String> inputs = new TreeMap<>();
        for (Path f : inputFiles) {
            inputs.put(f.toAbsolutePath().normalize().toString(), Digests.ofFile(f));
        }
        return new IncrementalState(configuration, inputs, Digests.ofFile(output.resolve(OutputDirectory.MANIFEST)));
    }

    /** True when nothing that decides the output has changed since this state was saved. */
    boolean upToDate(String currentConfiguration, Collection<Path> currentInputs, Path output) throws IOException {
        if (!configuration.equals(currentConfiguration)) {
            return false;
        }
        for (Path f : currentInputs) {
            if (!inputs.containsKey(f.toAbsolutePath().normalize().toString())) {
                return false; // a new source file
            }
        }
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            Path f = Path.of(e.getKey());
            if (!Files.isRegularFile(f) || !Digests.ofFile(f).equals(e.getValue())) {
                return false;
            }
        }
        Path manifestFile = output.resolve(OutputDirectory.MANIFEST);
        if (!Files.isRegularFile(manifestFile) || !Digests.ofFile(manifestFile).equals(manifest)) {
            return false;
        }
        // Someone may have edited or deleted an output file since.
        for (Map.Entry<String, String> e : OutputDirectory.readManifest(output).entrySet()) {
            Path f = output.resolve(e.getKey());
            if (!Files.isRegularFile(f) || !Digests.ofFile(f).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    static Optional<IncrementalState> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String configuration = null;
        String manifest = null;
        SortedMap<String, String> inputs = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ", 3);
            switch (parts[0]) {
                case "configuration" -> configuration = parts.length > 1 ? parts[1] : null;
                case "manifest" -> manifest = parts.length > 1 ? parts[1] : null;
                case "input" -> {
                    if (parts.length == 3) {
                        inputs.put(parts[2], parts[1]);
                    }
                }
                default -> {
                    // Unknown lines come from another plugin version; its configuration digest differs anyway.
                }
            }
        }
        if (configuration == null || manifest == null) {
            return Optional.empty();
        }
        return Optional.of(new IncrementalState(configuration, inputs, manifest));
    }

    /**
     * Saves the state beside {@code file} and only then moves it into place, so a build that stops
     * half-way never leaves a state that claims its output is current.
     */
    void promote(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# vigil-maven-plugin incremental state; deleting it forces a rebuild\n");
        text.append("configuration ").append(configuration).append('\n');
        text.append("manifest ").append(manifest).append('\n');
        inputs.forEach((path, digest) -> text.append("input ").append(digest).append(' ').append(path).append('\n'));
        Files.createDirectories(file.getParent());
        Path pending = file.resolveSibling(file.getFileName() + ".pending");
        Files.writeString(pending, text, StandardCharsets.UTF_8);
        try {
            Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
