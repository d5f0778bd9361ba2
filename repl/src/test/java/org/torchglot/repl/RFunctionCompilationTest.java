package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * R functions compile with the Graal JIT. This test JVM runs the compiler as the launcher does (repl/pom.xml's
 * argLine); the engine compiles every R function on its first call, in the calling thread, and throws when a
 * compilation fails, so a construct that partial evaluation cannot handle (a recursive runtime helper inlined
 * until "Too deep inlining") fails here instead of leaving R code silently interpreted.
 */
class RFunctionCompilationTest {

    /** Conditions, loops, arithmetic, calls with defaults and list access: what tutorial training loops use. */
    private static final String R_FUNCTIONS = """
            scale_by <- function(v, k = 2) v * k
            step <- function(n) {
              s <- 0
              for (i in 1:n) {
                if (i %% 2 == 0) s <- s + scale_by(i) else s <- s - 1
              }
              while (s > 100) s <- s / 2
              p <- list(a = s, b = n)
              p$a + p[["b"]]
            }
            fib <- function(n) if (n < 2) n else fib(n - 1) + fib(n - 2)
            """;

    /** A top-level loop with next and break, which only on-stack replacement can compile (the script runs once). */
    private static final String R_LOOP = """
            s <- 0
            for (i in 1:50000) {
              if (i %% 2 == 0) next
              if (i > 40001) break
              s <- s + i
            }
            j <- 0
            while (TRUE) {
              j <- j + 1
              if (j >= 20000) break
            }
            s + j
            """;

    @Test
    @Timeout(120)
    void rFunctionRootsCompileWithoutFailure() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = compilingEngine(log, "engine.CompileImmediately", "true");
                Context context = Context.newBuilder("R").engine(engine).build()) {
            assertNotEquals("Interpreted", engine.getImplementationName(), "the test JVM must run the Graal JIT");
            context.eval("R", R_FUNCTIONS);
            assertEquals(65.0, context.eval("R", "step(10)").asDouble(), 1e-12);
            assertEquals(610.0, context.eval("R", "fib(15)").asDouble(), 1e-12);
            String trace = log.toString(StandardCharsets.UTF_8);
            assertTrue(trace.lines().anyMatch(l -> l.contains("opt done") && l.contains("RFunctionRootNode")),
                    "no R function was compiled:\n" + trace);
            assertTrue(trace.lines().noneMatch(l -> l.contains("opt failed")), trace);
        }
    }

    @Test
    @Timeout(180)
    void longLoopsCompileOnStackWithBreakAndNext() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = compilingEngine(log, "engine.OSRCompilationThreshold", "1000");
                Context context = Context.newBuilder("R").engine(engine).build()) {
            // 1 + 3 + ... + 40001, then 20000 passes of the while loop
            assertEquals(20001.0 * 20001.0 + 20000.0, context.eval("R", R_LOOP).asDouble(), 1e-6);
            String trace = log.toString(StandardCharsets.UTF_8);
            for (String pass : new String[] {"ForPass", "WhilePass"}) {
                assertTrue(trace.lines().anyMatch(l -> l.contains("opt done") && l.contains(pass) && l.contains("<OSR>")),
                        "no OSR compilation of " + pass + ":\n" + trace);
            }
            assertTrue(trace.lines().noneMatch(l -> l.contains("opt failed")), trace);
        }
    }

    /** An R engine that compiles in the foreground, fails on any bail-out and traces compilations into {@code log}. */
    private static Engine compilingEngine(ByteArrayOutputStream log, String option, String value) {
        return Engine.newBuilder("R")
                .allowExperimentalOptions(true)
                .option(option, value)
                .option("engine.BackgroundCompilation", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .option("engine.TraceCompilation", "true")
                .logHandler(log)
                .build();
    }
}
