package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import org.junit.jupiter.api.Test;

/** numpy arrays and torch tensors share memory both ways; numpy.random is seeded and separate from torch's. */
class NumpyTorchTest {

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import numpy as np\nimport torch\n" + code);
        return PolyglotFixture.takeOutput();
    }

    @Test
    void fromNumpySharesTheArraysMemoryBothWays() {
        assertEquals("tensor([5., 0., 7.], dtype=torch.float64)\n[5. 0. 7.]\n", python("""
                a = np.zeros(3)
                t = torch.from_numpy(a)
                t[0] = 5
                a[2] = 7
                print(t)
                print(a)
                """));
    }

    @Test
    void aUfuncsOutArgumentWritesIntoTheTensorsMemory() {
        assertEquals("tensor([1., 2., 3.])\ntensor([0., 2., 3.])\n", python("""
                t = torch.zeros(3)
                n = t.numpy()
                np.add(n, [1, 2, 3], out=n)
                print(t)
                np.multiply(n, 0, out=n, where=np.array([True, False, False]))
                print(t)
                """));
    }

    @Test
    void numpyOfATensorSharesItsMemoryAndKeepsFloat32() {
        assertEquals("float32 [2. 2.]\ntensor([2., 2.])\n", python("""
                t = torch.ones(2)
                n = t.numpy()
                n += 1
                print(n.dtype, n)
                print(t)
                """));
    }

    @Test
    void numpyOfATensorThatRequiresGradFailsAsInPyTorch() {
        assertEquals("RuntimeError Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.\n",
                python("""
                        try:
                            torch.ones(2, requires_grad=True).numpy()
                        except RuntimeError as e:
                            print(type(e).__name__, e)
                        """));
    }

    @Test
    void theRegressionTutorialsConversionsGiveFloat32Columns() {
        assertEquals("torch.Size([100, 1]) torch.float32 (100, 1) float32\n", python("""
                x = np.linspace(0, 5, 100)
                t = torch.from_numpy(x).float().unsqueeze(1)
                back = t.detach().numpy()
                print(t.shape, t.dtype, back.shape, back.dtype)
                """));
    }

    @Test
    void numpyRandomRepeatsAfterSeedAndIgnoresTorchsSeed() {
        String out = python("""
                np.random.seed(3)
                first = np.random.rand(4).tolist()
                torch.manual_seed(99)
                np.random.seed(3)
                print(first == np.random.rand(4).tolist())
                np.random.seed(4)
                print(first == np.random.rand(4).tolist())
                """);
        assertEquals("True\nFalse\n", out);
    }

    @Test
    void numpyRandomSamplesHaveNumpysShapesDtypesAndRanges() {
        assertEquals("""
                (2, 3) float64 True
                (1000,) float64 True
                (5,) int64 True
                <class 'float'> True
                (32,) True
                (4,) True
                (50,) True
                True
                """, python("""
                np.random.seed(0)
                u = np.random.rand(2, 3)
                print(u.shape, u.dtype, bool(((u >= 0) & (u < 1)).all()))
                n = np.random.randn(1000)
                print(n.shape, n.dtype, abs(n.mean()) < 0.2 and abs(n.std() - 1) < 0.1)
                r = np.random.randint(2, 6, size=5)
                print(r.shape, r.dtype, bool(((r >= 2) & (r < 6)).all()))
                print(type(float(np.random.rand())), 0 <= np.random.rand() < 1)
                data = np.random.rand(1000) * 5
                batch = np.random.choice(data, 32)
                print(batch.shape, all(v in data.tolist() for v in batch.tolist()))
                un = np.random.uniform(-1, 1, size=4)
                print(un.shape, bool(((un >= -1) & (un < 1)).all()))
                g = np.random.normal(10.0, 0.5, size=50)
                print(g.shape, bool(abs(g.mean() - 10) < 0.5))
                s = np.arange(10)
                np.random.shuffle(s)
                print(sorted(s.tolist()) == list(range(10)))
                """));
    }

    @Test
    void shuffleUsesTheSeededStream() {
        String a = python("np.random.seed(1)\nx = np.arange(20)\nnp.random.shuffle(x)\nprint(x.tolist())");
        String b = python("np.random.seed(1)\nx = np.arange(20)\nnp.random.shuffle(x)\nprint(x.tolist())");
        assertEquals(a, b);
        assertNotEquals("[" + String.join(", ", java.util.stream.IntStream.range(0, 20).mapToObj(String::valueOf)
                .toList()) + "]\n", a);
    }

    @Test
    void torchOperatorsAcceptNumpyArrays() {
        assertEquals("tensor([2., 4.], dtype=torch.float64)\n", python("print(torch.ones(2, dtype=torch.float64) * np.array([2.0, 4.0]))"));
    }
}
