package org.torchglot.repl;

import java.io.PrintStream;
import org.torchglot.bindings.SharedEngine;
import org.torchglot.bindings.TorchglotVersion;
import org.torchglot.engine.EngineWarmUp;
import org.torchglot.engine.kernels.Gemm;
import org.torchglot.repl.jupyter.JupyterKernel;
import org.torchglot.repl.jupyter.KernelSpecs;

/** The {@code torchglot} command: runs a script, code from {@code -c} or standard input, or the REPL on a terminal. */
public final class Main {

    /** Exit status for a bad command line or an unreadable script, as CPython uses. */
    static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // NOTE: a direct run's JVM is cold; the engine readies itself on the second core while GraalPy starts.
        EngineWarmUp.startInBackground();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine options;
        try {
            options = CommandLine.parse(args, StandardInput.isTerminal());
        } catch (IllegalArgumentException e) {
            return badCommandLine(e, err);
        }
        return run(options, new ScriptRunner(out, err, System.in, options.allowHostAccess())
                .grant(options.allowRead(), options.allowWrite()), out);
    }

    /** Prints the complaint and the usage; returns the exit status of a bad command line. */
    public static int badCommandLine(IllegalArgumentException e, PrintStream err) {
        err.println("torchglot: " + e.getMessage());
        err.print(CommandLine.USAGE);
        return USAGE_ERROR;
    }

    /** Carries out parsed options with {@code runner}'s streams; {@code out} gets the version and help texts. */
    public static int run(CommandLine options, ScriptRunner runner, PrintStream out) {
        return switch (options.mode()) {
            case VERSION -> {
                out.println("torchglot " + TorchglotVersion.VERSION + " (" + SharedEngine.implementationName()
                        + " on Java " + Runtime.version() + ")");
                out.println("BLAS: " + Gemm.blasDescription());
                yield 0;
            }
            case HELP -> {
                out.print(CommandLine.USAGE);
                yield 0;
            }
            case SCRIPT -> runner.runFile(options.script(), options.arguments());
            case CODE -> runner.runCode(options.language(), options.code(), "-c", options.arguments());
            case STDIN -> runner.runStdin(options.language(), options.script() == null ? "" : "-", options.arguments());
            case KERNEL -> JupyterKernel.start(options.script(), options.language(), runner::sandbox, System.err);
            case INSTALL_KERNEL -> KernelSpecs.run(options.arguments(), options.permissionFlags(),
                    System.getenv(KernelSpecs.LAUNCHER_VARIABLE), out, System.err);
            case REPL -> Repl.start(Repl.Settings.defaults(options.language(), options.allowHostAccess())
                    .granting(options.allowRead(), options.allowWrite()));
        };
    }
}
