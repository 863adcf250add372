package dev.vigil.compiler.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's formatting of float64 values, as Prometheus's templates print them: {@code %v} (the
 * shortest digits, in exponent form below 1e-4 and from 1e6 on), {@code %g} with a precision (what
 * {@code humanize} uses), {@code %e} and {@code %f}. Java's own formatting differs in each of these,
 * so an annotation Vigil renders for a promtool test must go through here to match byte for byte.
 */
public final class GoFormat {
    private GoFormat() {
    }

    /** Decimal digits (no leading or trailing zeros) and the decimal point's position, as Go's ftoa keeps them. */
    private record Digits(String digits, int point, boolean negative) {
    }

    /** {@code %v} of a float64. */
    public static String v(double value) {
        return g(value, -1);
    }

    /** {@code %g}, or {@code %.Ng} when {@code precision >= 0}; -1 means the shortest exact digits. */
    public static String g(double value, int precision) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        boolean shortest = precision < 0;
        Digits d = shortest ? shortest(value) : rounded(value, precision == 0 ? 1 : precision);
        int prec = shortest ? d.digits().length() : (precision == 0 ? 1 : precision);
        int eprec = prec;
        if (eprec > d.digits().length() && d.digits().length() >= d.point()) {
            eprec = d.digits().length();
        }
        if (shortest) {
            eprec = 6;
        }
        int exp = d.point() - 1;
        if (exp < -4 || exp >= eprec) {
            return e(d, Math.min(prec, d.digits().length()) - 1);
        }
        return f(d, Math.max(Math.min(prec, d.digits().length()) - d.point(), 0));
    }

    /** {@code %.Nf}. */
    public static String f(double value, int precision) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        BigDecimal exact = new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN);
        String s = exact.abs().toPlainString();
        return (value < 0 || (value == 0 && 1 / value < 0) ? "-" : "") + s;
    }

    /** {@code %.Ne}. */
    public static String e(double value, int precision) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        return e(rounded(value, precision + 1), precision);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static Digits shortest(double value) {
        if (value == 0) {
            return new Digits("0", 1, 1 / value < 0);
        }
        // Java's Double.toString gives the shortest digits that read back as the same double.
        return digits(new BigDecimal(Double.toString(Math.abs(value))), value < 0);
    }

    private static Digits rounded(double value, int significant) {
        if (value == 0) {
            return new Digits("0", 1, 1 / value < 0);
        }
        BigDecimal r = new BigDecimal(Math.abs(value)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        return digits(r, value < 0);
    }

    private static Digits digits(BigDecimal positive, boolean negative) {
        BigDecimal s = positive.stripTrailingZeros();
        String unscaled = s.unscaledValue().toString();
        // value = unscaled * 10^-scale; the point sits after (length - scale) digits.
        return new Digits(unscaled, unscaled.length() - s.scale(), negative);
    }

    private static String e(Digits d, int precision) {
        StringBuilder out = new StringBuilder(d.negative() ? "-" : "");
        String digits = d.digits();
        out.append(digits.charAt(0));
        if (precision > 0) {
            out.append('.');
            for (int i = 1; i <= precision; i++) {
                out.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        int exp = digits.equals("0") ? 0 : d.point() - 1;
        out.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        out.append(abs < 10 ? "0" + abs : String.valueOf(abs));
        return out.toString();
    }

    private static String f(Digits d, int precision) {
        StringBuilder out = new StringBuilder(d.negative() ? "-" : "");
        String digits = d.digits();
        if (d.point() > 0) {
            for (int i = 0; i < d.point(); i++) {
                out.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (precision > 0) {
            out.append('.');
            for (int i = 0; i < precision; i++) {
                int at = d.point() + i;
                out.append(at >= 0 && at < digits.length() ? digits.charAt(at) : '0');
            }
        }
        return out.toString();
    }
}
