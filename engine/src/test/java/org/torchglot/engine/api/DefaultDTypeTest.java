package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.DefaultDType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** torch.set_default_dtype: factories without a dtype and float data follow it; get_default_dtype reads it back. */
class DefaultDTypeTest {

    private static Object call(String op, Object... args) {
        return OpTable.standard().call(op, args, Map.of(), Convention.ZERO_BASED);
    }

    @AfterEach
    void restore() {
        DefaultDType.set(DType.FLOAT32);
    }

    @Test
    void float64DefaultReachesFactoriesAndFloatData() {
        assertEquals(DType.FLOAT32, call("get_default_dtype"));
        call("set_default_dtype", DType.FLOAT64);
        assertEquals(DType.FLOAT64, call("get_default_dtype"));
        for (String factory : List.of("zeros", "ones", "empty", "rand", "randn")) {
            assertEquals(DType.FLOAT64, ((Tensor) call(factory, 2L, 3L)).dtype(), factory);
        }
        assertEquals(DType.FLOAT64, ((Tensor) call("tensor", List.of(1.5, 2.0))).dtype());
        assertEquals(DType.FLOAT64, ((Tensor) call("arange", 0.0, 1.0, 0.25)).dtype());
        assertEquals(DType.FLOAT64, ((Tensor) call("linspace", 0.0, 1.0, 5L)).dtype());
        assertEquals(DType.INT64, ((Tensor) call("tensor", List.of(1L, 2L))).dtype(), "integer data keeps int64");
        assertEquals(DType.FLOAT32, ((Tensor) OpTable.standard().call("zeros", new Object[] {2L},
                Map.of("dtype", DType.FLOAT32), Convention.ZERO_BASED)).dtype(), "an explicit dtype wins");
    }

    @Test
    void onlyFloatingPointDefaultsAreAccepted() {
        TorchException e = assertThrows(TorchException.class, () -> call("set_default_dtype", DType.INT64));
        assertEquals("only floating-point types are supported as the default type", e.getMessage());
        assertEquals(DType.FLOAT32, call("get_default_dtype"));
    }
}
