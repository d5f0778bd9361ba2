package org.torchglot.lang.r.runtime;

/** R's missing-value encodings: NA_integer_ and NA (logical) are {@link Integer#MIN_VALUE}; NA_real_ is a NaN with payload 1954. */
public final class RNA {
    public static final int INT = Integer.MIN_VALUE;
    public static final double REAL = Double.longBitsToDouble(0x7FF00000000007A2L);

    private RNA() {
    }

    /** True for NA_real_ only (not for an ordinary NaN). */
    public static boolean isNA(double d) {
        return Double.isNaN(d) && (Double.doubleToRawLongBits(d) & 0xFFFFFFFFL) == 1954;
    }

    /** True for NA_real_ and NaN, as R's {@code is.na}. */
    public static boolean isNAorNaN(double d) {
        return Double.isNaN(d);
    }
}
