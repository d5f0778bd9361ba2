package org.torchglot.engine.nn;

import java.util.function.Supplier;

/**
 * A module whose forward is a function, for modules written in a guest language ({@code class
 * Net(nn.Module)} in Python, {@code nn_module} in R, a JS class). The binding creates one per guest
 * instance with the guest's class name and forward, then registers attributes on it; repr, state
 * dicts, parameter iteration and train/eval come from {@link Module}.
 */
public class CustomModule extends Module {
    /** The guest's forward: receives the call's arguments (tensors or any other guest values). */
    @FunctionalInterface
    public interface Forward {
        Object apply(Object... args);
    }

    private final String typeName;
    private Forward forward;
    private Supplier<String> extraRepr = () -> "";

    /** A module named {@code typeName} in its repr; set the forward before calling it. */
    public CustomModule(String typeName) {
        this.typeName = typeName;
    }

    public CustomModule(String typeName, Forward forward) {
        this.typeName = typeName;
        this.forward = forward;
    }

    public void setForward(Forward forward) {
        this.forward = forward;
    }

    /** The guest's {@code extra_repr}, when it defines one. */
    public void setExtraRepr(Supplier<String> extraRepr) {
        this.extraRepr = extraRepr;
    }

    @Override
    public Object forward(Object... args) {
        if (forward == null) {
            return super.forward(args);
        }
        return forward.apply(args);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String extraRepr() {
        return extraRepr.get();
    }
}
