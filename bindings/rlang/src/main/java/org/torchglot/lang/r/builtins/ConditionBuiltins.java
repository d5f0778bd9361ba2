package org.torchglot.lang.r.builtins;

import java.util.HashSet;
import java.util.Set;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.ControlFlow;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Errors, warnings, messages and their handlers: stop, warning, message, tryCatch, try, stopifnot, suppressWarnings. */
final class ConditionBuiltins {
    private ConditionBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("stop", "..., call., domain", (c, a) -> {
            RList dots = Arg.dots(a[0]);
            boolean withCall = Arg.flag(a[1], true);
            String call = withCall ? c.env().frameCallText() : null;
            if (dots.length() == 1 && dots.get(0) instanceof RList cond && RValues.inherits(cond, "condition")) {
                Object cl = org.torchglot.lang.r.runtime.Extract.dollar(cond, "call", null, null);
                String condCall = cl instanceof RError.RCallText ct ? ct.text() : null;
                throw new RError(RValues.asString(org.torchglot.lang.r.runtime.Extract.dollar(cond, "message", null, null)), condCall, cond, c.location());
            }
            throw new RError(concat(dots), call, c.location());
        });
        t.add("warning", "..., call., immediate., domain", (c, a) -> {
            String msg = concat(Arg.dots(a[0]));
            boolean withCall = Arg.flag(a[1], true);
            c.context().warning(withCall ? c.env().frameCallText() : null, msg);
            c.setInvisible();
            return RString.of(msg);
        });
        t.add("message", "..., domain, appendLF", (c, a) -> {
            c.context().message(concat(Arg.dots(a[0])) + (Arg.flag(a[2], true) ? "\n" : ""));
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.add("conditionMessage", "c", (c, a) -> org.torchglot.lang.r.runtime.Extract.dollar(a[0], "message", null, null));
        t.add("conditionCall", "c", (c, a) -> org.torchglot.lang.r.runtime.Extract.dollar(a[0], "call", null, null));
        t.add("simpleError", "message, call", (c, a) -> RError.makeCondition(RValues.asString(a[0]), null, "simpleError", "error", "condition"));
        t.add("simpleCondition", "message, call", (c, a) -> RError.makeCondition(RValues.asString(a[0]), null, "simpleCondition", "condition"));
        t.add("simpleWarning", "message, call", (c, a) -> RError.makeCondition(RValues.asString(a[0]), null, "simpleWarning", "warning", "condition"));
        t.lazy("tryCatch", "expr, ..., finally", ConditionBuiltins::tryCatch);
        t.lazy("try", "expr, silent", ConditionBuiltins::tryFn);
        t.lazy("suppressWarnings", "expr, classes", (c, a) -> muffled(c, a[0], "warning"));
        t.lazy("suppressMessages", "expr, classes", (c, a) -> muffled(c, a[0], "message"));
        t.lazy("stopifnot", "..., exprs, exprObject, local", ConditionBuiltins::stopifnot);
    }

    /** The pieces of a message, pasted together without separators. */
    static String concat(RList dots) {
        StringBuilder sb = new StringBuilder();
        for (Object o : dots.data()) {
            if (o instanceof RVector v) {
                for (int i = 0; i < v.length(); i++) {
                    String s = Coerce.stringAt(v, i);
                    sb.append(s == null ? "NA" : s);
                }
            }
        }
        return sb.toString();
    }

    private static Object muffled(RCall c, Object expr, String cls) {
        Set<String> frame = new HashSet<>(Set.of(cls, "<muffle>"));
        c.context().pushConditionHandler(frame);
        try {
            return Arg.force(expr);
        } finally {
            c.context().popConditionHandler();
        }
    }

    private static Object tryCatch(RCall c, Object[] a) {
        RDots handlers = Arg.lazyDots(a[1]);
        Set<String> classes = new HashSet<>();
        for (String n : handlers.names()) {
            if (n != null && !n.equals("error")) {
                classes.add(n);
            }
        }
        boolean pushed = !classes.isEmpty();
        if (pushed) {
            c.context().pushConditionHandler(classes);
        }
        try {
            return Arg.force(a[0]);
        } catch (RError e) {
            RList cond = e.conditionObject();
            RFunction h = findHandler(handlers, cond);
            if (h == null) {
                throw e;
            }
            if (pushed) {
                c.context().popConditionHandler();
                pushed = false;
            }
            return c.callFunction(h, cond);
        } catch (ControlFlow.Condition cf) {
            if (cf.handlerFrame != classes) {
                throw cf;
            }
            if (pushed) {
                c.context().popConditionHandler();
                pushed = false;
            }
            RFunction h = findHandler(handlers, cf.condition);
            return c.callFunction(h, cf.condition);
        } finally {
            if (pushed) {
                c.context().popConditionHandler();
            }
            if (a[2] != RMissing.INSTANCE) {
                boolean visible = c.context().isVisible();
                Arg.force(a[2]);
                c.context().setVisible(visible);
            }
        }
    }

    private static RFunction findHandler(RDots handlers, RList cond) {
        RString cls = cond.classAttr();
        for (String cl : cls.data()) {
            for (int i = 0; i < handlers.length(); i++) {
                if (cl.equals(handlers.names()[i])) {
                    Object h = RPromise.forceValue(handlers.values()[i]);
                    if (h instanceof RFunction f) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private static Object tryFn(RCall c, Object[] a) {
        try {
            return Arg.force(a[0]);
        } catch (RError e) {
            if (!Arg.flag(Arg.force(a[1]), false)) {
                c.context().err(e.getMessage() + "\n");
            }
            RString r = RString.of(e.getMessage() + "\n");
            r.setAttr("class", RString.of("try-error"));
            r.setAttr("condition", e.conditionObject());
            c.setInvisible();
            return r;
        }
    }

    private static Object stopifnot(RCall c, Object[] a) {
        RDots d = Arg.lazyDots(a[0]);
        for (int i = 0; i < d.length(); i++) {
            Object v = RPromise.forceValue(d.values()[i]);
            boolean ok = v instanceof RVector vec && !(vec instanceof RList);
            if (ok) {
                RVector vec = (RVector) v;
                for (int k = 0; k < vec.length(); k++) {
                    ok &= Coerce.logicalAt(vec, k) == RLogical.TRUE;
                }
            }
            if (!ok) {
                String msg;
                if (d.names()[i] != null && !d.names()[i].isEmpty()) {
                    msg = d.names()[i];
                } else {
                    String text = d.values()[i] instanceof RPromise p && p.expr() != null ? p.expr().deparse() : RValues.asString(v);
                    boolean plural = v instanceof RVector vec && vec.length() > 1;
                    msg = text + (plural ? " are not all TRUE" : " is not TRUE");
                }
                throw new RError(msg, c.env().frameCallText(), c.location());
            }
        }
        c.setInvisible();
        return RNull.INSTANCE;
    }
}
