package org.torchglot.engine.format;

import java.util.Arrays;
import org.torchglot.engine.tensor.DType;

/** Shape arithmetic and value preparation shared by the printers. */
final class PrinterShapes {

    private PrinterShapes() {
    }

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** Number of elements in one step of dimension {@code dim} (the row-major stride). */
    static int stride(int[] shape, int dim) {
        int n = 1;
        for (int i = dim + 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, {@code (0,)}, {@code ()}. */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /**
     * The values as the dtype holds them: FLOAT32 rounded to float, INT64 truncated to integers, BOOL as 0 or 1.
     * Checks that the value count matches the shape.
     */
    static double[] asStored(int[] shape, double[] values, DType dtype) {
        long elements = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            elements = Math.min(elements * size, Integer.MAX_VALUE + 1L);
        }
        if (values.length != elements) {
            throw new IllegalArgumentException(
                    values.length + " values for shape " + Arrays.toString(shape) + " (" + numel(shape) + " elements)");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            out[i] = switch (dtype) {
                case FLOAT32 -> (double) (float) v;
                case FLOAT64 -> v;
                case INT64 -> (double) (long) v;
                case BOOL -> v != 0 ? 1.0 : 0.0;
            };
        }
        return out;
    }

    /**
     * The elements kept when a large tensor is summarised: the first and last {@code edgeItems} indices of every
     * dimension longer than {@code 2 * edgeItems} (PyTorch's {@code get_summarized_data}, numpy's
     * {@code _leading_trailing}). Order is row-major; only the set matters to the formatters.
     */
    static double[] edgeValues(int[] shape, double[] values, int edgeItems) {
        double[] out = new double[numel(keptShape(shape, edgeItems))];
        int[] next = {0};
        collectEdges(shape, values, edgeItems, 0, 0, out, next);
        return out;
    }

    private static int[] keptShape(int[] shape, int edgeItems) {
        int[] kept = shape.clone();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] > 2 * edgeItems) {
                kept[i] = 2 * edgeItems;
            }
        }
        return kept;
    }

    private static void collectEdges(int[] shape, double[] values, int edgeItems, int dim, int offset, double[] out,
            int[] next) {
        if (dim == shape.length) {
            out[next[0]++] = values[offset];
            return;
        }
        int size = shape[dim];
        int stride = stride(shape, dim);
        boolean summarise = size > 2 * edgeItems;
        for (int i = 0; i < size; i++) {
            if (summarise && i >= edgeItems && i < size - edgeItems) {
                continue;
            }
            collectEdges(shape, values, edgeItems, dim + 1, offset + i * stride, out, next);
        }
    }
}
