package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.RAdam}, PyTorch 1.13's single-tensor rule (Adam with a rectified adaptive rate):
 * <pre>
 * g = grad + weight_decay * p;  exp_avg, exp_avg_sq as in Adam
 * rho_inf = 2 / (1 - beta2) - 1,  rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 * rho_t > 5: p = p - lr * exp_avg / (1 - beta1^t) * sqrt(1 - beta2^t) / (sqrt(exp_avg_sq) + eps) * rect,
 *            rect = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 * else:      p = p - lr * exp_avg / (1 - beta1^t)
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_avg_sq}.
 *
 * <p>NOTE: the float32 loop rounds every product, quotient, sum and square root to float, as libtorch's kernels do
 * ({@link Elements}): float arithmetic on float operands gives exactly those bits.
 */
public class RAdam extends AdamFamily<RAdam.RAdamState> {
    /** RAdam's state. */
    record RAdamState(Tensor step, Tensor expAvg, Tensor expAvgSq) implements Counted {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("exp_avg", expAvg);
            m.put("exp_avg_sq", expAvgSq);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "foreach", null);
    }

    public RAdam(List<?> params) {
        this(params, Map.of());
    }

    public RAdam(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, RAdamState.class);
    }

    @Override
    RAdamState newState(Tensor param, ParamGroup group) {
        return new RAdamState(floatScalar(0), zerosLike(param), zerosLike(param));
    }

    @Override
    RAdamState stateFrom(Map<String, Object> saved) {
        return new RAdamState(saved(saved, "step"), saved(saved, "exp_avg"), saved(saved, "exp_avg_sq"));
    }

    @Override
    void apply(Tensor param, Tensor grad, RAdamState s, Hyper h, double step, ParamGroup group) {
        double biasCorrection1 = 1 - Math.pow(h.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(h.beta2(), step);
        double rhoInf = 2 / (1 - h.beta2()) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(h.beta2(), step) / biasCorrection2;
        boolean rectified = rhoT > 5.;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        int n = param.numel();
        if (float32(param)) {
            float[] p = param.storage().f;
            float[] g = grad.storage().f;
            float[] m = s.expAvg().storage().f;
            float[] v = s.expAvgSq().storage().f;
            boolean decay = h.weightDecay() != 0;
            float wd = (float) h.weightDecay();
            float b1 = (float) h.beta1();
            float b2 = (float) h.beta2();
            float oneMinusB1 = (float) (1 - h.beta1());
            float oneMinusB2 = (float) (1 - h.beta2());
            float correction1 = (float) biasCorrection1;
            float correction2Sqrt = (float) Math.sqrt(biasCorrection2);
            float lr = (float) h.lr();
            float eps = (float) h.eps();
            float rectScale = (float) rect;
            for (int i = 0; i < n; i++) {
                float pi = p[i];
                float gi = decay ? Math.fma(pi, wd, g[i]) : g[i];
                float mi = Math.fma(gi, oneMinusB1, m[i] * b1);
                float vi = Math.fma(oneMinusB2 * gi, gi, v[i] * b2);
                m[i] = mi;
                v[i] = vi;
                float update = mi / correction1 * lr;
                if (rectified) {
                    float adaptive = correction2Sqrt / ((float) Math.sqrt(vi) + eps);
                    update = update * adaptive * rectScale;
                }
                p[i] = pi - update;
            }
        } else {
            double[] p = param.storage().d;
            double[] g = grad.storage().d;
            double[] m = s.expAvg().storage().d;
            double[] v = s.expAvgSq().storage().d;
            double wd = h.weightDecay();
            double b1 = h.beta1();
            double b2 = h.beta2();
            double correction2Sqrt = Math.sqrt(biasCorrection2);
            for (int i = 0; i < n; i++) {
                double pi = p[i];
                double gi = wd != 0 ? Math.fma(pi, wd, g[i]) : g[i];
                double mi = Math.fma(gi, 1 - b1, m[i] * b1);
                double vi = Math.fma((1 - b2) * gi, gi, v[i] * b2);
                m[i] = mi;
                v[i] = vi;
                double update = mi / biasCorrection1 * h.lr();
                if (rectified) {
                    update = update * (correction2Sqrt / (Math.sqrt(vi) + h.eps())) * rect;
                }
                p[i] = pi - update;
            }
        }
    }
}
