package org.torchglot.repl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

/**
 * The state behind the prompt: one polyglot context shared by every language, the current
 * language, and the names shared between languages. Evaluation runs on the caller's thread;
 * {@link #interrupt()} may come from any thread (the terminal's Ctrl-C handler).
 */
final class ReplSession implements AutoCloseable {

    /** How an evaluation ended. */
    enum Outcome { DONE, FAILED, INTERRUPTED, RESET, EXIT }

    /** How long Ctrl-C waits for guest code to reach a safepoint before offering to cancel. */
    private static final Duration INTERRUPT_WAIT = Duration.ofSeconds(2);

    private final Supplier<TorchglotContext> contexts;
    private final PrintStream out;
    // NOTE: the context admits one thread at a time; completion and background warm-up share it with evaluation.
    private final ReentrantLock lock = new ReentrantLock();
    // Names shared with a language that it has not received yet, given to it before its next evaluation.
    private final Map<Language, Set<String>> pending = new EnumMap<>(Language.class);
    private TorchglotContext context;
    private Map<Language, LanguageMode> modes;
    private Language language;
    private final InterruptGate interrupts = new InterruptGate();
    private volatile boolean cancelled;
    private long lastElapsedNanos;
    private Integer exitStatus;

    /**
     * @param contexts makes a fresh context (at start and on {@code :reset})
     * @param language the language of the first prompt
     * @param out where results and errors are printed (the context's standard output too)
     */
    ReplSession(Supplier<TorchglotContext> contexts, Language language, PrintStream out) {
        this.contexts = contexts;
        this.language = language;
        this.out = out;
        open();
    }

    Language language() {
        return language;
    }

    /** The version of a language's implementation, e.g. GraalPy's Python version. */
    String version(Language of) {
        return context.polyglot().getEngine().getLanguages().get(of.id()).getVersion();
    }

    /** The languages this session may switch to. */
    List<Language> languages() {
        return context.languages();
    }

    String prompt() {
        return modes.get(language).prompt();
    }

    char memberSeparator() {
        return modes.get(language).memberSeparator();
    }

    /** Makes {@code next} the current language; names shared earlier become its variables at its next evaluation. */
    void switchTo(Language next) {
        if (!context.languages().contains(next)) {
            throw new IllegalArgumentException("the " + next.id() + " language is not available in this torchglot build");
        }
        language = next;
    }

    /** Initialises the current language and its torch package on a background thread. */
    void warmUpInBackground() {
        Language target = language;
        Thread.ofPlatform().daemon().name("torchglot-warm-up").start(() -> warmUp(target));
    }

    /** Initialises a language and its torch package on the caller's thread. */
    void warmUp(Language target) {
        withLock(mode -> {
            try {
                modes.get(target).warmUp();
            } catch (PolyglotException | IllegalStateException e) {
                // NOTE: a broken package shows its error when the user imports it, and a session
                // closed meanwhile needs no warm-up; warm-up stays silent.
            }
            return null;
        });
    }

    /** The REPL command a line stands for in the current language's tradition (JavaScript's {@code .exit}), or {@code null}. */
    String replCommandFor(String line) {
        return modes.get(language).replCommandFor(line);
    }

    /** Whether the input is an unfinished statement of the current language. */
    boolean needsMore(String source) {
        return withLock(mode -> mode.needsMore(source));
    }

    /** Evaluates input in the current language, printing results and errors; the session survives any failure. */
    Outcome evaluate(String source) {
        return evaluate(source, out, out);
    }

    /**
     * Evaluates input in the current language, printing its result on {@code results} and a failure (traceback,
     * interrupt) on {@code errors}: a front end such as the Jupyter kernel shows each in its own way.
     */
    Outcome evaluate(String source, PrintStream results, PrintStream errors) {
        return run(mode -> mode.evaluate(source, results), errors);
    }

    /** Runs a script file into the session, in the language of its extension. */
    Outcome load(java.nio.file.Path file) {
        return run(mode -> {
            Language fileLanguage = Language.forFile(file).orElseThrow();
            importShared(fileLanguage);
            context.evalFile(file);
        }, out);
    }

    /**
     * Stops the running evaluation. The first call interrupts it at the next safepoint, keeping
     * the session; if guest code does not stop, a second call cancels the context (variables are lost).
     *
     * @return whether an evaluation was running
     */
    boolean interrupt() {
        InterruptGate.Result result = interrupts.interrupt(new InterruptGate.Target() {
            @Override
            public void interrupt() throws TimeoutException {
                try {
                    context.polyglot().interrupt(INTERRUPT_WAIT);
                } catch (IllegalStateException e) {
                    // NOTE: the evaluation ended while the interrupt was on its way.
                }
            }

            @Override
            public void cancel() {
                cancelled = true;
                context.polyglot().close(true);
            }
        });
        if (result == InterruptGate.Result.UNANSWERED) {
            out.println();
            out.println("The evaluation does not respond to the interrupt; press Ctrl-C again to reset the session (its variables are lost).");
        }
        return result != InterruptGate.Result.IDLE;
    }

    /** Copies a variable of the current language into the polyglot bindings and every other language. */
    Optional<String> share(String name) {
        return withLock(mode -> {
            Value value = mode.lookup(name);
            if (value == null) {
                return Optional.of("no variable '" + name + "' in " + language.id());
            }
            context.polyglot().getPolyglotBindings().putMember(name, value);
            for (Language other : context.languages()) {
                if (other != language) {
                    pending.computeIfAbsent(other, l -> new LinkedHashSet<>()).add(name);
                }
            }
            return Optional.empty();
        });
    }

    /** Names defined in the session of the current language. */
    List<LanguageMode.Variable> variables() {
        return withLock(mode -> {
            importShared(language);
            return mode.variables();
        });
    }

    /** Runs a query on the current language's mode, or returns {@code fallback} if evaluation holds the context for long. */
    <T> T query(Function<LanguageMode, T> query, T fallback) {
        try {
            if (!lock.tryLock(300, TimeUnit.MILLISECONDS)) {
                return fallback;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
        try {
            return query.apply(modes.get(language));
        } catch (PolyglotException | IllegalStateException e) {
            return fallback;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the context and starts a fresh one: every variable of every language is gone. */
    void reset() {
        withLock(mode -> {
            close();
            pending.clear();
            open();
            return null;
        });
        warmUpInBackground();
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException e) {
            // NOTE: a cancelled context reports the cancellation again when it closes.
        }
    }

    private void open() {
        context = contexts.get();
        modes = new EnumMap<>(Language.class);
        for (Language available : context.languages()) {
            modes.put(available, LanguageMode.of(available, context));
        }
        if (!modes.containsKey(language)) {
            language = context.languages().getFirst();
        }
    }

    /**
     * The status guest code asked to leave with ({@code sys.exit(3)}, {@code process.exit(2)},
     * R's {@code quit(status = 1)}), once an evaluation did; the session is then over.
     */
    OptionalInt exitStatus() {
        return exitStatus == null ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }

    /** How long the last evaluation took, counting the wait for a background warm-up to finish. */
    long lastElapsedNanos() {
        return lastElapsedNanos;
    }

    private Outcome run(GuestAction action, PrintStream errors) {
        // NOTE: the clock starts before the lock: waiting for a background warm-up is part of what the user waits for.
        long start = System.nanoTime();
        lock.lock();
        interrupts.open();
        try {
            importShared(language);
            action.run(modes.get(language));
            return Outcome.DONE;
        } catch (ExitRequest e) {
            exitStatus = e.status();
            return Outcome.EXIT;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                exitStatus = e.getExitStatus();
                return Outcome.EXIT;
            }
            return failed(e, errors);
        } finally {
            lastElapsedNanos = System.nanoTime() - start;
            interrupts.close();
            out.flush();
            errors.flush();
            lock.unlock();
        }
    }

    private Outcome failed(PolyglotException e, PrintStream errors) {
        if (cancelled) {
            cancelled = false;
            errors.println("The session was reset.");
            close();
            pending.clear();
            open();
            return Outcome.RESET;
        }
        if (e.isInterrupted() || e.isCancelled()) {
            String message = modes.get(language).interruptedMessage();
            errors.println(message.isEmpty() ? "" : message);
            return Outcome.INTERRUPTED;
        }
        errors.print(context.describe(e));
        return Outcome.FAILED;
    }

    /**
     * Defines the names shared since the language's last evaluation as its own variables; a tensor
     * or module becomes the language's own, around the same engine object.
     */
    private void importShared(Language target) {
        Set<String> names = pending.remove(target);
        if (names == null) {
            return;
        }
        Value bindings = context.polyglot().getPolyglotBindings();
        LanguageMode mode = modes.get(target);
        for (String name : names) {
            mode.assign(name, context.adopt(target, bindings.getMember(name)));
        }
    }

    private <T> T withLock(Function<LanguageMode, T> body) {
        lock.lock();
        try {
            return body.apply(modes.get(language));
        } finally {
            lock.unlock();
        }
    }

    /** Guest work that may fail with a {@link PolyglotException}. */
    private interface GuestAction {
        void run(LanguageMode mode);
    }
}
