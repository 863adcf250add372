package dev.vigil.compiler.index;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.parse.VigilSourceParser;
import dev.vigil.compiler.promql.VectorSelector;
import dev.vigil.compiler.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * Whether a name can stand for a symbol of a kind, decided by the compiler's own parser: the name is put
 * where the kind is declared and where it is referred to, in a small probe file, and must parse there as
 * that one name. What the lexer takes as a name, which keywords the grammar allows where, and how a metric
 * name may use colons are then the language's rules, not a copy of them.
 */
final class NameRules {
    private NameRules() {
    }

    /** Empty when {@code name} is valid for {@code kind}, else why not. */
    static Optional<String> problem(SymbolKind kind, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A name cannot be empty.");
        }
        // A probe file is one line per use; a line break or a comment opener would change its meaning.
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '/' || c == '#' || c == '$')) {
            return Optional.of("`" + name + "` is not a valid " + kind.noun() + " name: " + expected(kind) + ".");
        }
        boolean ok;
        try {
            ok = switch (kind) {
                case ALERT -> alert(name);
                case RECORDING_RULE -> recording(name);
                case CONSTANT -> constant(name);
                case RECEIVER -> receiver(name);
                case PANEL -> panel(name);
                case TEMPLATE -> template(name);
                default -> false;
            };
        } catch (RuntimeException parsedOtherwise) {
            // The probe parsed into another shape than the one name: not a name of this kind.
            ok = false;
        }
        return ok ? Optional.empty()
                : Optional.of("`" + name + "` is not a valid " + kind.noun() + " name: " + expected(kind) + ".");
    }

    private static String expected(SymbolKind kind) {
        return switch (kind) {
            case RECORDING_RULE -> "a metric name, letters, digits, `_` and `:`, not starting with a digit";
            case CONSTANT -> "letters, digits and `_`, not starting with a digit";
            default -> "a name of letters, digits and `_`, not starting with a digit";
        };
    }

    private static Optional<VigilFile> parse(String text) {
        try {
            return VigilSourceParser.parse(new SourceFile("<rename>", text), new DiagnosticSink());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static <T> List<T> members(VigilFile f, Class<T> type) {
        return f.decls().stream().filter(d -> d instanceof Decl.ServiceDecl).map(d -> (Decl.ServiceDecl) d)
                .flatMap(s -> s.members().stream()).filter(type::isInstance).map(type::cast).toList();
    }

    private static Decl.RoutingDecl routing(VigilFile f) {
        return f.decls().stream().filter(d -> d instanceof Decl.RoutingDecl).map(d -> (Decl.RoutingDecl) d).findFirst()
                .orElse(null);
    }

    private static boolean alert(String name) {
        // Declared, and referred to bare (an inhibit rule, a test), which is stricter than a declaration's string.
        return parse("service probe { group probe { alert " + name + " { } } }\nrouting { inhibit " + name + " while "
                + name + " }").map(f -> {
                    Decl.GroupDecl g = members(f, Decl.GroupDecl.class).get(0);
                    Decl.Inhibit in = (Decl.Inhibit) routing(f).items().get(0);
                    return g.rules().get(0).name().text().equals(name) && in.target().alert() != null
                            && in.target().alert().text().equals(name) && in.source().alert() != null
                            && in.source().alert().text().equals(name);
                }).orElse(false);
    }

    private static boolean recording(String name) {
        return parse("service probe { group probe { record " + name + " = " + name + " } }").map(f -> {
            Decl.RecordDecl r = (Decl.RecordDecl) members(f, Decl.GroupDecl.class).get(0).rules().get(0);
            return r.name().text().equals(name) && r.expr() instanceof VectorSelector v && name.equals(v.metricName())
                    && v.matchers().isEmpty();
        }).orElse(false);
    }

    private static boolean constant(String name) {
        return parse("const " + name + " = $" + name).map(f -> {
            Decl.ConstDecl c = (Decl.ConstDecl) f.decls().get(0);
            return c.name().text().equals(name) && c.value() instanceof Value.ConstRefValue r && r.name().equals(name);
        }).orElse(false);
    }

    private static boolean receiver(String name) {
        return parse("routing {\nreceiver " + name + " webhook { }\nroute default to " + name + "\n}").map(f -> {
            List<Decl.RoutingItem> items = routing(f).items();
            return ((Decl.Receiver) items.get(0)).name().text().equals(name)
                    && ((Decl.RouteItem) items.get(1)).route().receiver().text().equals(name);
        }).orElse(false);
    }

    private static boolean panel(String name) {
        return parse("service probe {\ndashboard probe { timeseries " + name + " \"t\" { } }\ngroup probe { alert A { panel probe."
                + name + " } }\n}").map(f -> {
                    Decl.DashboardDecl d = members(f, Decl.DashboardDecl.class).get(0);
                    Decl.AlertDecl a = (Decl.AlertDecl) members(f, Decl.GroupDecl.class).get(0).rules().get(0);
                    Decl.PanelLink link = (Decl.PanelLink) a.properties().get(0);
                    return ((Decl.Panel) d.items().get(0)).name().text().equals(name) && link.panel().second() != null
                            && link.panel().second().text().equals(name);
                }).orElse(false);
    }

    private static boolean template(String name) {
        return parse("template rules " + name + "() { }\nservice probe { group probe { use " + name + "() } }").map(f -> {
            Decl.TemplateDecl t = (Decl.TemplateDecl) f.decls().get(0);
            Decl.Use u = (Decl.Use) members(f, Decl.GroupDecl.class).get(0).rules().get(0);
            return t.name().text().equals(name) && u.template().text().equals(name);
        }).orElse(false);
    }
}
