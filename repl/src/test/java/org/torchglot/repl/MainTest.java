package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.SharedEngine;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void versionNamesTheReleaseTheCompilerAndTheBlas() {
        assertEquals(0, run("--version"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("torchglot 0.1.0 (" + SharedEngine.implementationName() + " on Java " + Runtime.version() + ")",
                lines[0]);
        // The build bundles OpenBLAS, which the default choice loads first.
        assertTrue(lines[1].matches("BLAS: OpenBLAS 0\\.3\\.31 .* \\(bundled, up to \\d+ threads?\\) at .*libopenblas.*"),
                lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void theTestJvmRunsWithTheGraalJitLikeTheLauncher() {
        assertEquals("GraalVM CE", SharedEngine.implementationName());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("torchglot: unknown option: --frobnicate\nusage:"));
    }

    @Test
    void optionsStopAtTheScript() {
        CommandLine options = CommandLine.parse(new String[] {"--lang", "js", "train.py", "--lang", "R"}, false);
        assertEquals(CommandLine.Mode.SCRIPT, options.mode());
        assertEquals(Path.of("train.py"), options.script());
        assertEquals(List.of("--lang", "R"), options.arguments());
    }

    @Test
    void withoutAScriptStandardInputIsTheProgramUnlessItIsATerminal() {
        assertEquals(CommandLine.Mode.STDIN, CommandLine.parse(new String[] {"--lang=js"}, false).mode());
        assertEquals(Language.JS, CommandLine.parse(new String[] {"--lang=js"}, false).language());
        assertEquals(CommandLine.Mode.REPL, CommandLine.parse(new String[0], true).mode());
    }

    @Test
    void aDashNamesStandardInputAndTheArgumentsFollowIt() {
        CommandLine options = CommandLine.parse(new String[] {"--lang", "R", "-", "a", "--b"}, true);
        assertEquals(CommandLine.Mode.STDIN, options.mode());
        assertEquals(Language.R, options.language());
        assertEquals(List.of("a", "--b"), options.arguments());
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
