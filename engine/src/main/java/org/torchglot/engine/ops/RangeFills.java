package org.torchglot.engine.ops;

import org.torchglot.engine.tensor.Storage;

/**
 * libtorch's CPU {@code linspace} kernel (ATen's RangeFactoriesKernel.cpp, AVX2 build), so
 * float32 values match PyTorch to the last bit. Each value is computed from the nearer end, in
 * the tensor's own precision: {@code start + step * i} for the first half, {@code end - step *
 * (steps - 1 - i)} for the second. The vectorised loop takes blocks of 16 floats (8 doubles) as
 * two vectors; each vector's base comes from its first index that way (one fused multiply-add)
 * and its lanes count up from the base ({@code base + lane * step}, a rounded product then a
 * rounded sum), even where a block straddles the middle. The last {@code steps % 16} (or 8)
 * values take the scalar path.
 */
public final class RangeFills {
    private static final int FLOAT_LANES = 8;
    private static final int DOUBLE_LANES = 4;

    private RangeFills() {}

    /** Fills {@code out} (of {@code steps >= 2} elements) with libtorch's linspace values. */
    public static void linspace(Storage out, double start, double end, int steps) {
        if (out.f != null) {
            linspaceFloat(out.f, (float) start, (float) end, steps);
        } else if (out.d != null) {
            linspaceDouble(out.d, start, end, steps);
        } else {
            // NOTE: integer dtypes step in double (libtorch's step_t) and truncate each value.
            double step = (end - start) / (steps - 1);
            int half = steps / 2;
            for (int i = 0; i < steps; i++) {
                out.setDouble(i, i < half ? start + step * i : end - step * (steps - i - 1));
            }
        }
    }

    private static void linspaceFloat(float[] out, float start, float end, int steps) {
        float step = (end - start) / (steps - 1);
        int half = steps / 2;
        int vectorised = steps - steps % (2 * FLOAT_LANES);
        int i = 0;
        for (; i < vectorised; i += FLOAT_LANES) {
            float base = i < half ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
            for (int lane = 0; lane < FLOAT_LANES; lane++) {
                out[i + lane] = base + lane * step;
            }
        }
        for (; i < steps; i++) {
            out[i] = i < half ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
        }
    }

    private static void linspaceDouble(double[] out, double start, double end, int steps) {
        double step = (end - start) / (steps - 1);
        int half = steps / 2;
        int vectorised = steps - steps % (2 * DOUBLE_LANES);
        int i = 0;
        for (; i < vectorised; i += DOUBLE_LANES) {
            double base = i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
            for (int lane = 0; lane < DOUBLE_LANES; lane++) {
                out[i + lane] = base + lane * step;
            }
        }
        for (; i < steps; i++) {
            out[i] = i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
        }
    }
}
