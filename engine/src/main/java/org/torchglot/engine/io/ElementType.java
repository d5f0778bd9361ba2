package org.torchglot.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;

/**
 * An element type as files store it: PyTorch's storage class name, safetensors' dtype code, the byte size, and the
 * engine dtype it loads as. Types the engine lacks load as the nearest one: integers as int64, half floats as
 * float32, both exactly.
 */
enum ElementType {
    FLOAT32("FloatStorage", "F32", 4, DType.FLOAT32, "float32"),
    FLOAT64("DoubleStorage", "F64", 8, DType.FLOAT64, "float64"),
    INT64("LongStorage", "I64", 8, DType.INT64, "int64"),
    BOOL("BoolStorage", "BOOL", 1, DType.BOOL, "bool"),
    INT32("IntStorage", "I32", 4, DType.INT64, "int32"),
    INT16("ShortStorage", "I16", 2, DType.INT64, "int16"),
    INT8("CharStorage", "I8", 1, DType.INT64, "int8"),
    UINT8("ByteStorage", "U8", 1, DType.INT64, "uint8"),
    FLOAT16("HalfStorage", "F16", 2, DType.FLOAT32, "float16"),
    BFLOAT16("BFloat16Storage", "BF16", 2, DType.FLOAT32, "bfloat16");

    private static final int CHUNK = 1 << 16;

    final String storageClass;
    final String safetensorsCode;
    final int bytes;
    final DType loadsAs;
    final String pythonName;

    ElementType(String storageClass, String safetensorsCode, int bytes, DType loadsAs, String pythonName) {
        this.storageClass = storageClass;
        this.safetensorsCode = safetensorsCode;
        this.bytes = bytes;
        this.loadsAs = loadsAs;
        this.pythonName = pythonName;
    }

    /** The type an engine dtype is saved as. */
    static ElementType of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> FLOAT32;
            case FLOAT64 -> FLOAT64;
            case INT64 -> INT64;
            case BOOL -> BOOL;
        };
    }

    static Optional<ElementType> byStorageClass(String name) {
        for (ElementType t : values()) {
            if (t.storageClass.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Optional<ElementType> bySafetensorsCode(String code) {
        for (ElementType t : values()) {
            if (t.safetensorsCode.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether loading converts this type to another engine dtype. */
    boolean converts() {
        return !loadsAs.pythonName().equals(pythonName);
    }

    /** Decodes {@code count} elements starting at {@code offset} into a new storage of {@link #loadsAs}. */
    Storage decode(byte[] data, int offset, int count, ByteOrder order) {
        ByteBuffer in = ByteBuffer.wrap(data, offset, count * bytes).slice().order(order);
        Storage out = Storage.allocate(loadsAs, count);
        switch (this) {
            case FLOAT32 -> in.asFloatBuffer().get(out.f);
            case FLOAT64 -> in.asDoubleBuffer().get(out.d);
            case INT64 -> in.asLongBuffer().get(out.l);
            case BOOL -> {
                for (int i = 0; i < count; i++) {
                    out.b[i] = in.get(i) != 0;
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    out.l[i] = in.getInt(4 * i);
                }
            }
            case INT16 -> {
                for (int i = 0; i < count; i++) {
                    out.l[i] = in.getShort(2 * i);
                }
            }
            case INT8 -> {
                for (int i = 0; i < count; i++) {
                    out.l[i] = in.get(i);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < count; i++) {
                    out.l[i] = in.get(i) & 0xFF;
                }
            }
            case FLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    out.f[i] = Float.float16ToFloat(in.getShort(2 * i));
                }
            }
            case BFLOAT16 -> {
                for (int i = 0; i < count; i++) {
                    out.f[i] = Float.intBitsToFloat((in.getShort(2 * i) & 0xFFFF) << 16);
                }
            }
        }
        return out;
    }

    /** Writes a whole engine storage little-endian, as PyTorch and safetensors store it. */
    static void encode(Storage storage, OutputStream out) throws IOException {
        int n = storage.size();
        int size = of(storage.dtype()).bytes;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK / size;
        for (int start = 0; start < n; start += perChunk) {
            int count = Math.min(perChunk, n - start);
            buffer.clear();
            switch (storage.dtype()) {
                case FLOAT32 -> buffer.asFloatBuffer().put(storage.f, start, count);
                case FLOAT64 -> buffer.asDoubleBuffer().put(storage.d, start, count);
                case INT64 -> buffer.asLongBuffer().put(storage.l, start, count);
                case BOOL -> {
                    for (int i = 0; i < count; i++) {
                        buffer.put(i, storage.b[start + i] ? (byte) 1 : (byte) 0);
                    }
                }
            }
            out.write(buffer.array(), 0, count * size);
        }
    }
}
