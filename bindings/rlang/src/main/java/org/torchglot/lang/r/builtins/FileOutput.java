package org.torchglot.lang.r.builtins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RString;

import com.oracle.truffle.api.TruffleFile;

/** Where {@code cat}, {@code writeLines} and friends send text: standard output, standard error, or a file named by the connection. */
final class FileOutput {
    private FileOutput() {
    }

    /**
     * Writes {@code text} to the connection {@code con}: {@code stderr()} (2), a file name (through the context's
     * file system, so the sandbox decides), or otherwise standard output.
     */
    static void emit(RCall c, Object con, String text, boolean append) {
        if (con instanceof RInt connection && connection.get(0) == 2) {
            c.context().err(text);
        } else if (con instanceof RString name && name.length() == 1 && !name.get(0).isEmpty()) {
            write(c, name.get(0), text, append);
        } else {
            c.print(text);
        }
    }

    private static void write(RCall c, String path, String text, boolean append) {
        OpenOption[] options = append
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING};
        try {
            TruffleFile file = c.context().env().getPublicTruffleFile(path);
            try (OutputStream out = file.newOutputStream(options)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (SecurityException | AccessDeniedException e) {
            throw c.error("cannot open file '" + path + "': Permission denied");
        } catch (NoSuchFileException e) {
            throw c.error("cannot open file '" + path + "': No such file or directory");
        } catch (IOException e) {
            throw c.error("cannot open file '" + path + "': " + e.getMessage());
        }
    }
}
