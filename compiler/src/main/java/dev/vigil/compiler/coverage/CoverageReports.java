package dev.vigil.compiler.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.compiler.coverage.Coverage.Item;
import dev.vigil.compiler.coverage.Coverage.Point;
import dev.vigil.compiler.coverage.Coverage.Witness;
import dev.vigil.compiler.model.TestCoverage;
import dev.vigil.compiler.model.TestCoverage.Kind;
import dev.vigil.compiler.source.Span;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Coverage} as text for a terminal, as JSON, and as a Markdown summary for a CI job's page.
 * The totals count the points of the kinds {@code requirement} counts (every kind unless {@code
 * test_coverage_kinds} says otherwise); the tables show every kind.
 */
public final class CoverageReports {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> ALERT_POINTS = List.of(Coverage.FIRES, Coverage.SILENT, Coverage.NO_TRAFFIC);

    private CoverageReports() {
    }

    /** {@code 41 of 42 points (97.6%)}, with what is required when something is. */
    public static String headline(Coverage c, TestCoverage requirement) {
        Set<Kind> kinds = requirement.kinds();
        String line = c.covered(kinds) + " of " + c.points(kinds) + " points (" + percent(c.percent(kinds)) + ")";
        if (requirement.required()) {
            line += "; " + percent(requirement.minimumPercent()) + " required";
        }
        if (!kinds.containsAll(EnumSet.allOf(Kind.class))) {
            line += " of " + String.join(", ", kinds.stream().map(CoverageReports::title).toList());
        }
        return line;
    }

    // ------------------------------------------------------------------ text

    /** A table per kind, one row per object; a missing point is {@code no}, one that does not apply {@code -}. */
    public static String text(Coverage c, TestCoverage requirement) {
        StringBuilder out = new StringBuilder("Test coverage: ").append(headline(c, requirement)).append('\n');
        for (Kind kind : Kind.values()) {
            List<Item> items = c.of(Set.of(kind));
            if (items.isEmpty()) {
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            List<String> columns = columns(kind);
            for (Item i : items) {
                if (kind == Kind.SLOS) {
                    rows.add(new String[] {"  " + i.name() + scenarios(i), null});
                    for (String alert : alerts(i)) {
                        rows.add(row("    " + alert, columns, i, alert));
                    }
                } else {
                    rows.add(row("  " + i.name(), columns, i, null));
                }
            }
            int width = title(kind).length();
            for (String[] r : rows) {
                if (r[1] != null) {
                    width = Math.max(width, r[0].length());
                }
            }
            out.append('\n').append(pad(title(kind), width)).append("  ").append(header(columns)).append('\n');
            for (String[] r : rows) {
                out.append(r[1] == null ? r[0] : pad(r[0], width) + "  " + r[1]).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] row(String name, List<String> columns, Item i, String alert) {
        StringBuilder cells = new StringBuilder();
        for (int k = 0; k < columns.size(); k++) {
            Point p = point(i, columns.get(k), alert);
            cells.append(pad(p == null ? "-" : p.covered() ? "yes" : "no", label(columns.get(k)).length()
                    + (k < columns.size() - 1 ? 2 : 0)));
        }
        // An object not fully tested says where it is declared.
        String line = !i.covered() && alert == null && !i.span().isNone() ? cells + "  " + at(i.span())
                : cells.toString().stripTrailing();
        return new String[] {name, line};
    }

    private static String header(List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (String c : columns) {
            out.append(label(c)).append("  ");
        }
        return out.toString().stripTrailing();
    }

    private static List<String> columns(Kind kind) {
        return switch (kind) {
            case ALERTS, SLOS -> ALERT_POINTS;
            case ROUTES -> List.of(Coverage.REACHED);
            case INHIBITIONS -> List.of(Coverage.INHIBITS);
            case RECORDING_RULES -> List.of(Coverage.READ);
        };
    }

    private static Point point(Item i, String name, String alert) {
        for (Point p : i.points()) {
            if (p.name().equals(name) && (alert == null || alert.equals(p.alert()))) {
                return p;
            }
        }
        return null;
    }

    /** The burn-rate alerts of an SLO's points, in order. */
    private static List<String> alerts(Item i) {
        return i.points().stream().map(Point::alert).distinct().toList();
    }

    private static String scenarios(Item i) {
        return " (generated: " + (i.scenarios().isEmpty() ? "none" : String.join(", ", i.scenarios())) + ")";
    }

    // ------------------------------------------------------------------ JSON

    /** The report as one JSON object (see docs/testing.md, "Coverage"). */
    public static ObjectNode json(Coverage c, TestCoverage requirement) {
        Set<Kind> kinds = requirement.kinds();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("covered", c.covered(kinds));
        root.put("points", c.points(kinds));
        root.put("percent", c.percent(kinds));
        if (requirement.required()) {
            root.put("required", requirement.minimumPercent());
        } else {
            root.putNull("required");
        }
        root.put("meets", c.meets(requirement));
        ArrayNode counted = root.putArray("kinds");
        kinds.stream().sorted().forEach(k -> counted.add(k.keyword()));
        ObjectNode byKind = root.putObject("byKind");
        for (Kind k : Kind.values()) {
            byKind.putObject(k.keyword()).put("covered", c.covered(Set.of(k))).put("points", c.points(Set.of(k)));
        }
        ArrayNode items = root.putArray("items");
        for (Item i : c.items()) {
            ObjectNode n = items.addObject();
            n.put("kind", i.kind().keyword());
            n.put("service", i.service());
            n.put("name", i.name());
            place(n, i.span());
            n.put("covered", i.covered());
            ArrayNode points = n.putArray("points");
            for (Point p : i.points()) {
                ObjectNode pn = points.addObject();
                pn.put("point", p.name());
                if (p.alert() != null) {
                    pn.put("alert", p.alert());
                }
                pn.put("covered", p.covered());
                ArrayNode by = pn.putArray("tests");
                for (Witness w : p.by()) {
                    ObjectNode wn = by.addObject();
                    wn.put("test", w.test());
                    place(wn, w.span());
                }
            }
            if (!i.rateInputs().isEmpty()) {
                ArrayNode in = n.putArray("rateInputs");
                i.rateInputs().forEach(in::add);
            }
            if (i.kind() == Kind.SLOS) {
                ArrayNode sc = n.putArray("scenarios");
                i.scenarios().forEach(sc::add);
            }
        }
        return root;
    }

    /** {@link #json} as text. */
    public static String jsonText(Coverage c, TestCoverage requirement) {
        try {
            return MAPPER.writeValueAsString(json(c, requirement)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void place(ObjectNode n, Span s) {
        if (s == null || s.isNone()) {
            n.putNull("file");
            n.putNull("line");
        } else {
            n.put("file", s.file());
            n.put("line", s.line());
        }
    }

    // ------------------------------------------------------------------ Markdown

    /** The totals per kind and every object not fully tested, for a pull request or a CI job's summary page. */
    public static String markdown(Coverage c, TestCoverage requirement) {
        StringBuilder out = new StringBuilder("### Vigil test coverage: ").append(headline(c, requirement))
                .append("\n\n| kind | points met | share |\n|---|---|---|\n");
        for (Kind k : Kind.values()) {
            Set<Kind> one = Set.of(k);
            if (c.points(one) > 0) {
                out.append("| ").append(title(k)).append(requirement.kinds().contains(k) ? "" : " (not counted)")
                        .append(" | ").append(c.covered(one)).append(" of ").append(c.points(one)).append(" | ")
                        .append(percent(c.percent(one))).append(" |\n");
            }
        }
        List<Item> open = c.items().stream().filter(i -> !i.covered()).toList();
        if (open.isEmpty()) {
            return out.append("\nEvery object is tested.\n").toString();
        }
        out.append("\nNot fully tested:\n\n");
        for (Item i : open) {
            List<String> missing = new ArrayList<>();
            for (Point p : i.missing()) {
                missing.add(p.alert() == null ? p.label() : "`" + p.alert() + "` " + p.label());
            }
            out.append("- ").append(noun(i.kind())).append('`').append(i.name().replace("`", "'")).append("` (")
                    .append(at(i.span())).append("): missing ").append(String.join(", ", missing)).append('\n');
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ shared

    /** {@code 97.6%}, {@code 100%}. */
    public static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + "%";
    }

    private static String title(Kind k) {
        return switch (k) {
            case ALERTS -> "alerts";
            case ROUTES -> "routes";
            case INHIBITIONS -> "inhibitions";
            case RECORDING_RULES -> "recording rules";
            case SLOS -> "SLOs";
        };
    }

    private static String noun(Kind k) {
        return switch (k) {
            case ALERTS -> "alert ";
            case ROUTES, INHIBITIONS -> "";
            case RECORDING_RULES -> "recording rule ";
            case SLOS -> "SLO ";
        };
    }

    private static String label(String point) {
        return point.replace('_', ' ');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String at(Span s) {
        return s == null || s.isNone() ? "?" : s.file() + ":" + s.line();
    }
}
