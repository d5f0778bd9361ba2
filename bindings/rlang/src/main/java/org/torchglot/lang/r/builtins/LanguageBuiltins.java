package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.List;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RClosureBody;
import org.torchglot.lang.r.runtime.RCode;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.ControlFlow;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;
import org.torchglot.lang.r.runtime.RDeparser;

/** Functions about evaluation itself: missing, return, switch, on.exit, do.call, library, UseMethod, match.arg, ... */
final class LanguageBuiltins {
    private LanguageBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.lazy("missing", "x", (c, a) -> RLogical.of(isMissing(a[0])));
        t.lazy("on.exit", "expr, add", (c, a) -> {
            if (a[0] instanceof RPromise p) {
                c.env().addOnExit(p, Arg.flag(Arg.force(a[1]), false));
            }
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.lazy("return", "value", (c, a) -> {
            Object v = Arg.missing(a[0]) ? RNull.INSTANCE : Arg.force(a[0]);
            throw new ControlFlow.Return(v, c.env());
        });
        t.add("invisible", "x", (c, a) -> {
            c.setInvisible();
            return Arg.missing(a[0]) ? RNull.INSTANCE : a[0];
        });
        t.add("identity", "x", (c, a) -> a[0]);
        t.add("force", "x", (c, a) -> a[0]);
        t.lazy("switch", "EXPR, ...", LanguageBuiltins::switchFn);
        t.add("Recall", "...", (c, a) -> {
            RClosure f = enclosingFunction(c.env());
            return call(c, f, Arg.dots(a[0]));
        });
        t.lazy("nargs", "", (c, a) -> RInt.of(c.env().nargs()));
        t.lazy("match.arg", "arg, choices, several.ok", LanguageBuiltins::matchArg);
        t.add("do.call", "what, args, quote, envir", (c, a) -> {
            Object f = a[0];
            if (f instanceof RString s) {
                f = RPromise.forceValue(c.env().lookup(s.get(0)));
                if (!(f instanceof RFunction)) {
                    throw new RErrorSignal("could not find function \"" + s.get(0) + "\"");
                }
            }
            RList args = a[1] instanceof RList l ? l : (RList) Coerce.cast(Arg.vec(a[1]), org.torchglot.lang.r.runtime.RType.LIST, true);
            return call(c, f, args);
        });
        t.lazy("library", "package, help, pos, lib.loc, character.only", (c, a) -> attach(c, a, true));
        t.lazy("require", "package, lib.loc, quietly, warn.conflicts, character.only", (c, a) -> attach(c, a, false));
        t.lazy("requireNamespace", "package, ..., quietly", (c, a) -> {
            String name = RValues.asString(Arg.force(a[0]));
            return RLogical.of(isBasePackage(name) || org.torchglot.lang.r.RLanguage.findPackage(name) != null);
        });
        t.lazy("UseMethod", "generic, object", LanguageBuiltins::useMethod);
        t.add("Sys.time", "", (c, a) -> {
            RDouble d = RDouble.of(System.currentTimeMillis() / 1000.0);
            d.setAttr("class", RString.of("POSIXct", "POSIXt"));
            return d;
        });
        t.add("proc.time", "", (c, a) -> {
            double el = (System.nanoTime() - c.context().startNanos()) / 1e9;
            RDouble d = RDouble.of(el, 0, el);
            d.setAttr("names", RString.of("user.self", "sys.self", "elapsed"));
            return d;
        });
        t.add("commandArgs", "trailingOnly", (c, a) -> {
            // NOTE: the context's arguments are the script then its own arguments; Rscript's full
            // form puts the interpreter and --file=script before "--args".
            String[] argv = c.context().env().getApplicationArguments();
            java.util.List<String> trailing = java.util.Arrays.asList(argv).subList(Math.min(1, argv.length), argv.length);
            if (Arg.flag(a[0], false)) {
                return RString.of(trailing.toArray(String[]::new));
            }
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("R", "--no-echo", "--no-restore"));
            if (argv.length > 0) {
                all.add("--file=" + argv[0]);
            }
            if (!trailing.isEmpty()) {
                all.add("--args");
                all.addAll(trailing);
            }
            return RString.of(all.toArray(String[]::new));
        });
        t.add("Sys.getenv", "x, unset", (c, a) -> {
            // NOTE: the polyglot environment, not the process's: empty in torchglot's sandbox.
            String v = c.context().env().getEnvironment().get(RValues.asString(a[0]));
            return RString.of(v == null ? Arg.str(a[1], "") : v);
        });
        t.add("system", "command, ...", (c, a) -> {
            throw new RErrorSignal("system() is not available in torchglot's sandbox");
        });
        t.add("system2", "command, ...", (c, a) -> {
            throw new RErrorSignal("system2() is not available in torchglot's sandbox");
        });
        t.add("quit", "save, status, runLast", LanguageBuiltins::quit);
        t.add("q", "save, status, runLast", LanguageBuiltins::quit);
        t.add("Sys.setenv", "...", (c, a) -> RLogical.of(true));
        t.add("gc", "...", (c, a) -> {
            c.setInvisible();
            return RNull.INSTANCE;
        });
        t.lazy("quote", "expr", (c, a) -> {
            throw new RErrorSignal("quote() and language objects are not supported");
        });
        t.lazy("deparse", "expr, width.cutoff", (c, a) -> RString.of(RDeparser.deparse(Arg.force(a[0]))));
        t.lazy("substitute", "expr, env", (c, a) -> {
            if (a[0] instanceof RPromise p && p.expr() instanceof RSymbolNode s && p.env() != null) {
                Object b = p.env().getLocal(s.name());
                if (b instanceof RPromise inner && inner.expr() != null) {
                    return RString.of(inner.expr().deparse());
                }
                return RString.of(s.name());
            }
            throw new RErrorSignal("substitute() is only supported as deparse(substitute(arg))");
        });
    }

    static boolean isBasePackage(String name) {
        return switch (name) {
            case "base", "stats", "utils", "methods", "graphics", "grDevices", "datasets", "purrr", "magrittr" -> true;
            default -> false;
        };
    }

    /**
     * {@code quit(save = "default", status = 0, runLast = TRUE)}: ends the program with {@code status}, the way
     * Python's {@code sys.exit} and JavaScript's {@code quit} do (the host sees an exit, not an error), after calling
     * {@code .Last()} when it is defined and {@code runLast} is true. No workspace is ever saved.
     */
    private static Object quit(RCall c, Object[] a) {
        int status = Arg.integer(a[1], 0);
        if (Arg.flag(a[2], true) && c.context().globalEnv().lookup(".Last") instanceof RFunction last) {
            c.callFunction(last);
        }
        c.context().env().getContext().closeExited(c.location(), status);
        throw new IllegalStateException("the context did not exit");
    }

    private static Object attach(RCall c, Object[] a, boolean library) {
        int charOnlyIndex = library ? 4 : 4;
        boolean charOnly = Arg.flag(Arg.force(a[charOnlyIndex]), false);
        String name;
        if (!charOnly && a[0] instanceof RPromise p && p.expr() instanceof RSymbolNode s) {
            name = s.name();
        } else {
            name = RValues.asString(Arg.force(a[0]));
        }
        boolean ok = isBasePackage(name) || c.context().attachPackage(name);
        c.setInvisible();
        if (!ok) {
            if (library) {
                throw c.error("there is no package called \u2018" + name + "\u2019");
            }
            c.context().err("Loading required package: " + name + "\n");
            c.warning("there is no package called \u2018" + name + "\u2019");
            return RLogical.of(false);
        }
        return library ? RNull.INSTANCE : RLogical.of(true);
    }

    /** missing(x): the argument was not supplied (a default does not count), also through promise chains. */
    private static boolean isMissing(Object arg) {
        if (!(arg instanceof RPromise p) || !(p.expr() instanceof RSymbolNode s)) {
            return false;
        }
        REnvironment env = p.env();
        if (env == null) {
            return false;
        }
        Object b = env.getLocal(s.name());
        if (b == null || b == RMissing.INSTANCE) {
            return b == RMissing.INSTANCE;
        }
        if (b instanceof RDots d) {
            return d.length() == 0;
        }
        if (b instanceof RPromise bp) {
            return bp.isDefault() || !bp.isForced() && isMissing(bp);
        }
        return false;
    }

    private static RClosure enclosingFunction(REnvironment env) {
        for (REnvironment e = env; e != null; e = e.parent()) {
            if (e.function() != null) {
                return e.function();
            }
        }
        throw new RErrorSignal("Recall called from outside a closure");
    }

    static Object call(RCall c, Object f, RList args) {
        RString names = args.names();
        String[] ns = new String[args.length()];
        for (int i = 0; i < ns.length; i++) {
            ns[i] = names == null || names.get(i) == null || names.get(i).isEmpty() ? null : names.get(i);
        }
        return c.callFunction(f, args.data().clone(), ns);
    }

    private static Object switchFn(RCall c, Object[] a) {
        Object expr = Arg.force(a[0]);
        RDots d = Arg.lazyDots(a[1]);
        if (!(expr instanceof RVector v) || v.length() != 1) {
            throw new RErrorSignal("EXPR must be a length 1 vector");
        }
        if (v instanceof RString s) {
            String key = s.get(0);
            int defaultIndex = -1;
            for (int i = 0; i < d.length(); i++) {
                String nm = d.names()[i];
                if (nm == null || nm.isEmpty()) {
                    defaultIndex = i;
                    continue;
                }
                if (nm.equals(key)) {
                    for (int k = i; k < d.length(); k++) {
                        if (d.values()[k] != RMissing.INSTANCE) {
                            return RPromise.forceValue(d.values()[k]);
                        }
                    }
                }
            }
            if (defaultIndex >= 0) {
                return RPromise.forceValue(d.values()[defaultIndex]);
            }
            c.setInvisible();
            return RNull.INSTANCE;
        }
        int k = RValues.asInt(v);
        if (k >= 1 && k <= d.length()) {
            return RPromise.forceValue(d.values()[k - 1]);
        }
        c.setInvisible();
        return RNull.INSTANCE;
    }

    private static Object matchArg(RCall c, Object[] a) {
        Object arg = Arg.force(a[0]);
        Object choicesArg = Arg.force(a[1]);
        RVector choices;
        boolean identicalToDefault = false;
        if (Arg.missing(choicesArg)) {
            if (!(a[0] instanceof RPromise p) || !(p.expr() instanceof RSymbolNode s)) {
                throw new RErrorSignal("match.arg() needs the argument's name when choices are not given");
            }
            REnvironment frame = c.env();
            RClosure f = frame.function();
            if (f == null) {
                throw new RErrorSignal("match.arg() used outside a function");
            }
            RClosureBody root = f.root();
            RCode def = null;
            for (int i = 0; i < root.formals().length; i++) {
                if (root.formals()[i].equals(s.name())) {
                    def = root.defaultOf(i);
                }
            }
            if (def == null) {
                throw new RErrorSignal("'arg' must be of length 1");
            }
            choices = (RVector) def.execute(frame);
            Object binding = frame.getLocal(s.name());
            identicalToDefault = binding instanceof RPromise bp && bp.isDefault();
        } else {
            choices = Arg.vec(choicesArg);
        }
        if (arg == RNull.INSTANCE || identicalToDefault) {
            return choices.elementVector(0);
        }
        RVector av = Arg.vec(arg);
        if (av.length() != 1) {
            throw new RErrorSignal("'arg' must be of length 1");
        }
        String val = Coerce.stringAt(av, 0);
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < choices.length(); i++) {
            String ch = Coerce.stringAt(choices, i);
            if (ch.equals(val)) {
                return RString.of(ch);
            }
            if (ch.startsWith(val)) {
                hits.add(ch);
            }
        }
        if (hits.size() == 1) {
            return RString.of(hits.get(0));
        }
        StringBuilder sb = new StringBuilder("'arg' should be one of ");
        for (int i = 0; i < choices.length(); i++) {
            sb.append(i > 0 ? ", " : "").append('\u201C').append(Coerce.stringAt(choices, i)).append('\u201D');
        }
        throw new RError(sb.toString(), c.env().frameCallText(), c.location());
    }

    /** UseMethod: dispatch on the class of the generic's first argument and return from the generic. */
    private static Object useMethod(RCall c, Object[] a) {
        String generic = RValues.asString(Arg.force(a[0]));
        REnvironment frame = c.env();
        RClosure f = frame.function();
        if (f == null) {
            throw new RErrorSignal("UseMethod called from outside a function");
        }
        String[] formals = f.root().formals();
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < formals.length; i++) {
            Object b = frame.getLocal(formals[i]);
            if (formals[i].equals("...")) {
                if (b instanceof RDots d) {
                    for (int k = 0; k < d.length(); k++) {
                        values.add(d.values()[k]);
                        names.add(d.names()[k]);
                    }
                }
                continue;
            }
            if (b == null || b == RMissing.INSTANCE || b instanceof RPromise p && p.isDefault()) {
                continue;
            }
            values.add(b);
            names.add(i == 0 ? null : formals[i]);
        }
        Object obj = Arg.missing(a[1]) ? (values.isEmpty() ? RNull.INSTANCE : RPromise.forceValue(values.get(0))) : Arg.force(a[1]);
        List<String> classes = new ArrayList<>(List.of(RValues.classOf(obj).data()));
        if (obj instanceof RVector v && !(v.classAttr() == null)) {
            classes.addAll(List.of(RValues.implicitClass(v)));
        }
        if (obj instanceof RDouble || obj instanceof RInt) {
            classes.add("numeric");
        }
        classes.add("default");
        for (String cls : classes) {
            Object m = RPromise.forceValue(frame.lookup(generic + "." + cls));
            if (m instanceof RFunction mf) {
                Object r = RCaller.invoke(mf, values.toArray(), names.toArray(new String[0]), frame.caller() == null ? frame : frame.caller(), frame.callSite(), c.location());
                throw new ControlFlow.Return(r, frame);
            }
        }
        throw new RErrorSignal("no applicable method for '" + generic + "' applied to an object of class \"" + RValues.classOf(obj).get(0) + "\"");
    }
}
