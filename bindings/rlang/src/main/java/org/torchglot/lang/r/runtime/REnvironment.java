package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * An R environment: a mutable frame of bindings with a parent. Function calls, the global environment, package
 * environments and {@code new.env()} objects are all environments; R6-style objects ({@code self$w <- ...}) are too.
 */
@ExportLibrary(InteropLibrary.class)
public final class REnvironment extends RAttributable {
    private REnvironment parent;
    // NOTE: every access to the map is behind a @TruffleBoundary: partial evaluation of HashMap's code (its tree
    // bins recurse) bails out with "Too deep inlining" and leaves the R function calling it uncompiled.
    private final LinkedHashMap<String, Object> vars = new LinkedHashMap<>();
    private final String name;
    private RClosure function;
    private CallSite call;
    private List<RPromise> onExit;
    private REnvironment caller;
    private int nargs;

    /** Where a function frame was called from: its call text for messages ({@code Error in f(x) :}). */
    public interface CallSite {
        String callText();
    }

    public REnvironment(REnvironment parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    /** A function-call frame. */
    public static REnvironment forCall(RClosure function, CallSite call, REnvironment caller) {
        REnvironment e = new REnvironment(function.env(), null);
        e.function = function;
        e.call = call;
        e.caller = caller;
        return e;
    }

    /** The number of arguments supplied to this function frame's call ({@code nargs()}). */
    public int nargs() {
        return nargs;
    }

    public void setNargs(int n) {
        nargs = n;
    }

    /** The environment a function frame was called from ({@code parent.frame()}), or null. */
    public REnvironment caller() {
        return caller;
    }

    public REnvironment parent() {
        return parent;
    }

    public void setParent(REnvironment p) {
        this.parent = p;
    }

    public String name() {
        return name;
    }

    public RClosure function() {
        return function;
    }

    public CallSite callSite() {
        return call;
    }

    /** The call text of the nearest function frame enclosing this environment's evaluation, or null at top level. */
    public String frameCallText() {
        return call == null ? null : call.callText();
    }

    /** The raw local binding (possibly a promise or {@link RMissing}), or null. */
    @TruffleBoundary
    public Object getLocal(String n) {
        return vars.get(n);
    }

    @TruffleBoundary
    public boolean hasLocal(String n) {
        return vars.containsKey(n);
    }

    @TruffleBoundary
    public void put(String n, Object value) {
        vars.put(n, value);
    }

    @TruffleBoundary
    public boolean remove(String n) {
        return vars.remove(n) != null;
    }

    /** The raw binding found along the parent chain, or null. */
    @TruffleBoundary
    public Object lookup(String n) {
        for (REnvironment e = this; e != null; e = e.parent) {
            Object v = e.vars.get(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The environment along the chain that binds {@code n}, or null. */
    @TruffleBoundary
    public REnvironment whereDefined(String n) {
        for (REnvironment e = this; e != null; e = e.parent) {
            if (e.vars.containsKey(n)) {
                return e;
            }
        }
        return null;
    }

    /** The names bound here, in definition order; names starting with '.' are included only when asked. */
    @TruffleBoundary
    public List<String> names(boolean all) {
        List<String> r = new ArrayList<>();
        for (String k : vars.keySet()) {
            if (all || !k.startsWith(".")) {
                r.add(k);
            }
        }
        return r;
    }

    public void addOnExit(RPromise expr, boolean add) {
        if (onExit == null || !add) {
            onExit = new ArrayList<>();
        }
        onExit.add(expr);
    }

    /** Takes the registered {@code on.exit} expressions (clearing them). */
    public List<RPromise> takeOnExit() {
        List<RPromise> r = onExit;
        onExit = null;
        return r;
    }

    // ---- interop: an environment is an object whose members are its bindings ----

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new RString(names(true).toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return vars.containsKey(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = vars.get(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return RPromise.forceValue(v);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return RDisplay.of(this);
    }
}
