package org.torchglot.lang.r.runtime;

import java.util.HashMap;
import java.util.Map;

import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/** R's vectorised operators: arithmetic with recycling and integer overflow to NA, comparison, logic, {@code :}, {@code %in%}, {@code %*%}. */
public final class Ops {
    private Ops() {
    }

    /** Applies binary operator {@code op}; classed operands dispatch first, unknown {@code %op%} calls the function of that name. */
    @TruffleBoundary
    public static Object binary(String op, Object l, Object r, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(l) || Dispatch.isClassed(r)) {
            Object d = Dispatch.tryDispatch(op, new Object[]{l, r}, null, env, site, site instanceof Node n ? n : null, true);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        switch (op) {
            case "+", "-", "*", "/", "^", "%%", "%/%":
                return arith(op, l, r);
            case "==", "!=", "<", ">", "<=", ">=":
                return compare(op, l, r);
            case "&", "|":
                return logic(op, l, r);
            case ":":
                return colon(l, r);
            case "%in%":
                return in(l, r);
            case "%*%":
                return matmul(l, r);
            default: {
                Object f = env == null ? null : RPromise.forceValue(env.lookup(op));
                if (f instanceof RFunction fn) {
                    return RCaller.call(fn, new Object[]{l, r}, new String[2], env, site);
                }
                throw new RErrorSignal("could not find function \"" + op + "\"");
            }
        }
    }

    @TruffleBoundary
    public static Object unary(String op, Object v, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(v)) {
            Object d = Dispatch.tryDispatch(op.equals("!") ? "!" : op, new Object[]{v}, null, env, site, site instanceof Node n ? n : null, true);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        if (op.equals("!")) {
            if (!(v instanceof RLogical || v instanceof RInt || v instanceof RDouble)) {
                throw new RErrorSignal("invalid argument type");
            }
            RVector x = (RVector) v;
            int[] d = new int[x.length()];
            for (int i = 0; i < d.length; i++) {
                int b = Coerce.logicalAt(x, i);
                d[i] = b == RNA.INT ? RNA.INT : 1 - b;
            }
            return keepShape(new RLogical(d), x);
        }
        if (!(v instanceof RLogical || v instanceof RInt || v instanceof RDouble)) {
            throw new RErrorSignal("invalid argument to unary operator");
        }
        RVector x = (RVector) v;
        if (op.equals("+")) {
            return x instanceof RLogical ? Coerce.cast(x, RType.INTEGER, true) : x;
        }
        if (x instanceof RDouble dv) {
            double[] d = new double[dv.length()];
            for (int i = 0; i < d.length; i++) {
                d[i] = -dv.get(i);
            }
            return keepShape(new RDouble(d), x);
        }
        int[] d = new int[x.length()];
        for (int i = 0; i < d.length; i++) {
            int a = Coerce.intAt(x, i);
            d[i] = a == RNA.INT ? RNA.INT : -a;
        }
        return keepShape(new RInt(d), x);
    }

    private static RVector keepShape(RVector result, RVector from) {
        result.copyAttributesFrom(from);
        return result;
    }

    private static boolean isNumeric(Object v) {
        return v instanceof RDouble || v instanceof RInt || v instanceof RLogical;
    }

    /** Length of the recycled result; warns when lengths are not multiples. */
    private static int recycledLength(int nl, int nr) {
        if (nl == 0 || nr == 0) {
            return 0;
        }
        int n = Math.max(nl, nr);
        if (n % nl != 0 || n % nr != 0) {
            RContext.get(null).warning("longer object length is not a multiple of shorter object length");
        }
        return n;
    }

    /** Result attributes: those of the operand(s) of full length, the left one winning. */
    private static RVector withAttributes(RVector res, RVector l, RVector r) {
        int n = res.length();
        int[] dl = l.dim();
        int[] dr = r.dim();
        if (dl != null && dr != null && !java.util.Arrays.equals(dl, dr)) {
            throw new RErrorSignal("non-conformable arrays");
        }
        if (r.length() == n && r.hasAttributes()) {
            res.copyAttributesFrom(r);
        }
        if (l.length() == n && l.hasAttributes()) {
            res.copyAttributesFrom(l);
        }
        return res;
    }

    public static Object arith(String op, Object lo, Object ro) {
        if (lo == RNull.INSTANCE || ro == RNull.INSTANCE) {
            if (lo == RNull.INSTANCE && ro == RNull.INSTANCE || isNumeric(lo) || isNumeric(ro)) {
                return new RDouble(new double[0]);
            }
        }
        if (!isNumeric(lo) || !isNumeric(ro)) {
            throw new RErrorSignal("non-numeric argument to binary operator");
        }
        RVector l = (RVector) lo;
        RVector r = (RVector) ro;
        int nl = l.length();
        int nr = r.length();
        int n = recycledLength(nl, nr);
        boolean dbl = l instanceof RDouble || r instanceof RDouble || op.equals("/") || op.equals("^");
        RVector res;
        if (dbl) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = arithDouble(op, Coerce.doubleAt(l, i % nl), Coerce.doubleAt(r, i % nr));
            }
            res = new RDouble(d);
        } else {
            int[] d = new int[n];
            boolean overflow = false;
            for (int i = 0; i < n; i++) {
                int a = Coerce.intAt(l, i % nl);
                int b = Coerce.intAt(r, i % nr);
                if (a == RNA.INT || b == RNA.INT) {
                    d[i] = RNA.INT;
                    continue;
                }
                if (b == 0 && (op.equals("%%") || op.equals("%/%"))) {
                    d[i] = RNA.INT;
                    continue;
                }
                long v = switch (op) {
                    case "+" -> (long) a + b;
                    case "-" -> (long) a - b;
                    case "*" -> (long) a * b;
                    case "%%" -> Math.floorMod(a, b);
                    default -> Math.floorDiv((long) a, (long) b);
                };
                if (v > Integer.MAX_VALUE || v <= Integer.MIN_VALUE) {
                    overflow = true;
                    v = RNA.INT;
                }
                d[i] = (int) v;
            }
            if (overflow) {
                RContext.get(null).warning("NAs produced by integer overflow");
            }
            res = new RInt(d);
        }
        return withAttributes(res, l, r);
    }

    public static double arithDouble(String op, double a, double b) {
        double v = switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "^" -> a == 1 || b == 0 ? 1 : Math.pow(a, b);
            case "%%" -> {
                if (b == 0) {
                    yield Double.NaN;
                }
                double m = a - Math.floor(a / b) * b;
                yield m;
            }
            default -> Math.floor(a / b);
        };
        if (Double.isNaN(v) && (RNA.isNA(a) || RNA.isNA(b))) {
            return RNA.REAL;
        }
        return v;
    }

    public static Object compare(String op, Object lo, Object ro) {
        if (lo == RNull.INSTANCE || ro == RNull.INSTANCE) {
            return new RLogical(new int[0]);
        }
        if (!(lo instanceof RVector l) || !(ro instanceof RVector r) || l instanceof RList || r instanceof RList) {
            throw new RErrorSignal("comparison (" + op + ") is possible only for atomic and list types");
        }
        int nl = l.length();
        int nr = r.length();
        int n = recycledLength(nl, nr);
        int[] d = new int[n];
        if (l instanceof RString || r instanceof RString) {
            for (int i = 0; i < n; i++) {
                String a = Coerce.stringAt(l, i % nl);
                String b = Coerce.stringAt(r, i % nr);
                if (a == null || b == null) {
                    d[i] = RNA.INT;
                } else {
                    int c = compareStrings(a, b);
                    d[i] = cmp(op, c) ? 1 : 0;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double a = Coerce.doubleAt(l, i % nl);
                double b = Coerce.doubleAt(r, i % nr);
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    d[i] = RNA.INT;
                } else {
                    d[i] = cmp(op, Double.compare(a == 0.0 ? 0.0 : a, b == 0.0 ? 0.0 : b)) ? 1 : 0;
                }
            }
        }
        return withAttributes(new RLogical(d), l, r);
    }

    /** Collation close to R's default locale order: case-insensitive first, lower case before upper case on ties. */
    public static int compareStrings(String a, String b) {
        int c = a.compareToIgnoreCase(b);
        if (c != 0) {
            return c;
        }
        return -a.compareTo(b);
    }

    private static boolean cmp(String op, int c) {
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    public static Object logic(String op, Object lo, Object ro) {
        if (lo == RNull.INSTANCE || ro == RNull.INSTANCE) {
            return new RLogical(new int[0]);
        }
        if (!isNumeric(lo) || !isNumeric(ro)) {
            throw new RErrorSignal("operations are possible only for numeric, logical or complex types");
        }
        RVector l = (RVector) lo;
        RVector r = (RVector) ro;
        int nl = l.length();
        int nr = r.length();
        int n = recycledLength(nl, nr);
        int[] d = new int[n];
        boolean and = op.equals("&");
        for (int i = 0; i < n; i++) {
            int a = Coerce.logicalAt(l, i % nl);
            int b = Coerce.logicalAt(r, i % nr);
            if (and) {
                d[i] = a == 0 || b == 0 ? 0 : a == RNA.INT || b == RNA.INT ? RNA.INT : 1;
            } else {
                d[i] = a == 1 || b == 1 ? 1 : a == RNA.INT || b == RNA.INT ? RNA.INT : 0;
            }
        }
        return withAttributes(new RLogical(d), l, r);
    }

    public static Object colon(Object lo, Object ro) {
        if (!(lo instanceof RVector l) || !(ro instanceof RVector r) || l.length() == 0 || r.length() == 0) {
            throw new RErrorSignal("argument of length 0");
        }
        double from = Coerce.doubleAt(l, 0);
        double to = Coerce.doubleAt(r, 0);
        if (Double.isNaN(from) || Double.isNaN(to)) {
            throw new RErrorSignal("NA/NaN argument");
        }
        int n = (int) (Math.floor(Math.abs(to - from) + 1e-10) + 1);
        boolean useInt = from == Math.rint(from) && Math.abs(from) <= Integer.MAX_VALUE && Math.abs(from + (n - 1)) <= Integer.MAX_VALUE;
        int step = from <= to ? 1 : -1;
        if (useInt) {
            int[] d = new int[n];
            for (int i = 0; i < n; i++) {
                d[i] = (int) from + i * step;
            }
            return new RInt(d);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = from + i * step;
        }
        return new RDouble(d);
    }

    /** {@code match(x, table)}: 1-based positions, NA_integer_ where absent. */
    public static int[] match(RVector x, RVector table) {
        boolean strings = x instanceof RString || table instanceof RString;
        Map<Object, Integer> index = new HashMap<>();
        for (int i = table.length() - 1; i >= 0; i--) {
            index.put(key(table, i, strings), i + 1);
        }
        int[] r = new int[x.length()];
        for (int i = 0; i < r.length; i++) {
            Integer p = index.get(key(x, i, strings));
            r[i] = p == null ? RNA.INT : p;
        }
        return r;
    }

    private static Object key(RVector v, int i, boolean strings) {
        if (strings) {
            String s = Coerce.stringAt(v, i);
            return s == null ? "\u0000NA" : s;
        }
        if (v instanceof RList l) {
            return RDeparser.deparse(l.get(i));
        }
        double d = Coerce.doubleAt(v, i);
        return RNA.isNA(d) ? "NA" : Double.isNaN(d) ? "NaN" : (Object) (d == 0.0 ? 0.0 : d);
    }

    public static Object in(Object lo, Object ro) {
        RVector x = Coerce.asVector(lo);
        RVector t = Coerce.asVector(ro);
        int[] m = match(x, t);
        int[] d = new int[m.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = m[i] == RNA.INT ? 0 : 1;
        }
        return new RLogical(d);
    }

    public static Object matmul(Object lo, Object ro) {
        if (!isNumeric(lo) || !isNumeric(ro)) {
            throw new RErrorSignal("requires numeric/complex matrix/vector arguments");
        }
        RVector x = (RVector) lo;
        RVector y = (RVector) ro;
        int[] xd = x.dim();
        int[] yd = y.dim();
        if (xd == null && yd == null) {
            if (x.length() == y.length()) {
                xd = new int[]{1, x.length()};
                yd = new int[]{y.length(), 1};
            } else if (x.length() == 1) {
                xd = new int[]{1, 1};
                yd = new int[]{1, y.length()};
            } else {
                xd = new int[]{x.length(), 1};
                yd = new int[]{1, y.length()};
            }
        } else if (xd == null) {
            xd = x.length() == yd[0] ? new int[]{1, x.length()} : new int[]{x.length(), 1};
        } else if (yd == null) {
            yd = y.length() == xd[1] ? new int[]{y.length(), 1} : new int[]{1, y.length()};
        }
        if (xd.length != 2 || yd.length != 2 || xd[1] != yd[0]) {
            throw new RErrorSignal("non-conformable arguments");
        }
        int n = xd[0];
        int k = xd[1];
        int m = yd[1];
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += Coerce.doubleAt(x, i + p * n) * Coerce.doubleAt(y, p + j * k);
                }
                out[i + j * n] = s;
            }
        }
        RDouble res = new RDouble(out);
        res.setAttr("dim", RInt.of(n, m));
        return res;
    }
}
