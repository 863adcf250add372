package dev.vigil.maven;

import dev.vigil.targets.OutputDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The build output as a zip, byte for byte the same for the same output. */
final class Zips {
    /** Zip's earliest representable time; a fixed time keeps the archive reproducible. */
    private static final FileTime FIXED = FileTime.fromMillis(315_532_800_000L + 86_400_000L * 31);

    private Zips() {
    }

    static void write(Path directory, Path zip) throws IOException {
        // Only what Vigil wrote: the manifest's files and the manifest itself, in path order.
        List<String> files = new ArrayList<>(OutputDirectory.readManifest(directory).keySet());
        files.add(OutputDirectory.MANIFEST);
        Collections.sort(files);
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String f : files) {
                ZipEntry e = new ZipEntry(f);
                e.setLastModifiedTime(FIXED);
                z.putNextEntry(e);
                Files.copy(directory.resolve(f), z);
                z.closeEntry();
            }
        }
    }
}
