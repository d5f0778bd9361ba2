package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.tensor.TorchException;

/** The engine-wide switches read back what was set, with PyTorch 1.13's validation and messages. */
class SettingsOpsTest {
    private static Object call(String name, Object... args) {
        return call(name, Map.of(), args);
    }

    private static Object call(String name, Map<String, Object> kwargs, Object... args) {
        return OpTable.standard().call(name, args, kwargs, Convention.ZERO_BASED);
    }

    @AfterEach
    void restoreDefaults() {
        call("set_num_threads", 1L);
        call("set_anomaly_enabled", false);
        call("use_deterministic_algorithms", false);
        call("set_warn_always", false);
    }

    @Test
    void numThreadsIsRecordedAndMustBePositive() {
        assertEquals(1L, call("get_num_threads"));
        call("set_num_threads", 3L);
        assertEquals(3L, call("get_num_threads"));
        TorchException e = assertThrows(TorchException.class, () -> call("set_num_threads", 0L));
        assertEquals("set_num_threads expects a positive integer", e.getMessage());
        assertEquals(3L, call("get_num_threads"));
    }

    @Test
    void anomalyDetectionRecordsBothSwitches() {
        assertEquals(false, call("is_anomaly_enabled"));
        assertEquals(true, call("is_anomaly_check_nan_enabled"));
        call("set_anomaly_enabled", Map.of("check_nan", false), true);
        assertEquals(true, call("is_anomaly_enabled"));
        assertEquals(false, call("is_anomaly_check_nan_enabled"));
    }

    @Test
    void deterministicAlgorithmsAndTheirDebugModeAreOneSetting() {
        assertEquals(0L, call("get_deterministic_debug_mode"));
        call("use_deterministic_algorithms", Map.of("warn_only", true), true);
        assertEquals(true, call("are_deterministic_algorithms_enabled"));
        assertEquals(true, call("is_deterministic_algorithms_warn_only_enabled"));
        assertEquals(1L, call("get_deterministic_debug_mode"));
        call("set_deterministic_debug_mode", "error");
        assertEquals(2L, call("get_deterministic_debug_mode"));
        assertEquals(false, call("is_deterministic_algorithms_warn_only_enabled"));
        call("set_deterministic_debug_mode", 0L);
        assertEquals(false, call("are_deterministic_algorithms_enabled"));
        assertEquals("invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got x",
                assertThrows(TorchException.class, () -> call("set_deterministic_debug_mode", "x")).getMessage());
        assertEquals("invalid value of debug_mode, expected 0, 1, or 2, but got 5",
                assertThrows(TorchException.class, () -> call("set_deterministic_debug_mode", 5L)).getMessage());
    }

    @Test
    void warnAlwaysIsRecorded() {
        assertEquals(false, call("is_warn_always_enabled"));
        call("set_warn_always", true);
        assertEquals(true, call("is_warn_always_enabled"));
    }
}
