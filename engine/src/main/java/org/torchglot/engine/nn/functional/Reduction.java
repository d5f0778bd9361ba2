package org.torchglot.engine.nn.functional;

import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** A loss's {@code reduction} argument: {@code 'none'}, {@code 'mean'} or {@code 'sum'}. */
public enum Reduction {
    NONE, MEAN, SUM;

    /** Parses PyTorch's string form. */
    public static Reduction of(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw TorchException.value(name + " is not a valid value for reduction");
        };
    }

    /** {@code apply_loss_reduction}: the element-wise loss reduced with recorded autograd. */
    Tensor apply(Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
        };
    }

    /** PyTorch's name for it. */
    public String pythonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
