package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

class SandboxTest {

    @Test
    void javascriptCannotLookUpArbitraryJavaClasses() {
        PolyglotException refusal = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.JS, "Java.type('java.lang.Runtime')"));
        assertEquals("TypeError: Access to host class java.lang.Runtime is not allowed or does not exist.\n"
                + "    at <anonymous> (<string>:1:1)\n", CONTEXT.describe(refusal));
    }

    @Test
    void javascriptReachesTheExportedApi() {
        assertEquals(TorchglotVersion.VERSION,
                CONTEXT.eval(Language.JS, "Java.type('org.torchglot.bindings.TorchglotVersion').get()").asString());
    }

    @Test
    void pythonCannotStartProcesses() {
        PolyglotException refusal = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.PYTHON, "import os\nos.system('true')"));
        assertTrue(CONTEXT.describe(refusal).endsWith(
                "PermissionError: [Errno 1] running other programs is not allowed in torchglot's sandbox\n"));
    }

    @Test
    void pythonCannotReadFilesOutsideTheWorkingDirectory() {
        PolyglotException refusal = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.PYTHON, "open('/etc/hostname').read()"));
        String described = CONTEXT.describe(refusal);
        assertTrue(described.startsWith("Traceback (most recent call last):\n"), described);
        assertTrue(described.endsWith("PermissionError: [Errno 1] Operation not permitted: '/etc/hostname'\n"), described);
    }

    @Test
    void pythonReadsAndWritesInTheWorkingDirectory() throws IOException {
        CONTEXT.eval(Language.PYTHON, "with open('written.txt', 'w') as f:\n    f.write('kept')\n");
        Path written = PolyglotFixture.WORKING_DIRECTORY.resolve("written.txt");
        assertEquals("kept", Files.readString(written));
        assertEquals("kept", CONTEXT.eval(Language.PYTHON, "open('written.txt').read()").asString());
    }

    @Test
    void pythonCannotReadTheEnvironment() {
        assertTrue(System.getenv().containsKey("PATH"));
        assertEquals("None None", CONTEXT.eval(Language.PYTHON,
                "import os\nstr(os.environ.get('PATH')) + ' ' + str(os.environ.get('HOME'))").asString());
    }

    @Test
    void openedSandboxAllowsJavaClassesThroughItsOwnEngine() {
        try (TorchglotContext open = TorchglotContext.builder().languages(Language.JS).allowHostAccess(true).build()) {
            assertEquals("ab", open.eval(Language.JS,
                    "new (Java.type('java.lang.StringBuilder'))('a').append('b').toString()").asString());
            assertNotSame(SharedEngine.get(), open.polyglot().getEngine());
        }
    }
}
