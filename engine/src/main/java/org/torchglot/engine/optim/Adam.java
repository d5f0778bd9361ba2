package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

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
public class Adam extends AdamFamily<Adam.AdamState> {
    /** Adam's and AdamW's state; {@code maxExpAvgSq} only with amsgrad. */
    record AdamState(Tensor step, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq) implements Counted {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("exp_avg", expAvg);
            m.put("exp_avg_sq", expAvgSq);
            if (maxExpAvgSq != null) {
                m.put("max_exp_avg_sq", maxExpAvgSq);
            }
            return m;
        }
    }

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
        this(params, defaultOptions(), options);
    }

    /** For AdamW, which shares the checks and the moment updates. */
    Adam(List<?> params, Map<String, Object> defaults, Map<String, ?> options) {
        super(params, defaults, options, AdamState.class);
    }

    /** Multiplies the parameter by (1 - lr * weight_decay) first (AdamW) instead of adding decay to the gradient. */
    boolean decoupledWeightDecay() {
        return false;
    }

    @Override
    AdamState newState(Tensor param, ParamGroup group) {
        return new AdamState(floatScalar(0), zerosLike(param), zerosLike(param),
                group.getBoolean("amsgrad") ? zerosLike(param) : null);
    }

    @Override
    AdamState stateFrom(Map<String, Object> saved) {
        return new AdamState(saved(saved, "step"), saved(saved, "exp_avg"), saved(saved, "exp_avg_sq"),
                saved(saved, "max_exp_avg_sq"));
    }

    @Override
    void apply(Tensor param, Tensor grad, AdamState s, Hyper h, double step, ParamGroup group) {
        boolean amsgrad = group.getBoolean("amsgrad");
        Tensor maxExpAvgSq = amsgrad ? s.maxExpAvgSq() : null;
        if (amsgrad && maxExpAvgSq == null) {
            throw TorchException.runtime("the loaded state has no 'max_exp_avg_sq', which amsgrad=True needs");
        }
        Rule rule = new Rule(h.lr(), h.beta1(), h.beta2(), h.eps(), h.weightDecay(), h.maximize(),
                decoupledWeightDecay(), h.lr() / (1 - Math.pow(h.beta1(), step)),
                Math.sqrt(1 - Math.pow(h.beta2(), step)));
        Tensor expAvg = s.expAvg();
        Tensor expAvgSq = s.expAvgSq();
        int n = param.numel();
        if (float32(param)) {
            rule.apply(param.storage().f, grad.storage().f, expAvg.storage().f, expAvgSq.storage().f,
                    maxExpAvgSq == null ? null : maxExpAvgSq.storage().f, n);
        } else {
            rule.apply(param.storage().d, grad.storage().d, expAvg.storage().d, expAvgSq.storage().d,
                    maxExpAvgSq == null ? null : maxExpAvgSq.storage().d, n);
        }
    }

    /**
     * One step's hyper-parameters and the loops that apply them to p, grad, exp_avg (m), exp_avg_sq (v) and
     * max_exp_avg_sq (null without amsgrad), each dense from index 0 ({@link Optimizer}'s contract).
     *
     * <p>NOTE: the float loop rounds like {@link Elements} does in float32: every product, quotient,
     * sum and square root rounded to float, {@code add_(alpha)} and {@code addcmul_}'s last step
     * fused, and every scalar cast to float first.
     */
    private record Rule(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize,
            boolean decoupled, double stepSize, double biasCorrection2Sqrt) {
        void apply(float[] p, float[] g, float[] m, float[] v, float[] vMax, int n) {
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
                float gi = maximize ? -g[i] : g[i];
                float pi = p[i];
                if (decoupled) {
                    pi = pi * decay;
                } else if (coupledDecay) {
                    gi = Math.fma(pi, wd, gi);
                }
                float mi = Math.fma(gi, oneMinusB1, m[i] * b1);
                float vi = Math.fma(oneMinusB2 * gi, gi, v[i] * b2);
                m[i] = mi;
                v[i] = vi;
                float second = vi;
                if (vMax != null) {
                    second = Math.max(vMax[i], vi);
                    vMax[i] = second;
                }
                float denom = (float) Math.sqrt(second) / correction2 + epsilon;
                p[i] = pi + negStep * mi / denom;
            }
        }

        void apply(double[] p, double[] g, double[] m, double[] v, double[] vMax, int n) {
            boolean coupledDecay = !decoupled && weightDecay != 0;
            double decay = 1 - lr * weightDecay;
            for (int i = 0; i < n; i++) {
                double gi = maximize ? -g[i] : g[i];
                double pi = p[i];
                if (decoupled) {
                    pi = pi * decay;
                } else if (coupledDecay) {
                    gi = Math.fma(pi, weightDecay, gi);
                }
                double mi = Math.fma(gi, 1 - beta1, m[i] * beta1);
                double vi = Math.fma((1 - beta2) * gi, gi, v[i] * beta2);
                m[i] = mi;
                v[i] = vi;
                double second = vi;
                if (vMax != null) {
                    second = Math.max(vMax[i], vi);
                    vMax[i] = second;
                }
                double denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
                p[i] = pi + -stepSize * mi / denom;
            }
        }
    }
}
