package org.torchglot.spark;

import java.io.Serializable;
import org.torchglot.engine.nn.Module;

/**
 * Builds a fresh engine module on an executor. A lambda works for scoring and training; to save a
 * {@link TorchTransformer} with its pipeline, use a named class with a public no-argument
 * constructor, so the reader can build it again from its class name.
 */
@FunctionalInterface
public interface ModuleFactory extends Serializable {
    Module create();
}
