package dev.vigil.compiler.validate;

import dev.vigil.compiler.diag.Suggest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The documentation page of each check (docs/checks/ID.md, packaged in the jar), for `--explain`. */
public final class Explanations {
    private Explanations() {
    }

    public static Optional<String> page(String id) {
        if (!id.matches("[A-Za-z]+(\\.[A-Za-z]+)*")) {
            return Optional.empty();
        }
        try (InputStream in = Explanations.class.getResourceAsStream("/dev/vigil/compiler/checks/" + id + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every documented check id, sorted. */
    public static List<String> ids() {
        return Validators.builtIn().all().stream().map(Validator::id).filter(id -> page(id).isPresent()).sorted().toList();
    }

    public static String suggestion(String id) {
        return Suggest.closest(id, ids());
    }
}
