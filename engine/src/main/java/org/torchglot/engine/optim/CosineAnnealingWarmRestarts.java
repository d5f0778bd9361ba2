package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0)} (SGDR): cosine annealing
 * from the base rate to eta_min over T_i epochs, then a restart with {@code T_i *= T_mult}.
 * {@code step(epoch)} takes fractional epochs, as PyTorch's does.
 */
public class CosineAnnealingWarmRestarts extends LRScheduler {
    private final int t0;
    private final int tMult;
    private final double etaMin;
    private double tI;
    private double tCur;

    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (t0 <= 0) {
            throw TorchException.value("Expected positive integer T_0, but got " + t0);
        }
        if (tMult < 1) {
            throw TorchException.value("Expected integer T_mult >= 1, but got " + tMult);
        }
        this.t0 = t0;
        this.tI = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tCur = lastEpoch;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        return fromBase(lr -> etaMin + (lr - etaMin) * (1 + StrictMath.cos(Math.PI * tCur / tI)) / 2);
    }

    @Override
    public void step() {
        if (lastEpoch() < 0) {
            step(0.0);
            return;
        }
        tCur = tCur + 1;
        if (tCur >= tI) {
            tCur = tCur - tI;
            tI = tI * tMult;
        }
        setLastEpoch(lastEpoch() + 1);
        apply(computeLr());
    }

    @Override
    public void step(int epoch) {
        step((double) epoch);
    }

    /** Jumps to a (possibly fractional) epoch. */
    public void step(double epoch) {
        if (epoch < 0) {
            throw TorchException.value("Expected non-negative epoch, but got " + epoch);
        }
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
                tI = t0 * Math.pow(tMult, n);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        setLastEpoch((int) Math.floor(epoch));
        apply(computeLr());
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("T_0", (long) t0, "T_i", tI, "T_mult", (long) tMult, "eta_min", etaMin, "T_cur", tCur);
    }

    @Override
    protected void loadProgress(Map<String, Object> state) {
        if (state.get("T_i") instanceof Number n) {
            tI = n.doubleValue();
        }
        if (state.get("T_cur") instanceof Number n) {
            tCur = n.doubleValue();
        }
    }
}
