package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Binding, defaults, conversions and R's 1-based dims through the op table. */
class OpTableTest {
    private static final OpTable TABLE = OpTable.standard();
    private static final Tensor X = Torch.tensor(new double[][] {{1, 5, 2}, {7, 0, 3}});

    private static Object py(String op, Object[] args, Map<String, Object> kw) {
        return TABLE.call(op, args, kw, Convention.ZERO_BASED);
    }

    private static Object r(String op, Object[] args, Map<String, Object> kw) {
        return TABLE.call(op, args, kw, Convention.ONE_BASED);
    }

    @Test
    void keywordAndPositionalArgumentsBindLikePython() {
        Tensor byKeyword = (Tensor) py("sum", new Object[] {X}, Map.of("dim", 1L, "keepdim", true));
        Tensor byPosition = (Tensor) py("sum", new Object[] {X, 1L, true}, null);
        assertArrayEquals(new int[] {2, 1}, byKeyword.shape());
        assertArrayEquals(byKeyword.toDoubleArray(), byPosition.toDoubleArray());
        assertArrayEquals(new double[] {8, 10}, byKeyword.toDoubleArray());
    }

    @Test
    void variadicSizesAcceptNumbersOrOneSequence() {
        assertArrayEquals(new int[] {2, 3}, ((Tensor) py("zeros", new Object[] {2L, 3L}, null)).shape());
        assertArrayEquals(new int[] {2, 3}, ((Tensor) py("zeros", new Object[] {List.of(2L, 3L)}, null)).shape());
        Tensor ones = (Tensor) py("ones", new Object[] {4L}, Map.of("dtype", DType.FLOAT64, "requires_grad", true));
        assertEquals(DType.FLOAT64, ones.dtype());
        assertTrue(ones.requiresGrad());
    }

    @Test
    void nestedListsInferDtypeAndCheckRaggedness() {
        Tensor ints = (Tensor) py("tensor", new Object[] {List.of(List.of(1L, 2L), List.of(3L, 4L))}, null);
        assertEquals(DType.INT64, ints.dtype());
        Tensor floats = (Tensor) py("tensor", new Object[] {List.of(0L, 0.5)}, null);
        assertEquals(DType.FLOAT32, floats.dtype());
        TorchException e = assertThrows(TorchException.class,
                () -> py("tensor", new Object[] {List.of(List.of(1L, 2L), List.of(3L))}, null));
        assertEquals("expected sequence of length 2 at dim 1 (got 1)", e.getMessage());
        assertEquals("ValueError", e.pythonName());
    }

    @Test
    void badArgumentsAreTypeErrorsNamingTheOp() {
        TorchException unknown = assertThrows(TorchException.class, () -> py("sum", new Object[] {X}, Map.of("axis", 1L)));
        assertEquals("sum() got an unexpected keyword argument 'axis'", unknown.getMessage());
        TorchException missing = assertThrows(TorchException.class, () -> py("mm", new Object[] {X}, null));
        assertEquals("mm() missing 1 required positional argument: 'mat2'", missing.getMessage());
        TorchException wrongType = assertThrows(TorchException.class, () -> py("exp", new Object[] {2.0}, null));
        assertEquals("exp(): argument 'self' must be Tensor, not float", wrongType.getMessage());
        assertEquals("TypeError", wrongType.pythonName());
    }

    @Test
    void scalarsJoinWithPyTorchsPromotion() {
        Tensor longs = Torch.arange(3);
        assertEquals(DType.INT64, ((Tensor) py("add", new Object[] {longs, 2L}, null)).dtype());
        assertEquals(DType.FLOAT32, ((Tensor) py("add", new Object[] {longs, 2.5}, null)).dtype());
        assertArrayEquals(new double[] {-1, 0, 1}, ((Tensor) py("sub", new Object[] {longs, 1L}, null)).toDoubleArray());
    }

    @Test
    void rDimsAndReturnedIndicesAreOneBased() {
        Tensor sumOverColumns = (Tensor) r("sum", new Object[] {X}, Map.of("dim", 2.0));
        assertArrayEquals(new double[] {8, 10}, sumOverColumns.toDoubleArray());
        Tensor argmax = (Tensor) r("argmax", new Object[] {X}, Map.of("dim", 2.0));
        assertArrayEquals(new long[] {2, 1}, argmax.toLongArray());
        Object[] maxPair = (Object[]) r("max", new Object[] {X}, Map.of("dim", 1.0));
        assertArrayEquals(new double[] {7, 5, 3}, ((Tensor) maxPair[0]).toDoubleArray());
        assertArrayEquals(new long[] {2, 1, 2}, ((Tensor) maxPair[1]).toLongArray());
        Tensor lastDim = (Tensor) r("sum", new Object[] {X}, Map.of("dim", -1.0));
        assertArrayEquals(new double[] {8, 10}, lastDim.toDoubleArray());
        TorchException zero = assertThrows(TorchException.class, () -> r("sum", new Object[] {X}, Map.of("dim", 0.0)));
        assertEquals("Indexing starts at 1 but found a 0.", zero.getMessage());
    }

    @Test
    void maxHasItsThreePyTorchOverloads() {
        assertEquals(7.0, ((Tensor) py("max", new Object[] {X}, null)).item());
        Object[] pair = (Object[]) py("max", new Object[] {X, 1L}, null);
        assertArrayEquals(new long[] {1, 0}, ((Tensor) pair[1]).toLongArray());
        Tensor elementwise = (Tensor) py("max", new Object[] {X, Torch.full(new int[] {3}, 4.0, DType.FLOAT32)}, null);
        assertArrayEquals(new double[] {4, 5, 4, 7, 4, 4}, elementwise.toDoubleArray());
    }

    @Test
    void signaturesRoundTripForHelp() {
        assertEquals("sum(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor",
                TABLE.op("sum").signature().toString());
        assertTrue(TABLE.names().contains("clip"));
    }

    @Test
    void aMethodsReceiverIsTheOpsSelfWhereverTheSignaturePutsIt() {
        Tensor condition = X.gt(Tensor.scalar(2.0));
        Tensor zeros = Torch.zeros(2, 3);
        Tensor method = (Tensor) TABLE.callMethod("where", X, new Object[] {condition, zeros}, null, Convention.ZERO_BASED);
        assertArrayEquals(new double[] {0, 5, 0, 7, 0, 3}, method.toDoubleArray());
        Tensor byKeyword = (Tensor) TABLE.callMethod("where", X, new Object[0], Map.of("condition", condition, "other",
                zeros), Convention.ZERO_BASED);
        assertArrayEquals(method.toDoubleArray(), byKeyword.toDoubleArray());

        Tensor polygamma = (Tensor) TABLE.callMethod("polygamma", X, new Object[] {1L}, null, Convention.ZERO_BASED);
        assertArrayEquals(((Tensor) py("polygamma", new Object[] {1L, X}, null)).toDoubleArray(), polygamma.toDoubleArray());

        Tensor sum = (Tensor) TABLE.callMethod("sum", X, new Object[] {1L}, null, Convention.ONE_BASED);
        assertArrayEquals(new double[] {8, 5, 5}, sum.toDoubleArray(), "R's x$sum(1) is the first dim");

        assertEquals("polygamma() got multiple values for argument 'self'", assertThrows(TorchException.class,
                () -> TABLE.callMethod("polygamma", X, new Object[] {1L}, Map.of("self", X), Convention.ZERO_BASED))
                .getMessage());
        assertEquals("where() missing 1 required positional arguments: \"other\"", assertThrows(TorchException.class,
                () -> TABLE.callMethod("where", X, new Object[] {condition}, null, Convention.ZERO_BASED)).getMessage());
        assertEquals("polygamma() takes 2 positional arguments but 3 were given", assertThrows(TorchException.class,
                () -> TABLE.callMethod("polygamma", X, new Object[] {1L, 2L}, null, Convention.ZERO_BASED)).getMessage());
    }
}
