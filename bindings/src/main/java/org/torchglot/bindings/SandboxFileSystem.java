package org.torchglot.bindings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system a sandboxed script sees: its working directory read-write, a few directories
 * read-only (our guest packages, the script's own directory), the languages' own homes, and
 * nothing else.
 */
final class SandboxFileSystem {

    private SandboxFileSystem() {
    }

    /**
     * Creates the sandbox file system.
     *
     * @param writableRoots readable and writable, with everything below them (the working directory
     *     and {@code --allow-write} directories; none in the strict profile)
     * @param readOnlyRoots readable, with everything below them
     */
    static FileSystem create(List<Path> writableRoots, List<Path> readOnlyRoots) {
        List<Path> writable = writableRoots.stream().map(SandboxFileSystem::realPath).toList();
        List<Path> readable = readOnlyRoots.stream().map(SandboxFileSystem::realPath).toList();
        // NOTE: relative paths are resolved by the languages against the current directory first.
        Path current = writable.isEmpty() ? Path.of("").toAbsolutePath() : writable.getLast();
        FileSystem readWrite = FileSystem.newDefaultFileSystem();
        FileSystem readOnly = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
        FileSystem composite = FileSystem.newCompositeFileSystem(
                FileSystem.newDenyIOFileSystem(),
                FileSystem.Selector.of(readWrite, path -> isBelowAny(path, writable, current)),
                FileSystem.Selector.of(readOnly, path -> isBelowAny(path, readable, current)));
        // NOTE: GraalPy reads its standard library from the python-resources internal resource,
        // unpacked outside the roots (~/.cache/org.graalvm.polyglot).
        return FileSystem.allowInternalResourceAccess(composite);
    }

    private static boolean isBelowAny(Path path, List<Path> roots, Path workingDirectory) {
        return roots.stream().anyMatch(root -> isBelow(path, root, workingDirectory));
    }

    private static boolean isBelow(Path path, Path root, Path workingDirectory) {
        Path absolute = path.isAbsolute() ? path : workingDirectory.resolve(path);
        // NOTE: resolving symbolic links keeps a link inside the working directory from
        // pointing the script at a file outside it.
        return realPath(absolute).startsWith(root);
    }

    static Path realPath(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!Files.exists(normalized)) {
            Path parent = normalized.getParent();
            return parent == null ? normalized : realPath(parent).resolve(normalized.getFileName());
        }
        try {
            return normalized.toRealPath();
        } catch (IOException e) {
            return normalized;
        }
    }
}
