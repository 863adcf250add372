package dev.vigil.targets.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fidelity table of a sample's README: one row per seed item, with the seed line it quotes, the
 * Vigil elements that encode it and a verdict. The format is documented in {@code samples/README.md}.
 */
record FidelityTable(String section, List<Row> rows) {
    static final String HEADING = "## Fidelity to the seed";
    static final List<String> COLUMNS = List.of("#", "line", "seed says", "encoded as", "verdict", "reason");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    FidelityTable {
        rows = List.copyOf(rows);
    }

    enum Verdict {
        EQUAL("equal"), CHANGED("changed"), NOT_ENCODED("not encoded");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(String text) {
            for (Verdict v : values()) {
                if (v.text.equals(text)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** One row; {@code number} is the table's line number in the README, for messages. */
    record Row(int readmeLine, String index, String seedLine, List<String> quotes, String encodedAs, String verdict,
            String reason) {
        Row {
            quotes = List.copyOf(quotes);
        }

        /** The code spans of the "encoded as" cell, such as {@code alert KafkaLagHigh}. */
        List<String> elements() {
            List<String> out = new ArrayList<>();
            Matcher m = CODE_SPAN.matcher(encodedAs);
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        }

        @Override
        public String toString() {
            return "README.md:" + readmeLine + " (row " + index + ")";
        }
    }

    /** The table under {@link #HEADING}; problems with the table's shape are thrown, not returned. */
    static FidelityTable parse(String readme) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new AssertionError("README.md has no section headed `" + HEADING + "`");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        int header = -1;
        for (int i = start + 1; i < end; i++) {
            if (lines.get(i).startsWith("|")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new AssertionError("the section `" + HEADING + "` has no table");
        }
        if (!cells(lines.get(header)).equals(COLUMNS)) {
            throw new AssertionError("README.md:" + (header + 1) + ": the fidelity table's columns must be " + COLUMNS
                    + ", not " + cells(lines.get(header)));
        }
        List<Row> rows = new ArrayList<>();
        int i = header + 2;
        for (; i < end && lines.get(i).startsWith("|"); i++) {
            List<String> c = cells(lines.get(i));
            if (c.size() != COLUMNS.size()) {
                throw new AssertionError("README.md:" + (i + 1) + ": " + c.size() + " cells, expected " + COLUMNS.size()
                        + " (write `\\|` for a pipe inside a cell)");
            }
            rows.add(new Row(i + 1, c.get(0), c.get(1), quotes(c.get(2), i + 1), c.get(3), c.get(4), c.get(5)));
        }
        // A blank or indented line inside the table would end it early and leave rows uncounted.
        for (; i < end; i++) {
            if (lines.get(i).strip().startsWith("|")) {
                throw new AssertionError("README.md:" + (i + 1) + ": a table line after the fidelity table ended; "
                        + "the section holds one table, with no blank line inside it");
            }
        }
        return new FidelityTable(String.join("\n", lines.subList(start, end)), rows);
    }

    /** The cells of a table line, split at pipes that are not escaped, with {@code \|} turned into a pipe. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String body = line.strip();
        body = body.length() < 2 ? "" : body.substring(1, body.endsWith("|") && !body.endsWith("\\|") ? body.length() - 1 : body.length());
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (ch == '|') {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    /**
     * The quotes of a "seed says" cell: one or more {@code "..."} separated by {@code …}. A quote may
     * itself contain double quotes (seed YAML is full of them): only the outer ones delimit it.
     */
    static List<String> quotes(String cell, int readmeLine) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(" … ")) {
            String p = part.strip();
            if (p.length() < 3 || !p.startsWith("\"") || !p.endsWith("\"")) {
                throw new AssertionError("README.md:" + readmeLine + ": the seed cell must be one or more \"quotes\""
                        + " separated by ` … `, not " + cell);
            }
            String quote = p.substring(1, p.length() - 1);
            if (normalise(quote).length() < 2) {
                throw new AssertionError("README.md:" + readmeLine + ": quote at least a few characters of the seed, not \""
                        + quote + "\"");
            }
            out.add(quote);
        }
        return out;
    }

    /** Text compared after runs of whitespace become one space, as Markdown renders them. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
