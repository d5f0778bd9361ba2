package org.torchglot.engine;

import java.util.List;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.RangeFills;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The front door, PyTorch's {@code torch} namespace for Java: tensor creation, random sampling and
 * grad mode. Ops on existing tensors are methods of {@link Tensor}.
 */
public final class Torch {
    /** PyTorch's default floating dtype. */
    public static final DType DEFAULT_DTYPE = DType.FLOAT32;

    private Torch() {
    }

    // ---- from data ----------------------------------------------------------------------------

    /** A tensor of {@code dtype} from row-major values. */
    public static Tensor tensor(double[] values, int[] shape, DType dtype) {
        check(values.length, shape);
        Tensor out = Tensor.zeros(shape, dtype);
        for (int i = 0; i < values.length; i++) {
            out.storage().setDouble(i, values[i]);
        }
        return out;
    }

    public static Tensor tensor(long[] values, int[] shape) {
        check(values.length, shape);
        return Tensor.of(Storage.wrap(values.clone()), shape);
    }

    public static Tensor tensor(boolean[] values, int[] shape) {
        check(values.length, shape);
        return Tensor.of(Storage.wrap(values.clone()), shape);
    }

    public static Tensor tensor(float[] values, int[] shape) {
        check(values.length, shape);
        return Tensor.of(Storage.wrap(values.clone()), shape);
    }

    /** A float32 tensor from a Java matrix. */
    public static Tensor tensor(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw TorchException.value("expected sequence of length " + m + " at dim 1 (got " + rows[i].length + ")");
            }
            System.arraycopy(rows[i], 0, flat, i * m, m);
        }
        return tensor(flat, new int[] {n, m}, DEFAULT_DTYPE);
    }

    /** A float32 vector. */
    public static Tensor tensor(double... values) {
        return tensor(values, new int[] {values.length}, DEFAULT_DTYPE);
    }

    private static void check(int length, int[] shape) {
        if (length != Shapes.numel(shape)) {
            throw TorchException.value(length + " values cannot fill a tensor of shape " + Shapes.str(shape));
        }
        checkDimensions(shape);
    }

    private static void checkDimensions(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + s + ": "
                        + Shapes.str(shape));
            }
        }
    }

    // ---- filled -------------------------------------------------------------------------------

    public static Tensor zeros(int... shape) {
        return zeros(shape, DEFAULT_DTYPE);
    }

    public static Tensor zeros(int[] shape, DType dtype) {
        checkDimensions(shape);
        return Tensor.zeros(shape, dtype);
    }

    public static Tensor ones(int... shape) {
        return full(shape, 1.0, DEFAULT_DTYPE);
    }

    public static Tensor ones(int[] shape, DType dtype) {
        return full(shape, 1.0, dtype);
    }

    public static Tensor full(int[] shape, double value, DType dtype) {
        Tensor out = zeros(shape, dtype);
        out.fillNoGrad(value);
        return out;
    }

    /** Uninitialised memory in PyTorch; zeros here, which is one of the values it may hold. */
    public static Tensor empty(int[] shape, DType dtype) {
        return zeros(shape, dtype);
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape(), t.dtype());
    }

    public static Tensor onesLike(Tensor t) {
        return ones(t.shape(), t.dtype());
    }

    public static Tensor fullLike(Tensor t, double value) {
        return full(t.shape(), value, t.dtype());
    }

    /** {@code torch.arange(start, end, step)}: int64 when all three are integers, else float32. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw TorchException.runtime("step must be nonzero");
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw TorchException.runtime("upper bound and larger bound inconsistent with step sign");
        }
        int n = (int) Math.ceil((end - start) / step);
        Tensor out = zeros(new int[] {n}, dtype);
        for (int i = 0; i < n; i++) {
            out.storage().setDouble(i, start + i * step);
        }
        return out;
    }

    public static Tensor arange(long end) {
        return arange(0, end, 1, DType.INT64);
    }

    /** {@code torch.linspace}, with libtorch's kernel ({@link RangeFills}). */
    public static Tensor linspace(double start, double end, int steps, DType dtype) {
        if (steps < 0) {
            throw TorchException.runtime("number of steps must be non-negative");
        }
        Tensor out = zeros(new int[] {steps}, dtype);
        if (steps == 1) {
            out.storage().setDouble(0, start);
            return out;
        }
        RangeFills.linspace(out.storage(), start, end, steps);
        return out;
    }

    public static Tensor eye(int n, int m, DType dtype) {
        Tensor out = zeros(new int[] {n, m}, dtype);
        for (int i = 0; i < Math.min(n, m); i++) {
            out.storage().setDouble(i * m + i, 1.0);
        }
        return out;
    }

    // ---- random -------------------------------------------------------------------------------

    /** {@code torch.manual_seed}: reseeds the default generator. */
    public static Generator manualSeed(long seed) {
        return Generator.getDefault().manualSeed(seed);
    }

    public static long initialSeed() {
        return Generator.getDefault().initialSeed();
    }

    public static Tensor rand(int... shape) {
        return Sampling.rand(shape, DEFAULT_DTYPE, null);
    }

    public static Tensor rand(int[] shape, DType dtype, Generator generator) {
        return Sampling.rand(shape, dtype, generator);
    }

    public static Tensor randn(int... shape) {
        return Sampling.randn(shape, DEFAULT_DTYPE, null);
    }

    public static Tensor randn(int[] shape, DType dtype, Generator generator) {
        return Sampling.randn(shape, dtype, generator);
    }

    public static Tensor randint(long low, long high, int[] shape, DType dtype, Generator generator) {
        return Sampling.randint(low, high, shape, dtype, generator);
    }

    public static Tensor randperm(int n, DType dtype, Generator generator) {
        return Sampling.randperm(n, dtype, generator);
    }

    public static Tensor bernoulli(Tensor probs, Generator generator) {
        return Sampling.bernoulli(probs, generator);
    }

    // ---- composition --------------------------------------------------------------------------

    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Tensor.cat(tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Tensor.stack(tensors, dim);
    }

    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Tensor.where(condition, x, y);
    }

    // ---- grad mode ----------------------------------------------------------------------------

    /** {@code with torch.no_grad():} as {@code try (var s = Torch.noGrad()) {...}}. */
    public static GradMode.Scope noGrad() {
        return GradMode.noGrad();
    }

    public static GradMode.Scope enableGrad() {
        return GradMode.enableGrad();
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }
}
