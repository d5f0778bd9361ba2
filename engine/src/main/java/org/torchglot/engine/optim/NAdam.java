package org.torchglot.engine.optim;

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
 */
public class NAdam extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 2e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "momentum_decay", 4e-3, "foreach", null);
    }

    public NAdam(List<?> params) {
        this(params, Map.of());
    }

    public NAdam(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireBetas(o);
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
        requireNonNegative(o, "momentum_decay", "Invalid momentum_decay value");
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentumDecay = group.getDouble("momentum_decay");
        if (state.isEmpty()) {
            state.put("step", floatScalar(0));
            state.put("mu_product", floatScalar(1));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
        }
        double step = incrementStep(state);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        Tensor muProductTensor = (Tensor) state.get("mu_product");
        float muProduct = (float) muProductTensor.item() * (float) mu;
        muProductTensor.fillNoGrad(muProduct);
        float muProductNext = muProduct * (float) mu * (float) muNext;
        double gradStep = -lr * (1. - mu) / (1. - muProduct);
        double avgStep = -lr * muNext / (1. - muProductNext);
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements((Tensor) state.get("exp_avg"));
        Elements v = new Elements((Tensor) state.get("exp_avg_sq"));
        for (int i = 0; i < p.size; i++) {
            double gi = g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double vi = p.addcmul(p.round(v.get(i) * p.scalar(beta2)), 1 - beta2, gi, gi);
            m.set(i, mi);
            v.set(i, vi);
            double denom = p.round(p.round(Math.sqrt(p.round(vi / p.scalar(biasCorrection2)))) + p.scalar(eps));
            pi = p.addcdiv(pi, gradStep, gi, denom);
            p.set(i, p.addcdiv(pi, avgStep, mi, denom));
        }
    }
}
