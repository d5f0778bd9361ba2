package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RRandom;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Base R's random numbers: set.seed, runif, rnorm, sample, sample.int (same streams as R). */
final class RandomBuiltins {
    private RandomBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("set.seed", "seed, kind, normal.kind, sample.kind", (c, a) -> {
            c.context().random().setSeed(RValues.asInt(a[0]));
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.add("runif", "n, min, max", (c, a) -> {
            RRandom rng = c.context().random();
            int n = count(a[0]);
            double lo = Arg.dbl(a[1], 0);
            double hi = Arg.dbl(a[2], 1);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = lo + (hi - lo) * rng.unifRand();
            }
            return new RDouble(r);
        });
        t.add("rnorm", "n, mean, sd", (c, a) -> {
            RRandom rng = c.context().random();
            int n = count(a[0]);
            RVector mean = Arg.missing(a[1]) ? RDouble.of(0) : Arg.vec(a[1]);
            RVector sd = Arg.missing(a[2]) ? RDouble.of(1) : Arg.vec(a[2]);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Coerce.doubleAt(mean, i % mean.length()) + Coerce.doubleAt(sd, i % sd.length()) * rng.normRand();
            }
            return new RDouble(r);
        });
        t.add("sample", "x, size, replace, prob", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            if (x.length() == 1 && !(x instanceof org.torchglot.lang.r.runtime.RString) && RValues.asDouble(x) >= 1) {
                int n = (int) RValues.asDouble(x);
                return sampleInt(c, n, Arg.missing(a[1]) ? n : RValues.asInt(a[1]), Arg.flag(a[2], false), a[3]);
            }
            int n = x.length();
            RInt idx = sampleInt(c, n, Arg.missing(a[1]) ? n : RValues.asInt(a[1]), Arg.flag(a[2], false), a[3]);
            int[] pos = new int[idx.length()];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = idx.get(i) - 1;
            }
            return Subsets.positions(x, pos);
        });
        t.add("sample.int", "n, size, replace, prob", (c, a) -> {
            int n = RValues.asInt(a[0]);
            return sampleInt(c, n, Arg.missing(a[1]) ? n : RValues.asInt(a[1]), Arg.flag(a[2], false), a[3]);
        });
    }

    private static int count(Object n) {
        RVector v = Arg.vec(n);
        return v.length() == 1 ? RValues.asInt(v) : v.length();
    }

    /** R's do_sample: equal-probability draws by rejection sampling, or the cumulative-probability walk with prob. */
    static RInt sampleInt(RCall c, int n, int size, boolean replace, Object prob) {
        RRandom rng = c.context().random();
        if (!replace && size > n) {
            throw new RErrorSignal("cannot take a sample larger than the population when 'replace = FALSE'");
        }
        int[] r = new int[size];
        if (!Arg.absent(prob)) {
            RVector pv = Arg.vec(prob);
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += Coerce.doubleAt(pv, i);
            }
            List<double[]> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new double[]{Coerce.doubleAt(pv, i) / total, i + 1});
            }
            for (int k = 0; k < size; k++) {
                items.sort(Comparator.comparingDouble((double[] p) -> -p[0]));
                double u = rng.unifRand();
                double cum = 0;
                int chosen = items.size() - 1;
                for (int j = 0; j < items.size() - 1; j++) {
                    cum += items.get(j)[0];
                    if (u <= cum) {
                        chosen = j;
                        break;
                    }
                }
                r[k] = (int) items.get(chosen)[1];
                if (!replace) {
                    double removed = items.remove(chosen)[0];
                    for (double[] p : items) {
                        p[0] /= 1 - removed;
                    }
                }
            }
            return new RInt(r);
        }
        if (replace || size < 2) {
            for (int i = 0; i < size; i++) {
                r[i] = (int) rng.unifIndex(n) + 1;
            }
            return new RInt(r);
        }
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        int m = n;
        for (int i = 0; i < size; i++) {
            int j = (int) rng.unifIndex(m);
            r[i] = x[j] + 1;
            x[j] = x[--m];
        }
        return new RInt(r);
    }
}
