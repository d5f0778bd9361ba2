package org.torchglot.engine.optim;

import java.util.function.Supplier;
import org.torchglot.engine.tensor.Tensor;

/**
 * LBFGS's strong-Wolfe line search ({@code _strong_wolfe} of PyTorch 1.13, after Nocedal and
 * Wright): brackets a step {@code t} along {@code d} with sufficient decrease ({@code c1}) and
 * curvature ({@code c2}), then zooms in with cubic interpolation.
 */
final class StrongWolfe {
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LS = 25;

    record Result(double loss, double[] grad, double t, int evals) {
    }

    private final LBFGS optimizer;
    private final Supplier<Tensor> closure;
    private final double[] x;
    private final double[] d;
    private final double toleranceChange;

    StrongWolfe(LBFGS optimizer, Supplier<Tensor> closure, double[] x, double[] d, double toleranceChange) {
        this.optimizer = optimizer;
        this.closure = closure;
        this.x = x;
        this.d = d;
        this.toleranceChange = toleranceChange;
    }

    private record Point(double t, double f, double[] g, double gtd) {
    }

    /** The loss and gradient at {@code x + t d}; parameters are restored to {@code x} afterwards. */
    private Point at(double t) {
        optimizer.addToParams(t, d);
        double f = optimizer.evaluateLoss(closure);
        double[] g = optimizer.gatherFlatGrad();
        optimizer.setParams(x);
        return new Point(t, f, g, LBFGS.dot(g, d));
    }

    Result search(double t, double f, double[] g, double gtd) {
        double dNorm = LBFGS.maxAbs(d);
        Point start = new Point(0, f, g, gtd);
        Point next = at(t);
        int evals = 1;
        Point prev = start;
        boolean done = false;
        int lsIter = 0;
        Point[] bracket = null;
        while (lsIter < MAX_LS) {
            if (next.f > f + C1 * next.t * gtd || (lsIter > 1 && next.f >= prev.f)) {
                bracket = new Point[] {prev, next};
                break;
            }
            if (Math.abs(next.gtd) <= -C2 * gtd) {
                bracket = new Point[] {next};
                done = true;
                break;
            }
            if (next.gtd >= 0) {
                bracket = new Point[] {prev, next};
                break;
            }
            double minStep = next.t + 0.01 * (next.t - prev.t);
            double maxStep = next.t * 10;
            double tNew = cubicInterpolate(prev.t, prev.f, prev.gtd, next.t, next.f, next.gtd, minStep, maxStep);
            prev = next;
            next = at(tNew);
            evals++;
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            bracket = new Point[] {new Point(0, f, g, gtd), next};
        }
        if (bracket.length == 1) {
            return new Result(bracket[0].f, bracket[0].g, bracket[0].t, evals);
        }
        boolean insufficientProgress = false;
        int low = bracket[0].f <= bracket[1].f ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(bracket[1].t - bracket[0].t) * dNorm < toleranceChange) {
                break;
            }
            double tNew = cubicInterpolate(bracket[0].t, bracket[0].f, bracket[0].gtd, bracket[1].t, bracket[1].f,
                    bracket[1].gtd, Math.min(bracket[0].t, bracket[1].t), Math.max(bracket[0].t, bracket[1].t));
            double hi = Math.max(bracket[0].t, bracket[1].t);
            double lo = Math.min(bracket[0].t, bracket[1].t);
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - tNew, tNew - lo) < eps) {
                if (insufficientProgress || tNew >= hi || tNew <= lo) {
                    tNew = Math.abs(tNew - hi) < Math.abs(tNew - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            Point p = at(tNew);
            evals++;
            lsIter++;
            if (p.f > f + C1 * p.t * gtd || p.f >= bracket[low].f) {
                bracket[high] = p;
                low = bracket[0].f <= bracket[1].f ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(p.gtd) <= -C2 * gtd) {
                    done = true;
                } else if (p.gtd * (bracket[high].t - bracket[low].t) >= 0) {
                    bracket[high] = bracket[low];
                }
                bracket[low] = p;
            }
        }
        Point best = bracket[low];
        return new Result(best.f, best.g, best.t, evals);
    }

    /** The minimiser of the cubic through two points with their slopes, kept within the bounds. */
    private static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2,
            double lowerBound, double upperBound) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lowerBound), upperBound);
        }
        return (lowerBound + upperBound) / 2.0;
    }
}
