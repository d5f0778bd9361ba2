package org.torchglot.bindings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Per-language set-up code run once when a context first uses a language.
 *
 * <p>A prelude is a resource {@code org/torchglot/bindings/prelude/<file>} whose value is a
 * function; it is called with the context's program arguments. JavaScript's defines {@code
 * process.argv} and {@code process.exit}. A language without a prelude file needs none.
 */
final class Preludes {

    private static final Map<Language, String> FILES = Map.of(
            Language.PYTHON, "python.py",
            Language.JS, "js.js",
            Language.R, "r.R");

    private Preludes() {
    }

    /**
     * The preludes' sources, built once: the engine keeps a parse only while its {@code Source} object lives,
     * so a source rebuilt per context would be parsed again after every collection.
     */
    private static final Map<Language, Optional<Source>> SOURCES = new ConcurrentHashMap<>();

    static void run(TorchglotContext context, Language language) {
        Optional<Source> source = SOURCES.computeIfAbsent(language, Preludes::source);
        if (source.isEmpty()) {
            return;
        }
        Value setUp = context.polyglot().eval(source.get());
        setUp.execute(context.arguments().toArray());
        if (language == Language.PYTHON) {
            SharedPythonCode.install(context);
        }
    }

    private static Optional<Source> source(Language language) {
        String resource = "prelude/" + FILES.get(language);
        try (InputStream in = Preludes.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // NOTE: internal sources stay out of guest stack traces and tracebacks.
            return Optional.of(Source.newBuilder(language.id(), code, "<torchglot-prelude>").internal(true).buildLiteral());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + language.id() + " prelude", e);
        }
    }
}
