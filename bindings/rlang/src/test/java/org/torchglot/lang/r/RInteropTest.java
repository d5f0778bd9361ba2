package org.torchglot.lang.r;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.Test;

/** R values seen from a polyglot host, host values used from R, and error locations. */
class RInteropTest {

    @Test
    void valuesAndFunctionsCrossTheBoundary() {
        try (Context ctx = RTestSupport.newContext(new ByteArrayOutputStream())) {
            assertEquals(2, ctx.eval("R", "1 + 1").asInt());
            assertEquals("torch", ctx.eval("R", "paste0('to', 'rch')").asString());
            assertTrue(ctx.eval("R", "3 > 2").asBoolean());
            Value v = ctx.eval("R", "c(1.5, 2.5, 3.5)");
            assertEquals(3, v.getArraySize());
            assertEquals(2.5, v.getArrayElement(1).asDouble());
            assertEquals(42, ctx.eval("R", "function(x) x * 2").execute(21).asInt());
            Value callsHost = ctx.eval("R", "function(f) f(2) + 1");
            assertEquals(11, callsHost.execute((ProxyExecutable) args -> args[0].asInt() * 5).asInt());
            assertEquals("[1] 1 2 3", ctx.eval("R", "1:3").toString());
            ctx.eval("R", "x <- 10");
            assertEquals(15, ctx.eval("R", "x + 5").asInt(), "the global environment persists across evals");
        }
    }

    @Test
    void runtimeErrorsCarryFileAndLine() {
        try (Context ctx = RTestSupport.newContext(new ByteArrayOutputStream())) {
            Source src = Source.newBuilder("R", "f <- function(x) {\n  x + 1\n  stop('bad input')\n}\nf(1)\n", "script.R").buildLiteral();
            PolyglotException e = assertThrows(PolyglotException.class, () -> ctx.eval(src));
            assertEquals("Error in f(1) : bad input", e.getMessage());
            assertEquals(3, e.getSourceLocation().getStartLine());
            assertEquals("script.R", e.getSourceLocation().getSource().getName());
        }
    }

    @Test
    void unfinishedInputIsReportedAsIncomplete() {
        try (Context ctx = RTestSupport.newContext(new ByteArrayOutputStream())) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> ctx.eval("R", "f <- function(x) {\n  x +"));
            assertTrue(e.isSyntaxError());
            assertTrue(e.isIncompleteSource());
            PolyglotException bad = assertThrows(PolyglotException.class, () -> ctx.eval("R", "x y"));
            assertTrue(bad.isSyntaxError());
            assertEquals(false, bad.isIncompleteSource());
            assertEquals("Error: unexpected symbol in \"x y\"", bad.getMessage());
        }
    }
}
