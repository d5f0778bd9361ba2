package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every tutorial in scripts/ that has its expected output beside it ({@code xor.py} +
 * {@code xor.py.out}) and compares what it prints. A script with a {@code .err} file instead is
 * expected to fail with exit status 1 and exactly that error text. The expected files are written
 * by tools/golden (from real PyTorch where it applies) and reviewed by a person, never by this test.
 */
class ScriptGoldenTest {
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> scriptsPrintTheirExpectedOutput() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            scripts = files.filter(p -> Files.exists(Path.of(p + ".out")) || Files.exists(Path.of(p + ".err")))
                    .sorted().toList();
        }
        return scripts.stream().map(s -> DynamicTest.dynamicTest(SCRIPTS.relativize(s).toString(), () -> check(s)));
    }

    private static void check(Path script) throws IOException {
        // Each script runs in a scratch copy of its folder, so files it writes (figures) stay out of the tree.
        Path work = Files.createTempDirectory("torchglot-golden");
        Path copy = work.resolve(script.getFileName());
        Files.copy(script, copy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new ScriptRunner(o, e, new ByteArrayInputStream(new byte[0]), false).runFile(copy, List.of());
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8).replace(work.toString() + "/", "");
        Path expectedErr = Path.of(script + ".err");
        if (Files.exists(expectedErr)) {
            assertEquals(1, status, "exit status; stderr was:\n" + stderr);
            assertEquals(Files.readString(expectedErr), stderr, "error output");
        } else {
            assertEquals(0, status, "exit status; stderr was:\n" + stderr);
        }
        Path expectedOut = Path.of(script + ".out");
        if (Files.exists(expectedOut)) {
            assertEquals(Files.readString(expectedOut), stdout, "standard output");
        }
    }
}
