package org.torchglot.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header ({@code {"name": {"dtype": "F32",
 * "shape": [2, 3], "data_offsets": [begin, end]}, "__metadata__": {...}}}, padded with spaces to 8 bytes), then
 * the tensors' raw little-endian bytes. Reading checks the header as the reference implementation does: offsets
 * must tile the data exactly, sizes must match shapes, and nothing may point outside the file.
 *
 * <p>Writes F32, F64, I64 and BOOL; also reads I32, I16, I8, U8 (as int64) and F16, BF16 (as float32).
 */
@HostFileAccess
public final class SafeTensors {
    /** The reference implementation's limit on the header size. */
    static final long MAX_HEADER = 100_000_000L;
    private static final String METADATA = "__metadata__";

    /** A file's tensors (in header order), its {@code __metadata__}, and notes about dtype conversions. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata, List<String> notes) {
    }

    private record Slot(String name, ElementType type, int[] shape, long begin, long end) {
    }

    private SafeTensors() {
    }

    /** Saves tensors atomically (each as a contiguous copy) with no metadata. */
    public static void save(Map<String, Tensor> tensors, Path path) {
        save(tensors, Map.of(), path);
    }

    /** Saves tensors and string metadata atomically. */
    public static void save(Map<String, Tensor> tensors, Map<String, String> metadata, Path path) {
        List<Map.Entry<String, Tensor>> ordered = ordered(tensors);
        byte[] header = header(ordered, metadata);
        try {
            AtomicFile.write(path, out -> write(out, header, ordered));
        } catch (IOException e) {
            throw FileErrors.unwritable(path.toString(), e);
        }
    }

    /** The bytes of a safetensors file holding {@code tensors} and {@code metadata}. */
    public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, Tensor>> ordered = ordered(tensors);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, header(ordered, metadata), ordered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The tensors of a safetensors file, in header order. */
    public static Map<String, Tensor> load(Path path) {
        return read(path).tensors();
    }

    public static Contents read(Path path) {
        return fromBytes(TorchIO.readFile(path), path.toString());
    }

    /** Reads a safetensors file from its bytes; {@code source} names it in errors. */
    public static Contents fromBytes(byte[] file, String source) {
        if (file.length < 8) {
            throw FileErrors.corrupt(source, "too short for a safetensors file (" + file.length + " bytes)");
        }
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER) {
            throw FileErrors.corrupt(source, "the safetensors header length " + Long.toUnsignedString(headerLength)
                    + " is impossible (not a safetensors file?)");
        }
        if (8 + headerLength > file.length) {
            throw FileErrors.corrupt(source, "the safetensors header of " + headerLength + " bytes runs past the end of "
                    + "the file (truncated)");
        }
        Map<String, Object> header = parseHeader(file, (int) headerLength, source);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                readMetadata(e.getValue(), metadata, source);
            } else {
                slots.add(slot(e.getKey(), e.getValue(), source));
            }
        }
        int dataStart = 8 + (int) headerLength;
        checkTiling(slots, file.length - dataStart, source);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Slot s : slots) {
            int numel = (int) ((s.end - s.begin) / s.type.bytes);
            tensors.put(s.name, Tensor.of(s.type.decode(file, dataStart + (int) s.begin, numel, ByteOrder.LITTLE_ENDIAN),
                    s.shape));
            if (s.type.converts()) {
                String note = s.type.safetensorsCode + " tensors were loaded as " + s.type.loadsAs.pythonName()
                        + " (torchglot has no " + s.type.pythonName + ")";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return new Contents(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata),
                Collections.unmodifiableList(notes));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseHeader(byte[] file, int length, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, 8, length)).toString();
        } catch (CharacterCodingException e) {
            throw FileErrors.corrupt(source, "the safetensors header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw FileErrors.corrupt(source, "the safetensors header does not start with '{'");
        }
        try {
            Object parsed = Json.parse(text);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (Json.SyntaxError e) {
            throw FileErrors.corrupt(source, "the safetensors header is not valid JSON: " + e.getMessage());
        }
        throw FileErrors.corrupt(source, "the safetensors header is not a JSON object");
    }

    private static void readMetadata(Object value, Map<String, String> out, String source) {
        if (!(value instanceof Map<?, ?> map)) {
            throw FileErrors.corrupt(source, "__metadata__ is not an object of strings");
        }
        map.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw FileErrors.corrupt(source, "__metadata__ value of \"" + k + "\" is not a string");
            }
            out.put((String) k, s);
        });
    }

    private static Slot slot(String name, Object value, String source) {
        if (!(value instanceof Map<?, ?> entry) || !(entry.get("dtype") instanceof String code)
                || !(entry.get("shape") instanceof List<?> shapeList)
                || !(entry.get("data_offsets") instanceof List<?> offsets) || offsets.size() != 2
                || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
            throw FileErrors.corrupt(source, "tensor \"" + name + "\" needs dtype, shape and data_offsets [begin, end]");
        }
        ElementType type = ElementType.bySafetensorsCode(code).orElseThrow(() -> FileErrors.corrupt(source,
                "tensor \"" + name + "\" has dtype " + code + ", which torchglot does not read"));
        int[] shape = new int[shapeList.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long dim) || dim < 0 || dim > Integer.MAX_VALUE) {
                throw FileErrors.corrupt(source, "tensor \"" + name + "\" has an invalid shape " + shapeList);
            }
            shape[i] = dim.intValue();
            numel *= dim;
            if (numel > Integer.MAX_VALUE) {
                throw FileErrors.corrupt(source, "tensor \"" + name + "\" of shape " + shapeList + " is too large");
            }
        }
        if (begin < 0 || end < begin || end - begin != numel * type.bytes) {
            throw FileErrors.corrupt(source, "tensor \"" + name + "\" has data_offsets [" + begin + ", " + end
                    + "], but a " + code + " tensor of shape " + shapeList + " needs " + numel * type.bytes + " bytes");
        }
        return new Slot(name, type, shape, begin, end);
    }

    /** The reference implementation's rule: the tensors' byte ranges tile the data with no gap or overlap. */
    private static void checkTiling(List<Slot> slots, long dataLength, String source) {
        List<Slot> byBegin = new ArrayList<>(slots);
        byBegin.sort(Comparator.comparingLong(Slot::begin).thenComparingLong(Slot::end));
        long expected = 0;
        for (Slot s : byBegin) {
            if (s.begin != expected) {
                throw FileErrors.corrupt(source, "tensor \"" + s.name + "\" starts at byte " + s.begin + " of the data, "
                        + "expected " + expected + " (offsets overlap or leave a gap)");
            }
            expected = s.end;
        }
        if (expected != dataLength) {
            throw FileErrors.corrupt(source, "the header describes " + expected + " bytes of tensor data, but the file "
                    + "holds " + dataLength + (expected > dataLength ? " (truncated)" : ""));
        }
    }

    /** Largest elements first, then by name, as the reference writer orders them, so every tensor stays aligned. */
    private static List<Map.Entry<String, Tensor>> ordered(Map<String, Tensor> tensors) {
        List<Map.Entry<String, Tensor>> out = new ArrayList<>(tensors.entrySet());
        for (Map.Entry<String, Tensor> e : out) {
            if (e.getKey() == null || e.getKey().equals(METADATA) || e.getValue() == null) {
                throw TorchException.value("safetensors cannot save the entry \"" + e.getKey() + "\"");
            }
        }
        out.sort(Comparator.<Map.Entry<String, Tensor>>comparingInt(e -> -ElementType.of(e.getValue().dtype()).bytes)
                .thenComparing(Map.Entry::getKey));
        return out;
    }

    private static byte[] header(List<Map.Entry<String, Tensor>> tensors, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append(Json.quote(METADATA)).append(":{");
            List<String> fields = new ArrayList<>();
            metadata.forEach((k, v) -> fields.add(Json.quote(k) + ":" + Json.quote(v)));
            json.append(String.join(",", fields)).append("},");
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors) {
            Tensor t = e.getValue();
            ElementType type = ElementType.of(t.dtype());
            long size = (long) t.numel() * type.bytes;
            json.append(Json.quote(e.getKey())).append(":{\"dtype\":\"").append(type.safetensorsCode)
                    .append("\",\"shape\":").append(java.util.Arrays.toString(t.shapeRef()).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(offset + size).append("]},");
            offset += size;
        }
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        json.append('}');
        while (json.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) {
            json.append(' ');
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, byte[] header, List<Map.Entry<String, Tensor>> tensors) throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.write(header);
        for (Map.Entry<String, Tensor> e : tensors) {
            Tensor t = e.getValue();
            boolean packed = t.isContiguous() && t.storageOffset() == 0 && t.storage().size() == t.numel();
            ElementType.encode((packed ? t : t.contiguousCopy()).storage(), out);
        }
    }
}
