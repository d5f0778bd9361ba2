package org.torchglot.lang.r.torch;

import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;
import org.torchglot.engine.nn.CustomModule;
import org.torchglot.engine.nn.Module;

/** The R class names of the engine's built-in modules: {@code nn_linear} for a {@code Linear}, by {@link RNames}. */
final class BuiltinModules {

    private BuiltinModules() {
    }

    /** The R class of an engine module: {@code nn_linear} for {@code Linear}, the type name for others. */
    static String rName(Module m) {
        // NOTE: by type name, not Java class: one engine class serves many modules (FunctionModule, ComposedLoss).
        return m instanceof CustomModule ? m.typeName() : RNames.nameOf(OpTable.modules(), m.typeName()).orElse(m.typeName());
    }
}
