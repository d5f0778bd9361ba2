package org.torchglot.bindings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
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
import java.util.stream.Stream;

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
     * {@code dict}, {@code tuple}, {@code list}, {@code set}, {@code none}, or {@code value} (bool, int, float, str).
     */
    public String kindOf(Object value) {
        return switch (value) {
            case Tensor ignored -> "tensor";
            case OrderedDict ignored -> "ordered_dict";
            case Map<?, ?> ignored -> "dict";
            case Tuple ignored -> "tuple";
            case List<?> ignored -> "list";
            case Set<?> ignored -> "set";
            case null -> "none";
            default -> "value";
        };
    }

    /**
     * A loaded value as the list of its distinct objects, the value itself first, so that a guest rebuilding it keeps
     * shared references shared (as PyTorch's unpickler does) instead of copying them once per reference. Entry {@code i}
     * is ({@link #kindOf kind}, payload): a container's payload lists the entry numbers of its items in order (a dict's
     * key, value, key, value...); any other object's payload is the object.
     */
    public List<Tuple> objectGraph(Object value) {
        Map<Object, Integer> numbers = new IdentityHashMap<>();
        List<Object> objects = new ArrayList<>();
        numbers.put(value, 0);
        objects.add(value);
        List<Tuple> graph = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            Object object = objects.get(i);
            String kind = kindOf(object);
            Collection<?> items = switch (object) {
                case Map<?, ?> map -> map.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toList();
                case Collection<?> collection when !kind.equals("value") -> collection;
                case null, default -> null;
            };
            if (items == null) {
                graph.add(Tuple.of(kind, object));
                continue;
            }
            List<Integer> children = new ArrayList<>(items.size());
            for (Object item : items) {
                children.add(numbers.computeIfAbsent(item, unseen -> {
                    objects.add(unseen);
                    return objects.size() - 1;
                }));
            }
            graph.add(Tuple.of(kind, children));
        }
        return graph;
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
