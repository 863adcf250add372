package dev.vigil.lsp.features;

import dev.vigil.compiler.ast.Decl;
import dev.vigil.compiler.ast.Name;
import dev.vigil.compiler.ast.Value;
import dev.vigil.compiler.ast.VigilFile;
import dev.vigil.compiler.source.Span;
import dev.vigil.lsp.text.LineIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of a file from the compiler's syntax tree: services with their constants, metrics,
 * groups (recording rules and alerts), SLOs, dashboards (rows, panels, variables) and tests; routing
 * with receivers, routes, time intervals, inhibit rules and routing tests; templates with their
 * parameters; constants, severities, settings, catalogue, Kubernetes and checks blocks. A declaration
 * of a kind this class does not know (one added to the compiler later) is left out, not an error.
 *
 * <p>Kinds: service Module, group and routing and row Namespace, alert Event, recording rule Variable,
 * metric Field, constant Constant, SLO Object, alert windows Struct, dashboard Class, panel Struct,
 * dashboard variable Variable, test and routing test Method, receiver Interface, route Key, time
 * interval Object, inhibit rule Operator, template Function (parameters TypeParameter), template use
 * Constructor, {@code for} block Array, severities Enum (levels EnumMember), settings-like blocks Object.
 */
final class DocumentSymbols implements Handler<DocumentSymbolParams, List<Either<SymbolInformation, DocumentSymbol>>> {
    @Override
    public List<Either<SymbolInformation, DocumentSymbol>> handle(RequestContext context, DocumentSymbolParams params) {
        Optional<Path> file = context.path(params.getTextDocument().getUri());
        if (file.isEmpty()) {
            return List.of();
        }
        Optional<LineIndex> lines = context.lines(file.get());
        Optional<VigilFile> parsed = lines.flatMap(l -> context.snapshot().parsed(file.get(), l.text()));
        if (parsed.isEmpty()) {
            return List.of();
        }
        return symbols(parsed.get(), lines.get()).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList();
    }

    /** The file's symbols, top-level declarations in source order. */
    static List<DocumentSymbol> symbols(VigilFile file, LineIndex lines) {
        Builder b = new Builder(lines);
        List<DocumentSymbol> out = new ArrayList<>();
        for (Decl d : file.decls()) {
            b.decl(d).ifPresent(out::add);
        }
        return out;
    }

    private static final class Builder {
        private final LineIndex lines;

        Builder(LineIndex lines) {
            this.lines = lines;
        }

        Optional<DocumentSymbol> decl(Decl d) {
            if (d instanceof Decl.ConstDecl c) {
                return Optional.of(sym(c.name(), null, SymbolKind.Constant, c.span()));
            } else if (d instanceof Decl.SeveritiesDecl s) {
                DocumentSymbol out = sym("severities", null, SymbolKind.Enum, s.span(), null);
                s.levels().forEach(l -> out.getChildren().add(sym(l, null, SymbolKind.EnumMember, l.span())));
                return Optional.of(out);
            } else if (d instanceof Decl.SettingsDecl s) {
                return Optional.of(sym("settings", null, SymbolKind.Object, s.span(), null));
            } else if (d instanceof Decl.CatalogueDecl c) {
                return Optional.of(sym("catalogue", null, SymbolKind.Object, c.span(), null));
            } else if (d instanceof Decl.KubernetesDecl k) {
                return Optional.of(sym("kubernetes", null, SymbolKind.Object, k.span(), null));
            } else if (d instanceof Decl.ChecksDecl c) {
                DocumentSymbol out = sym("checks", null, SymbolKind.Object, c.span(), null);
                c.overrides().forEach(o -> out.getChildren().add(sym(o.check().toString(),
                        o.level() == null ? null : o.level().text(), SymbolKind.Property, o.span(), o.check().span())));
                return Optional.of(out);
            } else if (d instanceof Decl.ServiceDecl s) {
                DocumentSymbol out = sym(s.name(), s.extension() ? "extend service" : "service", SymbolKind.Module, s.span());
                s.members().forEach(m -> member(m).ifPresent(out.getChildren()::add));
                return Optional.of(out);
            } else if (d instanceof Decl.RoutingDecl r) {
                DocumentSymbol out = sym("routing", null, SymbolKind.Namespace, r.span(), null);
                r.items().forEach(i -> routing(i).ifPresent(out.getChildren()::add));
                return Optional.of(out);
            } else if (d instanceof Decl.TemplateDecl t) {
                DocumentSymbol out = sym(t.name(), t.kind() == null ? null : t.kind().keyword(), SymbolKind.Function, t.span());
                t.params().forEach(p -> out.getChildren().add(sym(p.name(), p.type() == null ? null : p.type().text(),
                        SymbolKind.TypeParameter, p.span())));
                return Optional.of(out);
            } else if (d instanceof Decl.AlertWindowsDecl w) {
                return Optional.of(sym(w.name(), "alert_windows", SymbolKind.Struct, w.span()));
            }
            return Optional.empty();
        }

        Optional<DocumentSymbol> member(Decl.ServiceMember m) {
            if (m instanceof Decl.ConstDecl c) {
                return Optional.of(sym(c.name(), null, SymbolKind.Constant, c.span()));
            } else if (m instanceof Decl.MetricDecl metric) {
                return Optional.of(sym(metric.name(), metric.type() == null ? null : metric.type().text(),
                        SymbolKind.Field, metric.span()));
            } else if (m instanceof Decl.GroupDecl g) {
                DocumentSymbol out = sym(g.name(), "group", SymbolKind.Namespace, g.span());
                g.rules().forEach(r -> rule(r).ifPresent(out.getChildren()::add));
                return Optional.of(out);
            } else if (m instanceof Decl.SloDecl s) {
                return Optional.of(sym(s.name(), "slo", SymbolKind.Object, s.span()));
            } else if (m instanceof Decl.DashboardDecl dash) {
                DocumentSymbol out = sym(dash.name(), text(dash.title()), SymbolKind.Class, dash.span());
                dash.items().forEach(i -> dashboardItem(i).ifPresent(out.getChildren()::add));
                return Optional.of(out);
            } else if (m instanceof Decl.TestDecl t) {
                return Optional.of(sym(Optional.ofNullable(text(t.name())).orElse("test"), "test", SymbolKind.Method,
                        t.span(), t.name() == null ? null : t.name().span()));
            } else if (m instanceof Decl.KubernetesDecl k) {
                return Optional.of(sym("kubernetes", null, SymbolKind.Object, k.span(), null));
            }
            return reuse(m);
        }

        Optional<DocumentSymbol> rule(Decl.RuleDecl r) {
            if (r instanceof Decl.RecordDecl rec) {
                return Optional.of(sym(rec.name(), "record", SymbolKind.Variable, rec.span()));
            } else if (r instanceof Decl.AlertDecl a) {
                return Optional.of(sym(a.name(), "alert", SymbolKind.Event, a.span()));
            }
            return reuse(r);
        }

        Optional<DocumentSymbol> dashboardItem(Decl.DashboardItem i) {
            if (i instanceof Decl.Row row) {
                DocumentSymbol out = sym(Optional.ofNullable(text(row.title())).orElse("row"), "row", SymbolKind.Namespace,
                        row.span(), row.title() == null ? null : row.title().span());
                row.panels().forEach(p -> out.getChildren().add(panel(p)));
                return Optional.of(out);
            } else if (i instanceof Decl.Panel p) {
                return Optional.of(panel(p));
            } else if (i instanceof Decl.Variable v) {
                return Optional.of(sym(v.name(), "variable", SymbolKind.Variable, v.span()));
            }
            return reuse(i);
        }

        DocumentSymbol panel(Decl.Panel p) {
            String type = p.type() == null ? "panel" : p.type().text();
            if (p.name() != null) {
                return sym(p.name(), type + (p.title() != null ? " " + text(p.title()) : ""), SymbolKind.Struct, p.span());
            }
            return sym(Optional.ofNullable(text(p.title())).orElse(type), type, SymbolKind.Struct, p.span(), null);
        }

        Optional<DocumentSymbol> routing(Decl.RoutingItem i) {
            if (i instanceof Decl.Receiver r) {
                return Optional.of(sym(r.name(), r.type() == null ? "receiver" : r.type().text(), SymbolKind.Interface,
                        r.span()));
            } else if (i instanceof Decl.RouteItem r) {
                return Optional.of(route(r.route()));
            } else if (i instanceof Decl.TimeInterval t) {
                return Optional.of(sym(t.name(), "time interval", SymbolKind.Object, t.span()));
            } else if (i instanceof Decl.Inhibit in) {
                return Optional.of(sym(header(in.span()), null, SymbolKind.Operator, in.span(), null));
            } else if (i instanceof Decl.RoutingTest t) {
                return Optional.of(sym(Optional.ofNullable(text(t.name())).orElse("test"), "routing test", SymbolKind.Method,
                        t.span(), t.name() == null ? null : t.name().span()));
            }
            return Optional.empty();
        }

        DocumentSymbol route(Decl.Route r) {
            String words = header(r.span());
            DocumentSymbol out = sym(words.startsWith("route ") ? words : "route " + words, r.receiver() == null ? null : r.receiver().text(),
                    SymbolKind.Key, r.span(), null);
            r.children().forEach(c -> out.getChildren().add(route(c)));
            return out;
        }

        /** A template's use or a {@code for} block, which may stand among members, rules and dashboard items. */
        Optional<DocumentSymbol> reuse(Object item) {
            if (item instanceof Decl.Use u) {
                return Optional.of(sym("use " + u.template().text(), null, SymbolKind.Constructor, u.span(),
                        u.template().span()));
            } else if (item instanceof Decl.ForEach f) {
                return Optional.of(sym("for " + f.variable().text(), null, SymbolKind.Array, f.span(), f.variable().span()));
            }
            return Optional.empty();
        }

        /** The words a declaration starts with, up to its brace: how a route or inhibit rule reads. */
        String header(Span span) {
            String text = lines.text();
            int start = lines.offset(span.line(), span.column());
            int end = lines.offset(span.endLine(), span.endColumn());
            int brace = text.indexOf('{', start);
            int stop = brace >= 0 && brace < end ? brace : end;
            String words = text.substring(start, Math.max(start, stop)).replaceAll("\\s+", " ").strip();
            return words.length() > 80 ? words.substring(0, 79) + "…" : words.isEmpty() ? "?" : words;
        }

        DocumentSymbol sym(Name name, String detail, SymbolKind kind, Span span) {
            return sym(name == null ? "?" : name.text(), detail, kind, span, name == null ? null : name.span());
        }

        DocumentSymbol sym(String name, String detail, SymbolKind kind, Span span, Span nameSpan) {
            Range range = lines.range(span);
            Range selection = nameSpan == null ? range : lines.range(nameSpan);
            if (!contains(range, selection)) {
                selection = range;
            }
            DocumentSymbol s = new DocumentSymbol(name.isBlank() ? "?" : name, kind, range, selection, detail);
            s.setChildren(new ArrayList<>());
            return s;
        }
    }

    static String text(Value v) {
        if (v == null) {
            return null;
        }
        return v instanceof Value.StringValue s ? s.value() : null;
    }

    static boolean contains(Range outer, Range inner) {
        return !before(inner.getStart(), outer.getStart()) && !before(outer.getEnd(), inner.getEnd());
    }

    private static boolean before(Position x, Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }
}
