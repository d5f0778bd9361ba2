package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TorchglotContextTest {

    @Test
    void everyContextSharesTheOneEngine() {
        try (TorchglotContext second = TorchglotContext.builder().languages(Language.JS).build()) {
            assertSame(SharedEngine.get(), CONTEXT.polyglot().getEngine());
            assertSame(SharedEngine.get(), second.polyglot().getEngine());
        }
    }

    @Test
    void pythonImportsTheBundledTorchPackage() {
        assertEquals(TorchglotVersion.TORCH_VERSION,
                CONTEXT.eval(Language.PYTHON, "import torch\ntorch.__version__").asString());
    }

    @Test
    void pythonSeesProgramArgumentsAndRunsAsMain() {
        CONTEXT.eval(Language.PYTHON, "import sys\nprint(sys.argv, __name__)");
        assertEquals("['script.py', 'first', 'second'] __main__\n", PolyglotFixture.takeOutput());
    }

    @Test
    void javascriptRequiresTheBundledTorchModule() {
        assertEquals(TorchglotVersion.TORCH_VERSION,
                CONTEXT.eval(Language.JS, "require('torch').__version__").asString());
    }

    @Test
    void javascriptSeesProgramArgumentsInProcessArgv() {
        assertEquals("torchglot,script.py,first,second",
                CONTEXT.eval(Language.JS, "process.argv.join(',')").asString());
    }

    @Test
    void anEcmaScriptModuleImportsTorch() throws IOException {
        Path module = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("imports.mjs"),
                "import * as torch from 'torch';\nconsole.log('torch', torch.__version__);\n");
        CONTEXT.evalFile(module);
        assertEquals("torch 1.13.1\n", PolyglotFixture.takeOutput());
    }

    @Test
    void evalFileRunsPythonFromItsExtension() throws IOException {
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("hello.py"),
                "print('hello from', __file__.rsplit('/', 1)[-1])\n");
        CONTEXT.evalFile(script);
        assertEquals("hello from hello.py\n", PolyglotFixture.takeOutput());
    }

    @Test
    void evalFileRejectsAnUnknownExtension() {
        assertThrows(IllegalArgumentException.class, () -> CONTEXT.evalFile(Path.of("notes.txt")));
    }

    @Test
    void languagesComeFromFileExtensionsAndNames() {
        assertEquals(Language.JS, Language.forFile(Path.of("a/b.mjs")).orElseThrow());
        assertEquals(Language.R, Language.forFile(Path.of("train.R")).orElseThrow());
        assertEquals(Language.R, Language.forFile(Path.of("train.r")).orElseThrow());
        assertEquals(List.of(Language.PYTHON), Language.forName("Python").stream().toList());
        assertEquals(List.of(), Language.forName("ruby").stream().toList());
    }
}
