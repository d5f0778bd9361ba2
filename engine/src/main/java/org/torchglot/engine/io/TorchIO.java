package org.torchglot.engine.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.save} and {@code torch.load} in PyTorch's own file format (the zip archive of PyTorch 1.6 and
 * later): {@code <name>/data.pkl}, the object pickled with protocol 2 and tensors' storages as persistent ids,
 * {@code <name>/data/<key>} with each storage's raw little-endian bytes on a 64-byte boundary, and
 * {@code <name>/version} ({@code 3}). Files saved here load in PyTorch and the other way round.
 *
 * <p>Values map as follows, both ways: {@link org.torchglot.engine.tensor.Tensor} (a view keeps its storage,
 * offset and strides, as PyTorch saves it, and views of one storage share it again after loading);
 * {@link org.torchglot.engine.nn.Parameter}; {@link OrderedDict}; any other {@link Map} is a dict (loaded as a
 * {@link java.util.LinkedHashMap}); {@link Tuple}; any other {@link List} is a list (loaded as an
 * {@link ArrayList}); {@link java.util.Set}; {@link Long} (and smaller integers); {@link Double} (and
 * {@link Float}); {@link String}; {@link Boolean}; {@code null}.
 *
 * <pre>{@code
 * TorchIO.save(new OrderedDict(model.stateDict()), Path.of("model.pt"));
 * Map<?, ?> state = (Map<?, ?>) TorchIO.load(Path.of("model.pt"));
 * }</pre>
 */
@HostFileAccess
public final class TorchIO {
    /** PyTorch's serialization format version, which 1.13 writes. */
    static final String FORMAT_VERSION = "3";

    /** A loaded value and notes about conversions made while loading it (e.g. int32 loaded as int64). */
    public record Loaded(Object value, List<String> notes) {
    }

    private TorchIO() {
    }

    /** Saves {@code obj} to {@code path} atomically, as {@code torch.save(obj, path)} would. */
    public static void save(Object obj, Path path) {
        String archive = archiveName(path);
        PickleWriter pickler = new PickleWriter();
        byte[] pickle = pickler.dump(obj);
        try {
            AtomicFile.write(path, out -> writeArchive(out, archive, pickle, pickler.storages()));
        } catch (IOException e) {
            throw FileErrors.unwritable(path.toString(), e);
        }
    }

    /** The bytes {@code torch.save} would write for {@code obj} into a file whose name has stem {@code archiveName}. */
    public static byte[] toBytes(Object obj, String archiveName) {
        PickleWriter pickler = new PickleWriter();
        byte[] pickle = pickler.dump(obj);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeArchive(out, archiveName, pickle, pickler.storages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Loads the value saved in {@code path}, as {@code torch.load(path, weights_only=True)} would. */
    public static Object load(Path path) {
        return read(path).value();
    }

    /** Loads the value saved in {@code path} with notes about dtype conversions. */
    public static Loaded read(Path path) {
        return fromBytes(readFile(path), path.toString());
    }

    /** Loads a value from the bytes of a {@code torch.save} file; {@code source} names it in errors. */
    public static Loaded fromBytes(byte[] file, String source) {
        ZipArchiveReader zip = new ZipArchiveReader(file, source);
        String prefix = archivePrefix(zip, source);
        if (!zip.has(prefix + "data.pkl") && zip.has(prefix + "constants.pkl")) {
            throw FileErrors.corrupt(source, "this is a TorchScript archive (torch.jit.save), not a torch.save file");
        }
        checkVersion(zip, prefix, source);
        ByteOrder order = byteOrder(zip, prefix, source);
        List<String> notes = new ArrayList<>();
        Map<String, ElementType> types = new HashMap<>();
        Map<String, Storage> cache = new HashMap<>();
        PickleReader.StorageLoader storages = (key, type, numel) -> {
            ElementType seen = types.putIfAbsent(key, type);
            if (seen != null && seen != type) {
                throw FileErrors.corrupt(source, "storage " + key + " is referenced both as " + seen.pythonName
                        + " and as " + type.pythonName);
            }
            return cache.computeIfAbsent(key, k -> loadStorage(zip, prefix + "data/" + k, type, numel, order, source, notes));
        };
        ZipArchiveReader.Record pickle = zip.record(prefix + "data.pkl");
        Object value = new PickleReader(pickle.file(), pickle.offset(), pickle.length(), source, storages).read();
        LoadBudget.check(value, source);
        return new Loaded(value, Collections.unmodifiableList(notes));
    }

    private static Storage loadStorage(ZipArchiveReader zip, String name, ElementType type, long numel, ByteOrder order,
            String source, List<String> notes) {
        ZipArchiveReader.Record record = zip.record(name);
        if (numel > Integer.MAX_VALUE || numel * type.bytes != record.length()) {
            throw FileErrors.corrupt(source, "record " + name + " holds " + record.length() + " bytes, but its "
                    + type.pythonName + " storage needs " + numel * type.bytes + " (" + numel + " elements)");
        }
        if (type.converts()) {
            String note = type.pythonName + " tensors were loaded as " + type.loadsAs.pythonName()
                    + " (torchglot has no " + type.pythonName + ")";
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return type.decode(record.file(), record.offset(), (int) numel, order);
    }

    private static String archivePrefix(ZipArchiveReader zip, String source) {
        for (String name : zip.names()) {
            int slash = name.indexOf('/');
            if (slash > 0) {
                return name.substring(0, slash + 1);
            }
        }
        throw FileErrors.corrupt(source, "the archive holds no torch.save records (missing data.pkl)");
    }

    private static void checkVersion(ZipArchiveReader zip, String prefix, String source) {
        String text = new String(zip.record(prefix + "version").copy(), StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9]{1,3}")) {
            throw FileErrors.corrupt(source, "record " + prefix + "version holds '" + text + "', not a format version");
        }
    }

    /** PyTorch 2.1 and later record the byte order; 1.13 writes none and means little-endian. */
    private static ByteOrder byteOrder(ZipArchiveReader zip, String prefix, String source) {
        if (!zip.has(prefix + "byteorder")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(zip.record(prefix + "byteorder").copy(), StandardCharsets.US_ASCII).strip();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw FileErrors.corrupt(source, "unknown byte order '" + text + "'");
        };
    }

    private static void writeArchive(OutputStream out, String archive, byte[] pickle, Map<String, Storage> storages)
            throws IOException {
        ZipArchiveWriter zip = new ZipArchiveWriter(out, archive);
        zip.writeRecord("data.pkl", pickle);
        // NOTE: PyTorch writes the storages in sorted order of their string keys ("10" before "2").
        for (Map.Entry<String, Storage> e : new TreeMap<>(storages).entrySet()) {
            zip.writeRecord("data/" + e.getKey(), sink -> ElementType.encode(e.getValue(), sink));
        }
        zip.writeRecord("version", (FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    /** PyTorch's archive name: the file name without its last extension ("model.pt" gives "model"). */
    static String archiveName(Path path) {
        Path file = path.getFileName();
        String name = file == null ? "" : file.toString();
        int dot = name.lastIndexOf('.');
        String stem = dot >= 0 ? name.substring(0, dot) : name;
        return stem.isEmpty() ? "archive" : stem;
    }

    static byte[] readFile(Path path) {
        try {
            long size = Files.size(path);
            if (size > Integer.MAX_VALUE - 8) {
                throw TorchException.runtime("cannot load " + path + ": files over 2 GB are not supported yet");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw FileErrors.unreadable(path.toString(), e);
        }
    }
}
