package org.torchglot.bindings;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.torchglot.engine.io.OrderedDict;
import org.torchglot.engine.io.SafeTensors;
import org.torchglot.engine.io.Tuple;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.save}/{@code torch.load} and safetensors for guest scripts: each path is resolved against the
 * context's working directory and checked against its sandbox before the engine touches the file with java.nio.
 * Sandboxed, a script may write only below its working directory and its writable directories, and read
 * there and in its readable directories; with host access allowed, any path goes.
 *
 * <p>One instance per context, bound as the polyglot symbol {@value #BINDING} (Python:
 * {@code polyglot.import_value("torchglot.files")}; a Truffle language: {@code env.importSymbol(...)}). Guests
 * cannot construct one, so they cannot choose another directory.
 */
public final class GuestFiles {
    /** The polyglot binding name of a context's instance. */
    public static final String BINDING = "torchglot.files";

    private final Path workingDirectory;
    private final List<Path> readableDirectories;
    private final List<Path> writableDirectories;
    private final boolean unrestricted;
    private final boolean noFiles;

    GuestFiles(Path workingDirectory, List<Path> readableDirectories, boolean unrestricted) {
        this(workingDirectory, readableDirectories, List.of(), unrestricted, false);
    }

    private GuestFiles(Path workingDirectory, List<Path> readableDirectories, List<Path> writableDirectories,
            boolean unrestricted, boolean noFiles) {
        this.workingDirectory = SandboxFileSystem.realPath(workingDirectory);
        this.writableDirectories = Stream.concat(Stream.of(workingDirectory), writableDirectories.stream())
                .map(SandboxFileSystem::realPath).toList();
        this.readableDirectories = Stream.concat(this.writableDirectories.stream(),
                readableDirectories.stream().map(SandboxFileSystem::realPath)).toList();
        this.unrestricted = unrestricted;
        this.noFiles = noFiles;
    }

    static GuestFiles of(ContextSettings settings) {
        return new GuestFiles(settings.workingDirectory(), settings.readableDirectories(), settings.writableDirectories(),
                settings.allowHostAccess(), !settings.fileAccess());
    }

    /** {@code torch.save(obj, path)}: the engine value {@code obj} in PyTorch's format, written atomically. */
    public void save(Object obj, String path) {
        TorchIO.save(obj, writable(path));
    }

    /** {@code torch.load(path)}: the saved value and notes about dtype conversions. */
    public TorchIO.Loaded load(String path) {
        return TorchIO.read(readable(path));
    }

    /** The bytes of a {@code torch.save} file, for file-like objects the guest writes itself. */
    public byte[] saveToBytes(Object obj) {
        return TorchIO.toBytes(obj, "archive");
    }

    /** Loads from the bytes of a {@code torch.save} file the guest read itself. */
    public TorchIO.Loaded loadFromBytes(byte[] file) {
        return TorchIO.fromBytes(file, "<bytes>");
    }

    public void saveSafetensors(Map<String, Tensor> tensors, Map<String, String> metadata, String path) {
        SafeTensors.save(tensors, metadata == null ? Map.of() : metadata, writable(path));
    }

    public SafeTensors.Contents loadSafetensors(String path) {
        return SafeTensors.read(readable(path));
    }

    // ---- value conversion for the guests' packages (host collection classes are closed to them) ----

    /** A Python {@code OrderedDict} to save: the guest's dict, copied in order. */
    public OrderedDict newOrderedDict(Map<Object, Object> entries) {
        return new OrderedDict(entries);
    }

    /** A Python tuple to save. */
    public Tuple newTuple(List<Object> items) {
        return Tuple.copyOf(items);
    }

    /** A Python set to save. */
    public Set<Object> newSet(List<Object> items) {
        return new LinkedHashSet<>(items);
    }

    /**
     * What a loaded value is, so a guest can rebuild its own type: {@code tensor}, {@code ordered_dict},
     * {@code dict}, {@code tuple}, {@code list}, {@code set}, or {@code value} (None, bool, int, float, str).
     */
    public String kindOf(Object value) {
        return switch (value) {
            case Tensor ignored -> "tensor";
            case OrderedDict ignored -> "ordered_dict";
            case Map<?, ?> ignored -> "dict";
            case Tuple ignored -> "tuple";
            case List<?> ignored -> "list";
            case Set<?> ignored -> "set";
            case null, default -> "value";
        };
    }

    /** The entries of a loaded dict as (key, value) tuples, in order. */
    public List<Tuple> items(Map<?, ?> map) {
        return map.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList();
    }

    /** The items of a loaded list, tuple or set, in order. */
    public List<Object> elements(java.util.Collection<?> items) {
        return new java.util.ArrayList<>(items);
    }

    /**
     * The path a guest may write, with symbolic links resolved, so the file written is the file checked.
     *
     * @throws SecurityException if the sandbox does not allow it
     */
    Path writable(String path) {
        Path real = SandboxFileSystem.realPath(resolve(path));
        if (noFiles || !unrestricted && writableDirectories.stream().noneMatch(real::startsWith)) {
            throw denied(path, "write");
        }
        return real;
    }

    /**
     * The path a guest may read, with symbolic links resolved.
     *
     * @throws SecurityException if the sandbox does not allow it
     */
    Path readable(String path) {
        Path real = SandboxFileSystem.realPath(resolve(path));
        if (noFiles || !unrestricted && readableDirectories.stream().noneMatch(real::startsWith)) {
            throw denied(path, "read");
        }
        return real;
    }

    private SecurityException denied(String path, String access) {
        if (noFiles) {
            return new SecurityException("Permission denied: '" + path + "' (this sandbox gives scripts no file access)");
        }
        return new SecurityException("Permission denied: '" + path + "' is outside the working directory "
                + workingDirectory + " (the sandbox lets scripts " + access + " files only there and in directories"
                + " granted with --allow-" + access + ")");
    }

    private Path resolve(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a file path is required");
        }
        return workingDirectory.resolve(path).normalize();
    }

    @Override
    public String toString() {
        return "GuestFiles[" + workingDirectory + (unrestricted ? ", unrestricted]" : "]");
    }
}
