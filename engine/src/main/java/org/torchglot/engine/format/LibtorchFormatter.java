package org.torchglot.engine.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.tensor.DType;

/**
 * What R torch prints for {@code print(x)}: {@code torch_tensor}, then libtorch's {@code operator<<} of the tensor
 * (aten/src/ATen/core/Formatting.cpp: right-aligned columns, scale lines such as {@code 0.01 *},
 * {@code Columns 1 to 10} blocks, {@code (1,.,.) =} slices, {@code [ CPUFloatType{3,3} ]}), cut to R torch's
 * default 30 lines, then {@code [ requires_grad = TRUE ]} or {@code [ grad_fn = <AddBackward0> ]} on the last line.
 *
 * <p>The result has no trailing newline; R's {@code print} adds one.
 */
public final class LibtorchFormatter {

    /** R torch's default {@code n} for {@code print(x, n = 30)}. */
    public static final int DEFAULT_MAX_LINES = 30;

    private static final int LINE_SIZE = 80;
    private static final int DEFAULT_PRECISION = 6;

    private LibtorchFormatter() {
    }

    /** R torch's {@code print(x)}. */
    public static String format(int[] shape, double[] values, DType dtype, boolean requiresGrad, String gradFnName) {
        return format(shape, values, dtype, requiresGrad, gradFnName, DEFAULT_MAX_LINES);
    }

    /** R torch's {@code print(x, n = maxLines)}; {@code maxLines <= 1} (e.g. -1) disables truncation. */
    public static String format(int[] shape, double[] values, DType dtype, boolean requiresGrad, String gradFnName,
            int maxLines) {
        StringBuilder sb = new StringBuilder("torch_tensor\n");
        sb.append(truncate(streamText(shape, values, dtype), maxLines));
        // NOTE: R torch cat()s these right after libtorch's closing "]", on the same line.
        if (gradFnName != null) {
            sb.append("[ grad_fn = <").append(gradFnName).append("> ]");
        } else if (requiresGrad) {
            sb.append("[ requires_grad = TRUE ]");
        }
        return sb.toString();
    }

    /** libtorch's {@code std::cout << tensor} (no trailing newline). */
    static String streamText(int[] shape, double[] values, DType dtype) {
        double[] stored = PrinterShapes.asStored(shape, values, dtype);
        return new Printer(shape, stored).print(typeName(dtype, shape));
    }

    /** {@code [ CPUFloatType{3,3} ]}. */
    private static String typeName(DType dtype, int[] shape) {
        StringBuilder sb = new StringBuilder("[ CPU").append(dtype.scalarTypeName()).append("Type{");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.append("} ]").toString();
    }

    /** R torch's {@code cpp_torch_tensor_print}: keeps the first n lines and the last one, noting the cut. */
    private static String truncate(String text, int maxLines) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() > maxLines && maxLines > 1) {
            String last = lines.get(lines.size() - 1);
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.add("... [the output was truncated (use n=-1 to disable)]");
            lines.add(last);
        }
        return String.join("\n", lines);
    }

    /** One {@code print(stream, tensor, 80)} call; tracks the stream precision that earlier slices leave behind. */
    private static final class Printer {
        private final int[] shape;
        private final double[] values;
        private final StringBuilder out = new StringBuilder();
        private int precision = DEFAULT_PRECISION;

        Printer(int[] shape, double[] values) {
            this.shape = shape;
            this.values = values;
        }

        String print(String typeName) {
            if (shape.length == 0) {
                out.append(LibtorchNumberFormat.text(values[0], LibtorchNumberFormat.Notation.DEFAULT_FLOAT,
                        precision)).append('\n');
            } else if (values.length > 0) {
                if (shape.length == 1) {
                    printVector();
                } else if (shape.length == 2) {
                    printMatrix(0, shape[0], shape[1], 0);
                } else {
                    printSlices();
                }
            }
            return out.append(typeName).toString();
        }

        private LibtorchNumberFormat chooseFormat(int from, int to) {
            LibtorchNumberFormat format = LibtorchNumberFormat.of(values, from, to);
            if (format.setsPrecision()) {
                precision = 4;
            }
            return format;
        }

        private void printVector() {
            LibtorchNumberFormat format = chooseFormat(0, values.length);
            if (format.scale != 1) {
                printScale(format.scale);
            }
            for (double v : values) {
                out.append(format.format(v, precision)).append('\n');
            }
        }

        private void printScale(double scale) {
            out.append(LibtorchNumberFormat.text(scale, LibtorchNumberFormat.Notation.DEFAULT_FLOAT, precision))
                    .append(" *\n");
        }

        /** {@code __printMatrix} of the rows x cols block starting at {@code offset}. */
        private void printMatrix(int offset, int rows, int cols, int indent) {
            LibtorchNumberFormat format = chooseFormat(offset, offset + rows * cols);
            String indentText = " ".repeat(indent);
            out.append(indentText);
            int columnsPerLine = (LINE_SIZE - indent) / (format.width + 1);
            int firstColumn = 0;
            while (firstColumn < cols) {
                int lastColumn = Math.min(firstColumn + columnsPerLine, cols) - 1;
                if (columnsPerLine < cols) {
                    if (firstColumn != 0) {
                        out.append('\n');
                    }
                    // NOTE: libtorch writes no newline after this header, so the first row follows on its line.
                    out.append("Columns ").append(firstColumn + 1).append(" to ").append(lastColumn + 1);
                    out.append(indentText);
                }
                if (format.scale != 1) {
                    printScale(format.scale);
                    out.append(indentText);
                }
                for (int row = 0; row < rows; row++) {
                    for (int c = firstColumn; c <= lastColumn; c++) {
                        out.append(format.format(values[offset + row * cols + c], precision));
                        if (c == lastColumn) {
                            out.append('\n');
                            if (row != rows - 1) {
                                // NOTE: libtorch indents rows after the first by one more space when scaled.
                                out.append(indentText).append(format.scale != 1 ? " " : "");
                            }
                        } else {
                            out.append(' ');
                        }
                    }
                }
                firstColumn = lastColumn + 1;
            }
        }

        /** {@code __printTensor}: one {@code (i,j,.,.) =} matrix per index of the leading dims, first index fastest. */
        private void printSlices() {
            int leading = shape.length - 2;
            int rows = shape[leading];
            int cols = shape[leading + 1];
            int[] counter = new int[leading];
            boolean start = true;
            while (true) {
                if (start) {
                    start = false;
                } else {
                    if (!advance(counter)) {
                        return;
                    }
                    out.append('\n');
                }
                int offset = 0;
                out.append('(');
                for (int i = 0; i < leading; i++) {
                    offset += counter[i] * PrinterShapes.stride(shape, i);
                    out.append(counter[i] + 1).append(',');
                }
                out.append(".,.) = \n");
                printMatrix(offset, rows, cols, 1);
            }
        }

        /** Odometer step with the first index fastest; false once every slice was printed. */
        private boolean advance(int[] counter) {
            for (int i = 0; i < counter.length; i++) {
                counter[i]++;
                if (counter[i] < shape[i]) {
                    return true;
                }
                counter[i] = 0;
            }
            return false;
        }
    }
}
