package org.torchglot.engine.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.DType;
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
public class SGD extends TypedStateOptimizer<SGD.SGDState> {
    /** SGD's state: the momentum buffer, made on the first step with momentum (None without). */
    static final class SGDState implements ParamState {
        Tensor momentumBuffer;

        SGDState(Tensor momentumBuffer) {
            this.momentumBuffer = momentumBuffer;
        }

        @Override
        public Map<String, Object> asMap() {
            // NOTE: PyTorch keeps momentum_buffer = None in the state even without momentum.
            Map<String, Object> m = new HashMap<>();
            m.put("momentum_buffer", momentumBuffer);
            return m;
        }
    }

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
        super(params, defaultOptions(), options, SGDState.class);
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
    SGDState newState(Tensor param, ParamGroup group) {
        return new SGDState(null);
    }

    @Override
    SGDState stateFrom(Map<String, Object> saved) {
        return new SGDState(saved(saved, "momentum_buffer"));
    }

    @Override
    void apply(Tensor param, Tensor grad, SGDState state, ParamGroup group) {
        double momentum = group.getDouble("momentum");
        Tensor buf = null;
        boolean firstStep = false;
        if (momentum == 0) {
            state.momentumBuffer = null;
        } else {
            buf = state.momentumBuffer;
            if (buf == null) {
                buf = zerosLike(param);
                state.momentumBuffer = buf;
                firstStep = true;
            }
        }
        Rule rule = new Rule(group.lr(), momentum, group.getDouble("dampening"), group.getDouble("weight_decay"),
                group.getBoolean("nesterov"), group.getBoolean("maximize"), firstStep);
        int n = param.numel();
        if (param.dtype() == DType.FLOAT32) {
            rule.apply(param.storage().f, grad.storage().f, buf == null ? null : buf.storage().f, n);
        } else {
            rule.apply(param.storage().d, grad.storage().d, buf == null ? null : buf.storage().d, n);
        }
    }

    /**
     * One step's hyper-parameters and the loops that apply them to contiguous storage ({@code buf}
     * is null without momentum).
     *
     * <p>NOTE: the float loop rounds like {@link Elements} does in float32 (products and sums
     * rounded to float, {@code add(x, alpha=a)} fused), with every scalar cast to float first.
     */
    private record Rule(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
            boolean maximize, boolean firstStep) {
        void apply(float[] p, float[] g, float[] buf, int n) {
            boolean decay = weightDecay != 0;
            float wd = (float) weightDecay;
            float mom = (float) momentum;
            float keep = (float) (1 - dampening);
            float negLr = (float) -lr;
            if (!decay && buf == null && !maximize) {
                // NOTE: plain SGD gets its own loop: under C1 the general loop's branches cost 2.5x.
                for (int i = 0; i < n; i++) {
                    p[i] = Math.fma(g[i], negLr, p[i]);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                float d = maximize ? -g[i] : g[i];
                if (decay) {
                    d = Math.fma(p[i], wd, d);
                }
                if (buf != null) {
                    float b = firstStep ? d : Math.fma(d, keep, buf[i] * mom);
                    buf[i] = b;
                    d = nesterov ? Math.fma(b, mom, d) : b;
                }
                p[i] = Math.fma(d, negLr, p[i]);
            }
        }

        void apply(double[] p, double[] g, double[] buf, int n) {
            boolean decay = weightDecay != 0;
            double keep = 1 - dampening;
            for (int i = 0; i < n; i++) {
                double d = maximize ? -g[i] : g[i];
                if (decay) {
                    d = Math.fma(p[i], weightDecay, d);
                }
                if (buf != null) {
                    double b = firstStep ? d : Math.fma(d, keep, buf[i] * momentum);
                    buf[i] = b;
                    d = nesterov ? Math.fma(b, momentum, d) : b;
                }
                p[i] = Math.fma(d, -lr, p[i]);
            }
        }
    }
}
