package org.torchglot.engine.tensor;

/**
 * The flat memory behind one or more tensors. Exactly one of the arrays is non-null, the one of
 * {@link #dtype()}; views share a Storage and differ only in shape, strides and offset.
 */
public final class Storage {
    private final DType dtype;
    /** Direct array access for kernels; exactly one is non-null. */
    public final float[] f;
    public final double[] d;
    public final long[] l;
    public final boolean[] b;

    private Storage(DType dtype, float[] f, double[] d, long[] l, boolean[] b) {
        this.dtype = dtype;
        this.f = f;
        this.d = d;
        this.l = l;
        this.b = b;
    }

    /** A zero-filled storage of {@code size} elements, refused beyond the {@link MemoryLimit}. */
    public static Storage allocate(DType dtype, int size) {
        MemoryLimit.check(dtype, size);
        return switch (dtype) {
            case FLOAT32 -> new Storage(dtype, new float[size], null, null, null);
            case FLOAT64 -> new Storage(dtype, null, new double[size], null, null);
            case INT64 -> new Storage(dtype, null, null, new long[size], null);
            case BOOL -> new Storage(dtype, null, null, null, new boolean[size]);
        };
    }

    /**
     * A zero-filled storage for a contiguous tensor of {@code shape}; the memory guard runs before
     * the 2^31 element limit of Java arrays, so a huge request gets the allocator's error.
     */
    public static Storage allocate(DType dtype, int[] shape) {
        long count = 1;
        for (int s : shape) {
            count = MemoryLimit.saturatingMultiply(count, Math.max(s, 0));
        }
        MemoryLimit.check(dtype, count);
        return allocate(dtype, Shapes.numel(shape));
    }

    public static Storage wrap(float[] values) {
        return new Storage(DType.FLOAT32, values, null, null, null);
    }

    public static Storage wrap(double[] values) {
        return new Storage(DType.FLOAT64, null, values, null, null);
    }

    public static Storage wrap(long[] values) {
        return new Storage(DType.INT64, null, null, values, null);
    }

    public static Storage wrap(boolean[] values) {
        return new Storage(DType.BOOL, null, null, null, values);
    }

    public DType dtype() {
        return dtype;
    }

    public int size() {
        return switch (dtype) {
            case FLOAT32 -> f.length;
            case FLOAT64 -> d.length;
            case INT64 -> l.length;
            case BOOL -> b.length;
        };
    }

    public double getDouble(int i) {
        return switch (dtype) {
            case FLOAT32 -> f[i];
            case FLOAT64 -> d[i];
            case INT64 -> l[i];
            case BOOL -> b[i] ? 1.0 : 0.0;
        };
    }

    public long getLong(int i) {
        return switch (dtype) {
            case FLOAT32 -> (long) f[i];
            case FLOAT64 -> (long) d[i];
            case INT64 -> l[i];
            case BOOL -> b[i] ? 1L : 0L;
        };
    }

    /** Stores a value, converting it to this storage's dtype as a PyTorch cast would. */
    public void setDouble(int i, double v) {
        switch (dtype) {
            case FLOAT32 -> f[i] = (float) v;
            case FLOAT64 -> d[i] = v;
            case INT64 -> l[i] = (long) v;
            case BOOL -> b[i] = v != 0.0;
        }
    }

    public void setLong(int i, long v) {
        switch (dtype) {
            case FLOAT32 -> f[i] = v;
            case FLOAT64 -> d[i] = v;
            case INT64 -> l[i] = v;
            case BOOL -> b[i] = v != 0L;
        }
    }
}
