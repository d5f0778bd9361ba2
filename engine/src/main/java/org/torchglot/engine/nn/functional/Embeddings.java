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
                    + "types: Long, Int; but got " + input.dtype().typeName() + " instead "
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

    /**
     * {@code F.embedding_bag}: the sum, mean or max of the embeddings of each bag. Bags are the rows
     * of a 2-D input, or the runs of a 1-D input that {@code offsets} start; padding entries are
     * skipped, and {@code perSampleWeights} (mode 'sum' only) scale each entry. An empty bag is zeros.
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, Double maxNorm, double normType,
            String mode, Tensor perSampleWeights, boolean includeLastOffset, Long paddingIdx) {
        if (!mode.equals("sum") && !mode.equals("mean") && !mode.equals("max")) {
            throw TorchException.value("mode has to be one of sum, mean or max");
        }
        if (perSampleWeights != null && !mode.equals("sum")) {
            throw TorchException.runtime("embedding_bag: per_sample_weights was not None. per_sample_weights is only "
                    + "supported for mode='sum' (got mode='" + mode + "'). Please open a feature request on GitHub.");
        }
        long[] starts;
        int total = input.numel();
        if (input.dim() == 2) {
            if (offsets != null) {
                throw TorchException.value("if input is 2D, then offsets has to be None, as input is treated is a "
                        + "mini-batch of fixed length sequences. However, found offsets of type Tensor");
            }
            starts = new long[input.size(0)];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = (long) b * input.size(1);
            }
        } else if (input.dim() == 1) {
            if (offsets == null) {
                throw TorchException.value("offsets has to be a 1D Tensor but got None");
            }
            long[] given = offsets.contiguousCopy().toLongArray();
            starts = includeLastOffset ? java.util.Arrays.copyOf(given, Math.max(0, given.length - 1)) : given;
            if (includeLastOffset && given.length > 0) {
                total = (int) given[given.length - 1];
            }
        } else {
            throw TorchException.value("input has to be 1D or 2D Tensor, but got Tensor of dimension " + input.dim());
        }
        Tensor flat = input.reshape(-1);
        long[] indices = flat.contiguousCopy().toLongArray();
        Tensor rows = embedding(flat, weight, null, maxNorm, normType);
        long pad = paddingIdx == null ? -1 : paddingIdx < 0 ? paddingIdx + weight.size(0) : paddingIdx;
        java.util.List<Tensor> bags = new java.util.ArrayList<>();
        for (int b = 0; b < starts.length; b++) {
            int from = (int) starts[b];
            int to = b + 1 < starts.length ? (int) starts[b + 1] : total;
            java.util.List<Tensor> members = new java.util.ArrayList<>();
            for (int k = from; k < to; k++) {
                if (indices[k] == pad) {
                    continue;
                }
                Tensor row = rows.select(0, k);
                members.add(perSampleWeights == null ? row : row.mul(perSampleWeights.select(0, k)));
            }
            if (members.isEmpty()) {
                bags.add(Tensor.zeros(new int[] {weight.size(1)}, weight.dtype()));
                continue;
            }
            Tensor stacked = Tensor.stack(members, 0);
            bags.add(switch (mode) {
                case "sum" -> stacked.sum(0, false);
                case "mean" -> stacked.mean(0, false);
                default -> stacked.max(0, false)[0];
            });
        }
        return bags.isEmpty() ? Tensor.zeros(new int[] {0, weight.size(1)}, weight.dtype()) : Tensor.stack(bags, 0);
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
