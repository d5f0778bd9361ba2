package org.torchglot.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStyle;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ProgressDisplay;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.bindings.TorchglotVersion;

/**
 * The interactive session: a JLine prompt per language ({@code py>}, {@code r>}, {@code js>})
 * over one shared polyglot context, with multi-line input, completion, highlighting, history
 * per language, {@code :commands}, and Ctrl-C that stops an evaluation but keeps the session.
 *
 * <pre>{@code
 * try (Terminal terminal = TerminalBuilder.terminal()) {
 *     int status = new Repl(terminal, Repl.Settings.defaults(Language.PYTHON, false)).run();
 * }
 * }</pre>
 */
public final class Repl {

    /**
     * How a REPL starts.
     *
     * @param language the language of the first prompt
     * @param historyDirectory where the per-language history files live
     * @param allowHostAccess open the sandbox ({@code --allow-host-access})
     * @param allowRead directories sessions may read besides the current one ({@code --allow-read})
     * @param allowWrite directories sessions may read and write besides the current one ({@code --allow-write})
     * @param workingDirectory the session's current directory (the warm server's REPLs have their client's)
     */
    public record Settings(Language language, Path historyDirectory, boolean allowHostAccess, List<Path> allowRead,
                           List<Path> allowWrite, Path workingDirectory) {
        /** History in {@code ~/.torchglot/history/<language>}, in the process's current directory. */
        public static Settings defaults(Language language, boolean allowHostAccess) {
            return defaults(language, allowHostAccess, Path.of(System.getProperty("user.home")));
        }

        /** History in {@code <home>/.torchglot/history/<language>}: the warm server's REPLs keep their client's. */
        public static Settings defaults(Language language, boolean allowHostAccess, Path home) {
            return new Settings(language, home.resolve(".torchglot").resolve("history"), allowHostAccess, List.of(), List.of(),
                    Path.of("").toAbsolutePath());
        }

        /** These settings with the directories of {@code --allow-read} and {@code --allow-write}. */
        public Settings granting(List<Path> readable, List<Path> writable) {
            return new Settings(language, historyDirectory, allowHostAccess, List.copyOf(readable), List.copyOf(writable),
                    workingDirectory);
        }

        /** These settings in {@code directory}: relative paths, as of {@code :load}, start there. */
        public Settings in(Path directory) {
            return new Settings(language, historyDirectory, allowHostAccess, allowRead, allowWrite, directory.toAbsolutePath());
        }
    }

    /** Makes the contexts of a session (at start and on {@code :reset}), writing to and reading from the REPL's terminal. */
    @FunctionalInterface
    public interface Contexts {
        TorchglotContext create(PrintStream out, InputStream in);
    }

    /** Evaluations that take longer print their elapsed time. */
    private static final long REPORT_ELAPSED_NANOS = 1_000_000_000L;

    private final Terminal terminal;
    private final Settings settings;
    private final PrintStream out;
    private final ReplSession session;
    private final Commands commands = new Commands();
    private final LineReader reader;
    private boolean exiting;
    private int exitStatus;

    /** A REPL on {@code terminal}; nothing runs until {@link #run()}. */
    public Repl(Terminal terminal, Settings settings) {
        this(terminal, settings, null);
    }

    /**
     * A REPL on {@code terminal} whose contexts come from {@code contexts} (the warm server's, already
     * initialised, in its client's sandbox), or are made from {@code settings} when it is {@code null}.
     */
    public Repl(Terminal terminal, Settings settings, Contexts contexts) {
        this.terminal = terminal;
        this.settings = settings;
        this.out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        Contexts made = contexts != null ? contexts : this::newContext;
        this.session = new ReplSession(() -> made.create(out, terminal.input()), settings.language(), out);
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("torchglot")
                .parser(new InputParser(session))
                .completer(new TorchCompleter(session, commands))
                .highlighter(new TorchHighlighter(session))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
                .variable(LineReader.HISTORY_FILE, historyFile(settings.language()))
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                // NOTE: '!' is an operator in all three languages, never a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, true)
                .build();
    }

    /** Starts the REPL on the process's terminal and returns the exit status. */
    public static int start(Settings settings) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new Repl(terminal, settings).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /**
     * Reads and runs input until Ctrl-D, {@code :quit}, two Ctrl-C at an empty prompt, or guest code
     * that leaves ({@code exit()}, {@code sys.exit(n)}, {@code process.exit(n)}, R's {@code q()});
     * returns the status it left with, else 0.
     */
    public int run() {
        out.println("torchglot " + TorchglotVersion.VERSION + ": Python, JavaScript and R on one torch engine. "
                + ":help for help, :py :r :js to switch, Ctrl-D to exit.");
        session.warmUpInBackground();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT,
                signal -> Thread.ofPlatform().daemon().start(session::interrupt));
        boolean interactive = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        if (interactive) {
            ProgressDisplay.install(new TerminalProgress(terminal, out));
        }
        try {
            loop();
        } finally {
            if (interactive) {
                ProgressDisplay.install(null);
            }
            terminal.handle(Terminal.Signal.INT, previous);
            saveHistory();
            session.close();
            out.flush();
        }
        return exitStatus;
    }

    private void loop() {
        boolean interruptedAtEmptyPrompt = false;
        while (!exiting) {
            String line;
            try {
                out.flush();
                line = reader.readLine(session.prompt());
            } catch (UserInterruptException e) {
                if (!e.getPartialLine().isBlank()) {
                    interruptedAtEmptyPrompt = false;
                    continue;
                }
                if (interruptedAtEmptyPrompt) {
                    break;
                }
                interruptedAtEmptyPrompt = true;
                out.println("(To exit, press Ctrl-C again or Ctrl-D or type :quit)");
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            interruptedAtEmptyPrompt = false;
            try {
                handle(line);
                // NOTE: code run by a command (:load, :time) may leave as well as code typed at the prompt.
                session.exitStatus().ifPresent(this::exit);
            } catch (RuntimeException e) {
                // NOTE: the REPL outlives any failure; a bug of ours is reported, not fatal.
                out.println("torchglot: internal error: " + e);
            }
        }
    }

    private void handle(String line) {
        if (line.isBlank()) {
            return;
        }
        if (InputParser.isCommand(line)) {
            String text = line.strip();
            int space = text.indexOf(' ');
            String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
            String argument = space < 0 ? "" : text.substring(space + 1).strip();
            commands.find(name).ifPresentOrElse(command -> command.run(this, name, argument),
                    () -> out.println("unknown command " + name + " (:help lists the commands)"));
            return;
        }
        String command = session.replCommandFor(line);
        if (command != null) {
            handle(command);
            return;
        }
        timed(() -> session.evaluate(line), false);
    }

    /** Runs an evaluation; prints its wall time if {@code always}, or else if it took over a second. */
    void timed(Supplier<ReplSession.Outcome> evaluation, boolean always) {
        evaluation.get();
        long elapsed = session.lastElapsedNanos();
        if (always) {
            out.println("Wall time: " + Durations.format(elapsed));
        } else if (elapsed > REPORT_ELAPSED_NANOS) {
            out.println(faint("(" + Durations.format(elapsed) + ")"));
        }
    }

    /** Changes the prompt's language and loads that language's history. */
    void switchLanguage(Language language) {
        session.switchTo(language);
        saveHistory();
        reader.setVariable(LineReader.HISTORY_FILE, historyFile(language));
        try {
            reader.getHistory().load();
        } catch (IOException e) {
            out.println("cannot read the history: " + e.getMessage());
        }
        session.warmUpInBackground();
    }

    /** The session's current directory. */
    Path workingDirectory() {
        return settings.workingDirectory();
    }

    ReplSession session() {
        return session;
    }

    PrintStream out() {
        return out;
    }

    Commands commands() {
        return commands;
    }

    /** Ends the loop after the current command. */
    void exit() {
        exit(0);
    }

    /** Ends the loop after the current command; the REPL returns {@code status}. */
    void exit(int status) {
        exiting = true;
        exitStatus = status;
    }

    /**
     * Initialises {@code language} and its torch package in a context made for a later REPL, as the
     * REPL's own background warm-up would, so that its first evaluation does not wait for them.
     */
    public static void prepare(TorchglotContext context, Language language) {
        LanguageMode.of(language, context).warmUp();
    }

    private TorchglotContext newContext(PrintStream out, InputStream in) {
        TorchglotContext.Builder builder = TorchglotContext.builder()
                .out(out).err(out).in(in)
                .arguments("")
                .allowHostAccess(settings.allowHostAccess())
                .workingDirectory(settings.workingDirectory());
        settings.allowRead().forEach(builder::readableDirectory);
        settings.allowWrite().forEach(builder::writableDirectory);
        return builder.build();
    }

    private Path historyFile(Language language) {
        try {
            Files.createDirectories(settings.historyDirectory());
        } catch (IOException e) {
            // NOTE: without a writable history directory the session still works; JLine reports the failed save.
        }
        return settings.historyDirectory().resolve(language.id().toLowerCase(Locale.ROOT));
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("cannot save the history: " + e.getMessage());
        }
    }

    private String faint(String text) {
        return new org.jline.utils.AttributedString(text, AttributedStyle.DEFAULT.faint()).toAnsi(terminal);
    }
}
