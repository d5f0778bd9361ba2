package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** np.save/np.load and the text functions go through the sandbox's file system, like any file a script opens. */
class NumpyFilesTest {

    @Test
    void arraysRoundTripThroughNpyAndCsvInTheWorkingDirectory() throws Exception {
        String result = CONTEXT.eval(Language.PYTHON, """
                import numpy as np, torch
                t = torch.arange(6.).reshape(2, 3)
                np.save('shared.npy', t.numpy())
                np.savetxt('shared.csv', t.numpy(), delimiter=',')
                back = np.load('shared.npy')
                text = np.loadtxt('shared.csv', delimiter=',')
                (back.shape, back.dtype.name, bool((back == text).all()), torch.from_numpy(back).sum().item())
                """).toString();
        assertEquals("((2, 3), 'float32', True, 15.0)", result);
        byte[] npy = Files.readAllBytes(PolyglotFixture.WORKING_DIRECTORY.resolve("shared.npy"));
        assertEquals(128 + 6 * 4, npy.length, "a 128-byte header (aligned to 64) and six float32 values");
        assertTrue(Files.readString(PolyglotFixture.WORKING_DIRECTORY.resolve("shared.csv"))
                .startsWith("0.000000000000000000e+00,1.000000000000000000e+00"));
    }

    @Test
    void savingOutsideTheWorkingDirectoryIsRefused() {
        Path outside = PolyglotFixture.WORKING_DIRECTORY.getParent().resolve("torchglot-numpy-escape.npy");
        PolyglotException refusal = assertThrows(PolyglotException.class, () -> CONTEXT.eval(Language.PYTHON,
                "import numpy as np\nnp.save('../torchglot-numpy-escape.npy', np.zeros(2))"));
        assertTrue(CONTEXT.describe(refusal).contains("PermissionError"), CONTEXT.describe(refusal));
        assertFalse(Files.exists(outside));
    }
}
