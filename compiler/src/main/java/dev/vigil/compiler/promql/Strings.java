package dev.vigil.compiler.promql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** PromQL string literals with Go's quoting rules: {@code "..."} and {@code '...'} with escapes, {@code `...`} raw. */
public final class Strings {
    private Strings() {
    }

    /**
     * The value of a STRING token, quotes included in {@code token}.
     *
     * @throws IllegalArgumentException with a readable message for an escape Go does not accept
     */
    public static String unquote(String token) {
        if (token.length() < 2) {
            throw new IllegalArgumentException("the string is not closed");
        }
        char quote = token.charAt(0);
        if (token.charAt(token.length() - 1) != quote) {
            throw new IllegalArgumentException("the string is not closed");
        }
        String body = token.substring(1, token.length() - 1);
        if (quote == '`') {
            return body.replace("\r", "");
        }
        if (body.indexOf('\\') < 0) {
            return body;
        }
        // Go strings are bytes: \x and octal escapes add single bytes, which may form UTF-8 together.
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                int cp = body.codePointAt(i);
                i += Character.charCount(cp);
                writeUtf8(out, cp);
                continue;
            }
            if (i + 1 >= body.length()) {
                throw new IllegalArgumentException("the escape at the end of the string is not finished");
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '\'', '"' -> {
                    if (e != quote) {
                        throw new IllegalArgumentException("`\\" + e + "` is not a valid escape inside " + quote + "-quoted strings");
                    }
                    out.write(e);
                }
                case 'x' -> {
                    out.write(hex(body, i, 2));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    int cp = hex(body, i, n);
                    i += n;
                    if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw new IllegalArgumentException("`\\" + e + body.substring(i - n, i) + "` is not a valid Unicode character");
                    }
                    writeUtf8(out, cp);
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        throw new IllegalArgumentException("an octal escape needs three digits");
                    }
                    int v = 0;
                    for (int k = i - 1; k < i + 2; k++) {
                        char d = body.charAt(k);
                        if (d < '0' || d > '7') {
                            throw new IllegalArgumentException("an octal escape needs three digits");
                        }
                        v = v * 8 + (d - '0');
                    }
                    if (v > 255) {
                        throw new IllegalArgumentException("the octal escape `\\" + body.substring(i - 1, i + 2) + "` is above 255");
                    }
                    i += 2;
                    out.write(v);
                }
                default -> throw new IllegalArgumentException("`\\" + e + "` is not a valid escape");
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(String s, int from, int count) {
        if (from + count > s.length()) {
            throw new IllegalArgumentException("the escape needs " + count + " hex digits");
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                throw new IllegalArgumentException("the escape needs " + count + " hex digits");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static void writeUtf8(ByteArrayOutputStream out, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    /** A double-quoted literal for {@code value}, escaping what must be escaped. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
