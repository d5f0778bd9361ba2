package org.torchglot.repl.jupyter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.torchglot.bindings.Language;
import org.torchglot.engine.io.Json;

/**
 * {@code torchglot --install-kernel}: writes the kernelspecs {@code torchglot-python}, {@code torchglot-r} and
 * {@code torchglot-js} where Jupyter looks for them, with ipykernel's options: {@code --user} (the default: the
 * user's Jupyter data directory, {@code JUPYTER_DATA_DIR} if set), {@code --prefix DIR} ({@code
 * DIR/share/jupyter}), {@code --sys-prefix} (that of the {@code python3} on the PATH), and {@code --uninstall}.
 * Each kernel starts through the launcher with the sandbox and permission flags given here.
 */
public final class KernelSpecs {

    /** The environment variable the launcher sets to its own path, which kernelspecs run. */
    public static final String LAUNCHER_VARIABLE = "TORCHGLOT_LAUNCHER";

    private KernelSpecs() {
    }

    /** The kernelspec directory name of a language's kernel. */
    static String name(Language language) {
        return "torchglot-" + switch (language) {
            case PYTHON -> "python";
            case R -> "r";
            case JS -> "js";
        };
    }

    /**
     * Installs or uninstalls the kernelspecs.
     *
     * @param flags the install options after {@code --install-kernel}, as {@code CommandLine} collected them
     * @param permissions the command line's sandbox flags, given to every kernel
     * @param launcher the command kernels start with (the launcher script, from {@link #LAUNCHER_VARIABLE})
     * @return the exit status
     */
    public static int run(List<String> flags, List<String> permissions, String launcher, PrintStream out, PrintStream err) {
        try {
            Path kernels = kernelsDirectory(flags);
            if (flags.contains("--uninstall")) {
                for (Language language : Language.values()) {
                    Path directory = kernels.resolve(name(language));
                    if (Files.deleteIfExists(directory.resolve("kernel.json"))) {
                        Files.deleteIfExists(directory);
                        out.println("Removed " + directory);
                    }
                }
                return 0;
            }
            if (launcher == null || launcher.isBlank()) {
                err.println("torchglot: --install-kernel must be run through the torchglot launcher script");
                return 2;
            }
            for (Language language : Language.values()) {
                Path directory = kernels.resolve(name(language));
                Files.createDirectories(directory);
                Files.writeString(directory.resolve("kernel.json"), Json.write(spec(language, launcher, permissions)) + "\n",
                        StandardCharsets.UTF_8);
                out.println("Installed kernelspec " + name(language) + " in " + directory);
            }
            return 0;
        } catch (IOException | IllegalStateException e) {
            err.println("torchglot: cannot install the kernels: " + e.getMessage());
            return 1;
        }
    }

    /** The content of a language's kernel.json. */
    static Map<String, Object> spec(Language language, String launcher, List<String> permissions) {
        List<String> argv = new ArrayList<>(List.of(launcher, "--lang", language.id().toLowerCase(Locale.ROOT)));
        argv.addAll(permissions);
        argv.addAll(List.of("--kernel", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "torchglot (" + switch (language) {
            case PYTHON -> "Python";
            case R -> "R";
            case JS -> "JavaScript";
        } + ")");
        spec.put("language", LanguageInfo.name(language));
        spec.put("interrupt_mode", "message");
        // NOTE: a kernel is a long-lived process of its own: it must not hand its work to the warm server.
        spec.put("env", Map.of("TORCHGLOT_ATTACH", "0"));
        spec.put("metadata", Map.of("debugger", false));
        return spec;
    }

    /** Where the {@code kernels} directory is for the options, as jupyter_core and ipykernel decide. */
    static Path kernelsDirectory(List<String> flags) {
        int prefix = flags.indexOf("--prefix");
        if (prefix >= 0) {
            return Path.of(flags.get(prefix + 1)).toAbsolutePath().resolve("share/jupyter/kernels");
        }
        if (flags.contains("--sys-prefix")) {
            return Path.of(pythonPrefix()).resolve("share/jupyter/kernels");
        }
        return userDataDirectory().resolve("kernels");
    }

    /** The user's Jupyter data directory: {@code JUPYTER_DATA_DIR}, else the platform's place. */
    static Path userDataDirectory() {
        String configured = System.getenv("JUPYTER_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter");
    }

    private static String pythonPrefix() {
        try {
            Process python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String prefix = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0 || prefix.isEmpty()) {
                throw new IllegalStateException("python3 did not tell its sys.prefix for --sys-prefix");
            }
            return prefix;
        } catch (IOException e) {
            throw new IllegalStateException("--sys-prefix needs python3 on the PATH: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
