package org.torchglot.spark;

import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.nn.Tanh;

/** The tests' Java module: 3 features, 8 hidden units, 2 outputs; a named class so a saved pipeline can build it again. */
public final class SmallMlp implements ModuleFactory {
    @Override
    public Module create() {
        return new Sequential(new Linear(3, 8), new Tanh(), new Linear(8, 2));
    }
}
