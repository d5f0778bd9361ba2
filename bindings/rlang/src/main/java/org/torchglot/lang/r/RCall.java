package org.torchglot.lang.r;

import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;

import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.nodes.Node;

/** What a Java builtin or class handler knows about the call it serves, and what it may do in return. */
public final class RCall {
    private final RContext context;
    private final REnvironment env;
    private final REnvironment.CallSite site;
    private final Node location;

    public RCall(RContext context, REnvironment env, REnvironment.CallSite site, Node location) {
        this.context = context;
        this.env = env;
        this.site = site;
        this.location = location;
    }

    public RContext context() {
        return context;
    }

    /** The environment the call was made from. */
    public REnvironment env() {
        return env;
    }

    /** The call as R deparses it, e.g. {@code torch_randn(2, 3)}; null when called from Java. */
    public String callText() {
        return site == null ? null : site.callText();
    }

    public REnvironment.CallSite site() {
        return site;
    }

    /** The source node of the call (for error locations); may be null. */
    public Node location() {
        return location;
    }

    /** An R error for this call: {@code throw call.error("...")} prints {@code Error in f(x) : ...}. */
    public RError error(String message) {
        return new RError(message, callText(), location);
    }

    /** Records an R warning for this call, printed after the top-level expression completes. */
    public void warning(String message) {
        context.warning(callText(), message);
    }

    /** Calls an R function (closure or builtin) with positional arguments. */
    public Object callFunction(Object fn, Object... args) {
        return callFunction(fn, args, new String[args.length]);
    }

    /** Calls an R function with named arguments ({@code names[i]} null for positional ones). */
    public Object callFunction(Object fn, Object[] args, String[] names) {
        if (location != null) {
            // NOTE: builtins that call R functions in a loop (sapply(x, abs), Reduce) poll here, so Ctrl-C
            // and time limits stop them even when the function called is itself a builtin.
            TruffleSafepoint.poll(location);
        }
        return RCaller.invoke(fn, args, names, env, site, location);
    }

    /** Makes the result invisible at top level (as {@code invisible()} does). */
    public void setInvisible() {
        context.setVisible(false);
    }

    /** Writes text to R's standard output. */
    public void print(String text) {
        context.out(text);
    }
}
