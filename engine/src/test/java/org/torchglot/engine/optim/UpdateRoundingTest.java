package org.torchglot.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * SGD's and Adam's array loops round exactly as the per-element rule written with {@link Elements}
 * (PyTorch's kernel arithmetic) does: same bits for the parameter and every state tensor, step after
 * step, in float32 and float64.
 */
class UpdateRoundingTest {
    private static final int SIZE = 257;
    private static final int STEPS = 5;

    /** Gaussian values at scales from 1e-3 to 1e3, so products and sums round in every way. */
    private static Tensor values(Random r, DType dtype) {
        double[] v = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, (i % 7) - 3);
        }
        return Torch.tensor(v, new int[] {SIZE}, dtype);
    }

    private static void assertSameBits(Tensor want, Tensor got, String what) {
        double[] w = want.toDoubleArray();
        double[] g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            assertEquals(Double.doubleToRawLongBits(w[i]), Double.doubleToRawLongBits(g[i]), what + " element " + i);
        }
    }

    @Test
    void sgdMatchesTheElementRule() {
        List<Map<String, Object>> options = List.of(
                Map.of("lr", 0.1),
                Map.of("lr", 0.01, "momentum", 0.9),
                Map.of("lr", 0.03, "momentum", 0.9, "dampening", 0.1, "weight_decay", 0.01),
                Map.of("lr", 0.03, "momentum", 0.7, "nesterov", true, "weight_decay", 1e-3),
                Map.of("lr", 0.3, "momentum", 0.5, "maximize", true, "weight_decay", 0.1),
                Map.of("lr", 0.3, "weight_decay", 0.1, "maximize", true));
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (Map<String, Object> o : options) {
                Random r = new Random(1);
                Tensor param = values(r, dtype).requiresGrad_(true);
                Tensor want = param.detach().clone();
                Tensor wantBuf = null;
                SGD opt = new SGD(List.of(param), o);
                ParamGroup group = opt.paramGroups().get(0);
                for (int step = 0; step < STEPS; step++) {
                    Tensor grad = values(r, dtype);
                    param.setGrad(grad);
                    opt.step();
                    boolean first = wantBuf == null;
                    if (first && group.getDouble("momentum") != 0) {
                        wantBuf = Torch.zeros(new int[] {SIZE}, dtype);
                    }
                    sgdReference(want, grad, wantBuf, first, group);
                    String what = "sgd " + o + " " + dtype + " step " + step;
                    assertSameBits(want, param, what);
                    if (wantBuf != null) {
                        assertSameBits(wantBuf, (Tensor) opt.state(param).get("momentum_buffer"), what + " buffer");
                    }
                }
            }
        }
    }

    /** SGD's update as the per-element rule with {@link Elements}' rounding. */
    private static void sgdReference(Tensor param, Tensor grad, Tensor buffer, boolean firstStep, ParamGroup group) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        boolean nesterov = group.getBoolean("nesterov");
        boolean maximize = group.getBoolean("maximize");
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements buf = buffer == null ? null : new Elements(buffer);
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

    @Test
    void adamAndAdamWMatchTheElementRule() {
        List<Map<String, Object>> options = List.of(
                Map.of(),
                Map.of("lr", 0.01, "weight_decay", 0.1),
                Map.of("lr", 0.01, "amsgrad", true, "maximize", true),
                Map.of("betas", List.of(0.8, 0.99), "eps", 1e-6, "amsgrad", true, "weight_decay", 0.01));
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (boolean decoupled : new boolean[] {false, true}) {
                for (Map<String, Object> o : options) {
                    Random r = new Random(2);
                    Tensor param = values(r, dtype).requiresGrad_(true);
                    Tensor want = param.detach().clone();
                    Tensor[] moments = {Torch.zeros(new int[] {SIZE}, dtype), Torch.zeros(new int[] {SIZE}, dtype),
                        Torch.zeros(new int[] {SIZE}, dtype)};
                    Adam opt = decoupled ? new AdamW(List.of(param), o) : new Adam(List.of(param), o);
                    ParamGroup group = opt.paramGroups().get(0);
                    for (int step = 1; step <= STEPS; step++) {
                        Tensor grad = values(r, dtype);
                        param.setGrad(grad);
                        opt.step();
                        adamReference(want, grad, moments, step, decoupled, group);
                        String what = (decoupled ? "adamw " : "adam ") + o + " " + dtype + " step " + step;
                        Map<String, Object> state = opt.state(param);
                        assertSameBits(want, param, what);
                        assertSameBits(moments[0], (Tensor) state.get("exp_avg"), what + " exp_avg");
                        assertSameBits(moments[1], (Tensor) state.get("exp_avg_sq"), what + " exp_avg_sq");
                        if (group.getBoolean("amsgrad")) {
                            assertSameBits(moments[2], (Tensor) state.get("max_exp_avg_sq"), what + " max_exp_avg_sq");
                        }
                    }
                }
            }
        }
    }

    /** Adam's update (AdamW's when {@code decoupled}) as the per-element rule with {@link Elements}' rounding. */
    private static void adamReference(Tensor param, Tensor grad, Tensor[] moments, int step, boolean decoupled,
            ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements(moments[0]);
        Elements v = new Elements(moments[1]);
        Elements vMax = group.getBoolean("amsgrad") ? new Elements(moments[2]) : null;
        double decay = p.scalar(1 - lr * weightDecay);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (decoupled) {
                pi = p.round(pi * decay);
            } else if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double vi = p.addcmul(p.round(v.get(i) * p.scalar(beta2)), 1 - beta2, gi, gi);
            m.set(i, mi);
            v.set(i, vi);
            double second = vi;
            if (vMax != null) {
                second = Math.max(vMax.get(i), vi);
                vMax.set(i, second);
            }
            double denom = p.round(p.round(p.round(Math.sqrt(second)) / p.scalar(biasCorrection2Sqrt)) + p.scalar(eps));
            p.set(i, p.addcdiv(pi, -stepSize, mi, denom));
        }
    }
}
