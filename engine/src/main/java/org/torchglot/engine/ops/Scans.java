package org.torchglot.engine.ops;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;

/** Cumulative ops along a dim: cumsum, cumprod, cummax, cummin, logcumsumexp, with derivatives. */
public final class Scans {
    private Scans() {
    }

    /** Scans one row {@code in[from, from + n)} into {@code out} (and {@code indices} for cummax/cummin). */
    @FunctionalInterface
    private interface RowScan {
        void apply(double[] in, int from, int n, double[] out, long[] indices);
    }

    /** Runs {@code scan} along {@code dim}: the results' values (index 0) and positions (index 1). */
    private static Tensor[] scan(Tensor t, int dim, DType outType, RowScan scan) {
        if (t.dim() == 0) {
            t = t.reshape(1);
            Tensor[] r = scan(t, 0, outType, scan);
            return new Tensor[] {r[0].reshape(), r[1].reshape()};
        }
        int d = Shapes.wrapDim(dim, t.dim());
        Tensor moved = t.transpose(d, -1).contiguousCopy();
        double[] in = moved.toDoubleArray();
        int n = moved.size(-1);
        double[] out = new double[in.length];
        long[] idx = new long[in.length];
        for (int from = 0; n > 0 && from < in.length; from += n) {
            scan.apply(in, from, n, out, idx);
        }
        Tensor values = Tensor.zeros(moved.shapeRef(), outType);
        Tensor indices = Tensor.zeros(moved.shapeRef(), DType.INT64);
        for (int i = 0; i < out.length; i++) {
            values.storage().setDouble(i, out[i]);
            indices.storage().l[i] = idx[i];
        }
        return new Tensor[] {values.transpose(d, -1).contiguousCopy(), indices.transpose(d, -1).contiguousCopy()};
    }

    private static DType accumulateType(Tensor t, DType dtype) {
        return dtype != null ? dtype : t.isFloatingPoint() ? t.dtype() : DType.INT64;
    }

    /** Sums from the end: the gradient of a cumulative sum. */
    private static Tensor reverseCumsum(Tensor g, int dim) {
        return Rearrange.flip(cumsum(Rearrange.flip(g, new int[] {dim}), dim, null), new int[] {dim});
    }

    public static Tensor cumsum(Tensor t, int dim, DType dtype) {
        Tensor x = dtype == null ? t : t.to(dtype);
        int d = t.dim() == 0 ? 0 : Shapes.wrapDim(dim, t.dim());
        Tensor out = scan(x, d, accumulateType(t, dtype), (in, f, n, o, i) -> {
            double s = 0;
            for (int k = f; k < f + n; k++) {
                s += in[k];
                o[k] = s;
            }
        })[0];
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("CumsumBackward0", new Tensor[] {x}, null,
                    (g, s) -> new Tensor[] {g.dim() == 0 ? g : reverseCumsum(g, d)}));
        }
        return out;
    }

    public static Tensor cumprod(Tensor t, int dim, DType dtype) {
        Tensor x = dtype == null ? t : t.to(dtype);
        int d = t.dim() == 0 ? 0 : Shapes.wrapDim(dim, t.dim());
        Tensor out = scan(x, d, accumulateType(t, dtype), (in, f, n, o, i) -> {
            double p = 1;
            for (int k = f; k < f + n; k++) {
                p *= in[k];
                o[k] = p;
            }
        })[0];
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("CumprodBackward0", new Tensor[] {x}, new Tensor[] {x, out},
                    (g, s) -> new Tensor[] {g.dim() == 0 ? g : cumprodGrad(g, s[0], d)}));
        }
        return out;
    }

    /**
     * d/dx_i of sum_j g_j prod_{k<=j} x_k: for each i, sum over j >= i of g_j times the product of
     * x_k (k <= j, k != i); computed per row without dividing, so zeros in x are handled.
     */
    private static Tensor cumprodGrad(Tensor g, Tensor x, int d) {
        Tensor gm = g.transpose(d, -1).contiguousCopy();
        Tensor xm = x.transpose(d, -1).contiguousCopy();
        double[] gv = gm.toDoubleArray();
        double[] xv = xm.toDoubleArray();
        int n = xm.size(-1);
        double[] out = new double[xv.length];
        for (int f = 0; n > 0 && f < xv.length; f += n) {
            for (int i = 0; i < n; i++) {
                double before = 1;
                for (int k = 0; k < i; k++) {
                    before *= xv[f + k];
                }
                double sum = 0;
                double after = 1;
                for (int j = i; j < n; j++) {
                    if (j > i) {
                        after *= xv[f + j];
                    }
                    sum += gv[f + j] * before * after;
                }
                out[f + i] = sum;
            }
        }
        Tensor r = Tensor.zeros(xm.shapeRef(), g.dtype());
        for (int i = 0; i < out.length; i++) {
            r.storage().setDouble(i, out[i]);
        }
        return r.transpose(d, -1);
    }

    /** {@code (values, indices)} of the running maximum (minimum); the last of equal values wins, as in PyTorch. */
    public static Tensor[] cumExtreme(Tensor t, int dim, boolean max) {
        int d = t.dim() == 0 ? 0 : Shapes.wrapDim(dim, t.dim());
        Tensor[] r = scan(t, d, t.dtype(), (in, f, n, o, idx) -> {
            double best = in[f];
            long at = 0;
            for (int k = 0; k < n; k++) {
                double v = in[f + k];
                if (Double.isNaN(best)) {
                    o[f + k] = best;
                    idx[f + k] = at;
                    continue;
                }
                if (Double.isNaN(v) || (max ? v >= best : v <= best)) {
                    best = v;
                    at = k;
                }
                o[f + k] = best;
                idx[f + k] = at;
            }
        });
        if (Tensor.needsGrad(t)) {
            int[] shape = t.shape();
            r[0].withGradFn(new FunctionNode(max ? "CummaxBackward0" : "CumminBackward0", new Tensor[] {t},
                    new Tensor[] {r[1]}, (g, s) -> new Tensor[] {
                        g.dim() == 0 ? g : Gathers.scatterAdd(Tensor.zeros(shape, g.dtype()), d, s[0], g)}));
        }
        return r;
    }

    public static Tensor logcumsumexp(Tensor t, int dim) {
        int d = t.dim() == 0 ? 0 : Shapes.wrapDim(dim, t.dim());
        DType type = t.isFloatingPoint() ? t.dtype() : DType.FLOAT32;
        Tensor out = scan(t, d, type, (in, f, n, o, i) -> {
            double acc = Double.NEGATIVE_INFINITY;
            for (int k = f; k < f + n; k++) {
                double v = in[k];
                double m = Math.max(acc, v);
                acc = Double.isInfinite(m) && m < 0 ? m : m + Math.log(Math.exp(acc - m) + Math.exp(v - m));
                o[k] = acc;
            }
        })[0];
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("LogcumsumexpBackward0", new Tensor[] {t}, new Tensor[] {t, out},
                    (g, s) -> {
                        if (g.dim() == 0) {
                            return new Tensor[] {g};
                        }
                        // grad_i = sum_{j >= i} g_j * exp(x_i - out_j)
                        Tensor scaled = g.mul(s[1].neg().exp());
                        return new Tensor[] {reverseCumsum(scaled, d).mul(s[0].exp())};
                    }));
        }
        return out;
    }
}
