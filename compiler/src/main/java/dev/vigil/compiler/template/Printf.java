package dev.vigil.compiler.template;

import java.util.List;

/** Go's fmt.Sprintf for the verbs alert templates use: {@code %s %v %d %f %e %g %q %x %t %T %%}. */
final class Printf {
    private Printf() {
    }

    static String format(String format, List<Object> args) throws TemplateException {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            boolean minus = false;
            boolean plus = false;
            boolean space = false;
            boolean zero = false;
            while (i < format.length() && "-+ 0#".indexOf(format.charAt(i)) >= 0) {
                switch (format.charAt(i++)) {
                    case '-' -> minus = true;
                    case '+' -> plus = true;
                    case ' ' -> space = true;
                    case '0' -> zero = true;
                    default -> {
                    }
                }
            }
            int width = -1;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = Math.max(width, 0) * 10 + (format.charAt(i++) - '0');
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                precision = 0;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    precision = precision * 10 + (format.charAt(i++) - '0');
                }
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(next++);
            String text = verb(verb, arg, precision, plus, space);
            if (text == null) {
                out.append("%!").append(verb).append('(').append(operand(arg)).append(')');
                continue;
            }
            out.append(pad(text, width, minus, zero && !minus && isNumber(arg)));
        }
        if (next < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = next; k < args.size(); k++) {
                out.append(k > next ? ", " : "").append(operand(args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    /** How fmt names an operand it cannot format: {@code type=value}, or {@code <nil>}. */
    private static String operand(Object arg) {
        return arg == null ? "<nil>" : GoValues.typeName(arg) + "=" + GoValues.print(arg);
    }

    private static boolean isNumber(Object v) {
        return v instanceof Double || v instanceof Long;
    }

    /** The formatted operand, or null when the verb does not apply to its type (Go prints `%!d(...)`). */
    private static String verb(char verb, Object arg, int precision, boolean plus, boolean space) {
        String s;
        switch (verb) {
            case 'v' -> s = arg instanceof Double d ? sign(GoFormat.g(d, precision), plus, space, d)
                    : GoValues.print(arg);
            case 's' -> {
                if (arg == null || isNumber(arg) || arg instanceof Boolean) {
                    return null;
                }
                s = GoValues.print(arg);
                if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
                    s = s.substring(0, s.offsetByCodePoints(0, precision));
                }
            }
            case 'q' -> {
                if (!(arg instanceof String str)) {
                    return null;
                }
                s = GoLiterals.quote(str);
            }
            case 'd' -> {
                if (!(arg instanceof Long l)) {
                    return null;
                }
                s = sign(Long.toString(l), plus, space, l);
            }
            case 'x', 'X' -> {
                if (arg instanceof Long l) {
                    s = Long.toString(l, 16);
                } else if (arg instanceof String str) {
                    StringBuilder hex = new StringBuilder();
                    for (byte b : str.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        hex.append(String.format(java.util.Locale.ROOT, "%02x", b & 0xff));
                    }
                    s = hex.toString();
                } else {
                    return null;
                }
                s = verb == 'X' ? s.toUpperCase(java.util.Locale.ROOT) : s;
            }
            case 'T' -> s = GoValues.typeName(arg);
            case 'o', 'b' -> {
                if (!(arg instanceof Long l)) {
                    return null;
                }
                s = Long.toString(l, verb == 'o' ? 8 : 2);
            }
            case 't' -> {
                if (!(arg instanceof Boolean b)) {
                    return null;
                }
                s = b.toString();
            }
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                if (!(arg instanceof Double d)) {
                    return null;
                }
                String body = switch (Character.toLowerCase(verb)) {
                    case 'f' -> GoFormat.f(d, precision < 0 ? 6 : precision);
                    case 'e' -> GoFormat.e(d, precision < 0 ? 6 : precision);
                    default -> GoFormat.g(d, precision);
                };
                s = sign(Character.isUpperCase(verb) ? body.toUpperCase(java.util.Locale.ROOT) : body, plus, space, d);
            }
            default -> {
                return null;
            }
        }
        return s;
    }

    private static String sign(String s, boolean plus, boolean space, double value) {
        if (s.startsWith("-") || s.startsWith("+") || Double.isNaN(value)) {
            return s;
        }
        return plus ? "+" + s : space ? " " + s : s;
    }

    private static String pad(String s, int width, boolean left, boolean zeros) {
        int length = s.codePointCount(0, s.length());
        if (width <= length) {
            return s;
        }
        String fill = (zeros ? "0" : " ").repeat(width - length);
        if (left) {
            return s + fill;
        }
        if (zeros && (s.startsWith("-") || s.startsWith("+"))) {
            return s.charAt(0) + fill + s.substring(1);
        }
        return fill + s;
    }
}
