package org.torchglot.engine.format;

import org.torchglot.engine.tensor.DType;

/**
 * PyTorch 1.13's {@code torch._tensor_str._Formatter}: decides integer, fixed or scientific notation from the
 * (summarised) values and pads every element to a common width.
 */
final class PyTorchElementFormat {

    private final DType dtype;
    private final int precision;
    private boolean intMode = true;
    private boolean sciMode = false;
    private int maxWidth = 1;

    PyTorchElementFormat(double[] values, DType dtype, PrintOptions options) {
        this.dtype = dtype;
        this.precision = options.precision();
        if (!dtype.isFloatingPoint()) {
            for (double v : values) {
                maxWidth = Math.max(maxWidth, plain(v).length());
            }
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                intMode &= v == Math.ceil(v);
                count++;
            }
        }
        if (count == 0) {
            // NOTE: PyTorch returns early here, so a forced sci_mode does not apply to all-zero/non-finite tensors.
            return;
        }
        boolean wide = max / min > 1000.0 || max > 1.0e8;
        sciMode = intMode ? wide : wide || min < 1.0e-4;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                int width = sciMode ? DecimalText.scientific(v, precision).length()
                        : intMode ? DecimalText.fixed(v, 0).length() + 1
                        : DecimalText.fixed(v, precision).length();
                maxWidth = Math.max(maxWidth, width);
            }
        }
        if (options.sciMode() != null) {
            sciMode = options.sciMode();
        }
    }

    int width() {
        return maxWidth;
    }

    /** One element, right-aligned to {@link #width()}. */
    String format(double v) {
        String s;
        if (!dtype.isFloatingPoint()) {
            s = plain(v);
        } else if (!Double.isFinite(v)) {
            s = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        } else if (sciMode) {
            s = DecimalText.scientific(v, precision);
        } else if (intMode) {
            s = DecimalText.fixed(v, 0) + ".";
        } else {
            s = DecimalText.fixed(v, precision);
        }
        return DecimalText.padLeft(s, maxWidth);
    }

    /** Python's {@code str} of a bool or int element. */
    private String plain(double v) {
        if (dtype == DType.BOOL) {
            return v != 0 ? "True" : "False";
        }
        return Long.toString((long) v);
    }
}
