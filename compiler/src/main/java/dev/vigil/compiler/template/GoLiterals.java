package dev.vigil.compiler.template;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Go's strconv as text/template uses it: string and character literals (Unquote, UnquoteChar),
 * number literals (the parser's newNumber and the executor's choice of int or float64), ParseFloat
 * (Prometheus converts strings to numbers with it) and Quote (for {@code %q}).
 */
final class GoLiterals {
    private GoLiterals() {
    }

    /** A literal's value, or why Go refuses it. */
    record Parsed<T>(T value, String error) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> fail(String error) {
            return new Parsed<>(null, error);
        }
    }

    /** A decoded string literal: null bytes-as-text when Go's bytes are not UTF-8. */
    record Decoded(String text) {
    }

    // ------------------------------------------------------------------ strings and characters

    /** strconv.Unquote of a {@code "..."} or {@code `...`} literal, quotes included. */
    static Parsed<Decoded> unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return Parsed.ok(new Decoded(body.replace("\r", "")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            int[] next = new int[1];
            String error = unquoteChar(body, i, quote, out, next);
            if (error != null) {
                return Parsed.fail(error);
            }
            i = next[0];
        }
        return Parsed.ok(new Decoded(utf8(out.toByteArray())));
    }

    /** strconv.UnquoteChar of a {@code '...'} literal: the rune's value. */
    static Parsed<Long> unquoteRune(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        int[] next = new int[1];
        String error = body.isEmpty() ? "invalid syntax" : unquoteChar(body, 0, '\'', out, next);
        if (error != null || next[0] != body.length()) {
            return Parsed.fail(error != null ? error : "malformed character constant: " + literal);
        }
        byte[] bytes = out.toByteArray();
        String s = utf8(bytes);
        // A \x or octal escape is one byte, whose value is the rune.
        return Parsed.ok(s != null && s.codePointCount(0, s.length()) == 1 ? (long) s.codePointAt(0)
                : (long) (bytes[0] & 0xff));
    }

    /** Decodes one character or escape at {@code i}, writing its UTF-8 bytes; the error, or null. */
    private static String unquoteChar(String s, int i, char quote, ByteArrayOutputStream out, int[] next) {
        char c = s.charAt(i);
        if (c == quote && quote == '\'' || c == '\n') {
            return "invalid syntax";
        }
        if (c != '\\') {
            int cp = s.codePointAt(i);
            writeUtf8(out, cp);
            next[0] = i + Character.charCount(cp);
            return null;
        }
        if (i + 1 >= s.length()) {
            return "invalid syntax";
        }
        char e = s.charAt(i + 1);
        int at = i + 2;
        int simple = "abfnrtv\\".indexOf(e);
        if (simple >= 0) {
            out.write("\u0007\b\f\n\r\t\u000b\\".charAt(simple));
            next[0] = at;
            return null;
        }
        switch (e) {
            case '\'', '"' -> {
                if (e != quote) {
                    return "invalid syntax";
                }
                out.write(e);
            }
            case 'x', 'u', 'U' -> {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                long v = digits(s, at, n, 16);
                if (v < 0) {
                    return "invalid syntax";
                }
                at += n;
                if (e == 'x') {
                    out.write((int) v);
                } else if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
                    return "invalid syntax";
                } else {
                    writeUtf8(out, (int) v);
                }
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                long v = digits(s, at - 1, 3, 8);
                if (v < 0 || v > 255) {
                    return "invalid syntax";
                }
                at += 2;
                out.write((int) v);
            }
            default -> {
                return "invalid syntax";
            }
        }
        next[0] = at;
        return null;
    }

    private static long digits(String s, int from, int count, int radix) {
        if (from + count > s.length()) {
            return -1;
        }
        long v = 0;
        for (int k = from; k < from + count; k++) {
            int d = Character.digit(s.charAt(k), radix);
            if (d < 0 || s.charAt(k) > 0x7f) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    /** The bytes as text, or null when they are not UTF-8 (a Java string cannot hold them). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** strconv.Quote: Go's escapes for quotes, backslashes and characters that do not print. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"', '\\' -> out.append('\\').appendCodePoint(cp);
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                    if (printable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < ' ' || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    // ------------------------------------------------------------------ numbers

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile(
            "[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");

    /**
     * The parser's newNumber for a number token ({@code complex} for a {@code 1+2i} token): the
     * executor's value (Long, Double, or null for complex and unsigned), or Go's error.
     */
    static Parsed<Number> number(String text, boolean complex) {
        if (complex || text.endsWith("i")) {
            String real = complex ? text.substring(0, Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'))) : "0";
            String imaginary = complex ? text.substring(real.length(), text.length() - 1) : text.substring(0, text.length() - 1);
            return parseFloat(real) != null && parseFloat(imaginary) != null ? Parsed.ok(null)
                    : Parsed.fail(complex ? "expected integer" : "illegal number syntax: \"" + text + "\"");
        }
        BigInteger integer = parseInteger(text);
        if (integer != null && integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(UINT64_MAX) <= 0) {
            boolean isInt = integer.compareTo(INT64_MAX) <= 0;
            // The executor makes a float64 of a literal written with a point or exponent, unless it is hex.
            if (floatLooking(text)) {
                return Parsed.ok(integer.doubleValue());
            }
            return Parsed.ok(isInt ? (Number) integer.longValue() : null);
        }
        Double f = parseFloat(text);
        // A literal too large for a float64 is out of range for ParseFloat too.
        if (f == null || Double.isInfinite(f)) {
            return Parsed.fail("illegal number syntax: \"" + text + "\"");
        }
        if (!text.matches(".*[.eEpP].*")) {
            return Parsed.fail("integer overflow: \"" + text + "\"");
        }
        return Parsed.ok(f);
    }

    private static boolean floatLooking(String text) {
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && !text.matches(".*[pP].*");
        return !hexInt && text.matches(".*[.eEpP].*");
    }

    /** strconv.ParseInt/ParseUint with base 0: prefixes 0x, 0o, 0b and a leading 0 for octal; null if not one. */
    private static BigInteger parseInteger(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.isEmpty() || !underscoreOk(text)) {
            return null;
        }
        int radix = 10;
        if (s.length() >= 3 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            s = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            s = s.substring(1);
        }
        s = s.replace("_", "");
        if (s.isEmpty() || s.startsWith("+") || s.startsWith("-")) {
            return null;
        }
        try {
            BigInteger v = new BigInteger(s, radix);
            return negative ? v.negate() : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** strconv.ParseFloat: decimal and hex floats, underscores between digits, Inf, Infinity and NaN. */
    static Double parseFloat(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!underscoreOk(text)) {
            return null;
        }
        String s = text.replace("_", "");
        if (!DECIMAL_FLOAT.matcher(s).matches() && !HEX_FLOAT.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s);
    }

    /** Go's underscoreOK: an underscore only between digits, or after a base prefix. */
    private static boolean underscoreOk(String text) {
        String s = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.toLowerCase(c) >= 'a' && Character.toLowerCase(c) <= 'f') {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }
}
