package org.torchglot.engine.format;

import java.util.function.DoubleFunction;
import org.torchglot.engine.tensor.DType;

/**
 * numpy 1.24's {@code repr} ({@code array([0.53799999, 1.12399996])}) and {@code str} ({@code [0.53799999
 * 1.12399996]}) of an array, with numpy's default print options: precision 8 in {@code maxprec} mode, no
 * suppression of small values, line width 75, summarisation with {@code ...} above 1000 elements (3 edge items).
 */
public final class NumpyFormatter {

    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String SUMMARY = "...";

    private NumpyFormatter() {
    }

    /** {@code repr(a)}: {@code array([1., 2.])}, {@code array([1, 2])}, {@code array([0.5], dtype=float32)}. */
    public static String repr(int[] shape, double[] values, DType dtype) {
        double[] stored = PrinterShapes.asStored(shape, values, dtype);
        boolean skipDtype = dtype != DType.FLOAT32 && stored.length > 0;
        String prefix = "array(";
        String suffix = skipDtype ? ")" : ",";
        String list;
        if (stored.length > 0 || (shape.length == 1 && shape[0] == 0)) {
            list = arrayToString(shape, stored, dtype, ", ", prefix, LINE_WIDTH - suffix.length());
        } else {
            list = "[], shape=" + PrinterShapes.pythonTuple(shape);
        }
        String arrayText = prefix + list + suffix;
        if (skipDtype) {
            return arrayText;
        }
        String dtypeText = "dtype=" + dtype.pythonName() + ")";
        int lastLineLength = arrayText.length() - (arrayText.lastIndexOf('\n') + 1);
        String spacer = lastLineLength + dtypeText.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(prefix.length())
                : " ";
        return arrayText + spacer + dtypeText;
    }

    /** {@code str(a)}: {@code [1. 2.]}; a 0-d array prints as its scalar ({@code 0.5}, {@code 3}, {@code True}). */
    public static String str(int[] shape, double[] values, DType dtype) {
        double[] stored = PrinterShapes.asStored(shape, values, dtype);
        if (shape.length == 0) {
            return scalarStr(stored[0], dtype);
        }
        return arrayToString(shape, stored, dtype, " ", "", LINE_WIDTH);
    }

    /** numpy's {@code str} of a scalar: Python-style shortest digits, scientific outside [1e-4, 1e16). */
    private static String scalarStr(double v, DType dtype) {
        return switch (dtype) {
            case BOOL -> v != 0 ? "True" : "False";
            case INT64 -> Long.toString((long) v);
            case FLOAT32, FLOAT64 -> {
                boolean float32 = dtype == DType.FLOAT32;
                double a = Math.abs(v);
                if (Double.isNaN(v)) {
                    yield "nan";
                } else if (Double.isInfinite(v)) {
                    yield v > 0 ? "inf" : "-inf";
                } else if (v == 0 || (a >= 1.e-4 && a < 1.e16)) {
                    yield Dragon4.positional(v, float32, -1, -1, Dragon4.Trim.LEAVE_ONE_ZERO, -1, -1);
                } else {
                    yield Dragon4.scientific(v, float32, -1, -1, Dragon4.Trim.DPT_ZEROS, -1, -1);
                }
            }
        };
    }

    /** {@code array2string}: the element formatter from the (summarised) data, then {@code _formatArray}. */
    private static String arrayToString(int[] shape, double[] values, DType dtype, String separator, String prefix,
            int lineWidth) {
        if (values.length == 0) {
            return "[]";
        }
        boolean summarize = values.length > THRESHOLD;
        double[] shown = summarize ? PrinterShapes.edgeValues(shape, values, EDGE_ITEMS) : values;
        DoubleFunction<String> format = elementFormat(shown, dtype, shape.length == 0);
        Layout layout = new Layout(shape, values, format, separator, summarize);
        return layout.render(0, 0, " " + " ".repeat(prefix.length()), lineWidth);
    }

    private static DoubleFunction<String> elementFormat(double[] data, DType dtype, boolean zeroDim) {
        return switch (dtype) {
            case BOOL -> v -> v != 0 ? (zeroDim ? "True" : " True") : "False";
            case INT64 -> {
                long max = Long.MIN_VALUE;
                long min = Long.MAX_VALUE;
                for (double v : data) {
                    max = Math.max(max, (long) v);
                    min = Math.min(min, (long) v);
                }
                int width = Math.max(Long.toString(max).length(), Long.toString(min).length());
                yield v -> DecimalText.padLeft(Long.toString((long) v), width);
            }
            case FLOAT32, FLOAT64 -> new NumpyFloatFormat(data, dtype == DType.FLOAT32)::format;
        };
    }

    /** {@code _formatArray}: nested brackets, hanging indents and line wrapping. */
    private record Layout(int[] shape, double[] values, DoubleFunction<String> format, String separator,
            boolean summarize) {

        String render(int depth, int offset, String hangingIndent, int width) {
            int axesLeft = shape.length - depth;
            if (axesLeft == 0) {
                return format.apply(values[offset]);
            }
            String nextIndent = hangingIndent + " ";
            int nextWidth = width - 1;
            int length = shape[depth];
            int stride = PrinterShapes.stride(shape, depth);
            boolean showSummary = summarize && 2 * EDGE_ITEMS < length;
            int leading = showSummary ? EDGE_ITEMS : 0;
            int trailing = showSummary ? EDGE_ITEMS : length;
            String trimmedSeparator = separator.stripTrailing();
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elementWidth = width - Math.max(trimmedSeparator.length(), 1);
                StringBuilder line = new StringBuilder(hangingIndent);
                for (int i = 0; i < leading; i++) {
                    extendLine(s, line, format.apply(values[offset + i]), elementWidth, hangingIndent);
                    line.append(separator);
                }
                if (showSummary) {
                    extendLine(s, line, SUMMARY, elementWidth, hangingIndent);
                    line.append(separator);
                }
                for (int i = trailing; i > 1; i--) {
                    extendLine(s, line, format.apply(values[offset + length - i]), elementWidth, hangingIndent);
                    line.append(separator);
                }
                extendLine(s, line, format.apply(values[offset + length - 1]), elementWidth, hangingIndent);
                s.append(line);
            } else {
                String lineSeparator = trimmedSeparator + "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hangingIndent).append(render(depth + 1, offset + i * stride, nextIndent, nextWidth))
                            .append(lineSeparator);
                }
                if (showSummary) {
                    s.append(hangingIndent).append(SUMMARY).append(lineSeparator);
                }
                for (int i = trailing; i > 1; i--) {
                    s.append(hangingIndent)
                            .append(render(depth + 1, offset + (length - i) * stride, nextIndent, nextWidth))
                            .append(lineSeparator);
                }
                s.append(hangingIndent)
                        .append(render(depth + 1, offset + (length - 1) * stride, nextIndent, nextWidth));
            }
            return "[" + s.substring(hangingIndent.length()) + "]";
        }

        /** {@code _extendLine}: starts a new line when the word would pass the width (unless the line is empty). */
        private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String indent) {
            boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            line.append(word);
        }
    }
}
