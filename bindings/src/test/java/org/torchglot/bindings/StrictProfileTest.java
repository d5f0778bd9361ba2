package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** The strict profile for embedding applications: no files, a time limit, a memory guard. */
class StrictProfileTest {

    private static final Duration LIMIT = Duration.ofMillis(300);
    // NOTE: loading the torch package takes longer than 300 ms in the interpreter these tests run in.
    private static final Duration TORCH_LIMIT = Duration.ofSeconds(30);

    private static TorchglotContext strict(Language language) {
        return strict(language, LIMIT);
    }

    private static TorchglotContext strict(Language language, Duration limit) {
        return TorchglotContext.builder().languages(language).out(new ByteArrayOutputStream())
                .workingDirectory(PolyglotFixture.WORKING_DIRECTORY)
                .strict(limit, 1 << 20).build();
    }

    @Test
    void anEndlessJavaScriptLoopIsInterruptedAndTheContextLivesOn() {
        try (TorchglotContext context = strict(Language.JS)) {
            ScriptTimeoutException timeout = assertThrows(ScriptTimeoutException.class,
                    () -> context.eval(Language.JS, "while (true) {}"));
            assertEquals("script exceeded the time limit of 300ms", timeout.getMessage());
            assertFalse(timeout.contextClosed());
            assertEquals(2, context.eval(Language.JS, "1 + 1").asInt());
        }
    }

    @Test
    void anEndlessRLoopIsInterruptedAndTheContextLivesOn() {
        try (TorchglotContext context = strict(Language.R)) {
            ScriptTimeoutException timeout = assertThrows(ScriptTimeoutException.class,
                    () -> context.eval(Language.R, "i <- 0\nrepeat { i <- i + 1 }"));
            assertEquals("script exceeded the time limit of 300ms", timeout.getMessage());
            assertEquals(2, context.eval(Language.R, "1 + 1").asInt());
        }
    }

    @Test
    void rLoopsRecursionAndApplyBuiltinsStopAtTheTimeLimitAndKeepTheirVariables() {
        try (TorchglotContext context = strict(Language.R)) {
            for (String endless : new String[] {"while (TRUE) {}", "while (TRUE) i <- i + 1",
                    "g <- function(n) if (n <= 1) n else g(n - 1) + g(n - 2)\ng(60)", "y <- sapply(1:1e7, abs)",
                    "Reduce(max, 1:1e7)"}) {
                context.eval(Language.R, "i <- 1");
                ScriptTimeoutException timeout = assertThrows(ScriptTimeoutException.class,
                        () -> context.eval(Language.R, endless), endless);
                assertEquals("script exceeded the time limit of 300ms", timeout.getMessage());
                assertTrue(context.eval(Language.R, "i").asInt() >= 1, endless);
            }
        }
    }

    /**
     * GraalPy does not always stop for an interrupt; then the watchdog cancels its context, which
     * closes it. Either way the engine and the other contexts carry on.
     */
    @Test
    void anEndlessPythonLoopIsStoppedAndTheEngineLivesOn() {
        TorchglotContext context = strict(Language.PYTHON);
        context.initialise(Language.PYTHON);
        ScriptTimeoutException timeout = assertThrows(ScriptTimeoutException.class,
                () -> context.eval(Language.PYTHON, "while True:\n    pass\n"));
        assertEquals("script exceeded the time limit of 300ms", timeout.getMessage());
        if (timeout.contextClosed()) {
            IllegalStateException closed = assertThrows(IllegalStateException.class,
                    () -> context.eval(Language.PYTHON, "1"));
            assertEquals("the torchglot context is closed (its script exceeded the time limit of 300ms)",
                    closed.getMessage());
        } else {
            assertEquals(2, context.eval(Language.PYTHON, "1 + 1").asInt());
        }
        context.close();
        assertSame(SharedEngine.get(), PolyglotFixture.CONTEXT.polyglot().getEngine());
        assertEquals(2, PolyglotFixture.CONTEXT.eval(Language.PYTHON, "1 + 1").asInt());
    }

    @Test
    void aFastScriptIsNotStopped() {
        try (TorchglotContext context = strict(Language.JS, TORCH_LIMIT)) {
            assertEquals(6.0, context.eval(Language.JS, "require('torch').ones(2, 3).sum().item()").asDouble());
        }
    }

    @Test
    void theMemoryGuardAppliesWhileTheScriptRuns() {
        try (TorchglotContext context = strict(Language.JS, TORCH_LIMIT)) {
            PolyglotException refusal = assertThrows(PolyglotException.class,
                    () -> context.eval(Language.JS, "require('torch').zeros(1000, 1000)"));
            assertTrue(context.describe(refusal).startsWith("Error: DefaultCPUAllocator: can't allocate memory: "
                    + "you tried to allocate 4000000 bytes. Error code 12 (Cannot allocate memory)\n"), context.describe(refusal));
        }
    }

    @Test
    void scriptsSeeNoFilesAtAll() throws IOException {
        String file = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("visible.txt"), "data").toString();
        try (TorchglotContext context = strict(Language.JS)) {
            PolyglotException refusal = assertThrows(PolyglotException.class,
                    () -> context.eval(Language.JS, "read('" + file + "')"));
            assertTrue(context.describe(refusal).startsWith("Error: Operation is not allowed for: "), context.describe(refusal));
        }
        assertEquals("data", PolyglotFixture.CONTEXT.eval(Language.JS, "read('" + file + "')").asString());
    }
}
