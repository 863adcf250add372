package dev.vigil.targets;

import dev.vigil.compiler.model.Project;

/**
 * One output format. An emitter reads only the validated model and writes through the manifest;
 * it never touches the file system, so every emitter can be tested in memory.
 */
public interface Emitter {
    /** A short name, used in messages and to select emitters. */
    String name();

    void emit(Project project, EmitSettings settings, OutputManifest out);
}
