package org.torchglot.engine.random;

/**
 * libtorch 1.13's CPU {@code normal_} kernel, which takes one of three paths:
 * <ul>
 *   <li>float32, 16 or more elements, contiguous: the AVX2 kernel. It fills the tensor with
 *   uniforms, then turns each block of 16 into normals (Box-Muller on lanes i and i+8) with Cephes
 *   float log/sincos. If the size is not a multiple of 16 it draws 16 fresh uniforms for the last
 *   16 elements and transforms them again, overwriting the tail.</li>
 *   <li>float64, 16 or more elements, contiguous: the same blocking in double with libm.</li>
 *   <li>anything else: one double Box-Muller sample at a time, caching the second (sine) sample in
 *   the generator for the next call.</li>
 * </ul>
 *
 * <p>NOTE: float32 output is bit-exact. The double paths call glibc's {@code log}/{@code sin}/
 * {@code cos} in libtorch and {@code Math}'s here; the two disagree in the last bit for about 0.2%
 * of arguments, so about 0.2% of float64 normals differ from PyTorch by 1-2 ulp (measured on 10^6).
 */
final class NormalSampling {
    private static final int BLOCK = 16;
    private static final int HALF = BLOCK / 2;
    // NOTE: libtorch computes 2.0f * c10::pi<double> in double and narrows it to float.
    private static final float TWO_PI_FLOAT = (float) (2.0 * Math.PI);

    private NormalSampling() {
    }

    static void fill(Generator generator, float[] out, int offset, int length, double mean, double std) {
        checkStd(std);
        if (length < BLOCK) {
            fillSerial(generator, out, offset, length, mean, std);
            return;
        }
        float meanF = (float) mean;
        float stdF = (float) std;
        float[] sinCos = new float[2];
        fillUnitFloats(generator, out, offset, length);
        for (int i = 0; i + BLOCK <= length; i += BLOCK) {
            transformBlock(out, offset + i, meanF, stdF, sinCos);
        }
        if (length % BLOCK != 0) {
            int tail = offset + length - BLOCK;
            fillUnitFloats(generator, out, tail, BLOCK);
            transformBlock(out, tail, meanF, stdF, sinCos);
        }
    }

    static void fill(Generator generator, double[] out, int offset, int length, double mean, double std) {
        checkStd(std);
        if (length < BLOCK) {
            fillSerial(generator, out, offset, length, mean, std);
            return;
        }
        fillUnitDoubles(generator, out, offset, length);
        for (int i = 0; i + BLOCK <= length; i += BLOCK) {
            transformBlock(out, offset + i, mean, std);
        }
        if (length % BLOCK != 0) {
            int tail = offset + length - BLOCK;
            fillUnitDoubles(generator, out, tail, BLOCK);
            transformBlock(out, tail, mean, std);
        }
    }

    static void fillSerial(Generator generator, float[] out, int offset, int length, double mean, double std) {
        checkStd(std);
        for (int i = offset; i < offset + length; i++) {
            out[i] = (float) nextNormal(generator, mean, std);
        }
    }

    static void fillSerial(Generator generator, double[] out, int offset, int length, double mean, double std) {
        checkStd(std);
        for (int i = offset; i < offset + length; i++) {
            out[i] = nextNormal(generator, mean, std);
        }
    }

    /** {@code at::normal_distribution<double>}: Box-Muller with the sine sample cached. */
    static double nextNormal(Generator generator, double mean, double std) {
        if (generator.hasCachedDoubleNormal()) {
            return Math.fma(generator.takeCachedDoubleNormal(), std, mean);
        }
        double u1 = UniformSampling.unitDouble(generator.nextLong());
        double u2 = UniformSampling.unitDouble(generator.nextLong());
        double radius = Math.sqrt(-2.0 * Math.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        generator.cacheDoubleNormal(radius * Math.sin(theta));
        // NOTE: "value * std + mean" is one FMA in libtorch's AVX2 build, here and in the blocks.
        return Math.fma(radius * Math.cos(theta), std, mean);
    }

    private static void fillUnitFloats(Generator generator, float[] out, int from, int length) {
        for (int i = from; i < from + length; i++) {
            out[i] = UniformSampling.unitFloat(generator.nextInt());
        }
    }

    private static void fillUnitDoubles(Generator generator, double[] out, int from, int length) {
        for (int i = from; i < from + length; i++) {
            out[i] = UniformSampling.unitDouble(generator.nextLong());
        }
    }

    /** {@code normal_fill_16_AVX2}: lanes j and j+8 of one block become a Box-Muller pair. */
    private static void transformBlock(float[] data, int at, float mean, float std, float[] sinCos) {
        for (int j = at; j < at + HALF; j++) {
            float u1 = 1f - data[j];
            float u2 = data[j + HALF];
            float radius = (float) Math.sqrt(-2f * CephesFloatMath.log(u1));
            CephesFloatMath.sinCos(TWO_PI_FLOAT * u2, sinCos, 0);
            data[j] = Math.fma(radius * sinCos[1], std, mean);
            data[j + HALF] = Math.fma(radius * sinCos[0], std, mean);
        }
    }

    /** {@code normal_fill_16<double>}. */
    private static void transformBlock(double[] data, int at, double mean, double std) {
        for (int j = at; j < at + HALF; j++) {
            double u1 = 1 - data[j];
            double u2 = data[j + HALF];
            double radius = Math.sqrt(-2 * Math.log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = Math.fma(radius * Math.cos(theta), std, mean);
            data[j + HALF] = Math.fma(radius * Math.sin(theta), std, mean);
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
    }
}
