package org.torchglot.examples.spark;

import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.ReLU;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.spark.ModuleFactory;

/**
 * The example's model: 4 features, two hidden layers of 32, one output. A named class (not a
 * lambda), so a saved pipeline can build it again; the same as PyTorch's
 * {@code nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))}.
 */
public final class Mlp implements ModuleFactory {
    @Override
    public Module create() {
        return new Sequential(new Linear(4, 32), new ReLU(), new Linear(32, 32), new ReLU(), new Linear(32, 1));
    }
}
