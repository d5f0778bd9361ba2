package org.torchglot.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal renderings of finite doubles with the rounding of C's {@code printf} and Python's {@code format}: the
 * exact binary value, rounded half-to-even.
 */
final class DecimalText {

    private DecimalText() {
    }

    /** {@code %.Nf}: fixed notation with {@code decimals} digits after the point. */
    static String fixed(double v, int decimals) {
        String digits = new BigDecimal(v).abs().setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return isNegative(v) ? "-" + digits : digits;
    }

    /** {@code %.Ne}: one digit, the point, {@code decimals} digits, then {@code e±XX} (at least two exponent digits). */
    static String scientific(double v, int decimals) {
        Rounded r = round(v, decimals + 1);
        StringBuilder sb = new StringBuilder();
        if (isNegative(v)) {
            sb.append('-');
        }
        sb.append(r.digits.charAt(0));
        if (decimals > 0) {
            sb.append('.').append(r.digits, 1, r.digits.length());
        }
        return sb.append(exponent(r.exponent)).toString();
    }

    /** {@code %.Ng} (C's default float output): the shorter of fixed and scientific, trailing zeros removed. */
    static String general(double v, int precision) {
        int p = precision == 0 ? 1 : precision;
        int x = round(v, p).exponent;
        if (p > x && x >= -4) {
            return stripFractionZeros(fixed(v, p - 1 - x));
        }
        String sci = scientific(v, p - 1);
        int e = sci.indexOf('e');
        return stripFractionZeros(sci.substring(0, e)) + sci.substring(e);
    }

    /** Right-aligns {@code s} in a field of {@code width} characters, as {@code std::setw} and {@code %Nd} do. */
    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** True when the sign bit is set, so that {@code -0.0} prints as {@code -0}. */
    static boolean isNegative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    /** C's exponent suffix: {@code e+05}, {@code e-12}, {@code e+100}. */
    static String exponent(int e) {
        String digits = Integer.toString(Math.abs(e));
        return (e < 0 ? "e-" : "e+") + (digits.length() < 2 ? "0" + digits : digits);
    }

    private static String stripFractionZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The value's magnitude rounded to {@code significant} digits: exactly that many digits and the exponent. */
    private static Rounded round(double v, int significant) {
        if (v == 0) {
            return new Rounded("0".repeat(significant), 0);
        }
        BigDecimal r = new BigDecimal(v).abs().round(new MathContext(significant, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exponent = digits.length() - 1 - r.scale();
        StringBuilder padded = new StringBuilder(digits);
        while (padded.length() < significant) {
            padded.append('0');
        }
        return new Rounded(padded.substring(0, significant), exponent);
    }

    private record Rounded(String digits, int exponent) {
    }
}
