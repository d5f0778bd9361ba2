package org.torchglot.repl.attach;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.repl.ScriptRunner;

/**
 * The warm server's preparation: one small training script per installed language, so that the
 * languages' first contexts, the torch packages and the JVM's compiled code are ready before a
 * user's script arrives. Output is discarded; a failure is reported on the server's log.
 */
final class WarmUp {

    private static final List<Language> ORDER = List.of(Language.PYTHON, Language.R, Language.JS);

    private WarmUp() {
    }

    static void run(Path workingDirectory) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (Language language : ORDER) {
            if (!TorchglotContext.isInstalled(language)) {
                continue;
            }
            String resource = "warmup." + language.extensions().get(0);
            ScriptRunner runner = new ScriptRunner(discard, System.err, InputStream.nullInputStream(), false,
                    workingDirectory);
            int status = runner.runCode(language, code(resource), resource, List.of());
            if (status != 0) {
                System.err.println("torchglot warm server: " + resource + " exited with " + status);
            }
        }
    }

    private static String code(String resource) {
        try (InputStream in = WarmUp.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
