package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's keyword names and torch.linalg as each language spells them: torch.matmul(input=..., other=...),
 * help() showing the function form's names, linalg's named results, numpy.linalg's LinAlgError, JavaScript's
 * torch.linalg and R's linalg_*.
 */
class LinalgBindingsTest {

    private static String python(String code) {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, "import torch\n" + code);
        return PolyglotFixture.takeOutput();
    }

    @Test
    void functionsTakeInputWhereMethodsHaveTheirReceiver() {
        assertEquals("(input, other) tensor([[ 7., 10.]])\n(tensor, split_size_or_sections, dim=0) 2 2\n", python("""
                import inspect
                x, w = torch.tensor([[1., 2.]]), torch.tensor([[1., 2.], [3., 4.]])
                print(inspect.signature(torch.matmul), torch.matmul(input=x, other=w))
                print(inspect.signature(torch.split), len(torch.split(tensor=torch.arange(4), split_size_or_sections=2)),
                      len(torch.arange(4).split(split_size=2)))
                """));
    }

    @Test
    void linalgReturnsPyTorchsNamedResults() {
        assertEquals("""
                torch.return_types.linalg_slogdet(
                sign=tensor(-1., dtype=torch.float64),
                logabsdet=tensor(0.6931, dtype=torch.float64))
                tensor([[0.0000, 1.0000],
                        [0.5000, 0.0000]], dtype=torch.float64) LinalgInvExBackward0
                """, python("""
                a = torch.tensor([[0., 2.], [1., 0.]], dtype=torch.float64)
                print(torch.linalg.slogdet(a))
                print(torch.linalg.inv(a), torch.linalg.inv(a.requires_grad_()).grad_fn.name())
                """));
    }

    @Test
    void numpyLinalgRaisesLinAlgErrorForASingularMatrix() {
        assertEquals("LinAlgError Singular matrix 5.000000000000001\n", python("""
                import numpy as np
                try:
                    np.linalg.inv(np.array([[1., 2.], [2., 4.]]))
                except np.linalg.LinAlgError as e:
                    print(type(e).__name__, e, np.linalg.det(np.array([[2., 1.], [1., 3.]])))
                """));
    }

    @Test
    void javascriptHasTorchLinalg() {
        assertEquals("2 1.6094", CONTEXT.eval(Language.JS, """
                (() => {
                  const torch = require('torch');
                  const r = torch.linalg.slogdet(torch.tensor([[2, 1], [1, 3]], {dtype: torch.float64}));
                  return `${torch.linalg.matrixRank(torch.eye(2)).item()} ${r.logabsdet.item().toFixed(4)}`;
                })()
                """).asString());
    }

    @Test
    void rHasLinalgFunctionsWithOneBasedDims() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TorchglotContext r = TorchglotContext.builder().languages(Language.R).out(out).build()) {
            r.eval(Language.R, """
                    library(torch)
                    a <- torch_tensor(matrix(c(3, 4, 0, 0), 2, 2))
                    print(as.numeric(linalg_vector_norm(a, dim = 1)))
                    print(as.numeric(linalg_det(torch_eye(2) * 2)))
                    """);
        }
        assertEquals("[1] 5 0\n[1] 4\n", out.toString(StandardCharsets.UTF_8));
    }
}
