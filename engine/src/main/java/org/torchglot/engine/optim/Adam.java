package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.Adam}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * exp_avg    = beta1 * exp_avg    + (1 - beta1) * g
 * exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
 * bias_correction1 = 1 - beta1^step,  bias_correction2 = 1 - beta2^step
 * denom = sqrt(amsgrad ? max_exp_avg_sq : exp_avg_sq) / sqrt(bias_correction2) + eps
 * p = p - (lr / bias_correction1) * exp_avg / denom
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_avg_sq},
 * {@code max_exp_avg_sq}.
 */
public class Adam extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "amsgrad", false, "maximize", false, "foreach", null, "capturable", false, "differentiable", false,
                "fused", false);
    }

    public Adam(List<?> params) {
        this(params, Map.of());
    }

    public Adam(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    /** {@code options}: PyTorch's keyword arguments; {@code betas} is a list of two numbers. */
    public Adam(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    /** For AdamW, which shares the checks and the moment updates. */
    Adam(List<?> params, Map<String, Object> defaults, Map<String, ?> options) {
        super(params, defaults, options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireBetas(o);
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    /** Multiplies the parameter by (1 - lr * weight_decay) first (AdamW) instead of adding decay to the gradient. */
    boolean decoupledWeightDecay() {
        return false;
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean maximize = group.getBoolean("maximize");
        if (state.isEmpty()) {
            state.put("step", Tensor.zeros(new int[0], DType.FLOAT32));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
            if (amsgrad) {
                state.put("max_exp_avg_sq", zerosLike(param));
            }
        }
        Tensor stepTensor = (Tensor) state.get("step");
        stepTensor.fillNoGrad(stepTensor.item() + 1);
        double step = stepTensor.item();
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        Tensor expAvg = (Tensor) state.get("exp_avg");
        Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
        Tensor maxExpAvgSq = amsgrad ? (Tensor) state.get("max_exp_avg_sq") : null;
        Rule rule = new Rule(lr, beta1, beta2, eps, weightDecay, maximize, decoupledWeightDecay(), stepSize,
                biasCorrection2Sqrt);
        int n = param.numel();
        if (param.dtype() == DType.FLOAT32) {
            rule.apply(param.storage().f, param.storageOffset(), grad.storage().f, grad.storageOffset(),
                    expAvg.storage().f, expAvg.storageOffset(), expAvgSq.storage().f, expAvgSq.storageOffset(),
                    maxExpAvgSq == null ? null : maxExpAvgSq.storage().f,
                    maxExpAvgSq == null ? 0 : maxExpAvgSq.storageOffset(), n);
        } else {
            rule.apply(param.storage().d, param.storageOffset(), grad.storage().d, grad.storageOffset(),
                    expAvg.storage().d, expAvg.storageOffset(), expAvgSq.storage().d, expAvgSq.storageOffset(),
                    maxExpAvgSq == null ? null : maxExpAvgSq.storage().d,
                    maxExpAvgSq == null ? 0 : maxExpAvgSq.storageOffset(), n);
        }
    }

    /**
     * One step's hyper-parameters and the loops that apply them to contiguous storage: p, grad,
     * exp_avg (m), exp_avg_sq (v) and max_exp_avg_sq (null without amsgrad).
     *
     * <p>NOTE: the float loop rounds like {@link Elements} does in float32: every product, quotient,
     * sum and square root rounded to float, {@code add_(alpha)} and {@code addcmul_}'s last step
     * fused, and every scalar cast to float first.
     */
    private record Rule(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize,
            boolean decoupled, double stepSize, double biasCorrection2Sqrt) {
        void apply(float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, float[] vMax,
                int vMaxOff, int n) {
            boolean coupledDecay = !decoupled && weightDecay != 0;
            float wd = (float) weightDecay;
            float decay = (float) (1 - lr * weightDecay);
            float b1 = (float) beta1;
            float b2 = (float) beta2;
            float oneMinusB1 = (float) (1 - beta1);
            float oneMinusB2 = (float) (1 - beta2);
            float correction2 = (float) biasCorrection2Sqrt;
            float epsilon = (float) eps;
            float negStep = (float) -stepSize;
            for (int i = 0; i < n; i++) {
                float gi = maximize ? -g[gOff + i] : g[gOff + i];
                float pi = p[pOff + i];
                if (decoupled) {
                    pi = pi * decay;
                } else if (coupledDecay) {
                    gi = Math.fma(pi, wd, gi);
                }
                float mi = Math.fma(gi, oneMinusB1, m[mOff + i] * b1);
                float vi = Math.fma(oneMinusB2 * gi, gi, v[vOff + i] * b2);
                m[mOff + i] = mi;
                v[vOff + i] = vi;
                float second = vi;
                if (vMax != null) {
                    second = Math.max(vMax[vMaxOff + i], vi);
                    vMax[vMaxOff + i] = second;
                }
                float denom = (float) Math.sqrt(second) / correction2 + epsilon;
                p[pOff + i] = pi + negStep * mi / denom;
            }
        }

        void apply(double[] p, int pOff, double[] g, int gOff, double[] m, int mOff, double[] v, int vOff,
                double[] vMax, int vMaxOff, int n) {
            boolean coupledDecay = !decoupled && weightDecay != 0;
            double decay = 1 - lr * weightDecay;
            for (int i = 0; i < n; i++) {
                double gi = maximize ? -g[gOff + i] : g[gOff + i];
                double pi = p[pOff + i];
                if (decoupled) {
                    pi = pi * decay;
                } else if (coupledDecay) {
                    gi = Math.fma(pi, weightDecay, gi);
                }
                double mi = Math.fma(gi, 1 - beta1, m[mOff + i] * beta1);
                double vi = Math.fma((1 - beta2) * gi, gi, v[vOff + i] * beta2);
                m[mOff + i] = mi;
                v[vOff + i] = vi;
                double second = vi;
                if (vMax != null) {
                    second = Math.max(vMax[vMaxOff + i], vi);
                    vMax[vMaxOff + i] = second;
                }
                double denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
                p[pOff + i] = pi + -stepSize * mi / denom;
            }
        }
    }
}
