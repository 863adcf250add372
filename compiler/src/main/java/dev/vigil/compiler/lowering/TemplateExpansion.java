package dev.vigil.compiler.lowering;

import dev.vigil.compiler.ast.Binding;
import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Decl.TemplateDecl;
import dev.vigil.compiler.ast.Decl.TemplateKind;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.ParamType;
import dev.vigil.compiler.ast.Scope;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.Values;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.diag.Diagnostic;
import dev.vigil.compiler.diag.DiagnosticSink;
import dev.vigil.compiler.diag.Ids;
import dev.vigil.compiler.diag.Suggest;
import dev.vigil.compiler.model.ExpressionChecks;
import dev.vigil.compiler.model.ModelBuilder;
import dev.vigil.compiler.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first lowering step: every {@code use} of a blueprint or template, and every {@code for} block, is
 * replaced by the declarations its body builds with the arguments bound, so the model builder, the checks
 * and the emitters see only ordinary declarations. Their spans lie in the template and say which
 * expansion they belong to. Each template is type-checked once, at its definition, with stand-ins for
 * its parameters; a template that fails that check is not expanded, so its errors are reported once.
 */
public final class TemplateExpansion {
    /** Deeper than any real library nests; deep enough to stop a runaway before it exhausts memory. */
    private static final int MAX_DEPTH = 16;
    /**
     * Expansions (uses and loop iterations) in one project: far beyond a fleet of thousands of services,
     * and a stop for templates that use each other ten times over, which grow exponentially with depth.
     */
    static final int MAX_EXPANSIONS = 250_000;
    private static final Pattern UNKNOWN_CONSTANT = Pattern.compile("Unknown constant `\\$([A-Za-z_][A-Za-z0-9_]*)`\\.");
    /** What a definition check keeps from the model builder: type and reference errors, not verdicts on stand-in values. */
    private static final List<String> DEFINITION_FAMILIES = List.of("PromQL", "Reuse", "Property", "Syntax");
    private static final Set<String> DEFINITION_IDS = Set.of(Ids.TYPE_MISMATCH, Ids.TYPE_UNKNOWN_KIND, Ids.REFERENCE_UNKNOWN);

    private final DiagnosticSink sink;
    private final Map<String, TemplateDecl> templates = new TreeMap<>();
    private final Map<String, Value> globals = new HashMap<>();
    private final Map<String, Map<String, Value>> serviceConstants = new HashMap<>();
    private final List<Decl> projectDecls = new ArrayList<>();
    private final Set<String> broken = new HashSet<>();
    private int expansions;
    /** The uses in each template's body (of other templates), for finding cycles at the definitions. */
    private final Map<String, List<Decl.Use>> usesOf = new TreeMap<>();
    /** While checking a definition: the uses its body holds. */
    private final List<Decl.Use> seenUses = new ArrayList<>();
    private boolean tooMany;

    private final TemplateArguments arguments;

    private TemplateExpansion(DiagnosticSink sink) {
        this.sink = sink;
        this.arguments = new TemplateArguments(sink, this::resolve, broken);
    }

    /** The files with every use and loop expanded; files come sorted by path, and so does the result. */
    public static List<VigilFile> expand(List<VigilFile> files, DiagnosticSink sink) {
        TemplateExpansion e = new TemplateExpansion(sink);
        e.collect(files);
        if (!e.anythingToExpand(files)) {
            return files;
        }
        e.templates.values().forEach(e::checkDefinition);
        e.reportCycles();
        List<VigilFile> out = new ArrayList<>();
        for (VigilFile f : files) {
            List<Decl> decls = new ArrayList<>();
            for (Decl d : f.decls()) {
                decls.add(d instanceof Decl.ServiceDecl s ? e.service(s) : d);
            }
            out.add(new VigilFile(f.path(), f.imports(), decls, f.comments(), f.span(), f.broken()));
        }
        return out;
    }

    private void collect(List<VigilFile> files) {
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof TemplateDecl t) {
                    TemplateDecl first = templates.putIfAbsent(t.name().text(), t);
                    if (first != null) {
                        sink.error(Ids.NAME_DUPLICATE, t.name().span(), "Template `" + t.name().text()
                                + "` is declared twice.", "The first is at " + first.name().span() + "; rename one.");
                    }
                } else if (d instanceof Decl.ConstDecl c) {
                    globals.putIfAbsent(c.name().text(), c.value());
                    projectDecls.add(d);
                } else if (d instanceof Decl.SeveritiesDecl || d instanceof Decl.SettingsDecl
                        || d instanceof Decl.AlertWindowsDecl) {
                    projectDecls.add(d);
                } else if (d instanceof Decl.ServiceDecl s) {
                    Map<String, Value> consts = serviceConstants.computeIfAbsent(s.name().text(), k -> new HashMap<>());
                    for (Decl.ServiceMember m : s.members()) {
                        if (m instanceof Decl.ConstDecl c) {
                            consts.putIfAbsent(c.name().text(), c.value());
                        }
                    }
                }
            }
        }
    }

    private boolean anythingToExpand(List<VigilFile> files) {
        if (!templates.isEmpty()) {
            return true;
        }
        for (VigilFile f : files) {
            for (Decl d : f.decls()) {
                if (d instanceof Decl.ServiceDecl s && s.members().stream().anyMatch(TemplateExpansion::expands)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean expands(Object member) {
        if (member instanceof Decl.Use || member instanceof Decl.ForEach) {
            return true;
        }
        if (member instanceof Decl.GroupDecl g) {
            return g.rules().stream().anyMatch(TemplateExpansion::expands);
        }
        return member instanceof Decl.DashboardDecl d && d.items().stream().anyMatch(TemplateExpansion::expands);
    }

    // ------------------------------------------------------------ expansion

    /** Where an expansion happens: the service, the templates it is inside (for recursion), and whether this is a definition check. */
    record Context(String service, Deque<String> templates, boolean checking) {
        Context inside(String template) {
            Deque<String> deeper = new ArrayDeque<>(templates);
            deeper.push(template);
            return new Context(service, deeper, checking);
        }
    }

    private Decl.ServiceDecl service(Decl.ServiceDecl s) {
        if (s.members().stream().noneMatch(TemplateExpansion::expands)) {
            return s;
        }
        Context ctx = new Context(s.name().text(), new ArrayDeque<>(), false);
        return new Decl.ServiceDecl(s.name(), s.extension(), members(s.members(), ctx), s.span());
    }

    private List<Decl.ServiceMember> members(List<?> members, Context ctx) {
        return expand(members, ctx, TemplateKind.BLUEPRINT, (m, at) -> {
            if (m instanceof Decl.GroupDecl g && g.rules().stream().anyMatch(TemplateExpansion::expands)) {
                return new Decl.GroupDecl(g.name(), g.interval(), g.limit(), rules(g.rules(), at), g.span());
            } else if (m instanceof Decl.DashboardDecl d && d.items().stream().anyMatch(TemplateExpansion::expands)) {
                return new Decl.DashboardDecl(d.name(), d.title(), items(d.items(), at), d.span());
            }
            return (Decl.ServiceMember) m;
        });
    }

    private List<Decl.RuleDecl> rules(List<?> rules, Context ctx) {
        return expand(rules, ctx, TemplateKind.RULES, (r, at) -> (Decl.RuleDecl) r);
    }

    private List<Decl.DashboardItem> items(List<?> items, Context ctx) {
        return expand(items, ctx, TemplateKind.PANELS, (i, at) -> (Decl.DashboardItem) i);
    }

    /**
     * The uses of {@code kind} and the loops among {@code items} expanded, in place; {@code kept} places the
     * rest, in the context of the expansion that holds it.
     */
    private <T> List<T> expand(List<?> items, Context ctx, TemplateKind kind,
            java.util.function.BiFunction<Object, Context, T> kept) {
        List<T> out = new ArrayList<>();
        for (Object i : items) {
            if (i instanceof Decl.Use u) {
                expandUse(u, kind, ctx, (body, inner) -> out.addAll(expand(body, inner, kind, kept)));
            } else if (i instanceof Decl.ForEach f) {
                expandLoop(f, ctx, (body, inner) -> out.addAll(expand(body, inner, kind, kept)));
            } else {
                out.add(kept.apply(i, ctx));
            }
        }
        return out;
    }

    /** Receives a built body and the context to expand what it holds in turn. */
    private interface Expanded {
        void accept(List<?> body, Context inner);
    }

    private void expandUse(Decl.Use use, TemplateKind place, Context ctx, Expanded then) {
        String name = use.template().text();
        seenUses.add(use);
        TemplateDecl t = templates.get(name);
        if (t == null) {
            String near = Suggest.closest(name, templates.keySet());
            sink.error(Ids.REFERENCE_UNKNOWN, use.template().span(), "Unknown template `" + name + "`.",
                    near != null ? "Did you mean `" + near + "`?"
                            : "Declare it with `" + place.keyword() + " " + name + "(...) { ... }`, or import the file "
                                    + "that does.");
            return;
        }
        if (t.kind() != place) {
            sink.error(Ids.REUSE_WRONG_PLACE, use.template().span(), "`" + name + "` is a `" + t.kind().keyword()
                    + "`, whose " + t.kind().holds() + " belong in " + t.kind().usedIn() + ", not in " + place.usedIn() + ".",
                    "Use it inside " + t.kind().usedIn() + ".");
            return;
        }
        if (ctx.templates().contains(name) || ctx.templates().size() >= MAX_DEPTH) {
            List<String> chain = new ArrayList<>(ctx.templates());
            java.util.Collections.reverse(chain);
            chain.add(name);
            sink.error(Ids.REUSE_RECURSIVE, use.span(), ctx.templates().contains(name)
                    ? "Template `" + name + "` uses itself: " + String.join(" → ", chain) + "."
                    : "Templates nest more than " + MAX_DEPTH + " deep here: " + String.join(" → ", chain) + ".",
                    "A template cannot expand into itself; move the shared part into a third template.");
            return;
        }
        Map<String, Binding> bindings = arguments.of(t, use, ctx);
        // A broken template's errors are at its definition; its uses still have their arguments checked.
        if (bindings == null || ctx.checking() || broken.contains(name)) {
            // A definition check verifies the signature of nested uses; their bodies are checked at their own definitions.
            return;
        }
        if (!budget(use.span())) {
            return;
        }
        Scope scope = t.body().enclosing().child(bindings, new Span.Via(Span.Via.Kind.TEMPLATE, name, use.span()), false);
        then.accept(t.body().build(scope, sink), ctx.inside(name));
    }

    private void expandLoop(Decl.ForEach f, Context ctx, Expanded then) {
        Optional<List<Value>> items = listItems(f.list(), ctx);
        if (items.isEmpty()) {
            return;
        }
        String variable = f.variable().text();
        List<Value> elements = items.get();
        if (ctx.checking() && elements.isEmpty()) {
            // A definition is checked whatever the list holds: an empty default still has a body to type.
            elements = List.of(new Value.StringValue("placeholder", f.span()));
        }
        for (Value item : elements) {
            if (!ctx.checking() && !budget(f.span())) {
                return;
            }
            Binding b = Binding.value(elementType(item), item);
            String shown = variable + " = " + (item instanceof Value.StringValue s ? "\"" + s.value() + "\"" : Values.text(item));
            Span.Via via = ctx.checking() ? null : new Span.Via(Span.Via.Kind.LOOP, shown, f.span());
            Map<String, Binding> bindings = new HashMap<>();
            bindings.put(variable, b);
            if (ctx.service() != null && !variable.equals("service")) {
                bindings.put("service", Binding.value(ParamType.STRING, new Value.StringValue(ctx.service(), f.span())));
            }
            Scope scope = f.body().enclosing().child(bindings, via, ctx.checking());
            then.accept(f.body().build(scope, sink), ctx);
        }
    }

    /** Counts one expansion; false, reported once, when the project has used up its budget. */
    private boolean budget(Span at) {
        if (++expansions <= MAX_EXPANSIONS) {
            return true;
        }
        if (!tooMany) {
            tooMany = true;
            sink.blocking(Ids.INPUT_TOO_LARGE, at, "The templates expand to more than " + MAX_EXPANSIONS
                    + " uses and loop iterations; expansion stops here.", "Templates that use others several times "
                            + "over grow with each level; flatten them, or split the project.");
        }
        return false;
    }

    private Optional<List<Value>> listItems(Value list, Context ctx) {
        Value v = resolve(list, ctx);
        if (v instanceof Value.ListValue l) {
            List<Value> items = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Value item : l.items()) {
                Value resolved = resolve(item, ctx);
                // A repeated element would build the same declarations twice, under one expansion note.
                if (resolved != null && !seen.add(Values.text(resolved))) {
                    sink.error(Ids.NAME_DUPLICATE, item.span(), "`" + Values.text(resolved) + "` is in this list twice, so "
                            + "the `for` body would be built twice for it.", "Remove the repeated element.");
                    continue;
                }
                items.add(resolved);
            }
            return Optional.of(items);
        }
        if (v != null) {
            sink.error(Ids.REUSE_LIST_EXPECTED, list.span(), "`for` needs a list, but this is " + v.kind() + ".",
                    "Write a list, such as `[\"orders\", \"payments\"]`, or a constant or parameter that holds one.");
        }
        return Optional.empty();
    }

    private static ParamType elementType(Value v) {
        if (v instanceof Value.NumberValue) {
            return ParamType.NUMBER;
        } else if (v instanceof Value.PercentValue) {
            return ParamType.PERCENTAGE;
        } else if (v instanceof Value.DurationValue) {
            return ParamType.DURATION;
        } else if (v instanceof Value.ListValue) {
            return ParamType.STRINGS;
        }
        return ParamType.STRING;
    }

    /** A constant's value in this service; null after reporting an unknown one. */
    private Value resolve(Value v, Context ctx) {
        if (!(v instanceof Value.ConstRefValue ref)) {
            return v;
        }
        Map<String, Value> local = ctx.service() == null ? Map.of() : serviceConstants.getOrDefault(ctx.service(), Map.of());
        Value found = local.containsKey(ref.name()) ? local.get(ref.name()) : globals.get(ref.name());
        if (found == null) {
            Set<String> known = new HashSet<>(globals.keySet());
            known.addAll(local.keySet());
            String near = Suggest.closest(ref.name(), known);
            sink.error(Ids.REFERENCE_UNKNOWN, ref.span(), "Unknown constant `$" + ref.name() + "`.",
                    near != null ? "Did you mean `$" + near + "`?" : "Declare it with `const " + ref.name() + " = ...`.");
            return null;
        }
        return found instanceof Value.ConstRefValue ? null : Values.respan(found, ref.span());
    }

    // ------------------------------------------------------------ definitions

    /**
     * Builds the body once with its defaults, or stand-ins of each parameter's type, and keeps what the
     * model builder and the PromQL type rules report inside it: a mistake there is the template's, whatever
     * the arguments, and is reported once, here. Verdicts on values (an objective out of range) wait for
     * real arguments.
     */
    private void checkDefinition(TemplateDecl t) {
        boolean ok = true;
        Map<String, Binding> standIns = new HashMap<>();
        Context ctx = new Context(null, new ArrayDeque<>(List.of(t.name().text())), true);
        for (Decl.Param p : t.params()) {
            String name = p.name().text();
            Optional<ParamType> type = ParamType.parse(p.type().text());
            if (standIns.containsKey(name)) {
                Span first = t.params().stream().filter(q -> q.name().text().equals(name)).findFirst().orElseThrow()
                        .name().span();
                sink.error(Ids.REUSE_PARAMETER, p.name().span(), "Parameter `" + name + "` is declared twice.",
                        "It is first declared at " + first + "; remove or rename one.");
                ok = false;
            } else if (name.equals("service")) {
                sink.error(Ids.REUSE_PARAMETER, p.name().span(), "A parameter cannot be named `service`: `$service` is "
                        + "always the name of the service the template is used in.",
                        "Rename the parameter, or read `$service` without declaring it.");
                ok = false;
            } else if (type.isEmpty()) {
                String near = Suggest.closest(p.type().text(), ParamType.keywords());
                sink.error(Ids.REUSE_PARAMETER, p.type().span(), "`" + p.type().text() + "` is not a parameter type.",
                        near != null ? "Did you mean `" + near + "`?" : "The types are " + TemplateArguments.listed(ParamType.keywords()) + ".");
                ok = false;
                // A stand-in of the likely type, so that the body's `$name` does not read as an unknown constant.
                ParamType likely = near != null ? ParamType.parse(near).orElseThrow()
                        : p.defaultValue() != null && p.defaultValue().value() != null ? elementType(p.defaultValue().value())
                        : null;
                if (likely != null) {
                    standIns.put(name, likely.placeholder(p.name().span()));
                }
            } else {
                Binding b = p.defaultValue() == null ? null : arguments.bind(type.get(), p.defaultValue(), p, ctx);
                ok &= p.defaultValue() == null || b != null;
                standIns.put(name, b != null ? b : type.get().placeholder(p.name().span()));
            }
        }
        standIns.put("service", Binding.value(ParamType.STRING, new Value.StringValue("placeholder", t.name().span())));
        Scope scope = t.body().enclosing().child(standIns, null, true);
        DiagnosticSink built = new DiagnosticSink();
        List<?> body = t.body().build(scope, built);
        DiagnosticSink outer = new DiagnosticSink();
        Span at = t.name().span();
        Name placeholder = new Name("placeholder", at);
        // Nested uses are checked against their signatures, loops are built: all into `outer`.
        TemplateExpansion nested = forDefinition(outer);
        List<Decl.ServiceMember> members = switch (t.kind()) {
            case BLUEPRINT -> nested.members(body, ctx);
            case RULES -> List.of(new Decl.GroupDecl(placeholder, null, null, nested.rules(body, ctx), at));
            case PANELS -> List.of(new Decl.DashboardDecl(placeholder, null, nested.items(body, ctx), at));
        };
        usesOf.put(t.name().text(), List.copyOf(nested.seenUses));
        List<Decl> decls = new ArrayList<>(projectDecls);
        decls.add(new Decl.ServiceDecl(placeholder, false, members, at));
        DiagnosticSink model = new DiagnosticSink();
        ExpressionChecks.run(ModelBuilder.build(List.of(new VigilFile(t.span().file(), List.of(), decls, List.of(), t.span())),
                model), model);
        for (Diagnostic d : built.sorted()) {
            sink.report(d);
            ok &= !d.isError();
        }
        for (Diagnostic d : outer.sorted()) {
            sink.report(d);
            ok &= !d.isError();
        }
        for (Diagnostic d : model.sorted()) {
            if (d.isError() && inside(d.span(), t.span()) && definitional(d)) {
                sink.report(serviceConstantHint(d, t));
                ok = false;
            }
        }
        for (Decl.Param p : t.params()) {
            if (!scope.used().contains(p.name().text()) && ok) {
                sink.warning(Ids.REUSE_UNUSED_PARAMETER, p.name().span(), "Template `" + t.name().text()
                        + "` never uses its parameter `" + p.name().text() + "`.",
                        "Use it as `$" + p.name().text() + "` in the body, or remove it.");
            }
        }
        if (!ok) {
            broken.add(t.name().text());
        }
    }

    /**
     * An unknown constant in a body that some service declares: the likely mistake is expecting the body
     * to see the using service's constants, which it does not.
     */
    private Diagnostic serviceConstantHint(Diagnostic d, TemplateDecl template) {
        Matcher unknown = UNKNOWN_CONSTANT.matcher(d.message());
        if (!d.code().equals(Ids.REFERENCE_UNKNOWN) || !unknown.matches()
                || d.hint() != null && d.hint().startsWith("Did you mean")) {
            return d;
        }
        String name = unknown.group(1);
        if (template != null && template.params().stream().anyMatch(p -> p.name().text().equals(name))) {
            return new Diagnostic(d.code(), d.severity(), d.span(), d.message(), "`" + name + "` is a parameter of `"
                    + template.name().text() + "`, which a default cannot use: defaults are fixed values. Pass the value "
                    + "at each use, or give the query a matchers parameter.", d.fix(), d.blocking());
        }
        return new TreeMap<>(serviceConstants).entrySet().stream().filter(e -> e.getValue().containsKey(name)).findFirst()
                .map(e -> new Diagnostic(d.code(), d.severity(), d.span(), d.message(), "A template sees its parameters "
                        + "and the project's constants, not the constants of service `" + e.getKey() + "`: add a parameter `"
                        + name + "`, or declare `const " + name + "` outside the services.", d.fix(), d.blocking()))
                .orElse(d);
    }

    /**
     * Templates that use each other in a cycle, found at their definitions whether or not anything uses
     * them: reported once per cycle, at the `use` that closes it, and none of them is expanded. A template
     * that uses itself directly is reported while its body is checked.
     */
    private void reportCycles() {
        Map<String, Integer> state = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (String start : usesOf.keySet()) {
            visit(start, new ArrayDeque<>(), state, reported);
        }
    }

    private void visit(String name, Deque<String> path, Map<String, Integer> state, Set<String> reported) {
        if (state.getOrDefault(name, 0) == 2) {
            return;
        }
        state.put(name, 1);
        path.addLast(name);
        for (Decl.Use u : usesOf.getOrDefault(name, List.of())) {
            String next = u.template().text();
            if (next.equals(name) || !templates.containsKey(next)) {
                continue;
            }
            if (state.getOrDefault(next, 0) == 1) {
                List<String> cycle = new ArrayList<>(path);
                cycle = new ArrayList<>(cycle.subList(cycle.indexOf(next), cycle.size()));
                if (reported.add(String.join(",", new java.util.TreeSet<>(cycle)))) {
                    broken.addAll(cycle);
                    cycle.add(next);
                    sink.error(Ids.REUSE_RECURSIVE, u.span(), "Template `" + next + "` uses itself: "
                            + String.join(" → ", cycle) + ".",
                            "A template cannot expand into itself; move the shared part into a third template.");
                }
            } else {
                visit(next, path, state, reported);
            }
        }
        path.removeLast();
        state.put(name, 2);
    }

    /** An expander sharing this one's templates and constants, reporting into {@code into}. */
    private TemplateExpansion forDefinition(DiagnosticSink into) {
        TemplateExpansion e = new TemplateExpansion(into);
        e.templates.putAll(templates);
        e.globals.putAll(globals);
        e.projectDecls.addAll(projectDecls);
        return e;
    }

    private static boolean inside(Span s, Span template) {
        return s.file().equals(template.file()) && s.line() >= template.line() && s.endLine() <= template.endLine();
    }

    private static boolean definitional(Diagnostic d) {
        return DEFINITION_IDS.contains(d.code()) || DEFINITION_FAMILIES.stream().anyMatch(d::inFamily);
    }
}
