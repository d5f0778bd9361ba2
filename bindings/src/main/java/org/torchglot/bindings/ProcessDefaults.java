package org.torchglot.bindings;

import org.torchglot.engine.api.SettingsOps;
import org.torchglot.engine.format.PyTorchFormatter;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.DefaultDType;

/**
 * The process-wide state a script can change, put back as a fresh process has it. A process that
 * runs one script after another (the warm server behind the launcher) calls {@link #restore()}
 * before each, so no script sees what an earlier one left behind.
 */
public final class ProcessDefaults {

    private ProcessDefaults() {
    }

    /**
     * Reseeds the default generator nondeterministically, resets print options, the default dtype and the engine's
     * switches (thread count, anomaly detection, deterministic algorithms, warn-always), removes any progress sink.
     */
    public static void restore() {
        Generator.getDefault().seed();
        DefaultDType.set(DType.FLOAT32);
        SettingsOps.restoreDefaults();
        PyTorchFormatter.options().set(null, null, null, null, "default", null);
        ProgressDisplay.install(null);
    }
}
