package org.torchglot.engine.ops.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code torch.linalg.vector_norm}, {@code matrix_norm} and {@code norm}, which picks one of them as PyTorch does. */
public final class Norms {
    private Norms() {
    }

    /** The vector p-norm over {@code dims} (all when null); ord may be +-inf and 0 (the count of non-zeros). */
    public static Tensor vectorNorm(Tensor input, double ord, int[] dims, boolean keepdim, DType dtype) {
        Tensor x = Linalg.normInput(input, dtype, "linalg.vector_norm");
        int[] reduce = normalise(dims, x.dim());
        Tensor kept;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            kept = reduceKeepdim(x, reduce, ord);
        }
        Tensor out = keepdim ? kept : squeezeAll(kept, reduce);
        if (Tensor.needsGrad(x)) {
            Tensor norm = kept.detach();
            out.withGradFn(new FunctionNode("LinalgVectorNormBackward0", new Tensor[] {x}, new Tensor[] {x.detach(), norm},
                    (g, s) -> new Tensor[] {vectorNormGrad(keepdim ? g : unsqueezeAll(g, reduce), s[0], s[1], ord)}));
        }
        return out;
    }

    private static Tensor reduceKeepdim(Tensor x, int[] dims, double ord) {
        Tensor abs = x.abs();
        if (ord == Double.POSITIVE_INFINITY || ord == Double.NEGATIVE_INFINITY) {
            Tensor flat = moveToEnd(abs, dims);
            Tensor r = ord > 0 ? flat.max(-1, false)[0] : flat.min(-1, false)[0];
            return r.reshape(keepdimShape(x.shapeRef(), dims));
        }
        if (ord == 0) {
            return abs.ne(Tensor.scalar(0.0)).to(x.dtype()).sum(dims, true);
        }
        if (ord == 1) {
            return abs.sum(dims, true);
        }
        if (ord == 2) {
            return abs.mul(abs).sum(dims, true).sqrt();
        }
        return abs.pow(ord).sum(dims, true).pow(1 / ord);
    }

    /** d||x||_p / dx: x |x|^(p-2) / ||x||^(p-1), with PyTorch's special cases (0 at a zero norm, inf's ties shared). */
    private static Tensor vectorNormGrad(Tensor g, Tensor x, Tensor norm, double ord) {
        if (ord == 0) {
            return Tensor.zeros(x.shape(), x.dtype());
        }
        if (ord == 1) {
            return x.sign().mul(g);
        }
        if (Double.isInfinite(ord)) {
            Tensor hits = x.abs().eq(norm).to(x.dtype());
            return x.sign().mul(hits).mul(g).div(hitsPerSlice(hits, norm));
        }
        Tensor safe = Tensor.where(norm.eq(Tensor.scalar(0.0)), Tensor.onesLike(norm), norm);
        Tensor scale;
        if (ord == 2) {
            scale = x.div(safe);
        } else {
            scale = x.sign().mul(x.abs().pow(ord - 1)).div(safe.pow(ord - 1));
        }
        return Tensor.where(norm.eq(Tensor.scalar(0.0)).expandAs(x), Tensor.zeros(x.shape(), x.dtype()), scale.mul(g));
    }

    /** How many elements of each reduced slice reach the inf-norm, shaped like the kept norm. */
    private static Tensor hitsPerSlice(Tensor hits, Tensor norm) {
        List<Integer> reduced = new ArrayList<>();
        for (int d = 0; d < hits.dim(); d++) {
            if (norm.size(d) == 1 && hits.size(d) != 1) {
                reduced.add(d);
            }
        }
        return reduced.isEmpty() ? Tensor.onesLike(norm)
                : hits.sum(reduced.stream().mapToInt(Integer::intValue).toArray(), true);
    }

    /** A matrix norm over the two {@code dims}: 'fro', 'nuc', +-1, +-2 or +-inf. */
    public static Tensor matrixNorm(Tensor input, Object ord, int[] dims, boolean keepdim, DType dtype) {
        Tensor a = Linalg.normInput(input, dtype, "linalg.matrix_norm");
        if (a.dim() < 2) {
            throw TorchException.runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.");
        }
        int[] d = normalise(dims == null ? new int[] {-2, -1} : dims, a.dim());
        if (d.length != 2 || d[0] == d[1]) {
            throw TorchException.runtime("linalg.matrix_norm: dim must be a 2-tuple. Got " + Arrays.toString(dims));
        }
        if (ord instanceof String s) {
            if (s.equals("fro")) {
                return vectorNorm(a, 2, d, keepdim, null);
            }
            if (!s.equals("nuc")) {
                throw TorchException.runtime("linalg.matrix_norm: Order " + s + " not supported.");
            }
            Tensor sv = Linalg.svdvals(moveToEnd2(a, d));
            return restore(sv.sum(new int[] {-1}, false), d, keepdim);
        }
        double p = ((Number) ord).doubleValue();
        if (Math.abs(p) == 2) {
            Tensor sv = Linalg.svdvals(moveToEnd2(a, d));
            return restore(p > 0 ? sv.max(-1, false)[0] : sv.min(-1, false)[0], d, keepdim);
        }
        if (Math.abs(p) == 1 || Double.isInfinite(p)) {
            // NOTE: the 1-norm is the largest column sum of |A|, the inf-norm the largest row sum, as in PyTorch.
            Tensor m = moveToEnd2(a, d).abs();
            Tensor sums = Math.abs(p) == 1 ? m.sum(new int[] {-2}, false) : m.sum(new int[] {-1}, false);
            return restore(p > 0 ? sums.max(-1, false)[0] : sums.min(-1, false)[0], d, keepdim);
        }
        throw TorchException.runtime("linalg.matrix_norm: Order " + formatOrd(p) + " not supported.");
    }

    /**
     * {@code torch.linalg.norm}: a vector norm unless ord is a string, or dim names two dims, or (without dim) the
     * input is 2-D and ord is given; without ord and dim, the 2-norm of the flattened input.
     */
    public static Tensor norm(Tensor a, Object ord, int[] dims, boolean keepdim, DType dtype) {
        boolean matrix = ord instanceof String || (dims != null && dims.length == 2)
                || (dims == null && ord != null && a.dim() == 2);
        if (matrix) {
            return matrixNorm(a, ord == null ? "fro" : ord, dims, keepdim, dtype);
        }
        if (dims == null && ord != null && a.dim() != 1) {
            throw TorchException.runtime("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                    + "Got " + a.dim() + "D.");
        }
        return vectorNorm(a, ord == null ? 2 : ((Number) ord).doubleValue(), dims, keepdim, dtype);
    }

    private static String formatOrd(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** Reduced dims sorted, non-negative; null means every dim. */
    private static int[] normalise(int[] dims, int rank) {
        if (dims == null || dims.length == 0 && rank == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            d[i] = Shapes.wrapDim(dims[i], rank);
        }
        return d;
    }

    private static int[] keepdimShape(int[] shape, int[] dims) {
        int[] out = shape.clone();
        for (int d : dims) {
            out[d] = 1;
        }
        return out;
    }

    /** The tensor with {@code dims} flattened into one last dim, the others in order before it. */
    private static Tensor moveToEnd(Tensor x, int[] dims) {
        List<Integer> order = new ArrayList<>();
        List<Integer> keptSizes = new ArrayList<>();
        int reducedSize = 1;
        for (int i = 0; i < x.dim(); i++) {
            if (!contains(dims, i)) {
                order.add(i);
                keptSizes.add(x.size(i));
            }
        }
        for (int d : dims) {
            order.add(d);
            reducedSize *= x.size(d);
        }
        int[] shape = new int[keptSizes.size() + 1];
        for (int i = 0; i < keptSizes.size(); i++) {
            shape[i] = keptSizes.get(i);
        }
        shape[keptSizes.size()] = reducedSize;
        return x.permute(order.stream().mapToInt(Integer::intValue).toArray()).reshape(shape);
    }

    /** The two matrix dims moved to the end, in the order given. */
    private static Tensor moveToEnd2(Tensor a, int[] d) {
        int[] order = new int[a.dim()];
        int at = 0;
        for (int i = 0; i < a.dim(); i++) {
            if (i != d[0] && i != d[1]) {
                order[at++] = i;
            }
        }
        order[at++] = d[0];
        order[at] = d[1];
        return a.permute(order);
    }

    /** A result over the kept dims, with the two reduced dims put back as size 1 when {@code keepdim}. */
    private static Tensor restore(Tensor r, int[] d, boolean keepdim) {
        if (!keepdim) {
            return r;
        }
        int lo = Math.min(d[0], d[1]);
        int hi = Math.max(d[0], d[1]);
        return r.unsqueeze(lo).unsqueeze(hi);
    }

    private static boolean contains(int[] dims, int d) {
        for (int x : dims) {
            if (x == d) {
                return true;
            }
        }
        return false;
    }

    private static Tensor squeezeAll(Tensor t, int[] dims) {
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        Tensor out = t;
        for (int i = sorted.length - 1; i >= 0; i--) {
            out = out.squeeze(sorted[i]);
        }
        return out;
    }

    private static Tensor unsqueezeAll(Tensor t, int[] dims) {
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        Tensor out = t;
        for (int d : sorted) {
            out = out.unsqueeze(d);
        }
        return out;
    }
}
