package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The engine's torch.autograd.gradcheck: it accepts correct gradients and words a mismatch as PyTorch 1.13 does. */
class GradientCheckTest {

    private static Tensor input() {
        return Torch.tensor(new double[] {1, 2, 0.5, -1}, new int[] {2, 2}, DType.FLOAT64).requiresGrad_(true);
    }

    /** x^3 with a backward of factor times x^(power) times grad. */
    private static GradientCheck.Function cube(double factor, double power) {
        return inputs -> {
            Tensor x = inputs.get(0);
            Tensor out;
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                out = x.pow(3.0);
            }
            return CustomFunction.record("Cube", List.of(x), out,
                    g -> List.of(x.detach().pow(power).mul(Tensor.scalar(factor)).mul(g)));
        };
    }

    @Test
    void aCorrectBackwardPassesAndAWrongOneFailsWithBothJacobians() {
        assertTrue(GradientCheck.gradcheck(cube(3, 2), List.of(input()), 1e-6, 1e-5, 1e-3, true, 0));
        assertFalse(GradientCheck.gradcheck(cube(2, 1), List.of(input()), 1e-6, 1e-5, 1e-3, false, 0));
        TorchException e = assertThrows(TorchException.class,
                () -> GradientCheck.gradcheck(cube(2, 1), List.of(input()), 1e-6, 1e-5, 1e-3, true, 0));
        assertEquals("GradcheckError", e.pythonName());
        assertEquals("""
                Jacobian mismatch for output 0 with respect to input 0,
                numerical:tensor([[ 3.0000,  0.0000,  0.0000,  0.0000],
                        [ 0.0000, 12.0000,  0.0000,  0.0000],
                        [ 0.0000,  0.0000,  0.7500,  0.0000],
                        [ 0.0000,  0.0000,  0.0000,  3.0000]], dtype=torch.float64)
                analytical:tensor([[ 2.,  0.,  0.,  0.],
                        [ 0.,  4.,  0.,  0.],
                        [ 0.,  0.,  1.,  0.],
                        [-0., -0., -0., -2.]], dtype=torch.float64)
                """, e.getMessage());
    }

    @Test
    void aJacobianPastTheMemoryGuardIsRefusedBeforeAnyPerturbation() {
        Tensor wide = Torch.zeros(65536).requiresGrad_(true);  // its Jacobian: 2^32 doubles, an int size of 0
        int[] calls = {0};
        GradientCheck.Function identity = inputs -> {
            calls[0]++;
            return inputs.get(0).mul(1.0);
        };
        TorchException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(TorchException.class,
                        () -> GradientCheck.gradcheck(identity, List.of(wide), 1e-6, 1e-5, 1e-3, true, 0)));
        assertEquals("RuntimeError", e.pythonName());
        assertEquals(1, calls[0], "refused after the first call, before 2 x 65536 perturbed ones");
    }

    @Test
    void gradgradcheckDifferentiatesTheBackward() {
        GradientCheck.Function tanh = inputs -> inputs.get(0).tanh().mul(inputs.get(1));
        Tensor other = Torch.tensor(new double[] {0.3, -0.7, 1.1, 0.2}, new int[] {2, 2}, DType.FLOAT64).requiresGrad_(true);
        assertTrue(GradientCheck.gradgradcheck(tanh, List.of(input(), other), null, 1e-6, 1e-5, 1e-3, true, 0));
    }

    @Test
    void inputsThatNeedNoGradientAreRefusedAsInPyTorch() {
        Tensor constant = Torch.tensor(new double[] {1, 2}, new int[] {2}, DType.FLOAT64);
        TorchException e = assertThrows(TorchException.class,
                () -> GradientCheck.gradcheck(inputs -> inputs.get(0), List.of(constant), 1e-6, 1e-5, 1e-3, false, 0));
        assertEquals("ValueError", e.pythonName());
        Tensor single = Torch.tensor(new double[] {1, 2}, new int[] {2}, DType.FLOAT32).requiresGrad_(true);
        assertEquals(1, GradientCheck.inputWarnings(List.of(single)).size());
    }
}
