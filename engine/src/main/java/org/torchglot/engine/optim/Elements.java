package org.torchglot.engine.optim;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;

/**
 * Flat read/write access to a contiguous float32 or float64 tensor, plus the arithmetic of
 * libtorch's CPU kernels in that precision, so update rules reproduce PyTorch's rounding: products
 * and sums round to the tensor's dtype, {@code add(x, alpha=a)} and the last step of
 * {@code addcmul} are fused multiply-adds (checked against PyTorch 1.13 with AVX2 kernels).
 * SGD and Adam loop over the storage arrays directly for speed, with the same rounding.
 */
final class Elements {
    private final Storage storage;
    private final int offset;
    final int size;
    final boolean float32;

    Elements(Tensor t) {
        if (!t.isContiguous()) {
            throw new IllegalArgumentException("optimizer state must be contiguous");
        }
        storage = t.storage();
        offset = t.storageOffset();
        size = t.numel();
        float32 = t.dtype() == DType.FLOAT32;
    }

    double get(int i) {
        return float32 ? storage.f[offset + i] : storage.d[offset + i];
    }

    void set(int i, double v) {
        if (float32) {
            storage.f[offset + i] = (float) v;
        } else {
            storage.d[offset + i] = v;
        }
    }

    /** A scalar argument as the kernel sees it: cast to the tensor's dtype. */
    double scalar(double v) {
        return float32 ? (float) v : v;
    }

    /** Rounds an exact or double result to the dtype. */
    double round(double v) {
        return float32 ? (float) v : v;
    }

    /** a * b + c with one rounding, as {@code c.add(a, alpha=b)} computes it. */
    double fma(double a, double b, double c) {
        return float32 ? Math.fma((float) a, (float) b, (float) c) : Math.fma(a, b, c);
    }

    /** {@code self.addcmul(t1, t2, value)}: fma(value * t1, t2, self). */
    double addcmul(double self, double value, double t1, double t2) {
        return fma(round(scalar(value) * t1), t2, self);
    }

    /** {@code self.addcdiv(t1, t2, value)}: self + (value * t1) / t2, each step rounded. */
    double addcdiv(double self, double value, double t1, double t2) {
        return round(self + round(round(scalar(value) * t1) / t2));
    }
}
