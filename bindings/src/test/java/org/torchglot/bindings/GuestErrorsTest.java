package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

class GuestErrorsTest {

    @Test
    void pythonErrorsReadLikeCPythonTracebacks() throws IOException {
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("broken.py"),
                "def f():\n    return qq9\n\nf()\n");
        PolyglotException error = assertThrows(PolyglotException.class, () -> CONTEXT.evalFile(script));
        assertEquals("""
                Traceback (most recent call last):
                  File "%1$s", line 4, in <module>
                    f()
                  File "%1$s", line 2, in f
                    return qq9
                           ^^^
                NameError: name 'qq9' is not defined
                """.formatted(script), CONTEXT.describe(error));
    }

    @Test
    void pythonSyntaxErrorsPointAtTheLine() throws IOException {
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("syntax.py"), "x = 1\nif x\n");
        PolyglotException error = assertThrows(PolyglotException.class, () -> CONTEXT.evalFile(script));
        String described = CONTEXT.describe(error);
        assertEquals("  File \"%s\", line 2".formatted(script), described.lines().findFirst().orElseThrow());
        assertEquals("SyntaxError: expected ':'", described.lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void javascriptErrorsListTheGuestFrames() throws IOException {
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("broken.js"),
                "function g() { return missing + 1; }\ng();\n");
        PolyglotException error = assertThrows(PolyglotException.class, () -> CONTEXT.evalFile(script));
        assertEquals("""
                ReferenceError: missing is not defined
                    at g (%1$s:1:23)
                    at <anonymous> (%1$s:2:1)
                """.formatted(script), CONTEXT.describe(error));
    }

    @Test
    void javascriptTorchErrorsStopAtTheUsersCode() throws IOException {
        // A block keeps these names out of the context's globals, which the module's tests share.
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("shapes.js"),
                "{\nconst torch = require('torch');\nconst a = torch.ones(4, 2);\nconst c = a.matmul(torch.ones(3, 1));\n}\n");
        PolyglotException error = assertThrows(PolyglotException.class, () -> CONTEXT.evalFile(script));
        assertEquals("""
                Error: mat1 and mat2 shapes cannot be multiplied (4x2 and 3x1)
                    at <anonymous> (%1$s:4:11)
                """.formatted(script), CONTEXT.describe(error));
    }
}
