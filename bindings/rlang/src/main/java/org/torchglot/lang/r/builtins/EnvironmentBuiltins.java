package org.torchglot.lang.r.builtins;

import java.util.List;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/** Environments as values: environment, new.env, assign, get, exists, local, parent.frame, ls, sys.function. */
final class EnvironmentBuiltins {
    private EnvironmentBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("environment", "fun", (c, a) -> {
            if (Arg.absent(a[0])) {
                return c.env();
            }
            return a[0] instanceof RClosure f ? f.env() : RNull.INSTANCE;
        });
        t.add("environment<-", "fun, value", (c, a) -> {
            if (a[0] instanceof RClosure f && a[1] instanceof REnvironment e) {
                return f.withEnv(e);
            }
            throw new RErrorSignal("replacement object is not an environment");
        });
        t.add("new.env", "hash, parent, size", (c, a) -> new REnvironment(Arg.missing(a[1]) ? c.env() : env(a[1]), null));
        t.add("globalenv", "", (c, a) -> c.context().globalEnv());
        t.add("emptyenv", "", (c, a) -> new REnvironment(null, "R_EmptyEnv"));
        t.add("baseenv", "", (c, a) -> c.context().baseEnv());
        t.add("parent.env", "env", (c, a) -> {
            REnvironment p = env(a[0]).parent();
            return p == null ? new REnvironment(null, "R_EmptyEnv") : p;
        });
        t.add("parent.env<-", "env, value", (c, a) -> {
            env(a[0]).setParent(env(a[1]));
            return a[0];
        });
        t.add("parent.frame", "n", (c, a) -> {
            REnvironment f = frameOf(c.env());
            REnvironment caller = f == null ? null : f.caller();
            return caller == null ? c.context().globalEnv() : caller;
        });
        t.add("sys.function", "which", (c, a) -> {
            REnvironment f = frameOf(c.env());
            if (f == null) {
                throw new RErrorSignal("not that many frames on the stack");
            }
            return f.function();
        });
        t.add("sys.call", "which", (c, a) -> {
            REnvironment f = frameOf(c.env());
            return f == null || f.frameCallText() == null ? RNull.INSTANCE : RString.of(f.frameCallText());
        });
        t.add("environmentName", "env", (c, a) -> RString.of(a[0] instanceof REnvironment e && e.name() != null ? e.name() : ""));
        t.add("assign", "x, value, pos, envir, inherits", (c, a) -> {
            REnvironment e = Arg.missing(a[3]) ? c.env() : env(a[3]);
            String name = RValues.asString(a[0]);
            if (Arg.flag(a[4], false)) {
                REnvironment where = e.whereDefined(name);
                (where == null ? e : where).put(name, a[1]);
            } else {
                e.put(name, a[1]);
            }
            c.setInvisible();
            return a[1];
        });
        t.add("get", "x, pos, envir, mode, inherits", (c, a) -> {
            Object v = lookup(c, a[0], a[2], a[3], a[4]);
            if (v == null) {
                throw new RErrorSignal("object '" + RValues.asString(a[0]) + "' not found");
            }
            return v;
        });
        t.add("get0", "x, envir, mode, inherits, ifnotfound", (c, a) -> {
            Object v = lookup(c, a[0], a[1], a[2], a[3]);
            return v == null ? (Arg.missing(a[4]) ? RNull.INSTANCE : a[4]) : v;
        });
        t.add("exists", "x, where, envir, frame, mode, inherits", (c, a) -> RLogical.of(lookup(c, a[0], a[2], a[4], a[5]) != null));
        t.add("rm", "..., list, envir", (c, a) -> {
            REnvironment e = Arg.missing(a[2]) ? c.env() : env(a[2]);
            if (!Arg.missing(a[1])) {
                for (String s : ((RString) a[1]).data()) {
                    e.remove(s);
                }
            }
            for (Object o : Arg.dots(a[0]).data()) {
                if (o instanceof RString s) {
                    e.remove(s.get(0));
                }
            }
            c.setInvisible();
            return RNull.INSTANCE;
        });
        // NOTE: the value is a promise, evaluated on first use (how the datasets package binds its data).
        t.lazy("delayedAssign", "x, value, eval.env, assign.env", (c, a) -> {
            String name = RValues.asString(Arg.force(a[0]));
            RPromise value = (RPromise) a[1];
            REnvironment evalEnv = Arg.missing(a[2]) ? value.env() : (REnvironment) Arg.force(a[2]);
            REnvironment assignEnv = Arg.missing(a[3]) ? c.env() : (REnvironment) Arg.force(a[3]);
            assignEnv.put(name, new RPromise(value.expr(), evalEnv, false));
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.lazy("local", "expr, envir", (c, a) -> {
            REnvironment e = Arg.missing(a[1]) ? new REnvironment(c.env(), null) : env(Arg.force(a[1]));
            if (a[0] instanceof RPromise p && p.expr() != null) {
                return p.expr().execute(e);
            }
            return Arg.force(a[0]);
        });
        t.lazy("eval", "expr, envir, enclos", (c, a) -> Arg.force(a[0]));
        t.add("ls", "name, envir, all.names, sorted", (c, a) -> {
            REnvironment e = !Arg.missing(a[0]) ? env(a[0]) : Arg.missing(a[1]) ? c.env() : env(a[1]);
            List<String> names = e.names(Arg.flag(a[2], false));
            names.sort(org.torchglot.lang.r.runtime.Ops::compareStrings);
            return new RString(names.toArray(new String[0]));
        });
        // NOTE: utils' completion generic (what RStudio and R's console offer after x$); classes with a handler
        // (tensors, modules) answer it through Dispatch, this is the default for lists and environments.
        t.add(".DollarNames", "x, pattern", (c, a) -> {
            List<String> names = new java.util.ArrayList<>();
            if (a[0] instanceof REnvironment e) {
                names.addAll(e.names(false));
                names.sort(org.torchglot.lang.r.runtime.Ops::compareStrings);
            } else if (a[0] instanceof org.torchglot.lang.r.runtime.RAttributable v && v.getAttr("names") instanceof RString n) {
                names.addAll(java.util.Arrays.asList(n.data()));
            }
            return RValues.dollarNames(names, a[1]);
        });
        t.add("list2env", "x, envir, parent", (c, a) -> {
            REnvironment e = Arg.missing(a[1]) ? new REnvironment(Arg.missing(a[2]) ? c.env() : env(a[2]), null) : env(a[1]);
            RList l = (RList) a[0];
            RString n = l.names();
            for (int i = 0; i < l.length(); i++) {
                e.put(n.get(i), l.get(i));
            }
            return e;
        });
        t.add("is.environment", "x", (c, a) -> RLogical.of(a[0] instanceof REnvironment));
        t.add("lockBinding", "sym, env", (c, a) -> RNull.INSTANCE);
        t.add("lockEnvironment", "env, bindings", (c, a) -> RNull.INSTANCE);
    }

    static REnvironment env(Object o) {
        if (o instanceof REnvironment e) {
            return e;
        }
        throw new RErrorSignal("not an environment");
    }

    /** The nearest function-call frame at or above {@code env}. */
    static REnvironment frameOf(REnvironment env) {
        for (REnvironment e = env; e != null; e = e.parent()) {
            if (e.function() != null) {
                return e;
            }
        }
        return null;
    }

    private static Object lookup(RCall c, Object name, Object envir, Object mode, Object inherits) {
        REnvironment e = Arg.missing(envir) ? c.env() : env(envir);
        String n = RValues.asString(name);
        boolean inh = Arg.flag(inherits, true);
        boolean wantFunction = "function".equals(Arg.str(mode, "any"));
        for (REnvironment cur = e; cur != null; cur = inh ? cur.parent() : null) {
            Object v = cur.getLocal(n);
            if (v != null && v != RMissing.INSTANCE && !(v instanceof RDots)) {
                v = RPromise.forceValue(v);
                if (!wantFunction || v instanceof RFunction) {
                    return v;
                }
            }
        }
        return null;
    }

    static boolean isSymbol(Object promise) {
        return promise instanceof RPromise p && p.expr() instanceof RSymbolNode;
    }
}
