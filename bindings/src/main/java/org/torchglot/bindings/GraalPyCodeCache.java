package org.torchglot.bindings;

import com.oracle.graal.python.PythonLanguage;
import com.oracle.graal.python.runtime.PythonContext;
import com.oracle.graal.python.runtime.object.PFactory;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.strings.TruffleString;
import java.util.stream.Stream;

/**
 * The one place torchglot calls GraalPy's internals (25.0.1): its per-engine code cache, which GraalPy
 * itself uses only for its standard library.
 *
 * <p>{@link #code} compiles a module's text exactly as {@code compile(text, path, "exec")} does (same
 * source name, path and MIME type, so tracebacks, {@code co_filename} and {@code inspect} see the
 * usual code object) and caches the call target in {@code PythonLanguage.cacheCode}, which every
 * context of the engine shares; each caller gets its own code object around that call target. The
 * launcher exports GraalPy's packages to torchglot ({@code --add-exports}); where they are not
 * exported, {@link #isAvailable()} is false and GraalPy compiles our modules per context as before.
 */
final class GraalPyCodeCache {

    /** {@code -Dtorchglot.sharedPythonCode=false} turns sharing off, e.g. to measure what it brings. */
    private static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("torchglot.sharedPythonCode", "true")) && exported();

    private GraalPyCodeCache() {
    }

    /** Whether GraalPy's internals are open to torchglot in this JVM (and sharing is not turned off). */
    static boolean isAvailable() {
        return AVAILABLE;
    }

    /**
     * The code object of the module file {@code path} with contents {@code text}, for the Python context
     * entered on this thread; compiled on the engine's first request (the text is read once per process).
     */
    static Object code(String path, String text) {
        PythonLanguage language = PythonLanguage.get(null);
        PythonContext context = PythonContext.get(null);
        TruffleString key = TruffleString.fromJavaStringUncached("torchglot:" + path, TruffleString.Encoding.UTF_32);
        CallTarget target = language.cacheCode(key, () -> {
            Source source = PythonLanguage.newSource(context, TruffleString.fromJavaStringUncached(text, TruffleString.Encoding.UTF_32),
                    TruffleString.fromJavaStringUncached(path, TruffleString.Encoding.UTF_32), true, PythonLanguage.getCompileMimeType(0, 0));
            return context.getEnv().parsePublic(source);
        });
        return PFactory.createCode(language, (RootCallTarget) target);
    }

    private static boolean exported() {
        Module ours = GraalPyCodeCache.class.getModule();
        try {
            Class<?> language = Class.forName("com.oracle.graal.python.PythonLanguage", false, GraalPyCodeCache.class.getClassLoader());
            Module graalPy = language.getModule();
            return Stream.of("", ".runtime", ".runtime.object", ".util")
                    .allMatch(suffix -> graalPy.isExported("com.oracle.graal.python" + suffix, ours));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
