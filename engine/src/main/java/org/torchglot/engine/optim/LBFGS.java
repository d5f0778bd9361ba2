package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.optim.LBFGS} as PyTorch 1.13 runs it: each {@code step(closure)} makes up to
 * {@code max_iter} quasi-Newton iterations over all parameters flattened into one vector, with the
 * last {@code history_size} curvature pairs, a fixed step {@code lr} (the first scaled by
 * {@code min(1, 1/|g|_1)}) or the strong-Wolfe line search, stopping early on PyTorch's tolerances.
 * The vectors are kept in float64 here; parameters are written back in their dtype.
 *
 * <p>State (of the first parameter, as in PyTorch): {@code func_evals}, {@code n_iter}, {@code d},
 * {@code t}, {@code old_dirs}, {@code old_stps}, {@code ro}, {@code H_diag}, {@code prev_flat_grad},
 * {@code prev_loss} (and {@code al} once curvature pairs exist).
 */
public class LBFGS extends MapStateOptimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1L, "max_iter", 20L, "max_eval", null, "tolerance_grad", 1e-7,
                "tolerance_change", 1e-9, "history_size", 100L, "line_search_fn", null);
    }

    private final List<Tensor> params;

    public LBFGS(List<?> params) {
        this(params, Map.of());
    }

    public LBFGS(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
        if (paramGroups().size() != 1) {
            throw TorchException.value("LBFGS doesn't support per-parameter options (parameter groups)");
        }
        this.params = paramGroups().get(0).params();
    }

    @Override
    protected void validate(Map<String, Object> o) {
        if (o.get("line_search_fn") != null && !"strong_wolfe".equals(o.get("line_search_fn"))) {
            throw TorchException.runtime("only 'strong_wolfe' is supported");
        }
        // NOTE: PyTorch's default max_eval is max_iter * 5 // 4.
        if (o.get("max_eval") == null) {
            o.put("max_eval", Math.floorDiv(((Number) o.get("max_iter")).longValue() * 5, 4));
        }
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        throw new IllegalStateException("LBFGS updates all parameters at once");
    }

    @Override
    public void step() {
        throw TorchException.type("LBFGS.step() missing 1 required positional argument: 'closure'");
    }

    /** One LBFGS step; the closure re-evaluates the loss (and its gradients) and returns it. */
    @Override
    public Tensor step(Supplier<Tensor> closure) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return run(closure);
        }
    }

    private double evaluate(Supplier<Tensor> closure) {
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            return closure.get().item();
        }
    }

    @SuppressWarnings("unchecked")
    private Tensor run(Supplier<Tensor> closure) {
        ParamGroup group = paramGroups().get(0);
        double lr = group.lr();
        int maxIter = (int) group.getDouble("max_iter");
        double maxEval = group.getDouble("max_eval");
        double toleranceGrad = group.getDouble("tolerance_grad");
        double toleranceChange = group.getDouble("tolerance_change");
        boolean wolfe = group.get("line_search_fn") != null;
        int historySize = (int) group.getDouble("history_size");
        Map<String, Object> state = mutableState(params.get(0));
        state.putIfAbsent("func_evals", 0L);
        state.putIfAbsent("n_iter", 0L);

        Tensor origLoss;
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            origLoss = closure.get();
        }
        double loss = origLoss.item();
        int currentEvals = 1;
        addCount(state, "func_evals", 1);
        double[] flatGrad = gatherFlatGrad();
        if (maxAbs(flatGrad) <= toleranceGrad) {
            return origLoss;
        }
        double[] d = vector(state.get("d"));
        double t = state.get("t") == null ? 0 : ((Number) state.get("t")).doubleValue();
        List<double[]> oldDirs = vectors(state.get("old_dirs"));
        List<double[]> oldStps = vectors(state.get("old_stps"));
        List<Double> ro = state.get("ro") == null ? new ArrayList<>() : new ArrayList<>((List<Double>) state.get("ro"));
        double hDiag = state.get("H_diag") == null ? 1 : ((Number) state.get("H_diag")).doubleValue();
        double[] prevFlatGrad = vector(state.get("prev_flat_grad"));
        double prevLoss = state.get("prev_loss") == null ? Double.NaN : ((Number) state.get("prev_loss")).doubleValue();

        int nIter = 0;
        while (nIter < maxIter) {
            nIter++;
            long totalIter = addCount(state, "n_iter", 1);
            if (totalIter == 1) {
                d = scale(flatGrad, -1);
                oldDirs = new ArrayList<>();
                oldStps = new ArrayList<>();
                ro = new ArrayList<>();
                hDiag = 1;
            } else {
                double[] y = axpy(-1, prevFlatGrad, flatGrad);
                double[] s = scale(d, t);
                double ys = dot(y, s);
                if (ys > 1e-10) {
                    if (oldDirs.size() == historySize) {
                        oldDirs.remove(0);
                        oldStps.remove(0);
                        ro.remove(0);
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(1.0 / ys);
                    hDiag = ys / dot(y, y);
                }
                int numOld = oldDirs.size();
                double[] al = new double[historySize];
                double[] q = scale(flatGrad, -1);
                for (int i = numOld - 1; i >= 0; i--) {
                    al[i] = dot(oldStps.get(i), q) * ro.get(i);
                    q = axpy(-al[i], oldDirs.get(i), q);
                }
                d = scale(q, hDiag);
                for (int i = 0; i < numOld; i++) {
                    double be = dot(oldDirs.get(i), d) * ro.get(i);
                    d = axpy(al[i] - be, oldStps.get(i), d);
                }
                List<Double> alList = new ArrayList<>();
                for (int i = 0; i < historySize; i++) {
                    alList.add(i < numOld ? al[i] : null);
                }
                state.put("al", alList);
            }
            prevFlatGrad = flatGrad.clone();
            prevLoss = loss;
            t = totalIter == 1 ? Math.min(1.0, 1.0 / sumAbs(flatGrad)) * lr : lr;
            double gtd = dot(flatGrad, d);
            if (gtd > -toleranceChange) {
                break;
            }
            int lsFuncEvals = 0;
            boolean optCond = false;
            if (wolfe) {
                double[] xInit = flatParams();
                StrongWolfe.Result r = new StrongWolfe(this, closure, xInit, d, toleranceChange)
                        .search(t, loss, flatGrad, gtd);
                loss = r.loss();
                flatGrad = r.grad();
                t = r.t();
                lsFuncEvals = r.evals();
                addToParams(t, d);
                optCond = maxAbs(flatGrad) <= toleranceGrad;
            } else {
                addToParams(t, d);
                if (nIter != maxIter) {
                    loss = evaluate(closure);
                    flatGrad = gatherFlatGrad();
                    optCond = maxAbs(flatGrad) <= toleranceGrad;
                    lsFuncEvals = 1;
                }
            }
            currentEvals += lsFuncEvals;
            addCount(state, "func_evals", lsFuncEvals);
            if (nIter == maxIter || currentEvals >= maxEval || optCond) {
                break;
            }
            if (maxAbs(d) * Math.abs(t) <= toleranceChange || Math.abs(loss - prevLoss) < toleranceChange) {
                break;
            }
        }
        state.put("d", tensor(d));
        state.put("t", t);
        state.put("old_dirs", oldDirs.stream().map(this::tensor).toList());
        state.put("old_stps", oldStps.stream().map(this::tensor).toList());
        state.put("ro", ro);
        state.put("H_diag", hDiag);
        state.put("prev_flat_grad", tensor(prevFlatGrad));
        state.put("prev_loss", prevLoss);
        return origLoss;
    }

    private static long addCount(Map<String, Object> state, String key, long n) {
        long v = ((Number) state.get(key)).longValue() + n;
        state.put(key, v);
        return v;
    }

    // ---- the flat vector over all parameters ----------------------------------------------------

    /** The gradients of all parameters, concatenated (zeros for a parameter without one). */
    double[] gatherFlatGrad() {
        double[] out = new double[numel()];
        int offset = 0;
        for (Tensor p : params) {
            if (p.grad() != null) {
                double[] g = p.grad().toDoubleArray();
                System.arraycopy(g, 0, out, offset, g.length);
            }
            offset += p.numel();
        }
        return out;
    }

    double[] flatParams() {
        double[] out = new double[numel()];
        int offset = 0;
        for (Tensor p : params) {
            double[] v = p.toDoubleArray();
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        return out;
    }

    /** {@code p += step * update}, rounded to each parameter's dtype as {@code add_(alpha)} does. */
    void addToParams(double step, double[] update) {
        int offset = 0;
        for (Tensor p : params) {
            double[] v = p.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = p.dtype() == DType.FLOAT32 ? Math.fma((float) update[offset + i], (float) step, (float) v[i])
                        : Math.fma(update[offset + i], step, v[i]);
            }
            setParam(p, v);
            offset += v.length;
        }
    }

    void setParams(double[] flat) {
        int offset = 0;
        for (Tensor p : params) {
            double[] v = new double[p.numel()];
            System.arraycopy(flat, offset, v, 0, v.length);
            setParam(p, v);
            offset += v.length;
        }
    }

    private static void setParam(Tensor p, double[] values) {
        org.torchglot.engine.ops.Pointwise.copyData(p, Tensor.of(Storage.wrap(values), p.shape()).to(p.dtype()));
    }

    double evaluateLoss(Supplier<Tensor> closure) {
        return evaluate(closure);
    }

    private int numel() {
        return params.stream().mapToInt(Tensor::numel).sum();
    }

    private Tensor tensor(double[] v) {
        return Tensor.of(Storage.wrap(v.clone()), v.length).to(params.get(0).dtype());
    }

    private static double[] vector(Object stored) {
        return stored == null ? null : ((Tensor) stored).toDoubleArray();
    }

    @SuppressWarnings("unchecked")
    private static List<double[]> vectors(Object stored) {
        List<double[]> out = new ArrayList<>();
        if (stored != null) {
            for (Tensor t : (List<Tensor>) stored) {
                out.add(t.toDoubleArray());
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private static double[] scale(double[] a, double k) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * k;
        }
        return out;
    }

    /** {@code y + alpha * x}, a new vector. */
    private static double[] axpy(double alpha, double[] x, double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + alpha * x[i];
        }
        return out;
    }
}
