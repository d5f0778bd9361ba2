package org.torchglot.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.nn.Linear;

/** The legacy type name ({@code torch.DoubleTensor}) follows the dtype, in {@code x.type()} and in PyTorch's error texts. */
class TypeNameTest {

    @Test
    void everyDtypeHasPyTorchsTypeName() {
        assertEquals("torch.FloatTensor", DType.FLOAT32.typeName());
        assertEquals("torch.DoubleTensor", DType.FLOAT64.typeName());
        assertEquals("torch.LongTensor", DType.INT64.typeName());
        assertEquals("torch.BoolTensor", DType.BOOL.typeName());
    }

    /** Texts from PyTorch 1.13.1 for float64 and int64 tensors. */
    @Test
    void errorTextsNameTheTensorsOwnType() {
        Tensor doubles = Torch.zeros(new int[] {2, 3}, DType.FLOAT64);
        assertEquals("expand(torch.DoubleTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater "
                + "or equal to the number of dimensions in the tensor (2)",
                assertThrows(TorchException.class, () -> doubles.expand(3)).getMessage());
        Tensor longs = Torch.zeros(new int[] {2, 3}, DType.INT64);
        assertEquals("expand(torch.LongTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater "
                + "or equal to the number of dimensions in the tensor (2)",
                assertThrows(TorchException.class, () -> longs.expand(3)).getMessage());
        assertEquals("cannot assign 'torch.DoubleTensor' as parameter 'weight' (torch.nn.Parameter or None expected)",
                assertThrows(TorchException.class, () -> new Linear(2, 2).register("weight", doubles)).getMessage());
        assertEquals("params argument given to the optimizer should be an iterable of Tensors or dicts, but got "
                + "torch.DoubleTensor", assertThrows(TorchException.class, () -> OpTable.optimizers().call("SGD",
                        new Object[] {doubles}, Map.of("lr", 0.1), Convention.ZERO_BASED)).getMessage());
    }
}
