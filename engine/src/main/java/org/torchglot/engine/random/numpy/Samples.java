package org.torchglot.engine.random.numpy;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Fills numpy's float64 and int64 result arrays in C order, one draw per element as numpy's fill loops do. */
final class Samples {
    private Samples() {
    }

    static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw TorchException.value("negative dimensions are not allowed");
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw TorchException.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum "
                    + "possible size.");
        }
        return (int) n;
    }

    static Tensor doubles(int[] shape, DoubleSupplier draw) {
        double[] out = new double[count(shape)];
        for (int i = 0; i < out.length; i++) {
            out[i] = draw.getAsDouble();
        }
        return Tensor.of(Storage.wrap(out), shape);
    }

    static Tensor longs(int[] shape, LongSupplier draw) {
        long[] out = new long[count(shape)];
        for (int i = 0; i < out.length; i++) {
            out[i] = draw.getAsLong();
        }
        return Tensor.of(Storage.wrap(out), shape);
    }

    static Tensor longs(long[] values) {
        return Tensor.of(Storage.wrap(values), values.length);
    }
}
