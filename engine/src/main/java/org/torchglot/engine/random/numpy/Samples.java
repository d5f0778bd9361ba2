package org.torchglot.engine.random.numpy;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Fills numpy's float64 and int64 result arrays in C order, one draw per element as numpy's fill loops do. */
final class Samples {
    private Samples() {
    }

    /** The number of elements of {@code shape}, checked as numpy checks it. */
    static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw TorchException.value("negative dimensions are not allowed");
            }
            n = d == 0 ? 0 : n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        return reserve(n);
    }

    /** Refuses, before allocating, {@code n} 8-byte values beyond the engine's memory limit or a Java array's size. */
    static int reserve(long n) {
        MemoryLimit.check(DType.INT64, n);
        if (n > Integer.MAX_VALUE - 8) {
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
