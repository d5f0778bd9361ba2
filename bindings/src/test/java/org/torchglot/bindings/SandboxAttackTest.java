package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile script tries, one language at a time: each attempt is refused with a clear
 * error, and the same context (and the host) carries on.
 */
class SandboxAttackTest {

    private static final TorchglotContext R_CONTEXT = TorchglotContext.builder()
            .languages(Language.R).out(new ByteArrayOutputStream())
            .workingDirectory(PolyglotFixture.WORKING_DIRECTORY).build();

    @AfterAll
    static void closeR() {
        R_CONTEXT.close();
    }

    // ---- Python -----------------------------------------------------------------------------------

    @Test
    void pythonCannotLookUpJavaClasses() {
        assertLastLine(Language.PYTHON, "import java\njava.type('java.lang.Runtime')",
                "KeyError: 'host symbol java.lang.Runtime is not defined or access has been denied'");
    }

    @Test
    void pythonCannotRunPrograms() {
        String refusal = "PermissionError: [Errno 1] running other programs is not allowed in torchglot's sandbox";
        assertLastLine(Language.PYTHON, "import os\nos.system('ls')", refusal);
        assertLastLine(Language.PYTHON, "__import__('subprocess').run(['ls'])", refusal);
        assertLastLine(Language.PYTHON, "import os\nos.popen('ls').read()", refusal);
    }

    @Test
    void pythonCannotReadFilesOutsideItsDirectories() {
        assertLastLine(Language.PYTHON, "open('/etc/passwd').read()",
                "PermissionError: [Errno 1] Operation not permitted: '/etc/passwd'");
        assertLastLine(Language.PYTHON, "import os\nos.listdir('/')", "PermissionError: [Errno 1] Operation not permitted: '/'");
    }

    @Test
    void pythonSeesAnEmptyEnvironment() {
        assertEquals("{} None", CONTEXT.eval(Language.PYTHON,
                "import os\nstr(dict(os.environ)) + ' ' + str(os.getenv('HOME'))").asString());
    }

    @Test
    void pythonHasNoNetwork() {
        PolyglotException refusal = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.PYTHON, "import socket\nsocket.socket()"));
        assertEquals("SandboxError: network access is not allowed in torchglot's sandbox\n", CONTEXT.describe(refusal));
        assertEquals(2, CONTEXT.eval(Language.PYTHON, "1 + 1").asInt());
    }

    @Test
    void pythonGetsPyTorchsErrorForAHundredGigabyteTensor() {
        assertLastLine(Language.PYTHON, "import torch\ntorch.zeros(100000, 1000000)",
                "RuntimeError: DefaultCPUAllocator: can't allocate memory: you tried to allocate 400000000000 bytes. "
                        + "Error code 12 (Cannot allocate memory)");
    }

    @Test
    void pythonCannotLiftTheMemoryGuard() {
        assertLastLine(Language.PYTHON, "import java\njava.type('org.torchglot.engine.tensor.MemoryLimit')",
                "KeyError: 'host symbol org.torchglot.engine.tensor.MemoryLimit is not defined or access has been denied'");
    }

    // ---- JavaScript -------------------------------------------------------------------------------

    @Test
    void javascriptHasNoProcessesEnvironmentFilesOrNetwork() {
        assertEquals("undefined undefined undefined", CONTEXT.eval(Language.JS,
                "`${typeof process.env} ${typeof fetch} ${typeof XMLHttpRequest}`").asString());
        assertRefused(Language.JS, "Java.type('java.lang.ProcessBuilder')",
                "TypeError: Access to host class java.lang.ProcessBuilder is not allowed or does not exist.");
        assertRefused(Language.JS, "require('child_process')", "TypeError: Cannot load module: 'child_process'");
        assertRefused(Language.JS, "read('/etc/passwd')", "Error: Operation is not allowed for: /etc/passwd");
        assertEquals(2, CONTEXT.eval(Language.JS, "1 + 1").asInt());
    }

    // ---- R ----------------------------------------------------------------------------------------

    @Test
    void rCannotRunProgramsOrReadTheEnvironment() {
        PolyglotException refusal = assertThrows(PolyglotException.class, () -> R_CONTEXT.eval(Language.R, "system(\"ls\")"));
        assertTrue(R_CONTEXT.describe(refusal).startsWith(
                "Error in system(\"ls\") : system() is not available in torchglot's sandbox\n"), R_CONTEXT.describe(refusal));
        assertTrue(System.getenv().containsKey("PATH"));
        assertEquals("", R_CONTEXT.eval(Language.R, "Sys.getenv(\"PATH\")").asString());
        assertEquals(2, R_CONTEXT.eval(Language.R, "1 + 1").asInt());
    }

    private static void assertLastLine(Language language, String code, String expected) {
        PolyglotException refusal = assertThrows(PolyglotException.class, () -> CONTEXT.eval(language, code));
        String described = CONTEXT.describe(refusal);
        String[] lines = described.split("\n");
        assertEquals(expected, lines[lines.length - 1], described);
    }

    private static void assertRefused(Language language, String code, String expectedStart) {
        PolyglotException refusal = assertThrows(PolyglotException.class, () -> CONTEXT.eval(language, code));
        String described = CONTEXT.describe(refusal);
        assertTrue(described.startsWith(expectedStart), described);
    }
}
