package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.runtime.Ops;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.SubAssign;
import org.torchglot.lang.r.runtime.Extract;

/** Operators as functions ({@code `+`}, {@code "["}, {@code `names<-`} ...), for do.call, Reduce, sapply and backtick calls. */
final class OperatorBuiltins {
    private OperatorBuiltins() {
    }

    static void install(BuiltinTable t) {
        for (String op : new String[]{"+", "-", "*", "/", "^", "%%", "%/%", "==", "!=", "<", ">", "<=", ">=", "&", "|", ":", "%in%", "%*%"}) {
            t.add(op, "e1, e2", (c, a) -> {
                if (Arg.missing(a[1]) && (op.equals("-") || op.equals("+"))) {
                    return Ops.unary(op, a[0], c.env(), c.site());
                }
                return Ops.binary(op, a[0], a[1], c.env(), c.site());
            });
        }
        t.add("!", "x", (c, a) -> Ops.unary("!", a[0], c.env(), c.site()));
        t.add("(", "x", (c, a) -> a[0]);
        t.add("xor", "x, y", (c, a) -> Ops.binary("!=", Ops.logic("|", a[0], a[0]), Ops.logic("|", a[1], a[1]), c.env(), c.site()));
        t.add("isTRUE", "x", (c, a) -> org.torchglot.lang.r.runtime.RLogical.of(a[0] instanceof org.torchglot.lang.r.runtime.RLogical l && l.length() == 1 && l.get(0) == 1));
        t.add("isFALSE", "x", (c, a) -> org.torchglot.lang.r.runtime.RLogical.of(a[0] instanceof org.torchglot.lang.r.runtime.RLogical l && l.length() == 1 && l.get(0) == 0));
        t.add("$", "x, name", (c, a) -> Extract.dollar(a[0], RValues.asString(a[1]), c.env(), c.site()));
        t.add("[", "x, ...", (c, a) -> {
            RList d = Arg.dots(a[1]);
            return Extract.index(a[0], d.data(), names(d), false, c.env(), c.site());
        });
        t.add("[[", "x, ...", (c, a) -> {
            RList d = Arg.dots(a[1]);
            return Extract.index(a[0], d.data(), names(d), true, c.env(), c.site());
        });
        t.add("$<-", "x, name, value", (c, a) -> SubAssign.dollar(a[0], RValues.asString(a[1]), a[2], c.env(), c.site()));
        t.add("[<-", "x, ..., value", (c, a) -> {
            RList d = Arg.dots(a[1]);
            return SubAssign.index(a[0], d.data(), names(d), a[2], false, c.env(), c.site());
        });
        t.add("[[<-", "x, ..., value", (c, a) -> {
            RList d = Arg.dots(a[1]);
            return SubAssign.index(a[0], d.data(), names(d), a[2], true, c.env(), c.site());
        });
    }

    static String[] names(RList d) {
        String[] r = new String[d.length()];
        RString n = d.names();
        for (int i = 0; i < r.length; i++) {
            r[i] = n == null || n.get(i).isEmpty() ? null : n.get(i);
        }
        return r;
    }
}
