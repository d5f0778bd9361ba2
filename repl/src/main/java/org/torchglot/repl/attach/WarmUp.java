package org.torchglot.repl.attach;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ResourceText;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.repl.ScriptRunner;

/**
 * The warm server's preparation: one small training script per installed language, so that the
 * languages' first contexts, the torch packages and the JVM's compiled code are ready before a
 * user's script arrives. Output is discarded; a failure is reported on the server's log. Each script
 * runs only if the server's script slot is free and no command has come ({@link WarmServer}).
 */
final class WarmUp {

    private static final List<Language> ORDER = List.of(Language.PYTHON, Language.R, Language.JS);
    private static final int PYTHON_PASSES = 5;

    private final Path workingDirectory;
    private volatile ScriptRunner current;
    private volatile boolean cancelled;

    WarmUp(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs the warm-up scripts in order, each after {@code beginStep} has granted the script slot (and
     * followed by {@code endStep}); stops at the first refusal or once cancelled.
     */
    void run(BooleanSupplier beginStep, Runnable endStep) {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (Language language : ORDER) {
            if (!TorchglotContext.isInstalled(language)) {
                continue;
            }
            // NOTE: Python scripts kept getting faster over a server's first dozens of runs (C2 compiling
            // more of GraalPy's interpreter); repeating its warm-up does that work before a user waits.
            for (int pass = 0; pass < (language == Language.PYTHON ? PYTHON_PASSES : 1); pass++) {
                if (cancelled || !beginStep.getAsBoolean()) {
                    return;
                }
                try {
                    runOne(language, discard);
                } finally {
                    current = null;
                    endStep.run();
                }
            }
        }
    }

    /**
     * Ends the warm-up: no script starts after this, and the one in progress is cancelled if its context
     * is running yet (a caller waiting for the slot repeats this until the slot is free).
     */
    void cancel() {
        cancelled = true;
        ScriptRunner runner = current;
        if (runner != null) {
            runner.cancel();
        }
    }

    private void runOne(Language language, PrintStream discard) {
        String resource = "warmup." + language.extensions().get(0);
        ScriptRunner runner = new ScriptRunner(discard, new PrintStream(new UnlessCancelled(System.err), true),
                InputStream.nullInputStream(), false, workingDirectory);
        current = runner;
        int status = runner.runCode(language, ResourceText.read(WarmUp.class, resource), resource, List.of());
        if (status != 0 && !cancelled) {
            System.err.println("torchglot warm server: " + resource + " exited with " + status);
        }
    }

    /** The server's log, except for what a cancelled warm-up script reports about being stopped. */
    private final class UnlessCancelled extends OutputStream {
        private final OutputStream log;

        UnlessCancelled(OutputStream log) {
            this.log = log;
        }

        @Override
        public void write(int b) throws IOException {
            if (!cancelled) {
                log.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!cancelled) {
                log.write(b, off, len);
            }
        }
    }
}
