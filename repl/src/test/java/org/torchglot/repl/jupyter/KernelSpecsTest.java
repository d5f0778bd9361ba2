package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.engine.io.Json;
import org.torchglot.repl.CommandLine;

/** {@code --install-kernel}: its command line, the kernel.json it writes, and where. */
class KernelSpecsTest {

    @TempDir
    Path directory;

    @Test
    void theCommandLineCarriesInstallOptionsAndPermissions() {
        CommandLine options = CommandLine.parse(new String[] {"--allow-read=data", "--install-kernel", "--prefix", "/opt/j", "--uninstall"}, true);
        assertEquals(CommandLine.Mode.INSTALL_KERNEL, options.mode());
        assertEquals(List.of("--prefix", "/opt/j", "--uninstall"), options.arguments());
        assertEquals(List.of("--allow-read=" + Path.of("data").toAbsolutePath()), options.permissionFlags());
        assertTrue(options.needsOwnProcess());

        CommandLine kernel = CommandLine.parse(new String[] {"--lang", "r", "--kernel", "/run/k.json"}, false);
        assertEquals(CommandLine.Mode.KERNEL, kernel.mode());
        assertEquals(Language.R, kernel.language());
        assertEquals(Path.of("/run/k.json"), kernel.script());

        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class,
                () -> CommandLine.parse(new String[] {"--user"}, true));
        assertEquals("--user goes with --install-kernel", stray.getMessage());
    }

    @Test
    void kernelJsonStartsTheLauncherWithTheConnectionFileAndInterruptsByMessage() {
        Map<String, Object> spec = KernelSpecs.spec(Language.R, "/home/u/torchglot", List.of("--allow-write=/data"));
        assertEquals(List.of("/home/u/torchglot", "--lang", "r", "--allow-write=/data", "--kernel", "{connection_file}"), spec.get("argv"));
        assertEquals("R", spec.get("language"));
        assertEquals("torchglot (R)", spec.get("display_name"));
        assertEquals("message", spec.get("interrupt_mode"));
        assertEquals(Map.of("TORCHGLOT_ATTACH", "0"), spec.get("env"));
    }

    @Test
    void languageInfoNamesEachLanguageAsNotebooksDo() {
        Map<String, Object> r = LanguageInfo.of(Language.R, "4.2");
        assertEquals(List.of("R", "4.2", "text/x-r-source", ".r", "r", "r"), List.of(r.get("name"), r.get("version"),
                r.get("mimetype"), r.get("file_extension"), r.get("pygments_lexer"), r.get("codemirror_mode")));
        Map<String, Object> js = LanguageInfo.of(Language.JS, "ECMAScript 2024");
        assertEquals(List.of("javascript", "application/javascript", ".js"), List.of(js.get("name"), js.get("mimetype"),
                js.get("file_extension")));
        assertEquals(Map.of("name", "ipython", "version", 3L), LanguageInfo.of(Language.PYTHON, "3.12").get("codemirror_mode"));
    }

    @Test
    void installAndUninstallUnderAPrefix() throws IOException, Json.SyntaxError {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> flags = List.of("--prefix", directory.toString());
        assertEquals(0, KernelSpecs.run(flags, List.of(), "/x/torchglot", print, print));
        Path kernels = directory.resolve("share/jupyter/kernels");
        for (String name : List.of("torchglot-python", "torchglot-r", "torchglot-js")) {
            Map<?, ?> spec = (Map<?, ?>) Json.parse(Files.readString(kernels.resolve(name).resolve("kernel.json")));
            assertEquals("/x/torchglot", ((List<?>) spec.get("argv")).getFirst());
        }
        List<String> uninstall = List.of("--prefix", directory.toString(), "--uninstall");
        assertEquals(0, KernelSpecs.run(uninstall, List.of(), null, print, print));
        assertFalse(Files.exists(kernels.resolve("torchglot-python")), out.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, KernelSpecs.run(flags, List.of(), null, print, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("through the torchglot launcher"));
    }

    @Test
    void theUserDirectoryIsJupytersDataDirectory() {
        Path expected = System.getenv("JUPYTER_DATA_DIR") != null ? Path.of(System.getenv("JUPYTER_DATA_DIR")).toAbsolutePath()
                : System.getenv("XDG_DATA_HOME") != null ? Path.of(System.getenv("XDG_DATA_HOME"), "jupyter")
                : Path.of(System.getProperty("user.home"), ".local/share/jupyter");
        assertEquals(expected.resolve("kernels"), KernelSpecs.kernelsDirectory(List.of("--user")));
    }
}
