package org.torchglot.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file atomically: the content goes to a temporary file in the same directory, which is flushed to disk
 * and then renamed over the target. A crash or an error mid-save leaves the old file (or no file) in place, never a
 * truncated one; the temporary file is removed on failure, and one left by a killed process is removed by the next
 * save to the same path.
 */
final class AtomicFile {
    /** Writes the new content of a file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temporary files are {@code .NAME.<hex>.tmp}, hidden beside their target. */
    private static final String TEMPORARY_PREFIX = ".%s.";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,16}");

    private AtomicFile() {
    }

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "Parent directory does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("Is a directory: " + absolute);
        }
        removeStaleTemporaries(absolute);
        Path temporary = directory.resolve(TEMPORARY_PREFIX.formatted(absolute.getFileName())
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMPORARY_SUFFIX);
        boolean done = false;
        try {
            // NOTE: CREATE_NEW (not createTempFile) so the file gets the usual permissions, not 0600.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // NOTE: the lock, held until the rename, tells a later save that this file is being written;
                // the kernel drops it when the process dies, which is what makes a leftover stale.
                channel.lock();
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                done = true;
            }
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
        syncDirectory(directory);
    }

    /**
     * Deletes the temporary files that earlier saves to {@code target} left behind when their process was
     * killed mid-save: files named as {@link #write} names them, that no live save holds locked.
     */
    static void removeStaleTemporaries(Path target) {
        String prefix = TEMPORARY_PREFIX.formatted(target.getFileName());
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(target.getParent(),
                path -> isTemporaryOf(path.getFileName().toString(), prefix))) {
            for (Path candidate : candidates) {
                try {
                    removeIfUnlocked(candidate);
                } catch (IOException e) {
                    // NOTE: not ours to remove after all (permissions); leave it
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // NOTE: cleaning up is a courtesy; the save itself does not depend on it.
        }
    }

    private static boolean isTemporaryOf(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(TEMPORARY_SUFFIX)) {
            return false;
        }
        String hex = name.substring(prefix.length(), name.length() - TEMPORARY_SUFFIX.length());
        return HEX.matcher(hex).matches();
    }

    private static void removeIfUnlocked(Path candidate) throws IOException {
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock != null) {
                Files.deleteIfExists(candidate);
            }
        } catch (OverlappingFileLockException e) {
            // NOTE: a save in this very process is writing it
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux does). */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NOTE: best effort only; the file content itself was already forced to disk.
        }
    }
}
