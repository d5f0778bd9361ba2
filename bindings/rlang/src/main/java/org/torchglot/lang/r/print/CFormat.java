package org.torchglot.lang.r.print;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.torchglot.lang.r.runtime.RFormat;

/** C's printf conversions for numbers ({@code %d %f %e %g %x %o}) with C's rounding, for sprintf and formatC. */
public final class CFormat {
    private CFormat() {
    }

    /** Formats {@code x} with conversion {@code conv}, {@code flags} ("-", "0", "+", " ", "#"), width and precision (-1 = default). */
    public static String number(double x, char conv, String flags, int width, int prec) {
        String body;
        boolean neg = x < 0 || x == 0 && 1 / x < 0;
        double ax = Math.abs(x);
        if (Double.isNaN(x)) {
            body = org.torchglot.lang.r.runtime.RNA.isNA(x) ? "NA" : "NaN";
            neg = false;
        } else if (Double.isInfinite(x)) {
            body = "Inf";
        } else {
            body = switch (conv) {
                case 'd', 'i' -> new BigDecimal(ax).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
                case 'f' -> new BigDecimal(ax).setScale(prec < 0 ? 6 : prec, RoundingMode.HALF_EVEN).toPlainString();
                case 'e', 'E' -> RFormat.sci(ax, prec < 0 ? 6 : prec, 2);
                case 'g', 'G' -> g(ax, prec < 0 ? 6 : Math.max(prec, 1), flags.contains("#"));
                case 'x' -> Long.toHexString((long) ax);
                case 'X' -> Long.toHexString((long) ax).toUpperCase();
                case 'o' -> Long.toOctalString((long) ax);
                default -> throw new IllegalArgumentException("conversion " + conv);
            };
            if (conv == 'E' || conv == 'G') {
                body = body.toUpperCase();
            }
        }
        String sign = neg ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        return pad(sign, body, flags, width);
    }

    /** C's %g: %e if the exponent is below -4 or at least the precision, else %f; trailing zeros removed. */
    static String g(double ax, int p, boolean keepZeros) {
        if (ax == 0) {
            return keepZeros ? "0." + "0".repeat(p - 1) : "0";
        }
        BigDecimal r = new BigDecimal(ax).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String s;
        if (exp < -4 || exp >= p) {
            s = RFormat.sci(ax, p - 1, 2);
            if (!keepZeros) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = new BigDecimal(ax).setScale(p - 1 - exp, RoundingMode.HALF_EVEN).toPlainString();
            if (!keepZeros) {
                s = stripZeros(s);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Pads {@code sign + body} to {@code width}: left-justified with "-", zero-filled with "0", else right-justified. */
    public static String pad(String sign, String body, String flags, int width) {
        int len = sign.length() + body.length();
        if (len >= width) {
            return sign + body;
        }
        if (flags.contains("-")) {
            return sign + body + " ".repeat(width - len);
        }
        if (flags.contains("0") && !body.equals("NA") && !body.equals("Inf") && !body.equals("NaN")) {
            return sign + "0".repeat(width - len) + body;
        }
        return " ".repeat(width - len) + sign + body;
    }
}
