package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RValues;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;

/** Reads a variable along the environment chain, forcing a promise. */
public final class RSymbolNode extends RNode {
    private final String name;

    public RSymbolNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object execute(REnvironment env) {
        Object v = env.lookup(name);
        if (v == null) {
            CompilerDirectives.transferToInterpreter();
            throw new RError("object '" + name + "' not found", env.frameCallText(), this);
        }
        setVisible(true);
        return checkMissing(force(v, env), env);
    }

    private Object force(Object v, REnvironment env) {
        if (v instanceof RPromise p) {
            if (p.isForced()) {
                return p.force();
            }
            Object r = p.force();
            setVisible(true);
            return r;
        }
        return v;
    }

    private Object checkMissing(Object v, REnvironment env) {
        if (v == RMissing.INSTANCE) {
            CompilerDirectives.transferToInterpreter();
            throw new RError("argument \"" + name + "\" is missing, with no default", env.frameCallText(), this);
        }
        if (v instanceof RDots) {
            CompilerDirectives.transferToInterpreter();
            throw new RError("'...' used in an incorrect context", env.frameCallText(), this);
        }
        return v;
    }

    /** Looks up {@code name} as a function, skipping non-function bindings as R does for {@code c <- 1; c(2)}. */
    @TruffleBoundary
    public Object lookupFunction(REnvironment env, RNode call) {
        for (REnvironment e = env; e != null; e = e.parent()) {
            Object v = e.getLocal(name);
            if (v == null) {
                continue;
            }
            v = RPromise.forceValue(v);
            if (v instanceof RFunction || RValues.isCallableObject(v) || !(v instanceof org.torchglot.lang.r.runtime.RAttributable) && InteropLibrary.getUncached().isExecutable(v)) {
                return v;
            }
        }
        throw new RError("could not find function \"" + name + "\"", call.deparse(), call);
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append(Deparse.symbol(name));
    }
}
