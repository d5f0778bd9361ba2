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
     * @param workingDirectory readable and writable, with everything below it
     * @param readOnlyRoots readable, with everything below them
     */
    static FileSystem create(Path workingDirectory, List<Path> readOnlyRoots) {
        return create(workingDirectory, readOnlyRoots, true);
    }

    /**
     * Creates the sandbox file system; without {@code writableWorkingDirectory} (the strict
     * profile) the working directory is neither readable nor writable.
     */
    static FileSystem create(Path workingDirectory, List<Path> readOnlyRoots, boolean writableWorkingDirectory) {
        Path writable = realPath(workingDirectory);
        List<Path> readable = readOnlyRoots.stream().map(SandboxFileSystem::realPath).toList();
        FileSystem readWrite = FileSystem.newDefaultFileSystem();
        FileSystem readOnly = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
        FileSystem composite = FileSystem.newCompositeFileSystem(
                FileSystem.newDenyIOFileSystem(),
                FileSystem.Selector.of(readWrite, path -> writableWorkingDirectory && isBelow(path, writable, writable)),
                FileSystem.Selector.of(readOnly, path -> readable.stream().anyMatch(root -> isBelow(path, root, writable))));
        // NOTE: GraalPy reads its standard library from the python-resources internal resource,
        // unpacked outside the roots (~/.cache/org.graalvm.polyglot).
        return FileSystem.allowInternalResourceAccess(composite);
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
