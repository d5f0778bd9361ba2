package org.torchglot.bindings;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** The immutable settings a {@link TorchglotContext.Builder} collected. */
record ContextSettings(
        List<Language> languages,
        OutputStream out,
        OutputStream err,
        InputStream in,
        List<String> arguments,
        Path workingDirectory,
        List<Path> readableDirectories,
        boolean allowHostAccess) {
}
