package org.torchglot.engine.ops;

import java.util.function.Supplier;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.Tensor;

/**
 * An op whose value is computed from other ops with no history, then recorded as one node under
 * PyTorch's name ({@code LerpBackward1}) with its own derivative formula: users see the node
 * PyTorch shows, not the pieces it was computed from.
 */
final class Recorded {
    private Recorded() {
    }

    static Tensor op(String name, Tensor[] inputs, Tensor[] saved, Supplier<Tensor> value,
            FunctionNode.Formula formula) {
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = value.get();
        }
        if (Tensor.needsGrad(inputs)) {
            // NOTE: a value that is one of the inputs (a no-op) must not take over that input's history.
            if (contains(inputs, out)) {
                out = out.detach();
            }
            out.withGradFn(new FunctionNode(name, inputs, saved, formula));
        }
        return out;
    }

    private static boolean contains(Tensor[] inputs, Tensor t) {
        for (Tensor i : inputs) {
            if (i == t) {
                return true;
            }
        }
        return false;
    }
}
