package dev.vigil.targets.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.targets.OutputDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process {@link DeterminismPropertiesTest} cannot change what the JVM fixes at start-up: the
 * working directory, the platform charset, the locale and zone the JDK caches. One separate JVM, started
 * in another directory with a Turkish locale, the UTC+14 zone, Latin-1 as its file encoding and one
 * core (so that files are parsed and emitters run one after another), builds every sample; each
 * output must be byte-identical to the one built in this JVM, on all of its cores.
 */
class AnotherProcessDeterminismTest {
    @Test
    void everySampleBuildsToTheSameBytesInATurkishJvmElsewhere(@TempDir Path tmp) throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("some/other/dir"));
        Path out = tmp.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati", "-Dfile.encoding=ISO-8859-1",
                "-XX:ActiveProcessorCount=1",
                "-cp", System.getProperty("java.class.path"), BuildInAnotherProcess.class.getName(), out.toString()));
        for (Map.Entry<String, Path> s : Samples.all().entrySet()) {
            command.add(s.getKey() + "=" + s.getValue());
        }
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build process did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log"), StandardCharsets.ISO_8859_1));
        for (String sample : Samples.all().keySet()) {
            Samples.assertSameFiles(DeterminismPropertiesTest.reference(sample), Samples.tree(out.resolve(sample)),
                    sample + " built in another JVM");
        }
        OutputDirectory.deleteTree(out);
    }
}
