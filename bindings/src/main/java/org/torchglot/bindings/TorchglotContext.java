package org.torchglot.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

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
    private Context context;
    private boolean closed;

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
        return polyglot().eval(source);
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
        return eval(fileSource(language, file));
    }

    /** Runs a language's prelude now instead of on first use, e.g. to overlap start-up with other work. */
    public void initialise(Language language) {
        requireLanguage(language);
        if (initialised.add(language)) {
            Preludes.run(this, language);
        }
    }

    /** The guest top-level bindings of a language (Python: {@code __main__}'s globals). */
    public Value bindings(Language language) {
        initialise(language);
        return polyglot().getBindings(language.id());
    }

    /** The underlying polyglot context, for embedders who need the full GraalVM API. */
    public Context polyglot() {
        if (closed) {
            throw new IllegalStateException("the torchglot context is closed");
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
                // NOTE: a context that a script ended with sys.exit/quit reports the exit again on close.
                if (!e.isExit()) {
                    throw e;
                }
            }
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
        private boolean allowHostAccess;

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
         * Opens the sandbox: all Java classes, all files, but still no processes, native code or
         * environment. Default {@code false}: only {@link HostApi}'s classes and the working directory.
         */
        public Builder allowHostAccess(boolean allow) {
            allowHostAccess = allow;
            return this;
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
                    List.of(arguments), workingDirectory, List.copyOf(readableDirectories), allowHostAccess));
        }
    }
}
