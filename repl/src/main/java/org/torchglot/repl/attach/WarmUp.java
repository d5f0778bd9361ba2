package org.torchglot.repl.attach;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ResourceText;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.repl.ScriptRunner;

/**
 * The warm server's preparation: one small training script per installed language, so that the
 * languages' first contexts, the torch packages and the JVM's compiled code are ready before a
 * user's script arrives. Output is discarded; a failure is reported on the server's log.
 */
final class WarmUp {

    private static final List<Language> ORDER = List.of(Language.PYTHON, Language.R, Language.JS);
    private static final int PYTHON_PASSES = 5;

    private WarmUp() {
    }

    /**
     * Runs the warm-up scripts, then waits (at most {@code maxWait}) until the JVM's JIT has
     * caught up: the server then takes scripts without compiling its own code beside them.
     */
    static void run(Path workingDirectory, Duration maxWait) {
        run(workingDirectory);
        awaitQuietCompiler(maxWait);
    }

    /**
     * Returns when the JVM's compilers have spent under 5% of a second compiling in each of the
     * last two seconds, or after {@code maxWait}. NOTE: with full tiering on 2 cores, C2 keeps
     * compiling the warm-up's code for a minute or more; a script arriving then ran twice as slowly.
     */
    static void awaitQuietCompiler(Duration maxWait) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long last = compiler.getTotalCompilationTime();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = compiler.getTotalCompilationTime();
            quietSeconds = now - last < 50 ? quietSeconds + 1 : 0;
            last = now;
        }
    }

    static void run(Path workingDirectory) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (Language language : ORDER) {
            if (!TorchglotContext.isInstalled(language)) {
                continue;
            }
            // NOTE: Python scripts kept getting faster over a server's first dozens of runs (C2 compiling
            // more of GraalPy's interpreter); repeating its warm-up does that work before a user waits.
            for (int pass = 0; pass < (language == Language.PYTHON ? PYTHON_PASSES : 1); pass++) {
                runOne(language, workingDirectory, discard);
            }
        }
    }

    private static void runOne(Language language, Path workingDirectory, PrintStream discard) {
        String resource = "warmup." + language.extensions().get(0);
        ScriptRunner runner = new ScriptRunner(discard, System.err, InputStream.nullInputStream(), false,
                workingDirectory);
        int status = runner.runCode(language, ResourceText.read(WarmUp.class, resource), resource, List.of());
        if (status != 0) {
            System.err.println("torchglot warm server: " + resource + " exited with " + status);
        }
    }
}
