package org.torchglot.bindings;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The immutable settings a {@link TorchglotContext.Builder} collected.
 *
 * @param readableDirectories readable by scripts besides the working directory ({@code --allow-read})
 * @param writableDirectories readable and writable besides the working directory ({@code --allow-write})
 * @param fileAccess whether the script sees its working and readable directories (the strict
 *     profile turns this off: only the torch packages stay readable)
 * @param timeLimit how long one evaluation may run, or {@code null} for no limit
 * @param maxTensorBytes the memory guard while a script runs, or 0 for the process-wide limit
 */
record ContextSettings(
        List<Language> languages,
        OutputStream out,
        OutputStream err,
        InputStream in,
        List<String> arguments,
        Path workingDirectory,
        List<Path> readableDirectories,
        List<Path> writableDirectories,
        boolean allowHostAccess,
        boolean fileAccess,
        Duration timeLimit,
        long maxTensorBytes) {
}
