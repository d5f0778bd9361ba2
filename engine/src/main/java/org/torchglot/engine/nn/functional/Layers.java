package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code F.pad} (constant mode) and {@code F.bilinear}. */
public final class Layers {
    private Layers() {
    }

    /**
     * {@code F.pad(input, pad, mode='constant', value=0)}: {@code pad} holds (left, right) pairs from
     * the last dim backwards; negative amounts crop.
     */
    public static Tensor pad(Tensor input, int[] pad, String mode, double value) {
        if (!mode.equals("constant")) {
            throw TorchException.runtime("Padding mode \"" + mode + "\" is not supported here; torchglot pads in "
                    + "'constant' mode only");
        }
        if (pad.length % 2 != 0) {
            throw TorchException.runtime("Length of pad must be even but instead it equals " + pad.length);
        }
        if (pad.length / 2 > input.dim()) {
            throw TorchException.runtime("Length of pad should be no more than twice the number of dimensions of the "
                    + "input. Pad length is " + pad.length + " while the input has " + input.dim() + " dimensions.");
        }
        int rank = input.dim();
        int[] outShape = input.shape();
        int[] before = new int[rank];
        for (int i = 0; i < pad.length / 2; i++) {
            int d = rank - 1 - i;
            before[d] = pad[2 * i];
            outShape[d] += pad[2 * i] + pad[2 * i + 1];
            if (outShape[d] < 0) {
                throw TorchException.runtime("The input size " + input.size(d) + ", plus negative padding "
                        + pad[2 * i] + " and " + pad[2 * i + 1] + " resulted in a negative output size, which is "
                        + "invalid. Check dimension " + d + " of your input.");
            }
        }
        Tensor out = Tensor.zeros(outShape, input.dtype());
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            if (value != 0) {
                out.fillNoGrad(value);
            }
            Tensor[] regions = overlap(input, out, before);
            if (regions != null) {
                regions[1].copy_(regions[0]);
            }
        }
        if (Tensor.needsGrad(input)) {
            int[] inShape = input.shape();
            out.withGradFn(new FunctionNode("ConstantPadNdBackward0", new Tensor[] {input}, null, (g, s) -> {
                Tensor grad = Tensor.zeros(inShape, g.dtype());
                Tensor[] regions = overlap(grad, g, before);
                if (regions != null) {
                    regions[0].copy_(regions[1]);
                }
                return new Tensor[] {grad};
            }));
        }
        return out;
    }

    /** The views of {@code in} and of {@code out} that padding maps onto each other, or null when empty. */
    private static Tensor[] overlap(Tensor in, Tensor out, int[] before) {
        Tensor a = in;
        Tensor b = out;
        for (int d = 0; d < before.length; d++) {
            int inStart = Math.max(0, -before[d]);
            int outStart = Math.max(0, before[d]);
            int length = Math.min(in.size(d) - inStart, out.size(d) - outStart);
            if (length <= 0) {
                return null;
            }
            a = a.narrow(d, inStart, length);
            b = b.narrow(d, outStart, length);
        }
        return new Tensor[] {a, b};
    }

    /** {@code F.bilinear}: {@code y[k] = x1 . weight[k] . x2 + bias[k]} over any leading dims. */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        if (weight.dim() != 3) {
            throw TorchException.runtime("bilinear(): weight must be three-dimensional, but got " + weight.dim());
        }
        int out = weight.size(0);
        int in1 = weight.size(1);
        int in2 = weight.size(2);
        if (input1.size(input1.dim() - 1) != in1 || input2.size(input2.dim() - 1) != in2) {
            throw TorchException.runtime("bilinear(): input and weight sizes do not match: input1 "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(input1.shapeRef()) + ", input2 "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(input2.shapeRef()) + ", weight "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(weight.shapeRef()));
        }
        int[] lead = java.util.Arrays.copyOf(input1.shapeRef(), input1.dim() - 1);
        Tensor x1 = input1.reshape(-1, in1);
        Tensor x2 = input2.reshape(-1, in2);
        Tensor left = x1.matmul(weight.permute(1, 0, 2).reshape(in1, out * in2)).reshape(-1, out, in2);
        int[] shape = java.util.Arrays.copyOf(lead, lead.length + 1);
        shape[lead.length] = out;
        Tensor y = left.mul(x2.unsqueeze(1)).sum(2, false).reshape(shape);
        return bias == null ? y : y.add(bias);
    }
}
