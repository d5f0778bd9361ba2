package org.torchglot.engine.nn.functional;

import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.nn.functional} (imported as {@code F}): stateless activations, dropout, linear and
 * losses. Overloads without an argument use PyTorch's default for it; losses default to
 * {@code reduction='mean'}.
 */
public final class Functional {
    /** PyTorch's default {@code ignore_index}. */
    public static final long IGNORE_INDEX = -100;

    private Functional() {
    }

    // ---- layers -------------------------------------------------------------------------------

    /**
     * {@code F.linear(x, weight, bias)}: {@code addmm} for 2-D input with a bias (AddmmBackward0),
     * a folded {@code addmm} for contiguous 3-D input, else {@code matmul} plus bias.
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (bias != null && input.dim() == 2) {
            return Tensor.addmm(bias, input, weight.t());
        }
        if (bias != null && input.dim() == 3 && input.isContiguous()) {
            int[] shape = input.shape();
            Tensor flat = Tensor.addmm(bias, input.view(-1, shape[2]), weight.t());
            return flat.view(shape[0], shape[1], weight.size(0));
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    /** {@code F.dropout(x, p, training)}: zeroes with probability p and scales the rest by 1/(1-p). */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return Dropouts.dropout(input, p, training);
    }

    public static Tensor dropout(Tensor input, double p) {
        return dropout(input, p, true);
    }

    /**
     * An activation with {@code inplace=True} (or {@code F.relu_}): the result is written into
     * {@code x}, which takes the op's history, as PyTorch's in-place forms do.
     */
    public static Tensor inPlace(boolean inplace, Tensor x, java.util.function.UnaryOperator<Tensor> f) {
        if (!inplace) {
            return f.apply(x);
        }
        // NOTE: computed from a clone, so the op's saved input is not the tensor being overwritten;
        // x then takes the op's node, so its grad_fn reads as PyTorch's (ReluBackward0).
        return org.torchglot.engine.ops.Pointwise.inPlace(x, f.apply(x.clone()));
    }

    // ---- activations --------------------------------------------------------------------------

    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, 0.01);
    }

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Activations.leakyRelu(x, negativeSlope);
    }

    public static Tensor elu(Tensor x) {
        return elu(x, 1.0);
    }

    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    public static Tensor softplus(Tensor x) {
        return softplus(x, 1.0, 20.0);
    }

    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Activations.softplus(x, beta, threshold);
    }

    public static Tensor gelu(Tensor x) {
        return gelu(x, "none");
    }

    /** {@code approximate} is {@code "none"} or {@code "tanh"}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return Activations.gelu(x, approximate);
    }

    /** {@code F.softmax(x, dim)}; a null dim picks PyTorch's legacy default (0 for 0-, 1- and 3-D input, else 1). */
    public static Tensor softmax(Tensor x, Integer dim) {
        return Activations.softmax(x, dim == null ? Activations.defaultSoftmaxDim(x.dim()) : dim);
    }

    public static Tensor logSoftmax(Tensor x, Integer dim) {
        return Activations.logSoftmax(x, dim == null ? Activations.defaultSoftmaxDim(x.dim()) : dim);
    }

    // ---- losses -------------------------------------------------------------------------------

    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.mseLoss(input, target, reduction);
    }

    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.l1Loss(input, target, reduction);
    }

    public static Tensor smoothL1Loss(Tensor input, Tensor target) {
        return smoothL1Loss(input, target, Reduction.MEAN, 1.0);
    }

    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return Losses.smoothL1Loss(input, target, reduction, beta);
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** {@code F.binary_cross_entropy}; {@code weight} may be null. Logs are clamped at -100 as in PyTorch. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /** {@code F.binary_cross_entropy_with_logits}; {@code weight} and {@code posWeight} may be null. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, IGNORE_INDEX, Reduction.MEAN);
    }

    /** {@code F.nll_loss}; {@code weight} may be null. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    /**
     * {@code F.cross_entropy}: {@code log_softmax} then {@code nll_loss} for int64 class indices, or
     * the soft-label form for float class probabilities; {@code weight} may be null.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
