package org.torchglot.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.repl.jupyter.NotebookFile;

/**
 * Runs one program to completion and turns its outcome into an exit status, as CPython does:
 * 0 on success, the script's own {@code sys.exit(n)} / {@code process.exit(n)} / {@code
 * quit(status = n)} code, 1 with a traceback on an uncaught error, 2 when there is nothing to run.
 */
public final class ScriptRunner {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final boolean allowHostAccess;
    private List<Path> readableDirectories = List.of();
    private List<Path> writableDirectories = List.of();
    private final Path workingDirectory;
    private volatile TorchglotContext running;

    /**
     * @param out the program's standard output
     * @param err the program's standard error, also where tracebacks go
     * @param in the program's standard input
     * @param allowHostAccess open the sandbox ({@code --allow-host-access})
     */
    public ScriptRunner(PrintStream out, PrintStream err, InputStream in, boolean allowHostAccess) {
        this(out, err, in, allowHostAccess, Path.of("").toAbsolutePath());
    }

    /**
     * As above, with the program's current directory: relative script paths are found there and
     * the guest sees it as its working directory (the warm server runs each client's command in
     * the client's directory).
     */
    public ScriptRunner(PrintStream out, PrintStream err, InputStream in, boolean allowHostAccess,
                        Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.allowHostAccess = allowHostAccess;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * Grants the programs this runner starts the directories of {@code --allow-read} and {@code
     * --allow-write}; relative ones are resolved against the program's current directory.
     */
    public ScriptRunner grant(List<Path> readable, List<Path> writable) {
        readableDirectories = readable.stream().map(workingDirectory::resolve).toList();
        writableDirectories = writable.stream().map(workingDirectory::resolve).toList();
        return this;
    }

    /** Stops the program now running, from another thread; its run returns as soon as the guest notices. */
    public void cancel() {
        TorchglotContext context = running;
        if (context != null) {
            context.cancel();
        }
    }

    /**
     * Gives a context this runner's sandbox: host access or not, the working directory, and the directories of
     * {@code --allow-read} and {@code --allow-write}.
     */
    public TorchglotContext.Builder sandbox(TorchglotContext.Builder builder) {
        builder.allowHostAccess(allowHostAccess).workingDirectory(workingDirectory);
        readableDirectories.forEach(builder::readableDirectory);
        writableDirectories.forEach(builder::writableDirectory);
        return builder;
    }

    /**
     * Runs a script file; its language comes from the extension; {@code args} follow the script in argv. A
     * notebook ({@code .ipynb}, {@code .Rmd}) runs its code cells in order, in one session.
     */
    public int runFile(Path typed, List<String> args) {
        Path script = workingDirectory.resolve(typed);
        if (NotebookFile.isNotebook(script)) {
            return runNotebook(typed, script, args);
        }
        Optional<Language> language = Language.forFile(script);
        if (language.isEmpty()) {
            return usageError("don't know how to run '" + script + "': expected a .py, .js, .mjs, .R or .r file");
        }
        if (!Files.isRegularFile(script) || !Files.isReadable(script)) {
            return usageError("can't open file '" + script.toAbsolutePath() + "': No such file or readable file");
        }
        Path directory = script.toAbsolutePath().getParent();
        return run(language.get(), argv(typed.toString(), args), builder -> builder.readableDirectory(directory),
                context -> context.evalFile(script));
    }

    /** Runs program text, e.g. from {@code -c}; {@code name} is argv[0] ({@code "-c"} as in CPython). */
    public int runCode(Language language, String code, String name, List<String> args) {
        Source source = Source.newBuilder(language.id(), code, "<string>").buildLiteral();
        return run(language, argv(name, args), builder -> { }, context -> context.eval(source));
    }

    /**
     * Runs the whole of standard input as one program, named {@code <stdin>} in tracebacks;
     * {@code name} is argv[0]: {@code ""} for a piped program, {@code "-"} when the command line
     * named standard input ({@code torchglot - a b}), as in CPython.
     */
    public int runStdin(Language language, String name, List<String> args) {
        String code;
        try {
            code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return usageError("cannot read standard input: " + e.getMessage());
        }
        Source source = Source.newBuilder(language.id(), code, "<stdin>").buildLiteral();
        return run(language, argv(name, args), builder -> { }, context -> context.eval(source));
    }

    /**
     * Runs a notebook's cells as one script would run their code: output and errors as printed, values of
     * final expressions not shown; the first failing cell ends the run (status 1), named with its place.
     */
    private int runNotebook(Path typed, Path script, List<String> args) {
        NotebookFile notebook;
        try {
            notebook = NotebookFile.read(script);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        Path directory = script.toAbsolutePath().getParent();
        PrintStream discarded = new PrintStream(OutputStream.nullOutputStream());
        int[] status = {0};
        int result = run(notebook.language(), argv(typed.toString(), args), builder -> builder.readableDirectory(directory),
                context -> {
                    CellSession cells = new CellSession(() -> context, notebook.language(), out);
                    for (NotebookFile.Cell cell : notebook.cells()) {
                        CellSession.Outcome outcome = cells.execute(cell.code(), discarded, err);
                        if (outcome == CellSession.Outcome.EXIT) {
                            status[0] = cells.exitStatus();
                            return;
                        }
                        if (outcome != CellSession.Outcome.DONE) {
                            err.println("(in code cell " + cell.number() + (cell.line() > 0 ? ", line " + cell.line() : "")
                                    + " of " + typed + ")");
                            status[0] = 1;
                            return;
                        }
                    }
                });
        return result != 0 ? result : status[0];
    }

    private int run(Language language, List<String> argv, Consumer<TorchglotContext.Builder> configure,
                    Consumer<TorchglotContext> program) {
        if (!TorchglotContext.isInstalled(language)) {
            return usageError("the " + language.id() + " language is not available in this torchglot build");
        }
        TorchglotContext.Builder builder = sandbox(TorchglotContext.builder()
                .out(out).err(err).in(in)
                .arguments(argv.toArray(String[]::new)));
        configure.accept(builder);
        try (TorchglotContext context = builder.build()) {
            running = context;
            try {
                program.accept(context);
                return 0;
            } catch (PolyglotException e) {
                // NOTE: an exit prints nothing, except Python's sys.exit("message").
                err.print(context.describe(e));
                return e.isExit() ? e.getExitStatus() : 1;
            }
        } catch (UncheckedIOException e) {
            return usageError(e.getMessage());
        } finally {
            running = null;
            out.flush();
            err.flush();
        }
    }

    private int usageError(String message) {
        err.println("torchglot: " + message);
        return Main.USAGE_ERROR;
    }

    private static List<String> argv(String first, List<String> rest) {
        List<String> argv = new ArrayList<>();
        argv.add(first);
        argv.addAll(rest);
        return argv;
    }
}
