package org.torchglot.bindings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/** Every polyglot option torchglot sets, engine and context, sandbox and languages, in one place. */
final class ContextOptions {

    private ContextOptions() {
    }

    /** Options of the shared engine. */
    static Map<String, String> engineOptions() {
        return Map.of();
    }

    /** A context builder for the given settings, ready for {@link Context.Builder#build()}. */
    static Context.Builder contextBuilder(ContextSettings settings) {
        List<Language> languages = settings.languages();
        String[] ids = languages.stream().map(Language::id).toArray(String[]::new);
        Context.Builder builder = Context.newBuilder(ids)
                .engine(SharedEngine.forHostAccess(settings.allowHostAccess()))
                .out(settings.out())
                .err(settings.err())
                .in(settings.in())
                .currentWorkingDirectory(guestDirectory(settings))
                // NOTE: guest languages may call each other (Python's polyglot.eval(language="R")).
                .allowPolyglotAccess(PolyglotAccess.ALL)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostClassLoading(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowExperimentalOptions(true);
        if (settings.allowHostAccess()) {
            builder.allowHostAccess(HostAccess.ALL).allowHostClassLookup(name -> true).allowIO(IOAccess.ALL);
        } else {
            builder.allowHostAccess(HostApi.SANDBOXED)
                    .allowHostClassLookup(HostApi::isExported)
                    .allowIO(IOAccess.newBuilder()
                            .fileSystem(SandboxFileSystem.create(writableRoots(settings), readOnlyRoots(settings)))
                            .build());
        }
        for (Language language : languages) {
            builder.arguments(language.id(), settings.arguments().toArray(String[]::new));
        }
        if (languages.contains(Language.PYTHON)) {
            builder.options(pythonOptions());
        }
        if (languages.contains(Language.JS)) {
            builder.options(jsOptions(guestDirectory(settings)));
        }
        return builder;
    }

    /**
     * The guests' current directory: the working directory, or without file access the (read-only)
     * directory of the JavaScript packages, since the languages need one they can look at.
     */
    private static Path guestDirectory(ContextSettings settings) {
        return settings.fileAccess() || settings.allowHostAccess() ? settings.workingDirectory() : GuestPackages.jsModules();
    }

    private static List<Path> writableRoots(ContextSettings settings) {
        if (!settings.fileAccess()) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>(settings.writableDirectories());
        roots.add(settings.workingDirectory());
        return roots;
    }

    private static List<Path> readOnlyRoots(ContextSettings settings) {
        List<Path> roots = new ArrayList<>(settings.fileAccess() ? settings.readableDirectories() : List.of());
        roots.add(GuestPackages.pythonPath());
        roots.add(GuestPackages.jsModules());
        return roots;
    }

    private static Map<String, String> pythonOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("python.PythonPath", GuestPackages.pythonPath().toString());
        // NOTE: scripts run with no process environment; PYTHONHASHSEED and friends stay unset.
        options.put("python.DontWriteBytecodeFlag", "true");
        return options;
    }

    private static Map<String, String> jsOptions(Path workingDirectory) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("js.commonjs-require", "true");
        options.put("js.commonjs-require-cwd", workingDirectory.toString());
        options.put("js.commonjs-core-modules-replacements", jsModuleReplacements());
        // NOTE: shell mode provides quit(n), which the prelude's process.exit(n) calls.
        options.put("js.shell", "true");
        // A promise rejected with no handler fails the script, as in Node, instead of passing silently.
        options.put("js.unhandled-rejections", "throw");
        return options;
    }

    /** Maps each module under {@code js/} to its path, so {@code require('torch')} finds it from anywhere. */
    private static String jsModuleReplacements() {
        Path modules = GuestPackages.jsModules();
        if (!Files.isDirectory(modules)) {
            return "";
        }
        try (Stream<Path> entries = Files.list(modules)) {
            return entries.sorted()
                    .map(path -> moduleName(path) + ":" + path)
                    .reduce((a, b) -> a + "," + b)
                    .orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String moduleName(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".js") ? name.substring(0, name.length() - 3) : name;
    }
}
