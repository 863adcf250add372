package dev.vigil.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/** Identifies the plugin's code, so a new plugin invalidates the incremental state. */
final class PluginFingerprint {
    private PluginFingerprint() {
    }

    static String of(PluginDescriptor plugin) throws IOException {
        StringBuilder s = new StringBuilder(plugin.getId());
        if (plugin.getVersion().endsWith("-SNAPSHOT")) {
            // A snapshot's version says nothing about its code: digest the plugin and Vigil's own libraries.
            List<File> code = new ArrayList<>();
            if (plugin.getPluginArtifact() != null) {
                code.add(plugin.getPluginArtifact().getFile());
            }
            for (Artifact a : plugin.getArtifacts()) {
                if (a.getGroupId().equals(plugin.getGroupId())) {
                    code.add(a.getFile());
                }
            }
            for (File f : code) {
                if (f != null && f.exists()) {
                    s.append(' ').append(Digests.ofPath(f.toPath()));
                }
            }
        }
        return s.toString();
    }
}
