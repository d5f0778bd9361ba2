package org.torchglot.lang.r.runtime;


/** {@code deparse()} of values: {@code c(1, 2)}, {@code 1:3}, {@code list(a = 1)}, {@code "s"}. */
public final class RDeparser {
    private RDeparser() {
    }

    public static String deparse(Object v) {
        if (v == RNull.INSTANCE || v == null) {
            return "NULL";
        }
        if (v instanceof RClosure c && c.root().getSourceSection() != null) {
            return c.root().getSourceSection().getCharacters().toString();
        }
        if (v instanceof RFunction f) {
            return f.name();
        }
        if (!(v instanceof RVector vec)) {
            return String.valueOf(v);
        }
        int n = vec.length();
        RString names = vec.names();
        if (vec instanceof RInt ri && n > 1 && names == null && isRange(ri)) {
            return ri.get(0) + ":" + ri.get(n - 1);
        }
        if (n == 1 && names == null && !(vec instanceof RList)) {
            return element(vec, 0);
        }
        if (n == 0) {
            return switch (vec.type()) {
                case LOGICAL -> "logical(0)";
                case INTEGER -> "integer(0)";
                case DOUBLE -> "numeric(0)";
                case CHARACTER -> "character(0)";
                default -> "list()";
            };
        }
        StringBuilder sb = new StringBuilder(vec instanceof RList ? "list(" : "c(");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names != null && names.get(i) != null && !names.get(i).isEmpty()) {
                sb.append(Deparse.symbol(names.get(i))).append(" = ");
            }
            sb.append(vec instanceof RList l ? deparse(l.get(i)) : element(vec, i));
        }
        return sb.append(')').toString();
    }

    private static boolean isRange(RInt v) {
        for (int i = 1; i < v.length(); i++) {
            if (v.get(i - 1) == RNA.INT || v.get(i) != v.get(i - 1) + 1) {
                return false;
            }
        }
        return true;
    }

    private static String element(RVector v, int i) {
        if (v instanceof RDouble d) {
            double x = d.get(i);
            return RNA.isNA(x) ? "NA" : RFormat.formatDouble(x, 15);
        }
        if (v instanceof RInt x) {
            return x.get(i) == RNA.INT ? "NA" : x.get(i) + "L";
        }
        if (v instanceof RLogical l) {
            return l.get(i) == RNA.INT ? "NA" : l.get(i) != 0 ? "TRUE" : "FALSE";
        }
        if (v instanceof RString s) {
            return Deparse.quote(s.get(i));
        }
        return deparse(((RList) v).get(i));
    }
}
