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
 * The array loops of SGD and the Adam family (Adam, AdamW, NAdam, RAdam, Adamax) round exactly as the
 * per-element rule written with {@link Elements} (PyTorch's kernel arithmetic) does: same bits for the
 * parameter and every state tensor, step after step, in float32 and float64.
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

    /** A rule written with {@link Elements}: updates {@code param} and {@code moments} in place for step {@code step}. */
    private interface Reference {
        void step(Tensor param, Tensor grad, Tensor[] moments, int step, ParamGroup group);
    }

    @Test
    void nadamRadamAndAdamaxMatchTheElementRule() {
        List<Map<String, Object>> options = List.of(
                Map.of(),
                Map.of("lr", 0.01, "weight_decay", 0.1),
                Map.of("betas", List.of(0.8, 0.99), "eps", 1e-6, "weight_decay", 0.01));
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (Map<String, Object> o : options) {
                assertFollows("NAdam", new NAdam(List.of(values(new Random(3), dtype).requiresGrad_(true)), o),
                        List.of("exp_avg", "exp_avg_sq", "mu_product"), UpdateRoundingTest::nadamReference, dtype);
                assertFollows("RAdam", new RAdam(List.of(values(new Random(3), dtype).requiresGrad_(true)), o),
                        List.of("exp_avg", "exp_avg_sq"), UpdateRoundingTest::radamReference, dtype);
                Map<String, Object> maximized = new java.util.HashMap<>(o);
                maximized.put("maximize", true);
                for (Map<String, Object> adamax : List.of(o, maximized)) {
                    assertFollows("Adamax", new Adamax(List.of(values(new Random(3), dtype).requiresGrad_(true)),
                            adamax), List.of("exp_avg", "exp_inf"), UpdateRoundingTest::adamaxReference, dtype);
                }
            }
        }
    }

    /**
     * Steps {@code opt} (over one parameter made from {@code new Random(3)}) and {@code reference} side by side,
     * with RAdam's rectified branch reached after its first steps; compares the parameter and the named state.
     */
    private static void assertFollows(String name, Optimizer opt, List<String> stateNames, Reference reference,
            DType dtype) {
        Random r = new Random(3);
        Tensor param = opt.paramGroups().get(0).params().get(0);
        values(r, dtype);
        Tensor want = param.detach().clone();
        Tensor[] moments = {Torch.zeros(new int[] {SIZE}, dtype), Torch.zeros(new int[] {SIZE}, dtype),
            Torch.tensor(new double[] {1}, new int[0], DType.FLOAT32)};
        ParamGroup group = opt.paramGroups().get(0);
        for (int step = 1; step <= 8; step++) {
            Tensor grad = values(r, dtype);
            param.setGrad(grad);
            opt.step();
            reference.step(want, grad, moments, step, group);
            String what = name + " " + group.options() + " " + dtype + " step " + step;
            assertSameBits(want, param, what);
            Map<String, Object> state = opt.state(param);
            for (int i = 0; i < stateNames.size(); i++) {
                assertSameBits(moments[i], (Tensor) state.get(stateNames.get(i)), what + " " + stateNames.get(i));
            }
            assertEquals(step, ((Tensor) state.get("step")).item(), what + " step");
        }
    }

    /** NAdam 1.13's rule; {@code moments}: exp_avg, exp_avg_sq, mu_product. */
    private static void nadamReference(Tensor param, Tensor grad, Tensor[] moments, int step, ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentumDecay = group.getDouble("momentum_decay");
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double mu = beta1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        float muProduct = (float) moments[2].item() * (float) mu;
        moments[2].fillNoGrad(muProduct);
        float muProductNext = muProduct * (float) mu * (float) muNext;
        double gradStep = -lr * (1. - mu) / (1. - muProduct);
        double avgStep = -lr * muNext / (1. - muProductNext);
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements(moments[0]);
        Elements v = new Elements(moments[1]);
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

    /** RAdam 1.13's rule; {@code moments}: exp_avg, exp_avg_sq. */
    private static void radamReference(Tensor param, Tensor grad, Tensor[] moments, int step, ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        boolean rectified = rhoT > 5.;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements(moments[0]);
        Elements v = new Elements(moments[1]);
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
            double update = p.round(p.round(mi / p.scalar(biasCorrection1)) * p.scalar(lr));
            if (rectified) {
                double adaptive = p.round(p.scalar(Math.sqrt(biasCorrection2))
                        / p.round(p.round(Math.sqrt(vi)) + p.scalar(eps)));
                update = p.round(p.round(update * adaptive) * p.scalar(rect));
            }
            p.set(i, p.round(pi - update));
        }
    }

    /** Adamax 1.13's rule; {@code moments}: exp_avg, exp_inf. */
    private static void adamaxReference(Tensor param, Tensor grad, Tensor[] moments, int step, ParamGroup group) {
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        double clr = group.lr() / (1 - Math.pow(beta1, step));
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements(moments[0]);
        Elements u = new Elements(moments[1]);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double ui = Math.max(p.round(u.get(i) * p.scalar(beta2)), p.round(Math.abs(gi) + p.scalar(eps)));
            m.set(i, mi);
            u.set(i, ui);
            p.set(i, p.addcdiv(pi, -clr, mi, ui));
        }
    }

    @Test
    void aParameterViewingPartOfItsStorageStepsLikeADenseOne() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor base = values(new Random(4), dtype);
            Tensor view = base.narrow(0, 3, SIZE - 7).detach().requiresGrad_(true);
            Tensor dense = view.detach().clone().requiresGrad_(true);
            Adam onView = new Adam(List.of(view), Map.of("lr", 0.01, "amsgrad", true));
            Adam onDense = new Adam(List.of(dense), Map.of("lr", 0.01, "amsgrad", true));
            Random r = new Random(5);
            for (int step = 1; step <= 3; step++) {
                Tensor grad = values(r, dtype).narrow(0, 1, SIZE - 7);
                view.setGrad(grad);
                dense.setGrad(grad.contiguousCopy());
                onView.step();
                onDense.step();
                assertSameBits(dense, view, "Adam on a view, " + dtype + " step " + step);
            }
            Tensor untouched = values(new Random(4), dtype);
            assertSameBits(untouched.narrow(0, 0, 3), base.narrow(0, 0, 3), "storage before the view");
            assertSameBits(untouched.narrow(0, SIZE - 4, 4), base.narrow(0, SIZE - 4, 4), "storage after the view");
        }
    }
}
