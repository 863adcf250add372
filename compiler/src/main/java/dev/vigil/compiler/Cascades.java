package dev.vigil.compiler;

import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.validate.Validator;
import dev.vigil.compiler.validate.alertmanager.ShadowedRoute;
import dev.vigil.compiler.validate.alertmanager.UnusedReceiver;
import dev.vigil.compiler.validate.naming.UndefinedMetric;
import dev.vigil.compiler.validate.routing.NoReceiver;
import dev.vigil.compiler.validate.test.ExpectedName;
import dev.vigil.compiler.validate.test.RoutingExpectation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings that follow only from a declaration the parser had to leave out, dropped while the syntax
 * error stands: "unknown alert `X`" when X is the alert being typed, "receiver not used" when the
 * route to it is the damaged one. Each damaged declaration keeps the names it mentions
 * ({@link VigilFile.Broken}), so only findings about those names go.
 */
final class Cascades {
    /** Findings about one name that may be missing, or unused, only because of a damaged declaration. */
    private static final Set<String> ABOUT_A_NAME = Set.of(Ids.REFERENCE_UNKNOWN, Ids.TEST_UNCOVERED,
            Validator.idOf(UndefinedMetric.class), Validator.idOf(ExpectedName.class),
            Validator.idOf(UnusedReceiver.class));

    /** Findings about where alerts go: any damage to the routing tree makes them guesses. */
    private static final Set<String> ABOUT_ROUTES = Set.of(Validator.idOf(NoReceiver.class),
            Validator.idOf(ShadowedRoute.class), Validator.idOf(RoutingExpectation.class),
            Validator.idOf(UnusedReceiver.class));

    private static final Set<String> ROUTING_WORDS = Set.of("routing", "receiver", "route", "inhibit", "time_interval");

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");

    private final Set<String> names;
    private final Set<String> damagedFiles;
    private final boolean routingDamaged;

    private Cascades(Set<String> names, Set<String> damagedFiles, boolean routingDamaged) {
        this.names = names;
        this.damagedFiles = damagedFiles;
        this.routingDamaged = routingDamaged;
    }

    static Cascades of(List<VigilFile> files) {
        Set<String> names = new HashSet<>();
        Set<String> damaged = new HashSet<>();
        boolean routing = false;
        for (VigilFile f : files) {
            for (VigilFile.Broken b : f.broken()) {
                names.addAll(b.names());
                damaged.add(f.path());
                routing |= ROUTING_WORDS.contains(b.keyword());
            }
        }
        return new Cascades(names, damaged, routing);
    }

    List<Diagnostic> drop(List<Diagnostic> diagnostics) {
        if (damagedFiles.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().filter(d -> !follows(d)).toList();
    }

    private boolean follows(Diagnostic d) {
        if (d.isError() && Ids.sameGroup(d.code(), Ids.SYNTAX_UNEXPECTED_TOKEN)) {
            return false;
        }
        if (ABOUT_A_NAME.contains(d.code()) && mentionsDamaged(d.message())) {
            return true;
        }
        if (routingDamaged && ABOUT_ROUTES.contains(d.code())) {
            return true;
        }
        // The finding a `vigil:ignore` comment was for may be in the damaged declaration.
        return d.code().equals(Ids.SUPPRESSION_UNUSED) && damagedFiles.contains(d.span().file());
    }

    private boolean mentionsDamaged(String message) {
        Matcher code = CODE.matcher(message);
        while (code.find()) {
            Matcher word = WORD.matcher(code.group(1));
            while (word.find()) {
                if (names.contains(word.group())) {
                    return true;
                }
            }
        }
        return false;
    }
}
