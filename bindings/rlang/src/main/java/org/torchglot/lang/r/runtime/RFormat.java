package org.torchglot.lang.r.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;


/**
 * R's number formatting ({@code formatReal} in R's format.c): a vector is printed with one common format, fixed
 * notation unless scientific is narrower, using the fewest significant digits (at most {@code digits}) that show
 * every element to {@code digits} significant digits. Rounding follows C's printf (exact binary value, ties to even).
 */
public final class RFormat {
    private static final int KP_MAX = 22;

    private RFormat() {
    }

    /** A common format: total width, digits after the point (or mantissa digits), exponent digits (0 = fixed). */
    public record Fmt(int width, int decimals, int expDigits) {
        public boolean scientific() {
            return expDigits > 0;
        }
    }

    private record Sci(boolean neg, int kpower, int nsig, boolean roundingWidens) {
    }

    private static Sci scientific(double x, int digits) {
        if (x == 0.0) {
            return new Sci(false, 0, 1, false);
        }
        boolean neg = x < 0;
        double alpha = Math.abs(x);
        BigDecimal bd = new BigDecimal(alpha).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int kpower = bd.precision() - bd.scale() - 1;
        BigDecimal stripped = bd.stripTrailingZeros();
        int nsig = Math.max(1, Math.min(digits, stripped.precision()));
        boolean widens = kpower > 0 && kpower <= KP_MAX && alpha < Math.pow(10, kpower);
        return new Sci(neg, kpower, nsig, widens);
    }

    /** The common format of {@code xs} (NA, NaN and infinities only widen it). */
    public static Fmt formatReal(double[] xs, int digits, int nsmall) {
        boolean naflag = false;
        boolean nanflag = false;
        boolean posinf = false;
        boolean neginf = false;
        int neg = 0;
        int rgt = Integer.MIN_VALUE;
        int mxl = Integer.MIN_VALUE;
        int mxsl = Integer.MIN_VALUE;
        int mxns = Integer.MIN_VALUE;
        int mxe = Integer.MIN_VALUE;
        int mne = Integer.MAX_VALUE;
        boolean anyFinite = false;
        for (double x : xs) {
            if (Double.isNaN(x)) {
                if (RNA.isNA(x)) {
                    naflag = true;
                } else {
                    nanflag = true;
                }
                continue;
            }
            if (Double.isInfinite(x)) {
                if (x > 0) {
                    posinf = true;
                } else {
                    neginf = true;
                }
                continue;
            }
            anyFinite = true;
            Sci s = scientific(x, digits);
            int left = s.kpower() + 1;
            if (s.roundingWidens()) {
                left--;
            }
            int sleft = (s.neg() ? 1 : 0) + (left <= 0 ? 1 : left);
            int right = s.nsig() - left;
            if (s.neg()) {
                neg = 1;
            }
            rgt = Math.max(rgt, right);
            mxl = Math.max(mxl, left);
            mxsl = Math.max(mxsl, sleft);
            mxns = Math.max(mxns, s.nsig());
            mxe = Math.max(mxe, s.kpower());
            mne = Math.min(mne, s.kpower());
        }
        int w = 0;
        int d = 0;
        int e = 0;
        if (anyFinite) {
            if (mxl < 0) {
                mxsl = 1 + neg;
            }
            if (rgt < 0) {
                rgt = 0;
            }
            int wF = mxsl + rgt + (rgt != 0 ? 1 : 0);
            e = (mxe >= 100 || mne <= -99) ? 2 : 1;
            d = mxns - 1;
            w = neg + (d > 0 ? 1 : 0) + d + 4 + e;
            if (wF <= w) {
                e = 0;
                if (nsmall > rgt) {
                    rgt = nsmall;
                    wF = mxsl + rgt + (rgt != 0 ? 1 : 0);
                }
                d = rgt;
                w = wF;
            }
        }
        if (naflag) {
            w = Math.max(w, 2);
        }
        if (nanflag || posinf) {
            w = Math.max(w, 3);
        }
        if (neginf) {
            w = Math.max(w, 4);
        }
        return new Fmt(w, d, e);
    }

    /** One number in the given format, right-justified to its width. */
    public static String encodeReal(double x, Fmt f) {
        return pad(encodeRealRaw(x, f), f.width());
    }

    private static String encodeRealRaw(double x, Fmt f) {
        if (RNA.isNA(x)) {
            return "NA";
        }
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (!f.scientific()) {
            String s = new BigDecimal(x).setScale(f.decimals(), RoundingMode.HALF_EVEN).toPlainString();
            return s.startsWith("-") && isZero(s) ? s.substring(1) : s;
        }
        return sci(x, f.decimals(), f.expDigits() + 1);
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** C's {@code %.{d}e} with at least {@code minExp} exponent digits. */
    public static String sci(double x, int d, int minExp) {
        if (x == 0) {
            StringBuilder sb = new StringBuilder("0");
            if (d > 0) {
                sb.append('.').append("0".repeat(d));
            }
            return sb.append("e+").append("0".repeat(minExp)).toString();
        }
        BigDecimal bd = new BigDecimal(x).round(new MathContext(d + 1, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        BigDecimal mant = bd.movePointLeft(exp).setScale(d, RoundingMode.HALF_EVEN);
        String es = Integer.toString(Math.abs(exp));
        while (es.length() < minExp) {
            es = "0" + es;
        }
        return mant.toPlainString() + "e" + (exp < 0 ? "-" : "+") + es;
    }

    /** One double formatted alone with up to {@code digits} significant digits (as.character uses 15, cat 7). */
    public static String formatDouble(double x, int digits) {
        return encodeRealRaw(x, formatReal(new double[]{x}, digits, 0));
    }

    /** Every element in the common format of the vector, padded to a common width. */
    public static String[] formatDoubles(double[] xs, int digits, int nsmall) {
        Fmt f = formatReal(xs, digits, nsmall);
        String[] r = new String[xs.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = encodeReal(xs[i], f);
        }
        return r;
    }

    public static String pad(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return " ".repeat(width - s.length()) + s;
    }

    public static String padRight(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return s + " ".repeat(width - s.length());
    }
}
