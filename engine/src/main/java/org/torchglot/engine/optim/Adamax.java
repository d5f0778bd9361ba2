package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.Adamax}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g
 * exp_inf = max(beta2 * exp_inf, |g| + eps)
 * p = p - lr / (1 - beta1^step) * exp_avg / exp_inf
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_inf}.
 *
 * <p>NOTE: the float32 loop rounds every product, quotient and sum to float, as libtorch's kernels do
 * ({@link Elements}): float arithmetic on float operands gives exactly those bits.
 */
public class Adamax extends AdamFamily<Adamax.AdamaxState> {
    /** Adamax's state. */
    record AdamaxState(Tensor step, Tensor expAvg, Tensor expInf) implements Counted {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("exp_avg", expAvg);
            m.put("exp_inf", expInf);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 2e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "foreach", null, "maximize", false);
    }

    public Adamax(List<?> params) {
        this(params, Map.of());
    }

    public Adamax(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, AdamaxState.class);
    }

    @Override
    AdamaxState newState(Tensor param, ParamGroup group) {
        return new AdamaxState(floatScalar(0), zerosLike(param), zerosLike(param));
    }

    @Override
    AdamaxState stateFrom(Map<String, Object> saved) {
        return new AdamaxState(saved(saved, "step"), saved(saved, "exp_avg"), saved(saved, "exp_inf"));
    }

    @Override
    void apply(Tensor param, Tensor grad, AdamaxState s, Hyper h, double step, ParamGroup group) {
        double clr = h.lr() / (1 - Math.pow(h.beta1(), step));
        int n = param.numel();
        boolean maximize = h.maximize();
        if (float32(param)) {
            float[] p = param.storage().f;
            float[] g = grad.storage().f;
            float[] m = s.expAvg().storage().f;
            float[] u = s.expInf().storage().f;
            boolean decay = h.weightDecay() != 0;
            float wd = (float) h.weightDecay();
            float b1 = (float) h.beta1();
            float b2 = (float) h.beta2();
            float oneMinusB1 = (float) (1 - h.beta1());
            float eps = (float) h.eps();
            float negClr = (float) -clr;
            for (int i = 0; i < n; i++) {
                float pi = p[i];
                float gi = maximize ? -g[i] : g[i];
                if (decay) {
                    gi = Math.fma(pi, wd, gi);
                }
                float mi = Math.fma(gi, oneMinusB1, m[i] * b1);
                float ui = Math.max(u[i] * b2, Math.abs(gi) + eps);
                m[i] = mi;
                u[i] = ui;
                p[i] = pi + negClr * mi / ui;
            }
        } else {
            double[] p = param.storage().d;
            double[] g = grad.storage().d;
            double[] m = s.expAvg().storage().d;
            double[] u = s.expInf().storage().d;
            double wd = h.weightDecay();
            double b1 = h.beta1();
            double b2 = h.beta2();
            for (int i = 0; i < n; i++) {
                double pi = p[i];
                double gi = maximize ? -g[i] : g[i];
                if (wd != 0) {
                    gi = Math.fma(pi, wd, gi);
                }
                double mi = Math.fma(gi, 1 - b1, m[i] * b1);
                double ui = Math.max(u[i] * b2, Math.abs(gi) + h.eps());
                m[i] = mi;
                u[i] = ui;
                p[i] = pi + -clr * mi / ui;
            }
        }
    }
}
