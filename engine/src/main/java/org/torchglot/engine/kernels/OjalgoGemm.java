package org.torchglot.engine.kernels;

import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * The pure-Java path's larger products on ojalgo's blocked, multi-threaded multiply. Under C2 it ran 1.5-2x
 * the Java loops' speed on dense operands and 2-3.5x with {@code b} transposed (as {@code nn.Linear} passes its
 * weight); under C1 about the same (docs/performance.md). It takes only whole, dense arrays, as a fresh
 * tensor's storage is: ojalgo's stores wrap an array from its start.
 *
 * <p>ojalgo's stores are column-major, and a row-major array viewed column-major is the transpose, so
 * {@code c = a @ op(b)} is computed as {@code c^T = op(b)^T @ a^T} with no copies.
 */
final class OjalgoGemm {
    /** Multiply-adds from which ojalgo beats the Java loops (measured from 32x128x128 up). */
    static final long THRESHOLD = 1L << 16;

    private OjalgoGemm() {
    }

    /** Whether ojalgo takes this product: big enough, {@code a} not transposed, every operand a whole dense array. */
    static boolean takes(int aLength, int aOff, int lda, boolean aTransposed, int bLength, int bOff, int ldb,
            boolean bTransposed, int cLength, int cOff, int n, int k, int m) {
        return (long) n * k * m >= THRESHOLD && !aTransposed && aOff == 0 && bOff == 0 && cOff == 0
                && lda == k && ldb == (bTransposed ? k : m)
                && aLength == n * k && bLength == k * m && cLength == n * m;
    }

    static void multiply(float[] a, float[] b, boolean bTransposed, float[] c, int k, int m) {
        R032Store.wrap(c, m).fillByMultiplying(bTransposed ? R032Store.wrap(b, k).transpose() : R032Store.wrap(b, m),
                R032Store.wrap(a, k));
    }

    static void multiply(double[] a, double[] b, boolean bTransposed, double[] c, int k, int m) {
        R064Store.wrap(c, m).fillByMultiplying(bTransposed ? R064Store.wrap(b, k).transpose() : R064Store.wrap(b, m),
                R064Store.wrap(a, k));
    }
}
