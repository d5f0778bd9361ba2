package org.torchglot.spark;

import java.io.Serializable;
import java.util.List;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.optim.Optimizer;

/** Builds the optimizer over a module's parameters on each executor, e.g. {@code params -> new SGD(params, 0.1)}. */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    Optimizer create(List<Parameter> parameters);
}
