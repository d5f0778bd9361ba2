package org.torchglot.spark;

import java.io.Serializable;
import org.torchglot.engine.nn.Loss;

/** Builds the training loss on each executor, e.g. {@code MSELoss::new}; a mean-reduced loss keeps data-parallel steps equal to one process's. */
@FunctionalInterface
public interface LossFactory extends Serializable {
    Loss create();
}
