package org.torchglot.engine.ops;

import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Random tensors and in-place samplers over a {@link Generator}. A contiguous tensor is filled in
 * place, so the stream matches libtorch's; other layouts are filled through a contiguous buffer.
 */
public final class Sampling {
    private Sampling() {
    }

    private static Generator orDefault(Generator g) {
        return g != null ? g : Generator.getDefault();
    }

    private static void checkFloat(Tensor t, String op) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime("\"" + op + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    /** {@code uniform_(from, to)}. */
    public static Tensor uniform(Tensor t, double from, double to, Generator generator) {
        checkFloat(t, "uniform_cpu_");
        t.checkInPlace();
        Generator g = orDefault(generator);
        Tensor target = t.isContiguous() ? t : Tensor.zeros(t.shapeRef(), t.dtype());
        Storage s = target.storage();
        if (t.dtype() == DType.FLOAT32) {
            g.uniform(s.f, target.storageOffset(), target.numel(), from, to);
        } else {
            g.uniform(s.d, target.storageOffset(), target.numel(), from, to);
        }
        if (target != t) {
            Pointwise.copyData(t, target);
        }
        return t;
    }

    /** {@code normal_(mean, std)}: libtorch fills non-contiguous tensors serially. */
    public static Tensor normal(Tensor t, double mean, double std, Generator generator) {
        checkFloat(t, "normal_kernel_cpu");
        if (std < 0) {
            throw TorchException.runtime("normal expects std >= 0.0, but found std " + std);
        }
        t.checkInPlace();
        Generator g = orDefault(generator);
        boolean contiguous = t.isContiguous();
        Tensor target = contiguous ? t : Tensor.zeros(t.shapeRef(), t.dtype());
        Storage s = target.storage();
        int off = target.storageOffset();
        int n = target.numel();
        if (t.dtype() == DType.FLOAT32) {
            if (contiguous) {
                g.normal(s.f, off, n, mean, std);
            } else {
                g.normalSerial(s.f, off, n, mean, std);
            }
        } else if (contiguous) {
            g.normal(s.d, off, n, mean, std);
        } else {
            g.normalSerial(s.d, off, n, mean, std);
        }
        if (target != t) {
            Pointwise.copyData(t, target);
        }
        return t;
    }

    public static Tensor rand(int[] shape, DType dtype, Generator g) {
        return uniform(Tensor.zeros(shape, dtype), 0, 1, g);
    }

    public static Tensor randn(int[] shape, DType dtype, Generator g) {
        return normal(Tensor.zeros(shape, dtype), 0, 1, g);
    }

    /** Integers in [low, high), stored as {@code dtype} (int64 by default in PyTorch). */
    public static Tensor randint(long low, long high, int[] shape, DType dtype, Generator g) {
        if (low >= high) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Tensor out = Tensor.zeros(shape, DType.INT64);
        orDefault(g).randint(low, high, out.storage().l);
        return out.to(dtype);
    }

    public static Tensor randperm(int n, DType dtype, Generator g) {
        if (n < 0) {
            throw TorchException.runtime("n must be non-negative, got" + n);
        }
        return Tensor.of(Storage.wrap(orDefault(g).randperm(n)), n).to(dtype);
    }

    /** {@code torch.bernoulli(probs)}: 1 with each element's probability. */
    public static Tensor bernoulli(Tensor probs, Generator g) {
        checkFloat(probs, "bernoulli_tensor_cpu_p_");
        Tensor p = probs.contiguousCopy();
        Tensor out = Tensor.zeros(p.shapeRef(), p.dtype());
        if (p.dtype() == DType.FLOAT32) {
            orDefault(g).bernoulli(p.storage().f, out.storage().f);
        } else {
            orDefault(g).bernoulli(p.storage().d, out.storage().d);
        }
        return out;
    }

    /** {@code bernoulli_(p)} on a new tensor of {@code shape}: dropout's keep mask. */
    public static Tensor bernoulli(int[] shape, double p, DType dtype, Generator g) {
        Tensor out = Tensor.zeros(shape, dtype);
        if (dtype == DType.FLOAT32) {
            orDefault(g).bernoulli(p, out.storage().f);
        } else {
            orDefault(g).bernoulli(p, out.storage().d);
        }
        return out;
    }
}
