package org.torchglot.lang.r.builtins;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Elementwise maths (a table of one-liners) and summaries: sum, prod, mean, max, min, range, var, sd, cumsum. */
final class MathBuiltins {
    private MathBuiltins() {
    }

    static void install(BuiltinTable t) {
        unary(t, "sqrt", Math::sqrt);
        unary(t, "exp", Math::exp);
        unary(t, "expm1", Math::expm1);
        unary(t, "log2", x -> Math.log(x) / Math.log(2));
        unary(t, "log10", Math::log10);
        unary(t, "log1p", Math::log1p);
        unary(t, "sin", Math::sin);
        unary(t, "cos", Math::cos);
        unary(t, "tan", Math::tan);
        unary(t, "asin", Math::asin);
        unary(t, "acos", Math::acos);
        unary(t, "atan", Math::atan);
        unary(t, "sinh", Math::sinh);
        unary(t, "cosh", Math::cosh);
        unary(t, "tanh", Math::tanh);
        unary(t, "floor", Math::floor);
        unary(t, "ceiling", Math::ceil);
        unary(t, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        unary(t, "gamma", MathBuiltins::gamma);
        unary(t, "lgamma", x -> Math.log(Math.abs(gamma(x))));
        unary(t, "factorial", x -> gamma(x + 1));
        unary(t, "sign", Math::signum);
        t.add("log", "x, base", (c, a) -> {
            RVector v = numeric(a[0]);
            double base = Arg.dbl(a[1], Math.E);
            double lb = Math.log(base);
            return map(c, v, x -> Arg.missing(a[1]) ? Math.log(x) : Math.log(x) / lb);
        });
        // NOTE: as GNU R's dnorm4, log = TRUE is computed as a log (digits kept in the tails), not log(density).
        t.add("dnorm", "x, mean, sd, log", (c, a) -> {
            double mean = Arg.dbl(a[1], 0);
            double sd = Arg.dbl(a[2], 1);
            boolean log = Arg.flag(a[3], false);
            return map(c, numeric(a[0]), x -> {
                double z = (x - mean) / sd;
                return log ? -(0.5 * Math.log(2 * Math.PI) + 0.5 * z * z + Math.log(sd))
                        : Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / sd;
            });
        });
        t.add("abs", "x", (c, a) -> {
            RVector v = numeric(a[0]);
            if (v instanceof RInt || v instanceof RLogical) {
                int[] r = new int[v.length()];
                for (int i = 0; i < r.length; i++) {
                    int x = Coerce.intAt(v, i);
                    r[i] = x == RNA.INT ? x : Math.abs(x);
                }
                return keep(new RInt(r), v);
            }
            return map(c, v, Math::abs);
        });
        t.add("round", "x, digits", (c, a) -> {
            int d = Arg.integer(a[1], 0);
            return map(c, numeric(a[0]), x -> round(x, d));
        });
        t.add("signif", "x, digits", (c, a) -> {
            int d = Math.max(1, Arg.integer(a[1], 6));
            return map(c, numeric(a[0]), x -> !Double.isFinite(x) || x == 0 ? x : new BigDecimal(x).round(new MathContext(d, RoundingMode.HALF_EVEN)).doubleValue());
        });
        t.add("atan2", "y, x", (c, a) -> RDouble.of(Math.atan2(RValues.asDouble(a[0]), RValues.asDouble(a[1]))));
        t.add("choose", "n, k", (c, a) -> {
            double n = RValues.asDouble(a[0]);
            int k = RValues.asInt(a[1]);
            double r = 1;
            for (int i = 1; i <= k; i++) {
                r = r * (n - k + i) / i;
            }
            return RDouble.of(Math.rint(r));
        });
        t.add("sum", "..., na.rm", (c, a) -> sum(c, Arg.dots(a[0]), Arg.flag(a[1], false)));
        t.add("prod", "..., na.rm", (c, a) -> {
            double p = 1;
            for (double x : values(Arg.dots(a[0]), Arg.flag(a[1], false)).data()) {
                p *= x;
            }
            return RDouble.of(p);
        });
        t.add("mean", "x, ..., na.rm", (c, a) -> {
            RVector v = numeric(a[0]);
            double[] d = values(new RList(new Object[]{v}), Arg.flag(a[2], false)).data();
            if (d.length == 0) {
                return RDouble.of(Double.NaN);
            }
            double s = 0;
            for (double x : d) {
                s += x;
            }
            double m = s / d.length;
            if (Double.isFinite(m)) {
                double corr = 0;
                for (double x : d) {
                    corr += x - m;
                }
                m += corr / d.length;
            }
            return RDouble.of(m);
        });
        t.add("max", "..., na.rm", (c, a) -> extreme(c, Arg.dots(a[0]), Arg.flag(a[1], false), true));
        t.add("min", "..., na.rm", (c, a) -> extreme(c, Arg.dots(a[0]), Arg.flag(a[1], false), false));
        t.add("range", "..., na.rm", (c, a) -> ConstructorBuiltins.combine(new RList(new Object[]{
            extreme(c, Arg.dots(a[0]), Arg.flag(a[1], false), false), extreme(c, Arg.dots(a[0]), Arg.flag(a[1], false), true)}), true));
        t.add("var", "x, y, na.rm", (c, a) -> RDouble.of(variance(values(new RList(new Object[]{numeric(a[0])}), Arg.flag(a[2], false)).data())));
        t.add("sd", "x, na.rm", (c, a) -> RDouble.of(Math.sqrt(variance(values(new RList(new Object[]{numeric(a[0])}), Arg.flag(a[1], false)).data()))));
        t.add("median", "x, na.rm", (c, a) -> {
            double[] d = values(new RList(new Object[]{numeric(a[0])}), Arg.flag(a[1], false)).data().clone();
            if (d.length == 0) {
                return RDouble.of(RNA.REAL);
            }
            Arrays.sort(d);
            int n = d.length;
            return RDouble.of(n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2);
        });
        t.add("cumsum", "x", (c, a) -> cumulative(numeric(a[0]), "+"));
        t.add("cumprod", "x", (c, a) -> cumulative(Coerce.cast(numeric(a[0]), org.torchglot.lang.r.runtime.RType.DOUBLE, true), "*"));
        t.add("cummax", "x", (c, a) -> cumulative(Coerce.cast(numeric(a[0]), org.torchglot.lang.r.runtime.RType.DOUBLE, true), "max"));
        t.add("cummin", "x", (c, a) -> cumulative(Coerce.cast(numeric(a[0]), org.torchglot.lang.r.runtime.RType.DOUBLE, true), "min"));
        t.add("pmax", "..., na.rm", (c, a) -> parallel(Arg.dots(a[0]), true));
        t.add("pmin", "..., na.rm", (c, a) -> parallel(Arg.dots(a[0]), false));
    }

    static double round(double x, int d) {
        if (!Double.isFinite(x)) {
            return x;
        }
        if (d == 0) {
            return Math.rint(x);
        }
        return new BigDecimal(x).setScale(d, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static RVector numeric(Object x) {
        if (x instanceof RDouble || x instanceof RInt || x instanceof RLogical) {
            return (RVector) x;
        }
        throw new RErrorSignal("non-numeric argument to mathematical function");
    }

    private static void unary(BuiltinTable t, String name, DoubleUnaryOperator f) {
        t.add(name, "x", (c, a) -> map(c, numeric(a[0]), f));
    }

    private static RVector keep(RVector r, RVector from) {
        r.copyAttributesFrom(from);
        return r;
    }

    private static RVector map(RCall c, RVector v, DoubleUnaryOperator f) {
        double[] r = new double[v.length()];
        boolean nan = false;
        for (int i = 0; i < r.length; i++) {
            double x = Coerce.doubleAt(v, i);
            if (RNA.isNA(x)) {
                r[i] = RNA.REAL;
                continue;
            }
            r[i] = f.applyAsDouble(x);
            nan |= Double.isNaN(r[i]) && !Double.isNaN(x);
        }
        if (nan) {
            c.warning("NaNs produced");
        }
        return keep(new RDouble(r), v);
    }

    /** All numbers of the arguments; NA/NaN dropped with na.rm. */
    private static RDouble values(RList parts, boolean naRm) {
        int n = 0;
        for (Object p : parts.data()) {
            n += numeric(p).length();
        }
        double[] d = new double[n];
        int k = 0;
        for (Object p : parts.data()) {
            RVector v = (RVector) p;
            for (int i = 0; i < v.length(); i++) {
                double x = Coerce.doubleAt(v, i);
                if (!(naRm && Double.isNaN(x))) {
                    d[k++] = x;
                }
            }
        }
        return new RDouble(Arrays.copyOf(d, k));
    }

    private static boolean allInteger(RList parts) {
        for (Object p : parts.data()) {
            if (!(p instanceof RInt || p instanceof RLogical)) {
                return false;
            }
        }
        return true;
    }

    private static Object sum(RCall c, RList parts, boolean naRm) {
        double s = 0;
        for (double x : values(parts, naRm).data()) {
            s += x;
        }
        if (allInteger(parts)) {
            if (Double.isNaN(s)) {
                return RInt.of(RNA.INT);
            }
            if (Math.abs(s) > Integer.MAX_VALUE) {
                c.warning("integer overflow - use sum(as.numeric(.))");
                return RInt.of(RNA.INT);
            }
            return RInt.of((int) s);
        }
        return RDouble.of(s);
    }

    private static Object extreme(RCall c, RList parts, boolean naRm, boolean max) {
        for (Object p : parts.data()) {
            if (p instanceof RString) {
                String best = null;
                for (Object q : parts.data()) {
                    RVector v = Coerce.cast((RVector) q, org.torchglot.lang.r.runtime.RType.CHARACTER, false);
                    for (int i = 0; i < v.length(); i++) {
                        String s = ((RString) v).get(i);
                        if (s != null && (best == null || (max ? org.torchglot.lang.r.runtime.Ops.compareStrings(s, best) > 0 : org.torchglot.lang.r.runtime.Ops.compareStrings(s, best) < 0))) {
                            best = s;
                        }
                    }
                }
                return RString.of(best);
            }
        }
        double[] d = values(parts, naRm).data();
        if (d.length == 0) {
            c.warning("no non-missing arguments to " + (max ? "max" : "min") + "; returning " + (max ? "-Inf" : "Inf"));
            return RDouble.of(max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        double best = d[0];
        for (double x : d) {
            if (Double.isNaN(x)) {
                best = x;
                break;
            }
            best = max ? Math.max(best, x) : Math.min(best, x);
        }
        if (allInteger(parts)) {
            return RInt.of(Double.isNaN(best) ? RNA.INT : (int) best);
        }
        return RDouble.of(best);
    }

    private static double variance(double[] d) {
        int n = d.length;
        if (n < 2) {
            return RNA.REAL;
        }
        double m = 0;
        for (double x : d) {
            m += x;
        }
        m /= n;
        double s = 0;
        for (double x : d) {
            s += (x - m) * (x - m);
        }
        return s / (n - 1);
    }

    private static Object cumulative(RVector v, String op) {
        int n = v.length();
        if (v instanceof RInt || v instanceof RLogical) {
            int[] r = new int[n];
            long acc = 0;
            boolean na = false;
            for (int i = 0; i < n; i++) {
                int x = Coerce.intAt(v, i);
                na |= x == RNA.INT;
                acc += na ? 0 : x;
                if (acc > Integer.MAX_VALUE || acc < -Integer.MAX_VALUE) {
                    na = true;
                }
                r[i] = na ? RNA.INT : (int) acc;
            }
            return keepNames(new RInt(r), v);
        }
        double[] r = new double[n];
        double acc = switch (op) {
            case "*" -> 1;
            case "max" -> Double.NEGATIVE_INFINITY;
            case "min" -> Double.POSITIVE_INFINITY;
            default -> 0;
        };
        for (int i = 0; i < n; i++) {
            double x = Coerce.doubleAt(v, i);
            acc = switch (op) {
                case "*" -> acc * x;
                case "max" -> Double.isNaN(x) ? x : Math.max(acc, x);
                case "min" -> Double.isNaN(x) ? x : Math.min(acc, x);
                default -> acc + x;
            };
            r[i] = acc;
        }
        return keepNames(new RDouble(r), v);
    }

    private static RVector keepNames(RVector r, RVector from) {
        r.setAttr("names", from.names());
        return r;
    }

    private static Object parallel(RList parts, boolean max) {
        int n = 0;
        boolean allInt = allInteger(parts);
        for (Object p : parts.data()) {
            n = Math.max(n, numeric(p).length());
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NaN;
            for (Object p : parts.data()) {
                RVector v = (RVector) p;
                double x = Coerce.doubleAt(v, i % v.length());
                best = Double.isNaN(best) ? x : max ? Math.max(best, x) : Math.min(best, x);
            }
            r[i] = best;
        }
        RVector res = new RDouble(r);
        if (allInt) {
            res = Coerce.cast(res, org.torchglot.lang.r.runtime.RType.INTEGER, false);
        }
        RVector first = (RVector) parts.get(0);
        if (first.length() == n) {
            res.copyAttributesFrom(first);
        }
        return res;
    }

    /** Lanczos approximation of the gamma function. */
    static double gamma(double x) {
        if (x == Math.rint(x) && x > 0 && x < 171) {
            double r = 1;
            for (int i = 2; i < x; i++) {
                r *= i;
            }
            return r;
        }
        if (x < 0.5) {
            return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        x -= 1;
        double a = g[0];
        double tt = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return Math.sqrt(2 * Math.PI) * Math.pow(tt, x + 0.5) * Math.exp(-tt) * a;
    }
}
