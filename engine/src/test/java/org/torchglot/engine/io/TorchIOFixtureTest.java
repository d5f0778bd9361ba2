package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.tensor.Tensor;

/** Files saved by real PyTorch 1.13 load with the values, dtypes, strides and sharing PyTorch itself loads. */
class TorchIOFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"linear_state_dict", "dtypes", "dtypes_converted", "views", "containers",
            "adam_state_dict", "sgd_state_dict", "requires_grad"})
    void loadsWhatPyTorchSaved(String name) {
        TorchIO.Loaded loaded = TorchIO.fromBytes(IoFixtures.bytes(name + ".pt"), name + ".pt");
        IoFixtures.assertMatches(IoFixtures.expected(name + ".json"), loaded.value(), name);
    }

    @Test
    void viewsShareOneStorageAgain() {
        Map<?, ?> views = (Map<?, ?>) TorchIO.fromBytes(IoFixtures.bytes("views.pt"), "views.pt").value();
        Tensor base = (Tensor) views.get("base");
        for (String name : List.of("transposed", "slice", "row")) {
            assertSame(base.storage(), ((Tensor) views.get(name)).storage(), name);
        }
        assertNotSame(base.storage(), ((Tensor) views.get("own")).storage());
    }

    @Test
    void convertedDtypesAreNoted() {
        TorchIO.Loaded loaded = TorchIO.fromBytes(IoFixtures.bytes("dtypes_converted.pt"), "dtypes_converted.pt");
        assertEquals(List.of(
                "int32 tensors were loaded as int64 (torchglot has no int32)",
                "uint8 tensors were loaded as int64 (torchglot has no uint8)",
                "int16 tensors were loaded as int64 (torchglot has no int16)",
                "int8 tensors were loaded as int64 (torchglot has no int8)",
                "float16 tensors were loaded as float32 (torchglot has no float16)",
                "bfloat16 tensors were loaded as float32 (torchglot has no bfloat16)"), loaded.notes());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPyTorchStateDictLoadsIntoAnEngineModule() {
        Map<String, Tensor> state = (Map<String, Tensor>) (Map<?, ?>) TorchIO.fromBytes(
                IoFixtures.bytes("linear_state_dict.pt"), "linear_state_dict.pt").value();
        Linear linear = new Linear(3, 2);
        linear.loadStateDict(state);
        for (String key : List.of("weight", "bias")) {
            assertArrayEquals(state.get(key).toFloatArray(), linear.stateDict().get(key).toFloatArray(), key);
        }
    }
}
