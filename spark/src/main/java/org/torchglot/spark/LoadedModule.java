package org.torchglot.spark;

import org.torchglot.bindings.TorchglotContext;
import org.torchglot.engine.nn.Module;

/**
 * A module built on an executor, with the script context it lives in (null for Java modules):
 * closing it closes that context.
 */
public record LoadedModule(Module module, TorchglotContext context) implements AutoCloseable {

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
