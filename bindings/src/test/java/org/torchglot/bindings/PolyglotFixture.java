package org.torchglot.bindings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One sandboxed Python + JavaScript context shared by every test of the module, so GraalPy's
 * start-up is paid once per suite. Tests read what the guests printed with {@link #takeOutput()}.
 */
final class PolyglotFixture {

    static final Path WORKING_DIRECTORY = createWorkingDirectory();
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();

    /** The shared context, run as {@code script.py first second}. */
    static final TorchglotContext CONTEXT = TorchglotContext.builder()
            .languages(Language.PYTHON, Language.JS)
            .out(OUT)
            .err(ERR)
            .arguments("script.py", "first", "second")
            .workingDirectory(WORKING_DIRECTORY)
            .build();

    private PolyglotFixture() {
    }

    /** Everything guests printed to standard output since the last call. */
    static synchronized String takeOutput() {
        String text = OUT.toString(StandardCharsets.UTF_8);
        OUT.reset();
        return text;
    }

    /** Everything guests printed to standard error since the last call. */
    static synchronized String takeErrors() {
        String text = ERR.toString(StandardCharsets.UTF_8);
        ERR.reset();
        return text;
    }

    private static Path createWorkingDirectory() {
        try {
            return Files.createTempDirectory("torchglot-bindings-test").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
