package org.torchglot.engine.format;

/**
 * libtorch's {@code __printFormat} (aten/src/ATen/core/Formatting.cpp): from a block of values, the column width,
 * a common scale factor and the stream's float notation.
 */
final class LibtorchNumberFormat {

    /** The iostream float field in effect. */
    enum Notation { DEFAULT_FLOAT, SCIENTIFIC, FIXED }

    final Notation notation;
    final int width;
    final double scale;

    private LibtorchNumberFormat(Notation notation, int width, double scale) {
        this.notation = notation;
        this.width = width;
        this.scale = scale;
    }

    /** The format libtorch chooses for these values (all of a 1-D tensor, or one 2-D slice). */
    static LibtorchNumberFormat of(double[] values, int from, int to) {
        if (from == to) {
            return new LibtorchNumberFormat(Notation.DEFAULT_FLOAT, 0, 1);
        }
        boolean intMode = true;
        for (int i = from; i < to; i++) {
            double z = values[i];
            if (Double.isFinite(z) && z != Math.ceil(z)) {
                intMode = false;
                break;
            }
        }
        int offset = from;
        while (offset < to && !Double.isFinite(values[offset])) {
            offset++;
        }
        double expMin = 1;
        double expMax = 1;
        if (offset < to) {
            double min = Math.abs(values[offset]);
            double max = min;
            for (int i = offset; i < to; i++) {
                double z = Math.abs(values[i]);
                if (Double.isFinite(z)) {
                    if (z < min) {
                        min = z;
                    }
                    // NOTE: libtorch compares the signed value here, so negative values never raise the maximum.
                    if (values[i] > max) {
                        max = z;
                    }
                }
            }
            expMin = min != 0 ? Math.floor(StrictMath.log10(min)) + 1 : 1;
            expMax = max != 0 ? Math.floor(StrictMath.log10(max)) + 1 : 1;
        }
        if (intMode) {
            return expMax > 9 ? new LibtorchNumberFormat(Notation.SCIENTIFIC, 11, 1)
                    : new LibtorchNumberFormat(Notation.DEFAULT_FLOAT, (int) expMax + 1, 1);
        }
        if (expMax - expMin > 4) {
            int width = Math.abs(expMax) > 99 || Math.abs(expMin) > 99 ? 12 : 11;
            return new LibtorchNumberFormat(Notation.SCIENTIFIC, width, 1);
        }
        if (expMax > 5 || expMax < 0) {
            return new LibtorchNumberFormat(Notation.FIXED, 7, powerOfTen((int) expMax - 1));
        }
        return new LibtorchNumberFormat(Notation.FIXED, expMax == 0 ? 7 : (int) expMax + 6, 1);
    }

    /** True when this format sets the stream's precision to 4 (fixed and scientific do; default float keeps it). */
    boolean setsPrecision() {
        return notation != Notation.DEFAULT_FLOAT;
    }

    /**
     * {@code stream << std::setw(width) << v / scale}, where {@code precision} is the stream's current precision
     * (it matters only for default float, whose precision is whatever an earlier slice left).
     */
    String format(double v, int precision) {
        return DecimalText.padLeft(text(v / scale, notation, precision), width);
    }

    /** One value in the given iostream notation, as glibc's printf renders it. */
    static String text(double v, Notation notation, int precision) {
        if (Double.isNaN(v)) {
            return DecimalText.isNegative(v) ? "-nan" : "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return switch (notation) {
            case DEFAULT_FLOAT -> DecimalText.general(v, precision);
            case SCIENTIFIC -> DecimalText.scientific(v, precision);
            case FIXED -> DecimalText.fixed(v, precision);
        };
    }

    /** {@code std::pow(10, e)} for an integer exponent: the correctly rounded power of ten. */
    private static double powerOfTen(int e) {
        return Double.parseDouble("1e" + e);
    }
}
