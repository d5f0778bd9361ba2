package org.torchglot.engine.nn;

import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.nn.init}: in-place initialisers, run without recording gradients. Bounds are computed
 * in double exactly as PyTorch's Python code does, so the same seed draws the same values.
 */
public final class Init {
    private Init() {
    }

    /** The fan mode of the Kaiming initialisers. */
    public enum FanMode {
        FAN_IN, FAN_OUT;

        public static FanMode of(String mode) {
            return switch (mode) {
                case "fan_in" -> FAN_IN;
                case "fan_out" -> FAN_OUT;
                default -> throw TorchException.value("Mode " + mode + " not supported, please use one of fan_in, fan_out");
            };
        }
    }

    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, null);
    }

    /** U(a, b) from {@code generator} (the default one when null). */
    public static Tensor uniform_(Tensor t, double a, double b, Generator generator) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return Sampling.uniform(t, a, b, generator);
        }
    }

    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, null);
    }

    public static Tensor normal_(Tensor t, double mean, double std, Generator generator) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return Sampling.normal(t, mean, std, generator);
        }
    }

    public static Tensor constant_(Tensor t, double value) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return t.fill_(value);
        }
    }

    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0.0);
    }

    public static Tensor ones_(Tensor t) {
        return constant_(t, 1.0);
    }

    /** {@code calculate_gain(nonlinearity)} with leaky_relu's default slope 0.01. */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /** {@code calculate_gain(nonlinearity, param)}: the recommended scale for that activation. */
    public static double calculateGain(String nonlinearity, Double param) {
        return switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
                    "sigmoid" -> 1.0;
            case "tanh" -> 5.0 / 3;
            case "relu" -> Math.sqrt(2.0);
            case "leaky_relu" -> {
                double slope = param == null ? 0.01 : param;
                yield Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu" -> 3.0 / 4;
            default -> throw TorchException.value("Unsupported nonlinearity " + nonlinearity);
        };
    }

    /** {@code _calculate_fan_in_and_fan_out}: {fan_in, fan_out} of a weight of rank 2 or more. */
    public static int[] fanInAndFanOut(Tensor t) {
        if (t.dim() < 2) {
            throw TorchException.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptiveField = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptiveField *= t.size(d);
        }
        return new int[] {t.size(1) * receptiveField, t.size(0) * receptiveField};
    }

    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1.0);
    }

    /** U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        int[] fans = fanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a);
    }

    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1.0);
    }

    /** N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        int[] fans = fanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        return normal_(t, 0.0, std);
    }

    /** {@code kaiming_uniform_(t)}: a=0, fan_in, leaky_relu. */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0.0, FanMode.FAN_IN, "leaky_relu");
    }

    /** U(-bound, bound) with bound = gain * sqrt(3 / fan). */
    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, String nonlinearity) {
        if (t.numel() == 0) {
            return t;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }

    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0.0, FanMode.FAN_IN, "leaky_relu");
    }

    /** N(0, std^2) with std = gain / sqrt(fan). */
    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, String nonlinearity) {
        if (t.numel() == 0) {
            return t;
        }
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        return normal_(t, 0.0, std);
    }

    private static int fan(Tensor t, FanMode mode) {
        int[] fans = fanInAndFanOut(t);
        return mode == FanMode.FAN_IN ? fans[0] : fans[1];
    }
}
