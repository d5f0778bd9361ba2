package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.optim.SGD}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * d = grad (negated when maximize) + weight_decay * p
 * buf = d on the first step, else momentum * buf + (1 - dampening) * d
 * d = nesterov ? d + momentum * buf : buf          (when momentum != 0)
 * p = p - lr * d
 * </pre>
 * State: {@code momentum_buffer}.
 */
public class SGD extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", null, "momentum", 0L, "dampening", 0L, "weight_decay", 0L, "nesterov", false,
                "maximize", false, "foreach", null, "differentiable", false);
    }

    public SGD(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    public SGD(List<?> params, double lr, double momentum) {
        this(params, Options.of("lr", lr, "momentum", momentum));
    }

    /** {@code options}: PyTorch's keyword arguments ({@code lr} is required). */
    public SGD(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        if (o.get("lr") == null) {
            throw TorchException.value("parameter group didn't specify a value of required optimization parameter lr");
        }
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "momentum", "Invalid momentum value");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
        if ((Boolean) o.get("nesterov") && (Options.number(o, "momentum") <= 0 || Options.number(o, "dampening") != 0)) {
            throw TorchException.value("Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        boolean nesterov = group.getBoolean("nesterov");
        boolean maximize = group.getBoolean("maximize");
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements buf = null;
        boolean firstStep = false;
        if (momentum == 0) {
            // NOTE: PyTorch keeps momentum_buffer = None in the state even without momentum.
            state.put("momentum_buffer", null);
        } else {
            Tensor b = (Tensor) state.get("momentum_buffer");
            if (b == null) {
                b = zerosLike(param);
                state.put("momentum_buffer", b);
                firstStep = true;
            }
            buf = new Elements(b);
        }
        for (int i = 0; i < p.size; i++) {
            double d = maximize ? -g.get(i) : g.get(i);
            if (weightDecay != 0) {
                d = p.fma(p.get(i), weightDecay, d);
            }
            if (buf != null) {
                double b = firstStep ? d : p.fma(d, 1 - dampening, p.round(buf.get(i) * p.scalar(momentum)));
                buf.set(i, b);
                d = nesterov ? p.fma(b, momentum, d) : b;
            }
            p.set(i, p.fma(d, -lr, p.get(i)));
        }
    }
}
