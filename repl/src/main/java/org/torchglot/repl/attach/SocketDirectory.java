package org.torchglot.repl.attach;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The directory holding the warm server's socket, lock and log. Only its owner may enter it: a
 * socket there can only be reached by the user who runs the scripts, so no one else can hand the
 * server a script or read its output.
 */
final class SocketDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private SocketDirectory() {
    }

    /**
     * Creates the directory (mode 0700) if it is missing and tells whether it is private: a real
     * directory, not a link, owned by this user, with no permissions for anyone else.
     */
    static boolean isPrivate(Path directory) {
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // checked below, as a directory made by anyone else would be
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        try {
            PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Path probe = Files.createTempFile(directory, "owner", ".probe");
            try {
                return attributes.isDirectory()
                        && attributes.owner().equals(Files.getOwner(probe))
                        && attributes.permissions().equals(OWNER_ONLY);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
