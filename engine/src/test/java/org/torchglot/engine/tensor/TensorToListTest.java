package org.torchglot.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;

/** {@code tolist()}: values nested by dims, in each dtype's type, each level built by the caller's list maker. */
class TensorToListTest {

    private static Object tolist(Tensor t) {
        return t.toList(ArrayList::new);
    }

    @Test
    void nestsByDimsInRowMajorOrderAlsoForViews() {
        Tensor x = Torch.arange(6).view(2, 3);
        assertEquals(List.of(List.of(0L, 1L, 2L), List.of(3L, 4L, 5L)), tolist(x));
        assertEquals(List.of(List.of(0L, 3L), List.of(1L, 4L), List.of(2L, 5L)), tolist(x.t()));
    }

    @Test
    void floatsAreDoublesBoolsAreBooleansAndZeroDimIsTheValue() {
        assertEquals(List.of(0.5, -1.0), tolist(Tensor.of(Storage.wrap(new double[] {0.5, -1.0}), 2)));
        assertEquals(List.of(true, false), tolist(Torch.arange(2).eq(Tensor.scalar(0L))));
        assertEquals(7L, tolist(Tensor.scalar(7L)));
    }

    @Test
    void emptyDimsGiveEmptyLists() {
        assertEquals(List.of(List.of(), List.of()), tolist(Torch.zeros(2, 0)));
        assertEquals(List.of(), tolist(Torch.zeros(0, 3)));
    }
}
