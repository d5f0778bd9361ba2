package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/** The warm server's contexts made ready for REPLs: made for one sandbox, handed over once, connected to the REPL's streams. */
class ReplContextPoolTest {

    @TempDir
    Path directory;

    @Test
    void aReadyContextHasTorchLoadedAndGoesOnlyToAReplOfItsSandbox() throws Exception {
        Path project = Files.createDirectory(directory.resolve("project"));
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
        ReplContextPool.Sandbox sandbox = new ReplContextPool.Sandbox(project, List.of(), List.of());
        ReplContextPool pool = new ReplContextPool(sandbox);
        assertTrue(pool.prepareNext(), "the Python context was made");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(Optional.empty(), pool.take(Language.PYTHON, new ReplContextPool.Sandbox(elsewhere, List.of(), List.of()),
                out, InputStream.nullInputStream()), "another directory's REPL makes its own");
        assertEquals(Optional.empty(), pool.take(Language.PYTHON, new ReplContextPool.Sandbox(project, List.of(elsewhere), List.of()),
                out, InputStream.nullInputStream()), "so does one with other grants");
        try (TorchglotContext context = pool.take(Language.PYTHON, sandbox, out, InputStream.nullInputStream()).orElseThrow()) {
            context.eval(Language.PYTHON, "import os, sys\nprint('torch' in sys.modules, os.getcwd())");
        }
        assertEquals("True " + project + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), pool.take(Language.PYTHON, sandbox, out, InputStream.nullInputStream()), "handed over once");
    }
}
