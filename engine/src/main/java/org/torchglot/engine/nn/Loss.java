package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The base of the loss modules ({@code _Loss}): called as {@code loss(input, target)}. */
public abstract class Loss extends Module {
    private final Reduction reduction;

    protected Loss(Reduction reduction) {
        this.reduction = reduction;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    @Override
    public Object forward(Object... args) {
        if (args.length != 2 || !(args[0] instanceof Tensor input) || !(args[1] instanceof Tensor target)) {
            throw TorchException.type(typeName() + ".forward() takes 3 positional arguments but " + (args.length + 1)
                    + " were given");
        }
        return forward(input, target);
    }

    /** The optional tensor buffer {@code name} ({@code weight}, {@code pos_weight}). */
    protected Tensor buffer(String name) {
        return (Tensor) get(name);
    }
}
