package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.tensor.TorchException;

/**
 * Engine-wide switches PyTorch scripts set and read: thread count, anomaly detection, deterministic
 * algorithms, warn-always. The engine accepts and records them (its loops are single-threaded and
 * already deterministic; anomaly detection adds nothing yet), so scripts that set them run and read
 * back what they set, with PyTorch's validation. They are process-wide, as in PyTorch, so a process that runs
 * one script after another puts them back between scripts ({@link #restoreDefaults()}).
 */
public final class SettingsOps {
    private static final List<String> DEBUG_MODES = List.of("default", "warn", "error");

    private static volatile int numThreads;
    private static volatile boolean anomaly;
    private static volatile boolean anomalyCheckNan;
    private static volatile boolean deterministic;
    private static volatile boolean deterministicWarnOnly;
    private static volatile boolean warnAlways;

    static {
        restoreDefaults();
    }

    private SettingsOps() {
    }

    /** Puts every switch back as a fresh process has it: one thread, no anomaly detection, nothing forced. */
    public static void restoreDefaults() {
        numThreads = 1;
        anomaly = false;
        anomalyCheckNan = true;
        deterministic = false;
        deterministicWarnOnly = false;
        warnAlways = false;
    }

    static void registerAll(OpTable t) {
        t.register("get_num_threads() -> int", "The thread count set_num_threads recorded (1 at start).",
                a -> (long) numThreads);
        t.register("set_num_threads(int num@num_threads) -> None", "Records the intra-op thread count (the engine's loops run on one).",
                a -> {
                    if (a.intValue(0) <= 0) {
                        throw TorchException.runtime("set_num_threads expects a positive integer");
                    }
                    numThreads = a.intValue(0);
                    return null;
                });
        t.register("is_anomaly_enabled() -> bool", "Whether anomaly detection is on.", a -> anomaly);
        t.register("is_anomaly_check_nan_enabled() -> bool", "Whether anomaly detection checks for NaN.",
                a -> anomalyCheckNan);
        t.register("set_anomaly_enabled(bool enabled, bool check_nan=True) -> None", "Records anomaly detection's switch.",
                a -> {
                    anomaly = a.bool(0);
                    anomalyCheckNan = a.bool(1);
                    return null;
                });
        t.register("use_deterministic_algorithms(bool mode, *, bool warn_only=False) -> None",
                "Records the switch (every engine op is already deterministic).", a -> {
                    deterministic = a.bool(0);
                    deterministicWarnOnly = a.bool(1);
                    return null;
                });
        t.register("are_deterministic_algorithms_enabled() -> bool", "Whether use_deterministic_algorithms is on.",
                a -> deterministic);
        t.register("is_deterministic_algorithms_warn_only_enabled() -> bool",
                "Whether use_deterministic_algorithms was set with warn_only.", a -> deterministicWarnOnly);
        t.register("get_deterministic_debug_mode() -> int", "0 default, 1 warn, 2 error.",
                a -> !deterministic ? 0L : deterministicWarnOnly ? 1L : 2L);
        t.register("set_deterministic_debug_mode(any debug_mode) -> None",
                "'default'/0, 'warn'/1 or 'error'/2: use_deterministic_algorithms off, warn-only or on.",
                a -> setDebugMode(a.any(0)));
        t.register("is_warn_always_enabled() -> bool", "Whether set_warn_always is on.", a -> warnAlways);
        t.register("set_warn_always(bool b) -> None", "Records whether warnings repeat every time.", a -> {
            warnAlways = a.bool(0);
            return null;
        });
    }

    private static Object setDebugMode(Object mode) {
        int m;
        if (mode instanceof String s) {
            m = DEBUG_MODES.indexOf(s);
            if (m < 0) {
                throw TorchException.runtime("invalid value of debug_mode, expected one of `default`, `warn`, `error`, "
                        + "but got " + s);
            }
        } else if (mode instanceof Number n && !(mode instanceof Double) && !(mode instanceof Float)) {
            m = n.intValue();
            if (m < 0 || m > 2) {
                throw TorchException.runtime("invalid value of debug_mode, expected 0, 1, or 2, but got " + m);
            }
        } else {
            throw TorchException.type("debug_mode must be str or int, but got " + (mode == null ? "None"
                    : mode.getClass().getSimpleName()));
        }
        deterministic = m != 0;
        deterministicWarnOnly = m == 1;
        return null;
    }
}
