package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.NAdam}, PyTorch 1.13's single-tensor rule (Adam with Nesterov momentum):
 * <pre>
 * g = grad + weight_decay * p
 * mu_t = beta1 * (1 - 0.5 * 0.96^(t * momentum_decay)),  mu_product = mu_1 * ... * mu_t
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g;  exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
 * denom = sqrt(exp_avg_sq / (1 - beta2^t)) + eps
 * p = p - lr (1 - mu_t) / (1 - mu_product) * g / denom - lr mu_{t+1} / (1 - mu_product mu_{t+1}) * exp_avg / denom
 * </pre>
 * State: {@code step} and {@code mu_product} (float32 scalar tensors), {@code exp_avg}, {@code exp_avg_sq}.
 *
 * <p>NOTE: the float32 loop rounds every product, quotient, sum and square root to float, as libtorch's kernels do
 * ({@link Elements}): float arithmetic on float operands gives exactly those bits.
 */
public class NAdam extends AdamFamily<NAdam.NAdamState> {
    /** NAdam's state. */
    record NAdamState(Tensor step, Tensor muProduct, Tensor expAvg, Tensor expAvgSq) implements Counted {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("mu_product", muProduct);
            m.put("exp_avg", expAvg);
            m.put("exp_avg_sq", expAvgSq);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 2e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "momentum_decay", 4e-3, "foreach", null);
    }

    public NAdam(List<?> params) {
        this(params, Map.of());
    }

    public NAdam(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, NAdamState.class);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        super.validate(o);
        requireNonNegative(o, "momentum_decay", "Invalid momentum_decay value");
    }

    @Override
    NAdamState newState(Tensor param, ParamGroup group) {
        return new NAdamState(floatScalar(0), floatScalar(1), zerosLike(param), zerosLike(param));
    }

    @Override
    NAdamState stateFrom(Map<String, Object> saved) {
        return new NAdamState(saved(saved, "step"), saved(saved, "mu_product"), saved(saved, "exp_avg"),
                saved(saved, "exp_avg_sq"));
    }

    @Override
    void apply(Tensor param, Tensor grad, NAdamState s, Hyper h, double step, ParamGroup group) {
        double momentumDecay = group.getDouble("momentum_decay");
        double biasCorrection2 = 1 - Math.pow(h.beta2(), step);
        double mu = h.beta1() * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = h.beta1() * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        float muProduct = (float) s.muProduct().item() * (float) mu;
        s.muProduct().fillNoGrad(muProduct);
        float muProductNext = muProduct * (float) mu * (float) muNext;
        double gradStep = -h.lr() * (1. - mu) / (1. - muProduct);
        double avgStep = -h.lr() * muNext / (1. - muProductNext);
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
            float correction2 = (float) biasCorrection2;
            float eps = (float) h.eps();
            float gradScale = (float) gradStep;
            float avgScale = (float) avgStep;
            for (int i = 0; i < n; i++) {
                float pi = p[i];
                float gi = decay ? Math.fma(pi, wd, g[i]) : g[i];
                float mi = Math.fma(gi, oneMinusB1, m[i] * b1);
                float vi = Math.fma(oneMinusB2 * gi, gi, v[i] * b2);
                m[i] = mi;
                v[i] = vi;
                float denom = (float) Math.sqrt(vi / correction2) + eps;
                pi = pi + gradScale * gi / denom;
                p[i] = pi + avgScale * mi / denom;
            }
        } else {
            double[] p = param.storage().d;
            double[] g = grad.storage().d;
            double[] m = s.expAvg().storage().d;
            double[] v = s.expAvgSq().storage().d;
            double wd = h.weightDecay();
            double b1 = h.beta1();
            double b2 = h.beta2();
            for (int i = 0; i < n; i++) {
                double pi = p[i];
                double gi = wd != 0 ? Math.fma(pi, wd, g[i]) : g[i];
                double mi = Math.fma(gi, 1 - b1, m[i] * b1);
                double vi = Math.fma((1 - b2) * gi, gi, v[i] * b2);
                m[i] = mi;
                v[i] = vi;
                double denom = Math.sqrt(vi / biasCorrection2) + h.eps();
                pi = pi + gradStep * gi / denom;
                p[i] = pi + avgStep * mi / denom;
            }
        }
    }
}
