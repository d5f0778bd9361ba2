package org.torchglot.engine.format;

import java.math.BigInteger;

/**
 * numpy's Dragon4 float printer (numpy/core/src/multiarray/dragon4.c) in its "unique" digit mode: the shortest
 * digits that identify the float among its neighbours (as a float32 or a float64), optionally cut off after a number
 * of fraction or total digits and extended to a minimum, with numpy's positional and scientific layouts.
 */
final class Dragon4 {

    /** What to do with trailing zeros and the decimal point (numpy's {@code trim} argument). */
    enum Trim {
        /** 'k': keep trailing zeros. */
        KEEP,
        /** '.': trim trailing zeros, keep the point. */
        ZEROS,
        /** '0': trim trailing zeros but keep one after the point. */
        LEAVE_ONE_ZERO,
        /** '-': trim trailing zeros and the point. */
        DPT_ZEROS
    }

    private static final double LOG10_2 = 0.30102999566398119521373889472449;

    private Dragon4() {
    }

    /**
     * {@code format_float_positional(x, precision, unique=True, fractional=True, trim, pad_left, pad_right,
     * min_digits)}; -1 means "not given" for the integer arguments.
     */
    static String positional(double x, boolean float32, int precision, int minDigits, Trim trim, int padLeft,
            int padRight) {
        Digits d = digits(x, float32, true, precision, minDigits);
        boolean negative = DecimalText.isNegative(x);
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        int fractionDigits = 0;
        int wholeDigits;
        String digits = d.digits;
        if (d.exponent >= 0) {
            wholeDigits = d.exponent + 1;
            if (digits.length() <= wholeDigits) {
                sb.append(digits).append("0".repeat(wholeDigits - digits.length()));
            } else {
                sb.append(digits, 0, wholeDigits).append('.').append(digits, wholeDigits, digits.length());
                fractionDigits = digits.length() - wholeDigits;
            }
        } else {
            int zeros = -(d.exponent + 1);
            sb.append("0.").append("0".repeat(zeros)).append(digits);
            fractionDigits = zeros + digits.length();
            wholeDigits = 1;
        }
        if (trim != Trim.DPT_ZEROS && fractionDigits == 0) {
            sb.append('.');
        }
        int desiredFraction = Math.max(minDigits, 0);
        if (trim == Trim.LEAVE_ONE_ZERO) {
            if (fractionDigits == 0) {
                sb.append('0');
                fractionDigits++;
            }
        } else if (trim == Trim.KEEP && desiredFraction > fractionDigits) {
            sb.append("0".repeat(desiredFraction - fractionDigits));
            fractionDigits = desiredFraction;
        }
        if (trim != Trim.KEEP && fractionDigits > 0) {
            while (sb.charAt(sb.length() - 1) == '0') {
                sb.setLength(sb.length() - 1);
                fractionDigits--;
            }
            if (sb.charAt(sb.length() - 1) == '.') {
                if (trim == Trim.LEAVE_ONE_ZERO) {
                    sb.append('0');
                    fractionDigits++;
                } else if (trim == Trim.DPT_ZEROS) {
                    sb.setLength(sb.length() - 1);
                }
            }
        }
        if (padRight >= fractionDigits) {
            if (trim == Trim.DPT_ZEROS && fractionDigits == 0) {
                sb.append(' ');
            }
            sb.append(" ".repeat(padRight - fractionDigits));
        }
        int used = wholeDigits + (negative ? 1 : 0);
        if (padLeft > used) {
            sb.insert(0, " ".repeat(padLeft - used));
        }
        return sb.toString();
    }

    /**
     * {@code format_float_scientific(x, precision, unique=True, trim, pad_left, exp_digits, min_digits)}; -1 means
     * "not given" for the integer arguments.
     */
    static String scientific(double x, boolean float32, int precision, int minDigits, Trim trim, int padLeft,
            int expDigits) {
        Digits d = digits(x, float32, false, precision < 0 ? -1 : precision + 1, minDigits < 0 ? -1 : minDigits + 1);
        boolean negative = DecimalText.isNegative(x);
        StringBuilder sb = new StringBuilder();
        int leftChars = 1 + (negative ? 1 : 0);
        if (padLeft > leftChars) {
            sb.append(" ".repeat(padLeft - leftChars));
        }
        if (negative) {
            sb.append('-');
        }
        sb.append(d.digits.charAt(0));
        int fractionDigits = d.digits.length() - 1;
        if (fractionDigits > 0) {
            sb.append('.').append(d.digits, 1, d.digits.length());
        }
        if (trim != Trim.DPT_ZEROS && fractionDigits == 0) {
            sb.append('.');
        }
        int addDigits = Math.max(minDigits, 0);
        if (trim == Trim.LEAVE_ONE_ZERO) {
            if (fractionDigits == 0) {
                sb.append('0');
                fractionDigits++;
            }
        } else if (trim == Trim.KEEP && addDigits > fractionDigits) {
            sb.append("0".repeat(addDigits - fractionDigits));
            fractionDigits = addDigits;
        }
        if (trim != Trim.KEEP && fractionDigits > 0) {
            while (sb.charAt(sb.length() - 1) == '0') {
                sb.setLength(sb.length() - 1);
                fractionDigits--;
            }
            if (trim == Trim.LEAVE_ONE_ZERO && sb.charAt(sb.length() - 1) == '.') {
                sb.append('0');
            }
        }
        int exponent = Math.abs(d.exponent);
        String expText = Integer.toString(exponent);
        int width = Math.min(expDigits < 0 ? 2 : expDigits, 5);
        if (expText.length() < width) {
            expText = "0".repeat(width - expText.length()) + expText;
        }
        return sb.append(d.exponent >= 0 ? "e+" : "e-").append(expText).toString();
    }

    /** Decimal digits of |x| and the base-10 exponent of the first one. */
    private record Digits(String digits, int exponent) {
    }

    /**
     * The Dragon4 digit loop in unique mode. {@code cutoffMax}/{@code cutoffMin} count fraction digits when
     * {@code fractional}, total digits otherwise; -1 means no cutoff.
     */
    private static Digits digits(double x, boolean float32, boolean fractional, int cutoffMax, int cutoffMin) {
        long mantissa;
        int exponent;
        int mantissaBit;
        boolean unequalMargins;
        if (float32) {
            int bits = Float.floatToRawIntBits((float) x);
            int fraction = bits & 0x7fffff;
            int biased = (bits >>> 23) & 0xff;
            if (biased != 0) {
                mantissa = fraction | (1L << 23);
                exponent = biased - 127 - 23;
                mantissaBit = 23;
                unequalMargins = biased != 1 && fraction == 0;
            } else {
                mantissa = fraction;
                exponent = 1 - 127 - 23;
                mantissaBit = 63 - Long.numberOfLeadingZeros(Math.max(mantissa, 1));
                unequalMargins = false;
            }
        } else {
            long bits = Double.doubleToRawLongBits(x);
            long fraction = bits & 0xfffffffffffffL;
            int biased = (int) ((bits >>> 52) & 0x7ff);
            if (biased != 0) {
                mantissa = fraction | (1L << 52);
                exponent = biased - 1023 - 52;
                mantissaBit = 52;
                unequalMargins = biased != 1 && fraction == 0;
            } else {
                mantissa = fraction;
                exponent = 1 - 1023 - 52;
                mantissaBit = 63 - Long.numberOfLeadingZeros(Math.max(mantissa, 1));
                unequalMargins = false;
            }
        }
        if (mantissa == 0) {
            return new Digits("0", 0);
        }
        boolean isEven = (mantissa & 1) == 0;
        BigInteger m = BigInteger.valueOf(mantissa);
        BigInteger value;
        BigInteger scale;
        BigInteger marginLow;
        if (unequalMargins) {
            if (exponent > 0) {
                value = m.shiftLeft(exponent + 2);
                scale = BigInteger.valueOf(4);
                marginLow = BigInteger.ONE.shiftLeft(exponent);
            } else {
                value = m.shiftLeft(2);
                scale = BigInteger.ONE.shiftLeft(-exponent + 2);
                marginLow = BigInteger.ONE;
            }
        } else {
            if (exponent > 0) {
                value = m.shiftLeft(exponent + 1);
                scale = BigInteger.TWO;
                marginLow = BigInteger.ONE.shiftLeft(exponent);
            } else {
                value = m.shiftLeft(1);
                scale = BigInteger.ONE.shiftLeft(-exponent + 1);
                marginLow = BigInteger.ONE;
            }
        }
        int digitExponent = (int) Math.ceil((double) (mantissaBit + exponent) * LOG10_2 - 0.69);
        if (cutoffMax >= 0 && fractional && digitExponent <= -cutoffMax) {
            digitExponent = -cutoffMax + 1;
        }
        if (digitExponent > 0) {
            scale = scale.multiply(BigInteger.TEN.pow(digitExponent));
        } else if (digitExponent < 0) {
            BigInteger pow10 = BigInteger.TEN.pow(-digitExponent);
            value = value.multiply(pow10);
            marginLow = marginLow.multiply(pow10);
        }
        if (value.compareTo(scale) >= 0) {
            digitExponent++;
        } else {
            value = value.multiply(BigInteger.TEN);
            marginLow = marginLow.multiply(BigInteger.TEN);
        }
        // NOTE: numpy also stops at its buffer size; unique digits end long before that.
        int cutoffMaxExponent = Integer.MIN_VALUE;
        if (cutoffMax >= 0) {
            cutoffMaxExponent = fractional ? -cutoffMax : digitExponent - cutoffMax;
        }
        int cutoffMinExponent = digitExponent;
        if (cutoffMin >= 0) {
            cutoffMinExponent = Math.min(cutoffMinExponent, fractional ? -cutoffMin : digitExponent - cutoffMin);
        }
        int firstExponent = digitExponent - 1;
        StringBuilder out = new StringBuilder();
        int digit;
        boolean low;
        boolean high;
        while (true) {
            digitExponent--;
            BigInteger[] qr = value.divideAndRemainder(scale);
            digit = qr[0].intValueExact();
            value = qr[1];
            BigInteger marginHigh = unequalMargins ? marginLow.shiftLeft(1) : marginLow;
            int cmpLow = value.compareTo(marginLow);
            int cmpHigh = value.add(marginHigh).compareTo(scale);
            low = isEven ? cmpLow <= 0 : cmpLow < 0;
            high = isEven ? cmpHigh >= 0 : cmpHigh > 0;
            if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent == cutoffMaxExponent) {
                break;
            }
            out.append((char) ('0' + digit));
            value = value.multiply(BigInteger.TEN);
            marginLow = marginLow.multiply(BigInteger.TEN);
        }
        boolean roundDown = low;
        if (low == high) {
            int compare = value.shiftLeft(1).compareTo(scale);
            roundDown = compare < 0;
            if (compare == 0) {
                roundDown = (digit & 1) == 0;
            }
        }
        if (roundDown) {
            out.append((char) ('0' + digit));
        } else if (digit < 9) {
            out.append((char) ('0' + digit + 1));
        } else {
            // carry: drop trailing nines, then increment the first digit that is not a nine
            while (!out.isEmpty() && out.charAt(out.length() - 1) == '9') {
                out.setLength(out.length() - 1);
            }
            if (out.isEmpty()) {
                out.append('1');
                firstExponent++;
            } else {
                out.setCharAt(out.length() - 1, (char) (out.charAt(out.length() - 1) + 1));
            }
        }
        return new Digits(out.toString(), firstExponent);
    }
}
