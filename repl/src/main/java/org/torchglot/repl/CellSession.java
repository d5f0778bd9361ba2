package org.torchglot.repl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/**
 * The REPL's session for front ends that take code a cell at a time (the Jupyter kernel, notebooks run as
 * scripts): one context for every language, results printed as the REPL prints them, the REPL's completion,
 * help and multi-line rules, and its {@code :py}, {@code :r}, {@code :js} and {@code :share} commands inside a
 * cell.
 *
 * <p>Commands on a cell's first lines run in order before its code, as typed at the REPL ({@code :share x}
 * then {@code :r} gives R the Python variable {@code x}, then runs the cell as R); {@code :share} lines after
 * the code share what the code defined. A language command holds for its cell only: the next cell is in the
 * session's own language again.
 */
public final class CellSession implements AutoCloseable {

    /** How a cell ended. */
    public enum Outcome {
        /** The code ran. */
        DONE,
        /** The code raised an error, or a command in the cell was wrong. */
        FAILED,
        /** An interrupt stopped it; the session keeps its variables. */
        INTERRUPTED,
        /** It did not stop at an interrupt and was cancelled: the session starts afresh. */
        RESET,
        /** Guest code asked to leave ({@code sys.exit(n)}, R's {@code quit()}); {@link #exitStatus()} has the code. */
        EXIT
    }

    /** Completions of the name before the cursor, replacing the text from {@code start} to {@code end}. */
    public record Completion(List<String> matches, int start, int end) {
    }

    private final ReplSession session;
    private final Commands commands = new Commands();

    /**
     * @param contexts makes the session's context (again after a cancelled evaluation)
     * @param language the session's own language
     * @param out the context's standard output, where the REPL's notices go
     */
    public CellSession(Supplier<TorchglotContext> contexts, Language language, PrintStream out) {
        session = new ReplSession(contexts, language, out);
    }

    /** The session's own language, the one a cell without a language command runs in. */
    public Language language() {
        return session.language();
    }

    /** The version of a language's implementation (GraalPy's Python version, for instance). */
    public String version(Language language) {
        return session.version(language);
    }

    /**
     * Loads the session's language and its torch package now, so the first cell starts quickly. NOTE: on the
     * thread that runs the cells: once R is in the context, no other thread may ever have entered it.
     */
    public void warmUp() {
        session.warmUp(session.language());
    }

    /**
     * Runs a cell: its commands, then its code with the value of a final expression printed on {@code results}
     * as the REPL prints it; a failure's traceback, in the language's terms, goes to {@code errors}.
     */
    public Outcome execute(String cell, PrintStream results, PrintStream errors) {
        Cell parts = Cell.of(cell);
        Language own = session.language();
        try {
            for (String command : parts.before()) {
                if (!command(command, errors)) {
                    return Outcome.FAILED;
                }
            }
            if (!parts.code().isBlank()) {
                Outcome outcome = outcome(session.evaluate(parts.code(), results, errors));
                if (outcome != Outcome.DONE) {
                    return outcome;
                }
            }
            for (String command : parts.after()) {
                if (!command(command, errors)) {
                    return Outcome.FAILED;
                }
            }
            return Outcome.DONE;
        } finally {
            session.switchTo(own);
        }
    }

    /** The status guest code asked to leave with, once a cell's outcome was {@link Outcome#EXIT}. */
    public int exitStatus() {
        return session.exitStatus().orElse(0);
    }

    /** Whether the cell's code is an unfinished statement that needs more lines (the REPL's rule). */
    public boolean needsMore(String cell) {
        Cell parts = Cell.of(cell);
        return !parts.code().isBlank() && inCellLanguage(parts, () -> session.needsMore(parts.code()));
    }

    /** The completions of the name before {@code cursor}, from live values and the op tables. */
    public Completion complete(String cell, int cursor) {
        int lineStart = cell.lastIndexOf('\n', cursor - 1) + 1;
        CodeLine line = CodeLine.at(cell.substring(lineStart, cursor), cursor - lineStart);
        TorchCompleter completer = new TorchCompleter(session, commands);
        List<String> matches = inCellLanguage(Cell.of(cell), () -> completer.candidates(line.line(), line.word()));
        return new Completion(matches, cursor - line.word().length(), cursor);
    }

    /** The help for the name at {@code cursor}, as {@code :help NAME} shows it. */
    public Optional<String> inspect(String cell, int cursor) {
        String name = nameAt(cell, cursor);
        return name.isEmpty() ? Optional.empty() : inCellLanguage(Cell.of(cell), () -> HelpCommand.help(session, name));
    }

    /**
     * Stops the running evaluation as Ctrl-C does in the REPL: at the next safepoint, keeping the variables; a
     * second interrupt cancels code that does not stop.
     *
     * @return whether code was running
     */
    public boolean interrupt() {
        return session.interrupt();
    }

    @Override
    public void close() {
        session.close();
    }

    private boolean command(String line, PrintStream errors) {
        String text = line.strip();
        int space = text.indexOf(' ');
        String name = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).strip();
        if (name.equals(":share")) {
            for (String variable : argument.split("[\\s,]+")) {
                Optional<String> problem = variable.isEmpty() ? Optional.of("usage: :share NAME") : session.share(variable);
                if (problem.isPresent()) {
                    errors.println("UsageError: " + problem.get());
                    return false;
                }
            }
            return true;
        }
        Optional<Language> language = languageOf(name, argument);
        if (language.isEmpty()) {
            errors.println("UsageError: " + (name.equals(":lang") ? "unknown language '" + argument + "' (expected python, js or r)"
                    : "a cell takes :py, :r, :js, :lang NAME and :share NAME; " + name + " works at the REPL only"));
            return false;
        }
        try {
            session.switchTo(language.get());
            return true;
        } catch (IllegalArgumentException e) {
            errors.println("UsageError: " + e.getMessage());
            return false;
        }
    }

    private static Optional<Language> languageOf(String command, String argument) {
        return switch (command) {
            case ":py", ":r", ":js" -> Language.forName(command.substring(1));
            case ":lang" -> Language.forName(argument);
            default -> Optional.empty();
        };
    }

    /** Runs a query with the session in the language the cell's commands choose. */
    private <T> T inCellLanguage(Cell cell, Supplier<T> query) {
        Language own = session.language();
        try {
            for (String command : cell.before()) {
                String name = command.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                languageOf(name, command.strip().substring(name.length()).strip())
                        .filter(session.languages()::contains).ifPresent(session::switchTo);
            }
            return query.get();
        } finally {
            session.switchTo(own);
        }
    }

    private static Outcome outcome(ReplSession.Outcome outcome) {
        return switch (outcome) {
            case DONE -> Outcome.DONE;
            case FAILED -> Outcome.FAILED;
            case INTERRUPTED -> Outcome.INTERRUPTED;
            case RESET -> Outcome.RESET;
            case EXIT -> Outcome.EXIT;
        };
    }

    /** The dotted name around the cursor ({@code torch.nn.Lin|ear} gives {@code torch.nn.Linear}). */
    private static String nameAt(String cell, int cursor) {
        int start = Math.min(cursor, cell.length());
        int end = start;
        while (start > 0 && isNameChar(cell.charAt(start - 1))) {
            start--;
        }
        while (end < cell.length() && isNameChar(cell.charAt(end))) {
            end++;
        }
        return cell.substring(start, end);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }

    /** A cell split into its leading command lines, its code, and its trailing {@code :share} lines. */
    record Cell(List<String> before, String code, List<String> after) {

        static Cell of(String text) {
            List<String> lines = List.of(text.split("\n", -1));
            int first = 0;
            List<String> before = new ArrayList<>();
            while (first < lines.size() && (lines.get(first).isBlank() || InputParser.isCommand(lines.get(first)))) {
                if (!lines.get(first).isBlank()) {
                    before.add(lines.get(first));
                }
                first++;
            }
            int last = lines.size();
            List<String> after = new ArrayList<>();
            while (last > first && (lines.get(last - 1).isBlank() || lines.get(last - 1).strip().startsWith(":share"))) {
                if (!lines.get(last - 1).isBlank()) {
                    after.addFirst(lines.get(last - 1));
                }
                last--;
            }
            return new Cell(before, String.join("\n", lines.subList(first, last)), after);
        }
    }
}
