package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The dropout family as libtorch 1.13's {@code _dropout_impl} on CPU: a keep mask from
 * {@code bernoulli_(1 - p)} on the default generator (one per element, or one per sample and
 * channel for feature dropout), so seeded scripts draw the same masks as PyTorch.
 */
public final class Dropouts {
    /** SELU's alpha times its scale: the value alpha dropout drops to. */
    private static final double ALPHA = 1.7580993408473766;

    private Dropouts() {
    }

    /** {@code F.dropout}: zeroes elements with probability p and scales the rest by 1/(1-p). */
    public static Tensor dropout(Tensor input, double p, boolean training) {
        return apply(input, p, training, false, false);
    }

    /** {@code F.alpha_dropout}: drops to SELU's negative saturation and keeps mean and variance. */
    public static Tensor alphaDropout(Tensor input, double p, boolean training) {
        return apply(input, p, training, false, true);
    }

    /** {@code F.feature_alpha_dropout}: alpha dropout of whole channels (dim 1). */
    public static Tensor featureAlphaDropout(Tensor input, double p, boolean training) {
        return apply(input, p, training, true, true);
    }

    /** {@code torch.feature_dropout}: zeroes whole channels (dim 1) of any input of at least 2 dims. */
    public static Tensor featureDropout(Tensor input, double p, boolean training) {
        return apply(input, p, training, true, false);
    }

    /** {@code F.dropout1d}: zeroes whole channels of (N, C, L) or unbatched (C, L) input. */
    public static Tensor dropout1d(Tensor input, double p, boolean training) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw TorchException.runtime("dropout1d: Expected 2D or 3D input, but received a " + input.dim()
                    + "D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial "
                    + "dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
        }
        if (input.dim() == 2) {
            return apply(input.unsqueeze(0), p, training, true, false).squeeze(0);
        }
        return apply(input, p, training, true, false);
    }

    /** {@code F.dropout2d}: zeroes whole channels (dim 1) of (N, C, H, W) input; 3-D input as (N, C, L), as PyTorch 1.13 does. */
    public static Tensor dropout2d(Tensor input, double p, boolean training) {
        return apply(input, p, training, true, false);
    }

    /** {@code F.dropout3d}: zeroes whole channels of (N, C, D, H, W) or unbatched (C, D, H, W) input. */
    public static Tensor dropout3d(Tensor input, double p, boolean training) {
        if (input.dim() == 4) {
            return apply(input.unsqueeze(0), p, training, true, false).squeeze(0);
        }
        return apply(input, p, training, true, false);
    }

    private static Tensor apply(Tensor input, double p, boolean training, boolean feature, boolean alpha) {
        if (p < 0 || p > 1) {
            throw TorchException.value("dropout probability has to be between 0 and 1, but got " + PythonRepr.ofFloat(p));
        }
        if (!training || p == 0 || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return input.mul(Tensor.zeros(new int[0], input.dtype()));
        }
        if (feature && input.dim() < 2) {
            throw TorchException.runtime("Feature dropout requires at least 2 dimensions in the input");
        }
        int[] noiseShape = input.shape();
        if (feature) {
            for (int d = 2; d < noiseShape.length; d++) {
                noiseShape[d] = 1;
            }
        }
        Tensor noise = Sampling.bernoulli(noiseShape, 1 - p, input.dtype(), null);
        if (!alpha) {
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                noise.div_(Tensor.scalar(1 - p));
            }
            return input.mul(noise);
        }
        double a = 1 / Math.sqrt((ALPHA * ALPHA * p + 1) * (1 - p));
        Tensor b;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            b = noise.add(-1.0).mul(ALPHA * a).add(ALPHA * a * p);
            noise = noise.mul(a);
        }
        return input.mul(noise).add(b);
    }
}
