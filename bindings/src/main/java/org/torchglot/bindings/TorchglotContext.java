package org.torchglot.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.engine.tensor.Tensor;

/**
 * The front door: a polyglot context for one or more guest languages with the torch packages
 * installed and the sandbox applied.
 *
 * <pre>{@code
 * try (TorchglotContext context = TorchglotContext.builder().languages(Language.PYTHON).build()) {
 *     context.eval(Language.PYTHON, "import torch; print(torch.__version__)");
 * }
 * }</pre>
 *
 * <p>All contexts share the process's one {@link SharedEngine engine}. The polyglot context is
 * created on the first evaluation, and each language is initialised (with its prelude) on its
 * first use, so a context that never runs Python never pays GraalPy's start-up. A context is
 * confined to one thread at a time.
 */
public final class TorchglotContext implements AutoCloseable {

    private final ContextSettings settings;
    private final List<Language> languages;
    private final Set<Language> initialised = EnumSet.noneOf(Language.class);
    private final Map<String, Object> shared = new LinkedHashMap<>();
    private final GuestValues guestValues = new GuestValues(this);
    private volatile Context context;
    private boolean closed;
    private String closedReason = "";

    private TorchglotContext(ContextSettings settings) {
        this.settings = settings;
        this.languages = settings.languages();
    }

    /** Starts configuring a context; by default Python, JavaScript and (when installed) R, sandboxed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The languages this context may run. */
    public List<Language> languages() {
        return languages;
    }

    /** The program arguments, script path first. */
    public List<String> arguments() {
        return settings.arguments();
    }

    /** Whether the language's implementation is on the class or module path of this process. */
    public static boolean isInstalled(Language language) {
        return SharedEngine.get().getLanguages().containsKey(language.id());
    }

    /** Evaluates source code in a language and returns its value (Python: the last expression's value). */
    public Value eval(Language language, CharSequence code) {
        return eval(Source.newBuilder(language.id(), code, "<string>").buildLiteral());
    }

    /** Evaluates a {@link Source}, whose language must be one of this context's. */
    public Value eval(Source source) {
        Language language = languageOf(source);
        initialise(language);
        return guarded(() -> polyglot().eval(source));
    }

    /**
     * Hands a Java value to this context's scripts as the variable {@code name}: a {@link Tensor}
     * becomes a {@code torch.Tensor} and a {@link Module} a {@code torch.nn.Module} in Python and
     * JavaScript, sharing the engine object (no copy); other values go as they are. The value is
     * also in the polyglot bindings ({@code polyglot.import_value(name)}, {@code Polyglot.import(name)}).
     * Languages first used later see it too; R sees an R {@code torch_tensor} or {@code nn_module}
     * (and has torch attached).
     */
    public void put(String name, Object value) {
        shared.put(name, value);
        polyglot().getPolyglotBindings().putMember(name, value);
        for (Language language : initialised) {
            putInto(language, name, value);
        }
    }

    /**
     * The engine tensor behind a script's variable (a {@code torch.Tensor} or an engine tensor).
     *
     * @throws IllegalArgumentException if the variable is undefined or not a tensor
     */
    public Tensor getTensor(Language language, String name) {
        return get(language, name, Tensor.class);
    }

    /**
     * The engine module behind a script's {@code torch.nn.Module}; calling it from Java runs the
     * script's {@code forward}, and its parameters are the ones the script sees.
     *
     * @throws IllegalArgumentException if the variable is undefined or not a module
     */
    public Module getModule(Language language, String name) {
        return get(language, name, Module.class);
    }

    /**
     * The engine object of {@code type} behind a script's variable, e.g. an {@link
     * org.torchglot.engine.optim.Optimizer} built by {@code torch.optim.SGD(...)}.
     *
     * @throws IllegalArgumentException if the variable is undefined or holds no such object
     */
    public <T> T get(Language language, String name, Class<T> type) {
        Value bindings = bindings(language);
        Value value = bindings.hasMember(name) ? bindings.getMember(name) : null;
        return GuestValues.unwrap(value, type, language.id() + " variable '" + name + "'");
    }

    /**
     * Runs a script file, its language chosen by extension ({@code .py}, {@code .js}, {@code
     * .mjs} as an ECMAScript module, {@code .R}/{@code .r}). Python runs it as {@code __main__}.
     *
     * @throws IllegalArgumentException if the extension belongs to no language of this context
     * @throws UncheckedIOException if the file cannot be read
     * @throws PolyglotException when the script fails or exits; see {@link GuestErrors}
     */
    public Value evalFile(Path file) {
        Language language = Language.forFile(file)
                .orElseThrow(() -> new IllegalArgumentException("unknown script type: " + file));
        if (language == Language.PYTHON) {
            refuseUndeclaredEncoding(file);
        }
        return eval(fileSource(language, file));
    }

    /** Raises CPython's SyntaxError, in the guest, for a Python file that is not UTF-8 and declares no encoding. */
    private void refuseUndeclaredEncoding(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        PythonSourceEncoding.undeclaredNonUtf8(bytes, file.toString()).ifPresent(message -> {
            initialise(Language.PYTHON);
            Source raise = Source.newBuilder(Language.PYTHON.id(), "def _raise(message):\n    raise SyntaxError(message)\n_raise",
                    "<torchglot-encoding>").internal(true).buildLiteral();
            guarded(() -> polyglot().eval(raise).execute(message));
        });
    }

    /** Runs a language's prelude now instead of on first use, e.g. to overlap start-up with other work. */
    public void initialise(Language language) {
        requireLanguage(language);
        if (initialised.add(language)) {
            Preludes.run(this, language);
            shared.forEach((name, value) -> putInto(language, name, value));
        }
    }

    /**
     * A value of one of this context's languages as {@code language}'s scripts should see it: a
     * tensor or module of any language becomes {@code language}'s own {@code torch} tensor or
     * module around the same engine object (so training it in one language changes what the
     * others see); other values stay as they are.
     */
    public Value adopt(Language language, Value value) {
        initialise(language);
        return guestValues.adoptGuest(language, value);
    }

    /** Whether the language's prelude has run in this context (it has been used). */
    boolean isInitialised(Language language) {
        return initialised.contains(language);
    }

    /** The guest top-level bindings of a language (Python: {@code __main__}'s globals). */
    public Value bindings(Language language) {
        initialise(language);
        return polyglot().getBindings(language.id());
    }

    /** The underlying polyglot context, for embedders who need the full GraalVM API. */
    public Context polyglot() {
        if (closed) {
            throw new IllegalStateException("the torchglot context is closed" + closedReason);
        }
        if (context == null) {
            context = ContextOptions.contextBuilder(settings).build();
            context.getPolyglotBindings().putMember(GuestFiles.BINDING, GuestFiles.of(settings));
        }
        return context;
    }

    /** Turns a failure of this context's guest code into the text a user of that language expects. */
    public String describe(PolyglotException error) {
        return GuestErrors.describe(this, error);
    }

    /**
     * Stops guest code running in this context, from any thread, and closes the context: the
     * running evaluation ends with a {@link PolyglotException} that {@link PolyglotException#isCancelled() is cancelled}.
     */
    public void cancel() {
        Context current = context;
        if (current != null) {
            current.close(true);
        }
    }

    /** Closes the polyglot context; the shared engine stays alive for other contexts. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (context != null) {
            try {
                context.close();
            } catch (PolyglotException e) {
                // NOTE: a context that a script ended with sys.exit/quit (or the watchdog cancelled)
                // reports it again on close.
                if (!e.isExit() && !e.isCancelled()) {
                    throw e;
                }
            }
        }
    }

    /** Runs guest code under this context's time limit and memory guard. */
    private <T> T guarded(Supplier<T> evaluation) {
        try (MemoryLimit.Scope memory = settings.maxTensorBytes() > 0 ? MemoryLimit.limitTo(settings.maxTensorBytes()) : null) {
            if (settings.timeLimit() == null) {
                return evaluation.get();
            }
            return TimeLimit.run(polyglot(), settings.timeLimit(), evaluation);
        } catch (ScriptTimeoutException e) {
            if (e.contextClosed()) {
                closed = true;
                closedReason = " (its script exceeded the time limit of " + ScriptTimeoutException.format(e.limit()) + ")";
            }
            throw e;
        }
    }

    private void putInto(Language language, String name, Object value) {
        Object adopted = guestValues.adopt(language, value);
        if (language == Language.R) {
            guestValues.defineInR(name, adopted);
        } else {
            polyglot().getBindings(language.id()).putMember(name, adopted);
        }
    }

    private Language languageOf(Source source) {
        return languages.stream().filter(l -> l.id().equals(source.getLanguage())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "language " + source.getLanguage() + " is not enabled in this context " + languages));
    }

    private void requireLanguage(Language language) {
        if (!languages.contains(language)) {
            throw new IllegalArgumentException("language " + language.id() + " is not enabled in this context " + languages);
        }
    }

    private static Source fileSource(Language language, Path file) {
        try {
            Source.Builder source = Source.newBuilder(language.id(), file.toFile());
            if (Language.isModuleFile(file)) {
                source.mimeType("application/javascript+module");
            }
            return source.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Settings of a {@link TorchglotContext}; every setting has a safe default. */
    public static final class Builder {
        private final Set<Language> languages = new LinkedHashSet<>();
        private OutputStream out = System.out;
        private OutputStream err = System.err;
        private InputStream in = System.in;
        private String[] arguments = new String[0];
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private final List<Path> readableDirectories = new ArrayList<>();
        private final List<Path> writableDirectories = new ArrayList<>();
        private boolean allowHostAccess;
        private boolean fileAccess = true;
        private Duration timeLimit;
        private long maxTensorBytes;

        private Builder() {
        }

        /** The languages the context may run; default: every installed language. */
        public Builder languages(Language... chosen) {
            languages.clear();
            languages.addAll(List.of(chosen));
            return this;
        }

        /** Standard output of the guest code; default {@code System.out}. */
        public Builder out(OutputStream stream) {
            out = stream;
            return this;
        }

        /** Standard error of the guest code; default {@code System.err}. */
        public Builder err(OutputStream stream) {
            err = stream;
            return this;
        }

        /** Standard input of the guest code; default {@code System.in}. */
        public Builder in(InputStream stream) {
            in = stream;
            return this;
        }

        /** Program arguments, script path first: Python's {@code sys.argv}, JS's {@code process.argv} after "torchglot", R's {@code commandArgs()}. */
        public Builder arguments(String... argv) {
            arguments = argv.clone();
            return this;
        }

        /** The guest's current directory, readable and writable in the sandbox; default the process's. */
        public Builder workingDirectory(Path directory) {
            workingDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        /** Makes a directory (e.g. the script's own) readable by sandboxed guests. */
        public Builder readableDirectory(Path directory) {
            readableDirectories.add(directory.toAbsolutePath().normalize());
            return this;
        }

        /**
         * Makes a directory readable and writable by sandboxed guests, with everything below it,
         * besides the working directory ({@code --allow-write=DIR}); {@code torch.save}, {@code open(..., "w")}
         * and R's file functions may write there.
         */
        public Builder writableDirectory(Path directory) {
            writableDirectories.add(directory.toAbsolutePath().normalize());
            return this;
        }

        /**
         * Opens the sandbox: all Java classes, all files, but still no processes, native code or
         * environment. Default {@code false}: only {@link HostApi}'s classes and the working directory.
         */
        public Builder allowHostAccess(boolean allow) {
            allowHostAccess = allow;
            return this;
        }

        /**
         * Gives scripts no files at all: not the working directory, not the readable directories
         * ({@code torch.save}/{@code open} are refused); only the torch packages stay readable.
         * Default: the working directory read-write.
         */
        public Builder noFileAccess() {
            fileAccess = false;
            return this;
        }

        /**
         * Stops each evaluation that runs longer than {@code limit} with a {@link
         * ScriptTimeoutException} ("script exceeded the time limit of 2s"). Default: no limit.
         */
        public Builder timeLimit(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive: " + limit);
            }
            timeLimit = limit;
            return this;
        }

        /**
         * The largest tensor a script may allocate while this context evaluates it; bigger ones
         * fail with PyTorch's allocator error. Default: the process-wide {@link MemoryLimit}
         * (half the heap, or {@code -Dtorchglot.maxTensorBytes}); this can only lower it.
         */
        public Builder maxTensorBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("the memory limit must be positive: " + bytes);
            }
            maxTensorBytes = bytes;
            return this;
        }

        /**
         * The strict profile for applications that run untrusted scripts: {@link #noFileAccess()},
         * the given time limit, and the given tensor memory limit, on top of the default sandbox.
         */
        public Builder strict(Duration limit, long maxTensorBytes) {
            return noFileAccess().timeLimit(limit).maxTensorBytes(maxTensorBytes);
        }

        /** Creates the context; the polyglot machinery starts lazily on first use. */
        public TorchglotContext build() {
            if (languages.isEmpty()) {
                for (Language language : Language.values()) {
                    if (isInstalled(language)) {
                        languages.add(language);
                    }
                }
            }
            for (Language language : languages) {
                if (!isInstalled(language)) {
                    throw new IllegalStateException("the " + language.id() + " language is not installed in this torchglot build");
                }
            }
            if (!Files.isDirectory(workingDirectory)) {
                throw new IllegalArgumentException("working directory does not exist: " + workingDirectory);
            }
            return new TorchglotContext(new ContextSettings(List.copyOf(languages), out, err, in,
                    List.of(arguments), workingDirectory, List.copyOf(readableDirectories), List.copyOf(writableDirectories), allowHostAccess,
                    fileAccess, timeLimit, maxTensorBytes));
        }
    }
}
