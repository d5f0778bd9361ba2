package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import org.junit.jupiter.api.Test;

/** torch.arange's dtype in Python follows the bounds' Python types, as in PyTorch 1.13, not their values. */
class PythonArangeTest {

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import torch\n" + code);
        return PolyglotFixture.takeOutput();
    }

    @Test
    void anyFloatBoundGivesFloat32AndAllIntsGiveInt64() {
        assertEquals("torch.float32 torch.float32 torch.float32 torch.float32 torch.int64 torch.int64\n", python("""
                print(torch.arange(6.).dtype, torch.arange(0, 1, 0.25).dtype, torch.arange(2., 6).dtype,
                      torch.arange(0, 6, step=2.0).dtype, torch.arange(5).dtype, torch.arange(0, 6, 2).dtype)
                """));
    }

    @Test
    void wholeFloatBoundsPrintAsFloatsAndTheDtypeArgumentStillWins() {
        assertEquals("tensor([0., 1., 2.]) tensor([0, 1, 2]) tensor([2., 4.], dtype=torch.float64)\n", python("""
                print(torch.arange(3.), torch.arange(3.0, dtype=torch.int64), torch.arange(2, 6, 2, dtype=torch.float64))
                """));
    }

    @Test
    void aTensorBoundCountsByItsDtype() {
        assertEquals("torch.float32 torch.int64\n", python("""
                print(torch.arange(torch.tensor(4.)).dtype, torch.arange(torch.tensor(4)).dtype)
                """));
    }
}
