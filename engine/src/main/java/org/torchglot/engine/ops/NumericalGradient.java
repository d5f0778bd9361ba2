package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.DefaultDType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.gradient}: central differences inside each dimension and one-sided differences of first or second
 * order at its ends, with a uniform spacing or the sample coordinates along it (numpy's formulas). Built from
 * differentiable tensor ops, as PyTorch composes it.
 */
public final class NumericalGradient {
    private NumericalGradient() {
    }

    /**
     * One gradient tensor per dim of {@code dims}. {@code spacing} is per dim: a Double (uniform step) or a 1-D
     * Tensor of coordinates.
     */
    public static List<Tensor> gradient(Tensor input, List<Object> spacing, int[] dims, int edgeOrder) {
        if (edgeOrder != 1 && edgeOrder != 2) {
            throw TorchException.runtime("torch.gradient only supports edge_order=1 and edge_order=2.");
        }
        Tensor f = input.isFloatingPoint() ? input : input.to(DefaultDType.get());
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            int dim = dims[i];
            if (f.size(dim) < edgeOrder + 1) {
                throw TorchException.runtime("torch.gradient expected each dimension size to be at least edge_order+1");
            }
            Object h = spacing.get(i);
            out.add(h instanceof Tensor coordinates ? nonUniform(f, coordinates, dim, edgeOrder)
                    : uniform(f, ((Number) h).doubleValue(), dim, edgeOrder));
        }
        return out;
    }

    private static Tensor slice(Tensor f, int dim, int start, int length) {
        return f.narrow(dim, start < 0 ? f.size(dim) + start : start, length);
    }

    private static Tensor uniform(Tensor f, double h, int dim, int edgeOrder) {
        int n = f.size(dim);
        Tensor center = slice(f, dim, 2, n - 2).sub(slice(f, dim, 0, n - 2)).div(2 * h);
        Tensor first;
        Tensor last;
        if (edgeOrder == 1) {
            first = slice(f, dim, 1, 1).sub(slice(f, dim, 0, 1)).div(h);
            last = slice(f, dim, -1, 1).sub(slice(f, dim, -2, 1)).div(h);
        } else {
            first = slice(f, dim, 0, 1).mul(-1.5).add(slice(f, dim, 1, 1).mul(2.0)).sub(slice(f, dim, 2, 1).mul(0.5))
                    .div(h);
            last = slice(f, dim, -3, 1).mul(0.5).sub(slice(f, dim, -2, 1).mul(2.0)).add(slice(f, dim, -1, 1).mul(1.5))
                    .div(h);
        }
        return Tensor.cat(List.of(first, center, last), dim);
    }

    /** Coefficients along dim: a 1-D tensor reshaped to broadcast against f's slices. */
    private static Tensor along(Tensor coefficients, Tensor f, int dim) {
        int[] shape = new int[f.dim()];
        java.util.Arrays.fill(shape, 1);
        shape[dim] = coefficients.numel();
        return coefficients.reshape(shape);
    }

    private static Tensor nonUniform(Tensor f, Tensor coordinates, int dim, int edgeOrder) {
        int n = f.size(dim);
        if (coordinates.dim() != 1 || coordinates.numel() != n) {
            throw TorchException.runtime("torch.gradient expected each tensor to be on the same device and to have "
                    + "as many elements as the dimension it spaces, but got " + coordinates.numel() + " for size " + n);
        }
        Tensor x = coordinates.to(f.dtype());
        Tensor dx = x.narrow(0, 1, n - 1).sub(x.narrow(0, 0, n - 1));
        Tensor dx1 = dx.narrow(0, 0, n - 2);
        Tensor dx2 = dx.narrow(0, 1, n - 2);
        Tensor sum = dx1.add(dx2);
        Tensor a = along(dx2.neg().div(dx1.mul(sum)), f, dim);
        Tensor b = along(dx2.sub(dx1).div(dx1.mul(dx2)), f, dim);
        Tensor c = along(dx1.div(dx2.mul(sum)), f, dim);
        Tensor center = a.mul(slice(f, dim, 0, n - 2)).add(b.mul(slice(f, dim, 1, n - 2)))
                .add(c.mul(slice(f, dim, 2, n - 2)));
        Tensor first;
        Tensor last;
        if (edgeOrder == 1) {
            first = slice(f, dim, 1, 1).sub(slice(f, dim, 0, 1)).div(dx.narrow(0, 0, 1).item());
            last = slice(f, dim, -1, 1).sub(slice(f, dim, -2, 1)).div(dx.narrow(0, n - 2, 1).item());
        } else {
            double h1 = dx.narrow(0, 0, 1).item();
            double h2 = dx.narrow(0, 1, 1).item();
            first = slice(f, dim, 0, 1).mul(-(2 * h1 + h2) / (h1 * (h1 + h2)))
                    .add(slice(f, dim, 1, 1).mul((h1 + h2) / (h1 * h2)))
                    .add(slice(f, dim, 2, 1).mul(-h1 / (h2 * (h1 + h2))));
            h1 = dx.narrow(0, n - 3, 1).item();
            h2 = dx.narrow(0, n - 2, 1).item();
            last = slice(f, dim, -3, 1).mul(h2 / (h1 * (h1 + h2)))
                    .add(slice(f, dim, -2, 1).mul(-(h2 + h1) / (h1 * h2)))
                    .add(slice(f, dim, -1, 1).mul((2 * h2 + h1) / (h2 * (h1 + h2))));
        }
        return Tensor.cat(List.of(first, center, last), dim);
    }
}
