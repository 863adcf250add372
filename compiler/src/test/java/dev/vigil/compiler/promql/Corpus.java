package dev.vigil.compiler.promql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The third-party PromQL corpus in testdata/corpus (see its README): finding and decoding it. */
final class Corpus {
    private Corpus() {
    }

    /** One line of a corpus file: the escaped form as stored, and the decoded text (null if not UTF-8). */
    record Line(int number, String escaped, String text) {
    }

    /** The third-party test data: system property {@code vigil.shared} (the pom sets the repository's {@code testdata}), else {@code ../testdata}. */
    static Optional<Path> sharedDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("vigil.shared");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("..", "testdata"));
        for (Path p : candidates) {
            if (Files.isDirectory(p.resolve("corpus").resolve("promql"))) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** The test data directory; it is part of the repository, so its absence is a failure. */
    static Path requireSharedDir(String what) {
        Optional<Path> shared = sharedDir();
        if (shared.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail("The test corpus was not found (system property vigil.shared, "
                    + "../testdata): " + what + " cannot run.");
        }
        return shared.get();
    }

    static List<Line> read(Path file) throws IOException {
        List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            lines.add(new Line(i + 1, raw.get(i), decode(raw.get(i))));
        }
        return lines;
    }

    /**
     * Undoes the corpus escapes ({@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \xHH}) into bytes,
     * then reads the bytes as UTF-8. Returns null when they are not valid UTF-8.
     */
    static String decode(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        byte[] utf8 = escaped.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\\' && i + 1 < utf8.length) {
                byte n = utf8[i + 1];
                switch (n) {
                    case '\\' -> { bytes.write('\\'); i++; continue; }
                    case 'n' -> { bytes.write('\n'); i++; continue; }
                    case 'r' -> { bytes.write('\r'); i++; continue; }
                    case 't' -> { bytes.write('\t'); i++; continue; }
                    case 'x' -> {
                        if (i + 3 < utf8.length + 0 && isHex(utf8[i + 2]) && isHex(utf8[i + 3])) {
                            bytes.write(Integer.parseInt(new String(utf8, i + 2, 2, StandardCharsets.US_ASCII), 16));
                            i += 3;
                            continue;
                        }
                    }
                    default -> { }
                }
            }
            bytes.write(b);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
