package org.torchglot.engine.format;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.DType;

/**
 * PyTorch 1.13's {@code repr} of a tensor ({@code torch/_tensor_str.py}): {@code tensor([[ 0.3374, -0.1778],
 * ...])} with its suffixes ({@code dtype=}, {@code size=}, {@code requires_grad=True}, {@code grad_fn=<...>}) and
 * {@code Parameter containing:} for parameters.
 *
 * <p>The default dtype is taken to be float32, as in a fresh PyTorch process.
 */
public final class PyTorchFormatter {

    private static final String PREFIX = "tensor(";
    private static final PrintOptions OPTIONS = new PrintOptions();

    /**
     * What PyTorch appends after the values, beyond what the shape and dtype imply.
     *
     * @param requiresGrad a leaf that requires grad ({@code requires_grad=True}); ignored when gradFnName is set
     * @param gradFnName   the autograd node's name, e.g. {@code AddmmBackward0}, or null
     * @param isParameter  an {@code nn.Parameter}: the repr starts with {@code Parameter containing:}
     */
    public record Suffix(boolean requiresGrad, String gradFnName, boolean isParameter) {
        /** A plain tensor. */
        public static final Suffix NONE = new Suffix(false, null, false);

        /** A leaf tensor with {@code requires_grad=True}. */
        public static Suffix requiringGrad() {
            return new Suffix(true, null, false);
        }

        /** A tensor produced by the named autograd node. */
        public static Suffix gradFn(String name) {
            return new Suffix(true, name, false);
        }

        /** An {@code nn.Parameter} (which requires grad unless frozen). */
        public static Suffix parameter(boolean requiresGrad) {
            return new Suffix(requiresGrad, null, true);
        }
    }

    private PyTorchFormatter() {
    }

    /**
     * The process-wide print options that {@code torch.set_printoptions} changes. Not synchronised: set them from
     * the script's thread, as PyTorch users do.
     */
    public static PrintOptions options() {
        return OPTIONS;
    }

    /** {@code repr(t)} with the process-wide print options. */
    public static String format(int[] shape, double[] values, DType dtype, Suffix suffix) {
        return format(shape, values, dtype, suffix, OPTIONS);
    }

    /** {@code repr(t)} with the given print options. */
    public static String format(int[] shape, double[] values, DType dtype, Suffix suffix, PrintOptions options) {
        double[] stored = PrinterShapes.asStored(shape, values, dtype);
        int indent = PREFIX.length();
        List<String> suffixes = new ArrayList<>();
        String body;
        if (stored.length == 0) {
            // NOTE: as numpy does, the shape is shown unless it is (0,); the dtype is shown even for int64 and bool.
            if (shape.length != 1) {
                suffixes.add("size=" + PrinterShapes.pythonTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                suffixes.add(dtypeSuffix(dtype));
            }
            body = "[]";
        } else {
            if (dtype == DType.FLOAT64) {
                suffixes.add(dtypeSuffix(dtype));
            }
            body = new Body(shape, stored, dtype, options).render(indent);
        }
        if (suffix.gradFnName() != null) {
            suffixes.add("grad_fn=<" + suffix.gradFnName() + ">");
        } else if (suffix.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        String repr = addSuffixes(PREFIX + body, suffixes, indent, options.lineWidth());
        return suffix.isParameter() ? "Parameter containing:\n" + repr : repr;
    }

    private static String dtypeSuffix(DType dtype) {
        return "dtype=torch." + dtype.pythonName();
    }

    /** {@code _add_suffixes}: each suffix after a comma, on a new indented line when the last line would overflow. */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent, int lineWidth) {
        StringBuilder sb = new StringBuilder(tensorStr);
        // NOTE: PyTorch's off-by-two: len(s) - s.rfind("\n") + 1, which is len(s) + 2 on a single line.
        int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > lineWidth) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** The bracketed values ({@code _tensor_str}): nested dims, summarisation and wrapping of long rows. */
    private static final class Body {
        private final int[] shape;
        private final double[] values;
        private final PrintOptions options;
        private final boolean summarize;
        private final PyTorchElementFormat format;

        Body(int[] shape, double[] values, DType dtype, PrintOptions options) {
            this.shape = shape;
            this.values = values;
            this.options = options;
            this.summarize = values.length > options.threshold();
            double[] shown = summarize ? PrinterShapes.edgeValues(shape, values, options.edgeItems()) : values;
            this.format = new PyTorchElementFormat(shown, dtype, options);
        }

        String render(int indent) {
            return render(0, 0, indent);
        }

        private String render(int depth, int offset, int indent) {
            int dim = shape.length - depth;
            if (dim == 0) {
                return format.format(values[offset]);
            }
            if (dim == 1) {
                return vector(depth, offset, indent);
            }
            int size = shape[depth];
            int stride = PrinterShapes.stride(shape, depth);
            List<String> slices = new ArrayList<>();
            for (int i : shownIndices(size)) {
                slices.add(i < 0 ? "..." : render(depth + 1, offset + i * stride, indent + 1));
            }
            String separator = "," + "\n".repeat(dim - 1) + " ".repeat(indent + 1);
            return "[" + String.join(separator, slices) + "]";
        }

        private String vector(int depth, int offset, int indent) {
            int elementLength = format.width() + 2;
            int perLine = Math.max(1, Math.floorDiv(options.lineWidth() - indent, elementLength));
            List<String> data = new ArrayList<>();
            for (int i : shownIndices(shape[depth])) {
                data.add(i < 0 ? " ..." : format.format(values[offset + i]));
            }
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < data.size(); i++) {
                if (i > 0) {
                    sb.append(i % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
                }
                sb.append(data.get(i));
            }
            return sb.append(']').toString();
        }

        /** The indices shown along a dimension of this size, with -1 where the {@code ...} goes. */
        private int[] shownIndices(int size) {
            int edge = options.edgeItems();
            if (!summarize || size <= 2 * edge) {
                int[] all = new int[size];
                for (int i = 0; i < size; i++) {
                    all[i] = i;
                }
                return all;
            }
            int[] shown = new int[2 * edge + 1];
            for (int i = 0; i < edge; i++) {
                shown[i] = i;
                shown[edge + 1 + i] = size - edge + i;
            }
            shown[edge] = -1;
            return shown;
        }
    }
}
