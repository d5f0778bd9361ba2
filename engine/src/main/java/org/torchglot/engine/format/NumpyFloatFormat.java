package org.torchglot.engine.format;

/**
 * numpy 1.24's {@code FloatingFormat} with the default print options (floatmode {@code maxprec}, precision 8, no
 * suppression, sign {@code -}): picks positional or scientific notation from the values, then pads every element so
 * that the decimal points line up.
 */
final class NumpyFloatFormat {

    private static final int PRECISION = 8;

    private final boolean float32;
    private boolean expFormat;
    private int padLeft;
    private int padRight;
    private int precision = PRECISION;
    private int minDigits;
    private int expSize = -1;

    NumpyFloatFormat(double[] data, boolean float32) {
        this.float32 = float32;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        int finite = 0;
        boolean negativeInfinity = false;
        boolean nonFinite = false;
        for (double v : data) {
            if (Double.isFinite(v)) {
                finite++;
                if (v != 0) {
                    max = Math.max(max, Math.abs(v));
                    min = Math.min(min, Math.abs(v));
                }
            } else {
                nonFinite = true;
                negativeInfinity |= v == Double.NEGATIVE_INFINITY;
            }
        }
        if (min != Double.POSITIVE_INFINITY) {
            // NOTE: for float32 arrays numpy divides the two float32 scalars in float32.
            double ratio = float32 ? (double) ((float) max / (float) min) : max / min;
            expFormat = max >= 1.e8 || min < 0.0001 || ratio > 1000.;
        }
        if (finite == 0) {
            padLeft = 0;
            padRight = 0;
        } else if (expFormat) {
            int maxFraction = 0;
            for (double v : data) {
                if (Double.isFinite(v)) {
                    String s = Dragon4.scientific(v, float32, PRECISION, -1, Dragon4.Trim.ZEROS, -1, -1);
                    int e = s.indexOf('e');
                    int point = s.indexOf('.');
                    expSize = Math.max(expSize, s.length() - e - 2);
                    maxFraction = Math.max(maxFraction, e - point - 1);
                    padLeft = Math.max(padLeft, point);
                }
            }
            precision = maxFraction;
            minDigits = maxFraction;
            padRight = expSize + 2 + precision;
        } else {
            for (double v : data) {
                if (Double.isFinite(v)) {
                    String s = Dragon4.positional(v, float32, PRECISION, -1, Dragon4.Trim.ZEROS, -1, -1);
                    int point = s.indexOf('.');
                    padLeft = Math.max(padLeft, point);
                    padRight = Math.max(padRight, s.length() - point - 1);
                }
            }
            minDigits = 0;
        }
        if (nonFinite) {
            int offset = padRight + 1;
            int infLength = 3 + (negativeInfinity ? 1 : 0);
            padLeft = Math.max(padLeft, Math.max(3 - offset, infLength - offset));
        }
    }

    /** One element, padded to the common layout. */
    String format(double v) {
        if (!Double.isFinite(v)) {
            String s = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
            return DecimalText.padLeft(s, padLeft + padRight + 1);
        }
        if (expFormat) {
            return Dragon4.scientific(v, float32, precision, minDigits, Dragon4.Trim.KEEP, padLeft, expSize);
        }
        return Dragon4.positional(v, float32, precision, minDigits, Dragon4.Trim.ZEROS, padLeft, padRight);
    }
}
