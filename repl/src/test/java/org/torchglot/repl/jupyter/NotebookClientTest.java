package org.torchglot.repl.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.engine.io.Json;
import org.torchglot.repl.Main;

/**
 * A real Jupyter client: Debian's nbclient executes a notebook per language against kernelspecs written by
 * {@code --install-kernel}, and the outputs it records are checked: printed text, values, an error cell, an
 * interrupted cell and an inline figure. Skipped when nbclient is not installed ({@code .ci/run} installs it).
 */
class NotebookClientTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path directory;

    @Test
    void notebooksRunInEveryLanguageThroughNbclient() throws IOException, InterruptedException, Json.SyntaxError,
            URISyntaxException {
        assumeTrue(nbclientInstalled(), "nbclient is not installed (apt-get install python3-nbclient python3-nbformat"
                + " python3-jupyter-client): skipping the real-client notebook test");
        Path prefix = directory.resolve("prefix");
        ByteArrayOutputStream installed = new ByteArrayOutputStream();
        int status = KernelSpecs.run(List.of("--prefix", prefix.toString()), List.of(), launcher().toString(),
                new PrintStream(installed, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, installed.toString(StandardCharsets.UTF_8));

        Path driver = Path.of(NotebookClientTest.class.getResource("execute_notebooks.py").toURI());
        Path work = Files.createDirectories(directory.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(PYTHON, driver.toString(), work.toString(),
                "torchglot-python", "torchglot-r", "torchglot-js").redirectError(directory.resolve("stderr.txt").toFile());
        builder.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", Files.createDirectories(directory.resolve("runtime")).toString());
        builder.environment().put("JUPYTER_DATA_DIR", directory.resolve("data").toString());
        builder.environment().put("JUPYTER_CONFIG_DIR", directory.resolve("config").toString());
        Process python = builder.start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(10, TimeUnit.MINUTES), "nbclient did not finish");
        String err = Files.readString(directory.resolve("stderr.txt"));
        assertEquals(0, python.exitValue(), "nbclient failed:\n" + err + "\n" + out);
        Map<?, ?> results = (Map<?, ?>) Json.parse(out);

        List<List<Map<?, ?>>> py = cells(results.get("torchglot-python"));
        assertEquals("sum 4.0\n", text(py.get(0), "stream"));
        assertEquals("tensor([[3., 3.],\n        [3., 3.]])", plain(py.get(0), "execute_result"));
        assertEquals("ZeroDivisionError", error(py.get(1)).get("ename"));
        assertEquals("KeyboardInterrupt", error(py.get(2)).get("ename"), "the looping cell was interrupted: " + err);
        String png = (String) ((Map<?, ?>) output(py.get(3), "display_data").get("data")).get("image/png");
        assertEquals("\u0089PNG", new String(Base64.getDecoder().decode(png), 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(text(py.get(4), "stream").contains("torch_tensor\n4"), "the shared tensor in R: " + py.get(4));

        List<List<Map<?, ?>>> r = cells(results.get("torchglot-r"));
        assertTrue(text(r.get(0), "stream").contains("torch_tensor\n4"), r.get(0).toString());
        assertTrue(text(r.get(0), "stream").contains("[1] 2"), r.get(0).toString());
        assertTrue(((String) error(r.get(1)).get("evalue")).contains("bad input"), r.get(1).toString());
        assertEquals("KeyboardInterrupt", error(r.get(2)).get("ename"));

        List<List<Map<?, ?>>> js = cells(results.get("torchglot-js"));
        assertEquals("n 2\n", text(js.get(0), "stream"));
        assertEquals("[ 3, 6 ]", plain(js.get(0), "execute_result"));
        assertEquals("TypeError", error(js.get(1)).get("ename"));
        assertEquals("KeyboardInterrupt", error(js.get(2)).get("ename"));
    }

    /** A launcher standing in for the torchglot script: this test JVM's java, class path and JIT flags. */
    private Path launcher() throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-XX:TieredStopAtLevel=1",
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        String script = "#!/bin/sh\nexec " + String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList())
                + " \"$@\"\n";
        Path launcher = directory.resolve("torchglot");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    private static boolean nbclientInstalled() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import nbclient, nbformat, jupyter_client").redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<Map<?, ?>>> cells(Object kernel) {
        return (List<List<Map<?, ?>>>) kernel;
    }

    private static Map<?, ?> output(List<Map<?, ?>> cell, String type) {
        return cell.stream().filter(o -> type.equals(o.get("output_type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + cell));
    }

    private static Map<?, ?> error(List<Map<?, ?>> cell) {
        return output(cell, "error");
    }

    private static String plain(List<Map<?, ?>> cell, String type) {
        return (String) ((Map<?, ?>) output(cell, type).get("data")).get("text/plain");
    }

    private static String text(List<Map<?, ?>> cell, String type) {
        StringBuilder text = new StringBuilder();
        cell.stream().filter(o -> type.equals(o.get("output_type"))).forEach(o -> text.append(o.get("text")));
        return text.toString();
    }
}
