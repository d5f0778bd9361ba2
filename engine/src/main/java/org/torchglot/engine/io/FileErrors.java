package org.torchglot.engine.io;

import java.io.IOException;
import org.torchglot.engine.tensor.TorchException;

/** The errors of loading and saving, each naming the file and the problem in a user's terms. */
final class FileErrors {
    private FileErrors() {
    }

    /** A file that is truncated, corrupted or not in the expected format. */
    static TorchException corrupt(String source, String problem) {
        return TorchException.runtime("cannot load " + source + ": " + problem);
    }

    /** A file the operating system would not let us read. */
    static TorchException unreadable(String source, IOException cause) {
        return withCause(TorchException.runtime("cannot load " + source + ": " + describe(cause)), cause);
    }

    /** A save that failed; the previous file, if any, is untouched. */
    static TorchException unwritable(String target, IOException cause) {
        return withCause(TorchException.runtime("cannot save to " + target + ": " + describe(cause)), cause);
    }

    private static String describe(IOException e) {
        String kind = switch (e) {
            case java.nio.file.NoSuchFileException ignored -> "No such file or directory";
            case java.nio.file.AccessDeniedException ignored -> "Permission denied";
            case java.nio.file.FileAlreadyExistsException ignored -> "File exists";
            default -> e.getClass().getSimpleName();
        };
        return e.getMessage() == null || e instanceof java.nio.file.FileSystemException ? kind : kind + " (" + e.getMessage() + ")";
    }

    private static TorchException withCause(TorchException e, Throwable cause) {
        e.initCause(cause);
        return e;
    }
}
