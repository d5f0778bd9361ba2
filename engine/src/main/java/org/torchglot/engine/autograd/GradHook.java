package org.torchglot.engine.autograd;

import org.torchglot.engine.tensor.Tensor;

/**
 * A hook from {@code Tensor.register_hook}: called with the tensor's gradient during backward, before the
 * gradient flows on (or, at a leaf, is accumulated into {@code .grad}); it returns a replacement gradient,
 * or null to keep it.
 */
@FunctionalInterface
public interface GradHook {
    Tensor apply(Tensor grad);

    /** A registered hook and the name errors call it by (Python's {@code __name__}). */
    record Named(GradHook hook, String name) {
    }

    /** PyTorch's {@code RemovableHandle}: {@code remove()} unregisters the hook; a second call does nothing. */
    final class Handle {
        private final Node node;
        private final Named hook;

        Handle(Node node, Named hook) {
            this.node = node;
            this.hook = hook;
        }

        public void remove() {
            node.removeGradHook(hook);
        }
    }
}
