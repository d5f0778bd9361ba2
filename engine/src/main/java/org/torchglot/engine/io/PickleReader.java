package org.torchglot.engine.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * A restricted unpickler: a small pickle virtual machine over the opcodes of protocols 2 to 4 that builds only
 * plain values (None, bools, ints, floats, strings, lists, tuples, dicts, sets), {@code collections.OrderedDict},
 * and tensors through {@code torch._utils._rebuild_tensor_v2} / {@code _rebuild_parameter}. Any other global is
 * refused by name, as {@code torch.load(weights_only=True)} does, and nothing from the file is ever executed.
 *
 * <p>Ints load as {@link Long}, floats as {@link Double}, lists as {@link ArrayList}, tuples as {@link Tuple},
 * dicts as {@link LinkedHashMap}, OrderedDicts as {@link OrderedDict}, sets as {@link LinkedHashSet}.
 */
final class PickleReader {
    /** Supplies the storage behind a persistent id {@code ('storage', type, key, location, numel)}. */
    interface StorageLoader {
        Storage load(String key, ElementType type, long numel);
    }

    /** A storage as the pickle refers to it: its engine data and the type the file stored. */
    private record LoadedStorage(Storage storage, ElementType type) {
    }

    /** A callable global the VM knows; everything else is refused. */
    private enum Callable { ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER, SET, FROZENSET, SIZE }

    /** A storage class such as {@code torch.FloatStorage}, which appears only inside persistent ids. */
    private record StorageClass(ElementType type) {
    }

    private static final Map<Integer, String> REFUSED_OPCODES = Map.ofEntries(
            Map.entry((int) 'i', "INST"), Map.entry((int) 'o', "OBJ"), Map.entry(0x81, "NEWOBJ"),
            Map.entry(0x92, "NEWOBJ_EX"), Map.entry(0x82, "EXT1"), Map.entry(0x83, "EXT2"), Map.entry(0x84, "EXT4"),
            Map.entry((int) 'P', "PERSID"), Map.entry((int) 'I', "INT"), Map.entry((int) 'F', "FLOAT"),
            Map.entry((int) 'L', "LONG"), Map.entry((int) 'S', "STRING"), Map.entry((int) 'V', "UNICODE"),
            Map.entry((int) 'p', "PUT"), Map.entry((int) 'g', "GET"), Map.entry((int) 'l', "LIST"),
            Map.entry((int) 'd', "DICT"), Map.entry((int) 'B', "BINBYTES"), Map.entry((int) 'C', "SHORT_BINBYTES"),
            Map.entry(0x8e, "BINBYTES8"), Map.entry(0x96, "BYTEARRAY8"), Map.entry(0x97, "NEXT_BUFFER"),
            Map.entry(0x98, "READONLY_BUFFER"));

    private final byte[] data;
    private final int start;
    private final int end;
    private final String source;
    private final StorageLoader storages;
    private int pos;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    PickleReader(byte[] data, int offset, int length, String source, StorageLoader storages) {
        this.data = data;
        this.pos = offset;
        this.start = offset;
        this.end = offset + length;
        this.source = source;
        this.storages = storages;
    }

    /** Runs the pickle to its STOP opcode and returns the value it built. */
    Object read() {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
                case 0x80 -> {
                    int protocol = u8();
                    if (protocol > 5) {
                        throw corrupt("unsupported pickle protocol " + protocol);
                    }
                }
                case 0x95 -> bytes(8);
                case '.' -> {
                    if (stack.isEmpty() || !marks.isEmpty()) {
                        throw corrupt("the pickle stops with an unbalanced stack");
                    }
                    return stack.get(stack.size() - 1);
                }
                case '(' -> marks.push(stack.size());
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(peek());
                case 'c' -> push(global(line(), line()));
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw corrupt("STACK_GLOBAL needs two strings");
                    }
                    push(global(m, n));
                }
                case 'q' -> memo.put((long) u8(), peek());
                case 'r' -> memo.put(u32(), peek());
                case 0x94 -> memo.put((long) memo.size(), peek());
                case 'h' -> push(memoGet(u8()));
                case 'j' -> push(memoGet(u32()));
                case 'N' -> push(null);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) (int) u32());
                case 'K' -> push((long) u8());
                case 'M' -> push((long) (u8() | u8() << 8));
                case 0x8a -> push(longBytes(u8()));
                case 0x8b -> push(longBytes(length(u32())));
                case 'G' -> push(ByteBuffer.wrap(bytes(8)).getDouble());
                case 'X' -> push(utf8(length(u32())));
                case 0x8c -> push(utf8(u8()));
                case 0x8d -> push(utf8(length(u64())));
                case 'T' -> push(latin1(length(u32())));
                case 'U' -> push(latin1(u8()));
                case ')' -> push(Tuple.of());
                case 't' -> push(Tuple.copyOf(popMark()));
                case 0x85 -> push(Tuple.of(pop()));
                case 0x86 -> {
                    Object b = pop();
                    push(Tuple.of(pop(), b));
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    push(Tuple.of(pop(), b, c));
                }
                case ']' -> push(new ArrayList<>());
                case 'a' -> {
                    Object item = pop();
                    list(peek(), "APPEND").add(item);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(peek(), "APPENDS").addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>());
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    put(peek(), key, value);
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw corrupt("SETITEMS with an odd number of items");
                    }
                    Object target = peek();
                    for (int i = 0; i < items.size(); i += 2) {
                        put(target, items.get(i), items.get(i + 1));
                    }
                }
                case 0x8f -> push(new LinkedHashSet<>());
                case 0x90 -> {
                    List<Object> items = popMark();
                    if (!(peek() instanceof LinkedHashSet<?>)) {
                        throw corrupt("ADDITEMS on something that is not a set");
                    }
                    for (Object item : items) {
                        addToSet(peek(), item);
                    }
                }
                case 0x91 -> push(frozenSet(popMark()));
                case 'Q' -> push(persistentLoad(pop()));
                case 'R' -> {
                    Object args = pop();
                    push(call(pop(), args));
                }
                case 'b' -> build(pop(), peek());
                default -> throw corrupt("unsupported pickle opcode " + opcodeName(op) + " at byte " + (at - start));
            }
        }
    }

    // ---- globals and calls ----------------------------------------------------------------------

    private Object global(String module, String name) {
        switch (module + "." + name) {
            case "collections.OrderedDict" -> {
                return Callable.ORDERED_DICT;
            }
            case "torch._utils._rebuild_tensor_v2" -> {
                return Callable.REBUILD_TENSOR;
            }
            case "torch._utils._rebuild_parameter" -> {
                return Callable.REBUILD_PARAMETER;
            }
            case "builtins.set", "__builtin__.set" -> {
                return Callable.SET;
            }
            case "builtins.frozenset", "__builtin__.frozenset" -> {
                return Callable.FROZENSET;
            }
            case "torch.Size" -> {
                return Callable.SIZE;
            }
            default -> {
                if (module.equals("torch")) {
                    var type = ElementType.byStorageClass(name);
                    if (type.isPresent()) {
                        return new StorageClass(type.get());
                    }
                }
                throw FileErrors.corrupt(source, "Unsupported global: GLOBAL " + module + "." + name
                        + " was not an allowed global. torchglot loads only tensors, numbers, strings, None, bools, "
                        + "lists, tuples, dicts, OrderedDicts and sets, and never runs code from a file.");
            }
        }
    }

    private Object call(Object callable, Object args) {
        if (!(args instanceof Tuple tuple)) {
            throw corrupt("REDUCE needs a tuple of arguments");
        }
        if (!(callable instanceof Callable c)) {
            throw corrupt("REDUCE on " + describe(callable) + ", which cannot be called");
        }
        return switch (c) {
            case ORDERED_DICT -> orderedDict(tuple);
            case REBUILD_TENSOR -> rebuildTensor(tuple);
            case REBUILD_PARAMETER -> rebuildParameter(tuple);
            case SET -> {
                Set<Object> out = new LinkedHashSet<>();
                for (Object item : iterableArgument(tuple, "set")) {
                    addToSet(out, item);
                }
                yield out;
            }
            case FROZENSET -> frozenSet(iterableArgument(tuple, "frozenset"));
            case SIZE -> Tuple.copyOf(iterableArgument(tuple, "torch.Size"));
        };
    }

    private OrderedDict orderedDict(Tuple args) {
        OrderedDict out = new OrderedDict();
        if (args.isEmpty()) {
            return out;
        }
        for (Object pair : iterableArgument(args, "OrderedDict")) {
            if (!(pair instanceof List<?> kv) || kv.size() != 2) {
                throw corrupt("OrderedDict needs (key, value) pairs");
            }
            put(out, kv.get(0), kv.get(1));
        }
        return out;
    }

    private List<?> iterableArgument(Tuple args, String what) {
        if (args.isEmpty()) {
            return List.of();
        }
        if (args.size() != 1 || !(args.get(0) instanceof List<?> items)) {
            throw corrupt(what + "() needs one list or tuple argument");
        }
        return items;
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    private Tensor rebuildTensor(Tuple args) {
        if (args.size() < 6 || args.size() > 7 || !(args.get(0) instanceof LoadedStorage storage)) {
            throw corrupt("_rebuild_tensor_v2 needs (storage, offset, size, stride, requires_grad, hooks)");
        }
        int offset = intArgument(args.get(1), "storage offset");
        int[] size = ints(args.get(2), "size");
        int[] stride = ints(args.get(3), "stride");
        if (size.length != stride.length) {
            throw corrupt("a tensor's size " + args.get(2) + " and stride " + args.get(3) + " differ in length");
        }
        long last = offset;
        long numel = 1;
        for (int i = 0; i < size.length; i++) {
            numel *= size[i];
            last += (long) (size[i] - 1) * stride[i];
            if (numel > Integer.MAX_VALUE || last > Integer.MAX_VALUE) {
                throw corrupt("a tensor of size " + args.get(2) + " is too large");
            }
        }
        if (numel > 0 && last >= storage.storage().size()) {
            throw corrupt("a tensor of size " + args.get(2) + ", stride " + args.get(3) + " and offset " + offset
                    + " reaches past its storage of " + storage.storage().size() + " elements");
        }
        Tensor out = new Tensor(storage.storage(), size, stride, offset);
        if (!(args.get(4) instanceof Boolean requiresGrad)) {
            throw corrupt("requires_grad of a tensor is not a bool");
        }
        if (requiresGrad) {
            if (!storage.type().loadsAs.isFloatingPoint()) {
                throw corrupt("a " + storage.type().pythonName + " tensor cannot require grad");
            }
            out.requiresGrad_(true);
        }
        return out;
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)}. */
    private Parameter rebuildParameter(Tuple args) {
        if (args.size() != 3 || !(args.get(0) instanceof Tensor data) || !(args.get(1) instanceof Boolean requiresGrad)) {
            throw corrupt("_rebuild_parameter needs (tensor, requires_grad, hooks)");
        }
        if (requiresGrad && !data.isFloatingPoint()) {
            throw corrupt("a " + data.dtype().pythonName() + " parameter cannot require grad");
        }
        return new Parameter(data.requiresGrad() ? data.detach() : data, requiresGrad);
    }

    private Object persistentLoad(Object pid) {
        if (!(pid instanceof Tuple t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw corrupt("unknown persistent id " + describe(pid) + " (expected ('storage', type, key, location, numel))");
        }
        if (!(t.get(1) instanceof StorageClass type) || !(t.get(2) instanceof String key) || !(t.get(4) instanceof Long numel)
                || numel < 0) {
            throw corrupt("malformed storage reference " + t);
        }
        return new LoadedStorage(storages.load(key, type.type(), numel), type.type());
    }

    /** BUILD: only a state dict's {@code _metadata} attribute, which torchglot does not keep. */
    private void build(Object state, Object target) {
        if (target instanceof OrderedDict && state instanceof Map<?, ?> attrs && attrs.keySet().equals(Set.of("_metadata"))) {
            return;
        }
        throw corrupt("BUILD (setting the state of " + describe(target) + ") is not supported");
    }

    // ---- containers -----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private List<Object> list(Object target, String opcode) {
        if (target instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw corrupt(opcode + " on " + describe(target) + ", which is not a list");
    }

    @SuppressWarnings("unchecked")
    private void put(Object target, Object key, Object value) {
        if (!(target instanceof LinkedHashMap<?, ?> map)) {
            throw corrupt("SETITEM on " + describe(target) + ", which is not a dict");
        }
        ((Map<Object, Object>) map).put(hashable(key), value);
    }

    @SuppressWarnings("unchecked")
    private void addToSet(Object target, Object item) {
        ((Set<Object>) target).add(hashable(item));
    }

    private Set<Object> frozenSet(List<?> items) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object item : items) {
            out.add(hashable(item));
        }
        return Collections.unmodifiableSet(out);
    }

    private Object hashable(Object key) {
        boolean ok = key == null || key instanceof String || key instanceof Long || key instanceof Double
                || key instanceof Boolean || key instanceof Tensor || key instanceof Tuple;
        if (key instanceof Tuple t) {
            t.forEach(this::hashable);
        }
        if (!ok) {
            throw corrupt("unhashable type: '" + describe(key) + "' used as a dict key or set item");
        }
        return key;
    }

    // ---- stack and memo -------------------------------------------------------------------------

    private void push(Object value) {
        stack.add(value);
    }

    private Object pop() {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw corrupt("the pickle's stack underflows at byte " + (pos - start));
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw corrupt("the pickle's stack underflows at byte " + (pos - start));
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw corrupt("the pickle has no MARK where one is needed, at byte " + (pos - start));
        }
        int mark = marks.pop();
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw corrupt("the pickle refers to memo entry " + index + ", which was never stored");
        }
        return memo.get(index);
    }

    // ---- reading bytes --------------------------------------------------------------------------

    private int u8() {
        if (pos >= end) {
            throw corrupt("the pickle is truncated (it ends before its STOP opcode)");
        }
        return data[pos++] & 0xFF;
    }

    private long u32() {
        return (u8() | u8() << 8 | u8() << 16 | (long) u8() << 24) & 0xFFFFFFFFL;
    }

    private long u64() {
        long low = u32();
        long high = u32();
        if (high != 0) {
            throw corrupt("the pickle holds an impossible length");
        }
        return low;
    }

    private int length(long n) {
        if (n > end - pos) {
            throw corrupt("the pickle is truncated (a value of " + n + " bytes runs past its end)");
        }
        return (int) n;
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[length(n)];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    private String line() {
        int from = pos;
        while (pos < end && data[pos] != '\n') {
            pos++;
        }
        if (pos >= end) {
            throw corrupt("the pickle is truncated inside a GLOBAL name");
        }
        String out = new String(data, from, pos - from, StandardCharsets.UTF_8);
        pos++;
        return out;
    }

    private String utf8(int n) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(n)));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw corrupt("the pickle holds a string that is not valid UTF-8");
        }
    }

    private String latin1(int n) {
        return new String(bytes(n), StandardCharsets.ISO_8859_1);
    }

    /** LONG1/LONG4: a little-endian two's-complement integer, which must fit 64 bits. */
    private Long longBytes(int n) {
        byte[] b = bytes(n);
        if (n > 8) {
            throw corrupt("an integer of " + n + " bytes is too large for torchglot (64-bit integers only)");
        }
        long value = 0;
        for (int i = n - 1; i >= 0; i--) {
            value = value << 8 | (b[i] & 0xFF);
        }
        if (n > 0 && n < 8 && b[n - 1] < 0) {
            value -= 1L << (8 * n);
        }
        return value;
    }

    private int intArgument(Object value, String what) {
        if (!(value instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
            throw corrupt("a tensor's " + what + " is " + describe(value) + ", not a small non-negative int");
        }
        return l.intValue();
    }

    private int[] ints(Object value, String what) {
        if (!(value instanceof Tuple t)) {
            throw corrupt("a tensor's " + what + " is " + describe(value) + ", not a tuple");
        }
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = intArgument(t.get(i), what);
        }
        return out;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Callable c) {
            return c.name();
        }
        if (value instanceof StorageClass s) {
            return "torch." + s.type().storageClass;
        }
        return switch (value) {
            case String ignored -> "str";
            case Long ignored -> "int";
            case Double ignored -> "float";
            case Boolean ignored -> "bool";
            case Tuple ignored -> "tuple";
            case OrderedDict ignored -> "OrderedDict";
            case Map<?, ?> ignored -> "dict";
            case List<?> ignored -> "list";
            case Set<?> ignored -> "set";
            case Tensor ignored -> "Tensor";
            case LoadedStorage ignored -> "a storage";
            default -> value.getClass().getSimpleName();
        };
    }

    private static String opcodeName(int op) {
        String name = REFUSED_OPCODES.get(op);
        String printable = op >= 0x20 && op < 0x7f ? "'" + (char) op + "'" : String.format("0x%02x", op);
        return name == null ? printable : name + " (" + printable + ")";
    }

    private TorchException corrupt(String problem) {
        return FileErrors.corrupt(source, problem);
    }
}
