package org.torchglot.repl.attach;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.repl.Repl;
import org.torchglot.repl.ScriptRunner;

/**
 * Contexts the warm server keeps ready for the next REPL a client attaches: one per language, that
 * language and its torch package already initialised, so the REPL's first evaluation does not wait
 * for them. A context is made for one sandbox (working directory and {@code --allow-*} grants, those
 * of the server's latest client) and only a REPL with the same sandbox takes it; another gets a fresh
 * context, as a direct REPL would.
 */
final class ReplContextPool {

    /** The order in which contexts are prepared: the REPL's default language first. */
    private static final List<Language> ORDER = List.of(Language.PYTHON, Language.R, Language.JS);

    /** The sandbox of a client's REPL; its contexts get exactly the permissions a direct run would. */
    record Sandbox(Path workingDirectory, List<Path> allowRead, List<Path> allowWrite) {

        /** A context in this sandbox whose guests write to {@code out} and read from {@code in}. */
        TorchglotContext newContext(OutputStream out, InputStream in) {
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            // NOTE: the script runner is the one place that turns a working directory and grants into a sandbox.
            ScriptRunner runner = new ScriptRunner(discard, discard, InputStream.nullInputStream(), false, workingDirectory)
                    .grant(allowRead, allowWrite);
            return runner.sandbox(TorchglotContext.builder().out(out).err(out).in(in).arguments("")).build();
        }
    }

    private record Pooled(TorchglotContext context, RedirectableStreams streams) {
    }

    private record Entry(Sandbox sandbox, CompletableFuture<Pooled> ready) {
    }

    /** How long a REPL waits for a context still being made before it makes its own. */
    private static final long MAKING_WAIT_MILLIS = 300;

    private final Map<Language, Entry> entries = new EnumMap<>(Language.class);
    private volatile Sandbox latest;

    ReplContextPool(Sandbox initial) {
        this.latest = initial;
    }

    /** Remembers the sandbox of the latest client: the next contexts are made for it. */
    void expect(Sandbox sandbox) {
        latest = sandbox;
    }

    /**
     * Takes the ready context for a REPL in {@code language} and {@code sandbox}, now writing to {@code
     * out} and reading from {@code in}; waits briefly for one nearly made. Empty when there is none for them.
     */
    Optional<TorchglotContext> take(Language language, Sandbox sandbox, OutputStream out, InputStream in) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(language);
            if (entry == null || !entry.sandbox().equals(sandbox)) {
                return Optional.empty();
            }
        }
        Pooled pooled;
        try {
            pooled = entry.ready().get(MAKING_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // NOTE: the REPL's prompt waits for this; making a context takes seconds on a busy machine, so the
            // REPL makes its own (as it would without a pool) and this one stays for the next.
            return Optional.empty();
        } catch (ExecutionException e) {
            synchronized (this) {
                entries.remove(language, entry);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        synchronized (this) {
            if (!entries.remove(language, entry)) {
                return Optional.empty();  // NOTE: another REPL took it meanwhile
            }
        }
        pooled.streams().connect(out, in);
        return Optional.of(pooled.context());
    }

    /**
     * Makes the next missing context for the latest sandbox on the caller's thread, replacing one made
     * for an older sandbox; returns false when every installed language has one.
     */
    boolean prepareNext() {
        Sandbox sandbox = latest;
        for (Language language : ORDER) {
            if (!TorchglotContext.isInstalled(language)) {
                continue;
            }
            Entry entry = new Entry(sandbox, new CompletableFuture<>());
            Entry replaced;
            synchronized (this) {
                Entry current = entries.get(language);
                if (current != null && current.sandbox().equals(sandbox)) {
                    continue;
                }
                replaced = entries.put(language, entry);
            }
            if (replaced != null) {
                replaced.ready().thenAccept(old -> old.context().close());
            }
            try {
                entry.ready().complete(make(language, sandbox));
            } catch (RuntimeException e) {
                // NOTE: e.g. the working directory was removed. The failed entry stays, so this sandbox is not tried
                // again and again; the REPL that takes it makes its own context.
                entry.ready().completeExceptionally(e);
            }
            return true;
        }
        return false;
    }

    private static Pooled make(Language language, Sandbox sandbox) {
        RedirectableStreams streams = new RedirectableStreams();
        TorchglotContext context = sandbox.newContext(streams.out(), streams.in());
        try {
            Repl.prepare(context, language);
        } catch (RuntimeException e) {
            // NOTE: a language that fails to start fails the same way in the REPL, which reports it to the user.
            System.err.println("torchglot warm server: preparing a " + language.id() + " REPL context failed: " + e);
        }
        return new Pooled(context, streams);
    }
}
