package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.AdamW}: Adam with decoupled weight decay, {@code p = p * (1 - lr * weight_decay)}
 * before the Adam step (PyTorch 1.13's single-tensor rule). Default weight_decay is 1e-2.
 */
public class AdamW extends Adam {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 1e-2,
                "amsgrad", false, "foreach", null, "maximize", false, "capturable", false);
    }

    public AdamW(List<?> params) {
        this(params, Map.of());
    }

    public AdamW(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    public AdamW(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    @Override
    boolean decoupledWeightDecay() {
        return true;
    }
}
