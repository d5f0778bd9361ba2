package org.torchglot.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Pickles Java values with protocol 2, as {@code torch.save} pickles the equivalent Python object: tensors as
 * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())} with the
 * storage as a persistent id, parameters through {@code _rebuild_parameter}. Tensors, containers and globals are
 * memoized, so an object reached twice is written once and loads as one object; each storage gets one key.
 */
final class PickleWriter {
    private static final int BATCH = 1000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<Object, Integer> memo = new IdentityHashMap<>();
    private final Map<String, Integer> globals = new HashMap<>();
    private final Map<Storage, String> storageKeys = new IdentityHashMap<>();
    private int memoSize;

    /** The pickle of {@code value}. */
    byte[] dump(Object value) {
        out.write(0x80);
        out.write(2);
        save(value);
        out.write('.');
        return out.toByteArray();
    }

    /** The storages the pickle refers to, by key ("0", "1", ...), in the order they were first met. */
    Map<String, Storage> storages() {
        Map<String, Storage> byKey = new LinkedHashMap<>();
        storageKeys.forEach((storage, key) -> byKey.put(key, storage));
        return byKey;
    }

    private void save(Object value) {
        Integer index = memo.get(value);
        if (index != null) {
            get(index);
            return;
        }
        switch (value) {
            case null -> out.write('N');
            case Boolean b -> out.write(b ? 0x88 : 0x89);
            case Long l -> saveInt(l);
            case Integer i -> saveInt(i);
            case Short s -> saveInt(s);
            case Byte b -> saveInt(b);
            case Double d -> saveFloat(d);
            case Float f -> saveFloat(f);
            case String s -> saveString(s);
            case Parameter p -> saveParameter(p);
            case Tensor t -> saveTensor(t);
            case Tuple t -> saveTuple(t);
            case List<?> list -> saveList(list);
            case OrderedDict dict -> saveOrderedDict(dict);
            case Map<?, ?> map -> saveDict(map);
            case Set<?> set -> saveSet(set);
            default -> throw TorchException.type("torch.save cannot save a " + value.getClass().getName()
                    + "; it saves tensors, numbers, strings, bools, None, lists, tuples, dicts and sets of them");
        }
    }

    private void saveInt(long v) {
        if (v >= 0 && v <= 0xFF) {
            out.write('K');
            out.write((int) v);
        } else if (v >= 0 && v <= 0xFFFF) {
            out.write('M');
            writeLittle(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            writeLittle(v, 4);
        } else {
            // NOTE: LONG1 holds the shortest two's-complement form, as Python's encode_long does.
            int n = 1;
            while (n < 8 && (v >> (8 * n - 1)) != 0 && (v >> (8 * n - 1)) != -1) {
                n++;
            }
            out.write(0x8a);
            out.write(n);
            writeLittle(v, n);
        }
    }

    private void saveFloat(double v) {
        out.write('G');
        out.writeBytes(ByteBuffer.allocate(8).putDouble(v).array());
    }

    private void saveString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        writeLittle(utf8.length, 4);
        out.writeBytes(utf8);
        put(s);
    }

    private void saveTensor(Tensor t) {
        global("torch._utils", "_rebuild_tensor_v2");
        out.write('(');
        saveStorage(t.storage());
        saveInt(t.storageOffset());
        saveTuple(Tuple.copyOf(boxed(t.shapeRef())));
        saveTuple(Tuple.copyOf(boxed(t.stridesRef())));
        out.write(t.requiresGrad() ? 0x88 : 0x89);
        emptyOrderedDict();
        out.write('t');
        out.write('R');
        put(t);
    }

    private void saveParameter(Parameter p) {
        global("torch._utils", "_rebuild_parameter");
        out.write('(');
        saveTensor(p.detach());
        out.write(p.requiresGrad() ? 0x88 : 0x89);
        emptyOrderedDict();
        out.write('t');
        out.write('R');
        put(p);
    }

    /** The persistent id {@code ('storage', torch.FloatStorage, key, 'cpu', numel)}. */
    private void saveStorage(Storage storage) {
        String key = storageKeys.computeIfAbsent(storage, s -> Integer.toString(storageKeys.size()));
        out.write('(');
        saveString("storage");
        global("torch", ElementType.of(storage.dtype()).storageClass);
        saveString(key);
        saveString("cpu");
        saveInt(storage.size());
        out.write('t');
        out.write('Q');
    }

    private void saveTuple(Tuple t) {
        switch (t.size()) {
            case 0 -> out.write(')');
            case 1, 2, 3 -> {
                t.forEach(this::save);
                out.write(0x84 + t.size());
            }
            default -> {
                out.write('(');
                t.forEach(this::save);
                out.write('t');
            }
        }
    }

    private void saveList(List<?> list) {
        out.write(']');
        put(list);
        batched(new ArrayList<>(list), 'e', 1);
    }

    private void saveDict(Map<?, ?> map) {
        out.write('}');
        put(map);
        saveItems(map);
    }

    private void saveOrderedDict(OrderedDict dict) {
        emptyOrderedDict();
        put(dict);
        saveItems(dict);
    }

    /** Python pickles a set as {@code set([items])} below protocol 4. */
    private void saveSet(Set<?> set) {
        global("__builtin__", "set");
        out.write(']');
        batched(new ArrayList<>(set), 'e', 1);
        out.write(0x85);
        out.write('R');
        put(set);
    }

    private void saveItems(Map<?, ?> map) {
        List<Object> flat = new ArrayList<>();
        map.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        batched(flat, 'u', 2);
    }

    /** Items in MARK ... APPENDS/SETITEMS groups of up to 1000, as Python's pickler batches them. */
    private void batched(List<Object> items, int opcode, int stride) {
        for (int start = 0; start < items.size(); start += BATCH * stride) {
            out.write('(');
            for (int i = start; i < Math.min(items.size(), start + BATCH * stride); i++) {
                save(items.get(i));
            }
            out.write(opcode);
        }
    }

    private void emptyOrderedDict() {
        global("collections", "OrderedDict");
        out.write(')');
        out.write('R');
    }

    private void global(String module, String name) {
        String key = module + "\n" + name + "\n";
        Integer index = globals.get(key);
        if (index != null) {
            get(index);
            return;
        }
        out.write('c');
        out.writeBytes(key.getBytes(StandardCharsets.UTF_8));
        globals.put(key, memoSize);
        binput(memoSize++);
    }

    private void put(Object value) {
        memo.put(value, memoSize);
        binput(memoSize++);
    }

    private void binput(int index) {
        if (index < 256) {
            out.write('q');
            out.write(index);
        } else {
            out.write('r');
            writeLittle(index, 4);
        }
    }

    private void get(int index) {
        if (index < 256) {
            out.write('h');
            out.write(index);
        } else {
            out.write('j');
            writeLittle(index, 4);
        }
    }

    private void writeLittle(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }

    private static List<Long> boxed(int[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add((long) v);
        }
        return out;
    }
}
