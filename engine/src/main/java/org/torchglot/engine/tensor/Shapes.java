package org.torchglot.engine.tensor;

import java.util.Arrays;

/** Shape and stride arithmetic shared by every op: sizes, broadcasting, dim wrapping. */
public final class Shapes {
    private Shapes() {
    }

    public static int numel(int[] shape) {
        long n = 1;
        boolean tooLarge = false;
        for (int s : shape) {
            n *= s;
            // NOTE: stop growing past 2^31, or a long product of large dims wraps (65536^4 is 2^64, "0 elements")
            // and a view of quintillions of elements passes for an empty one. A zero dim later still empties it.
            if (Math.abs(n) > Integer.MAX_VALUE) {
                tooLarge = true;
                n = Long.signum(n);
            }
        }
        if (tooLarge && n != 0) {
            throw TorchException.runtime("tensor of size " + str(shape) + " has more elements than torchglot supports (2^31 - 1)");
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Python-style list of sizes: {@code [2, 3]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** PyTorch's {@code 4x2} form used in matmul errors. */
    public static String timesStr(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    /** Wraps a possibly negative dim into [0, rank), with PyTorch's IndexError when out of range. */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + (-r) + ", " + (r - 1)
                    + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** The broadcast shape of two shapes, or PyTorch's error naming both. */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        // NOTE: checked from the last dim, so the error names the same dimension as PyTorch's.
        for (int i = rank - 1; i >= 0; i--) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw TorchException.runtime("The size of tensor a (" + da + ") must match the size of tensor b (" + db
                        + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Strides that read a tensor of {@code shape}/{@code strides} as if expanded to {@code target}. */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int shift = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[i + shift] = shape[i] == 1 && target[i + shift] != 1 ? 0 : strides[i];
        }
        return out;
    }

    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /**
     * The storage offset of every element of a strided view, in row-major order. Kernels walk this
     * array instead of recomputing multi-indices per element.
     */
    public static int[] offsets(int[] shape, int[] strides, int base) {
        int n = numel(shape);
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        int rank = shape.length;
        if (rank == 0) {
            out[0] = base;
            return out;
        }
        int[] idx = new int[rank];
        int inner = shape[rank - 1];
        int innerStride = strides[rank - 1];
        int off = base;
        int k = 0;
        while (k < n) {
            for (int j = 0; j < inner; j++) {
                out[k++] = off + j * innerStride;
            }
            int d = rank - 2;
            while (d >= 0) {
                idx[d]++;
                off += strides[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                off -= strides[d] * shape[d];
                idx[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        return out;
    }

    /** Infers a single {@code -1} entry of a view/reshape size. */
    public static int[] inferSize(int[] requested, int numel) {
        int[] out = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw TorchException.runtime("only one dimension can be inferred");
                }
                infer = i;
            } else if (out[i] < 0) {
                throw TorchException.runtime("invalid shape dimension " + out[i]);
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw TorchException.runtime("shape '" + str(requested) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw TorchException.runtime("shape '" + str(requested) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    public static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    public static int[] insert(int[] a, int i, int v) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 0, i);
        out[i] = v;
        System.arraycopy(a, i, out, i + 1, a.length - i);
        return out;
    }
}
