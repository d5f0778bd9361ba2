package org.torchglot.bindings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Code objects of our Python packages' modules (torch, numpy, matplotlib, tqdm), compiled once per
 * engine and reused by every context, so a warm server's later scripts run the package code the
 * earlier ones got compiled instead of parsing and compiling it again.
 *
 * <p>GraalPy shares code between contexts by file name only for what it compiles before its core is
 * initialised (its standard library); a module imported later from a {@code .py} file gets new call
 * targets in every context. Each Python context therefore gets an import hook ({@code
 * prelude/python_shared_code.py}) that loads our modules as {@code SourceFileLoader} does, except
 * that it asks the host for the module's code object: {@link GraalPyCodeCache} compiles the file's
 * text as {@code compile()} would and keeps it in GraalPy's per-engine code cache. Guests can ask
 * only for the files below {@link GuestPackages#pythonPath()}, read once here; for any other path
 * the host answers {@code None} and the hook compiles the usual way.
 */
final class SharedPythonCode {

    private static final String HOOK = "prelude/python_shared_code.py";

    private SharedPythonCode() {
    }

    /** Installs the import hook in the context's Python (after the prelude); a no-op where GraalPy's internals are closed. */
    static void install(TorchglotContext context) {
        if (!GraalPyCodeCache.isAvailable()) {
            return;
        }
        Value install = context.polyglot().eval(Hook.SOURCE);
        install.execute((ProxyExecutable) SharedPythonCode::codeOf, PackageFiles.ROOT.toString());
    }

    /** The hook's host function: the shared code object of one of our modules' files, or {@code None}. */
    private static Object codeOf(Value... arguments) {
        if (arguments.length != 1 || !arguments[0].isString()) {
            return null;
        }
        String path = arguments[0].asString();
        String text = PackageFiles.SOURCES.get(path);
        return text == null ? null : GraalPyCodeCache.code(path, text);
    }

    /** The hook's source, built once so that the engine keeps its parse (it does only while the Source lives). */
    private static final class Hook {
        static final Source SOURCE = Source.newBuilder(Language.PYTHON.id(), ResourceText.read(SharedPythonCode.class, HOOK),
                "<torchglot-shared-code>").internal(true).buildLiteral();
    }

    /** Our packages' {@code .py} files, absolute path to text, read once per process. */
    private static final class PackageFiles {
        static final Path ROOT = GuestPackages.pythonPath();
        static final Map<String, String> SOURCES = read(ROOT);

        private static Map<String, String> read(Path root) {
            if (!Files.isDirectory(root)) {
                return Map.of();
            }
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(file -> file.toString().endsWith(".py"))
                        .collect(Collectors.toUnmodifiableMap(Path::toString, PackageFiles::text));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list torchglot's Python packages in " + root, e);
            }
        }

        private static String text(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
