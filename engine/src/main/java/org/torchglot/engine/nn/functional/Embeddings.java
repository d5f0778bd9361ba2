package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code F.embedding} (a row lookup whose gradient adds into the looked-up rows) and {@code F.one_hot}. */
public final class Embeddings {
    private Embeddings() {
    }

    /**
     * {@code F.embedding(input, weight, padding_idx, max_norm, norm_type)}: row {@code input[i]} of
     * {@code weight} for every index. The padding row gets no gradient; with {@code maxNorm}, the
     * looked-up rows are first rescaled in place to that norm at most, as PyTorch does.
     */
    public static Tensor embedding(Tensor input, Tensor weight, Long paddingIdx, Double maxNorm, double normType) {
        if (input.isFloatingPoint() || input.dtype() == DType.BOOL) {
            throw TorchException.runtime("Expected tensor for argument #1 'indices' to have one of the following scalar "
                    + "types: Long, Int; but got torch." + input.dtype().scalarTypeName() + "Tensor instead "
                    + "(while checking arguments for embedding)");
        }
        if (weight.dim() != 2) {
            throw TorchException.runtime("'weight' must be 2-D");
        }
        int rows = weight.size(0);
        int width = weight.size(1);
        long padding = -1;
        if (paddingIdx != null) {
            if (paddingIdx >= rows || paddingIdx < -rows) {
                throw TorchException.runtime(paddingIdx >= 0 ? "Padding_idx must be within num_embeddings"
                        : "Padding_idx must be within num_embeddings");
            }
            padding = paddingIdx < 0 ? paddingIdx + rows : paddingIdx;
        }
        long[] indices = input.contiguousCopy().toLongArray();
        for (long i : indices) {
            if (i < 0 || i >= rows) {
                throw TorchException.index("index out of range in self");
            }
        }
        if (maxNorm != null) {
            renorm(weight, indices, maxNorm, normType);
        }
        Tensor w = weight.contiguousCopy();
        int[] outShape = java.util.Arrays.copyOf(input.shapeRef(), input.dim() + 1);
        outShape[input.dim()] = width;
        Tensor out = Tensor.zeros(outShape, weight.dtype());
        for (int k = 0; k < indices.length; k++) {
            copyRow(w.storage(), (int) indices[k] * width, out.storage(), k * width, width);
        }
        if (Tensor.needsGrad(weight)) {
            long pad = padding;
            int[] weightShape = weight.shape();
            out.withGradFn(new FunctionNode("EmbeddingBackward0", new Tensor[] {weight}, null, (g, s) -> {
                Tensor grad = g.contiguousCopy();
                Tensor sum = Tensor.zeros(weightShape, grad.dtype());
                for (int k = 0; k < indices.length; k++) {
                    if (indices[k] != pad) {
                        addRow(grad.storage(), k * width, sum.storage(), (int) indices[k] * width, width);
                    }
                }
                return new Tensor[] {sum};
            }));
        }
        return out;
    }

    private static void copyRow(Storage from, int fromOffset, Storage to, int toOffset, int n) {
        for (int j = 0; j < n; j++) {
            to.setDouble(toOffset + j, from.getDouble(fromOffset + j));
        }
    }

    private static void addRow(Storage from, int fromOffset, Storage to, int toOffset, int n) {
        for (int j = 0; j < n; j++) {
            to.setDouble(toOffset + j, to.getDouble(toOffset + j) + from.getDouble(fromOffset + j));
        }
    }

    /** {@code embedding_renorm_}: rows whose p-norm exceeds {@code maxNorm} are scaled to it (once each). */
    private static void renorm(Tensor weight, long[] indices, double maxNorm, double normType) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            java.util.Set<Long> seen = new java.util.TreeSet<>();
            for (long i : indices) {
                seen.add(i);
            }
            for (long i : seen) {
                Tensor row = weight.select(0, (int) i);
                double norm = normType == 2 ? row.mul(row).sum().sqrt().item()
                        : row.abs().pow(normType).sum().pow(1 / normType).item();
                if (norm > maxNorm) {
                    row.copy_(row.mul(maxNorm / (norm + 1e-7)));
                }
            }
        }
    }

    /** {@code F.one_hot(tensor, num_classes=-1)}: int64 with a trailing class dim; -1 takes max + 1. */
    public static Tensor oneHot(Tensor input, long numClasses) {
        if (input.dtype() != DType.INT64) {
            throw TorchException.runtime("one_hot is only applicable to index tensor.");
        }
        long[] values = input.contiguousCopy().toLongArray();
        long max = -1;
        for (long v : values) {
            if (v < 0) {
                throw TorchException.runtime("Class values must be non-negative.");
            }
            max = Math.max(max, v);
        }
        if (numClasses == -1) {
            if (values.length == 0) {
                throw TorchException.runtime("Can not infer total number of classes from empty tensor.");
            }
            numClasses = max + 1;
        } else if (max >= numClasses) {
            throw TorchException.runtime("Class values must be smaller than num_classes.");
        }
        int c = Math.toIntExact(numClasses);
        int[] shape = java.util.Arrays.copyOf(input.shapeRef(), input.dim() + 1);
        shape[input.dim()] = c;
        Tensor out = Tensor.zeros(shape, DType.INT64);
        for (int k = 0; k < values.length; k++) {
            out.storage().setLong(k * c + (int) values[k], 1);
        }
        return out;
    }
}
