package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Tensor.register_hook: what a hook sees, what its result changes, and remove(). */
class GradHookTest {

    private static Tensor leaf(double... values) {
        return Torch.tensor(values).requiresGrad_(true);
    }

    @Test
    void leafHooksRunInOrderBeforeTheGradientIsAccumulated() {
        Tensor w = leaf(1, 2);
        List<double[]> seen = new ArrayList<>();
        w.registerHook(g -> g.mul(Tensor.scalar(3.0)), "triple");
        w.registerHook(g -> {
            seen.add(g.toDoubleArray());
            return null;
        }, "observe");
        w.mul(w).sum().backward();
        assertArrayEquals(new double[] {6, 12}, seen.get(0), "the second hook sees the first one's result");
        assertArrayEquals(new double[] {6, 12}, w.grad().toDoubleArray());
    }

    @Test
    void aHookOnAnIntermediateChangesWhatFlowsToTheLeaves() {
        Tensor a = leaf(1, 2);
        Tensor b = a.mul(Tensor.scalar(3.0));
        List<double[]> seen = new ArrayList<>();
        b.registerHook(g -> {
            seen.add(g.toDoubleArray());
            return g.add(Tensor.scalar(1.0));
        }, "shift");
        b.mul(b).add(b).sum().backward();
        assertEquals(1, seen.size(), "once, with both paths' gradients summed");
        assertArrayEquals(new double[] {7, 13}, seen.get(0));
        assertArrayEquals(new double[] {24, 42}, a.grad().toDoubleArray());
    }

    @Test
    void removedHooksNoLongerRunAndAutogradGradSeesHooks() {
        Tensor w = leaf(1, 2);
        GradHook.Handle handle = w.registerHook(g -> g.mul(Tensor.scalar(10.0)), "scale");
        Tensor viaGrad = Backward.grad(List.of(w.mul(w).sum()), List.of(w), null, false, false, false).get(0);
        assertArrayEquals(new double[] {20, 40}, viaGrad.toDoubleArray());
        handle.remove();
        handle.remove();
        w.mul(w).sum().backward();
        assertArrayEquals(new double[] {2, 4}, w.grad().toDoubleArray());
    }

    @Test
    void refusesTensorsWithoutGradAndHooksThatChangeTheShape() {
        TorchException noGrad = assertThrows(TorchException.class, () -> Torch.ones(2).registerHook(g -> g, "h"));
        assertEquals("cannot register a hook on a tensor that doesn't require gradient", noGrad.getMessage());
        Tensor c = leaf(1, 1);
        c.registerHook(Tensor::sum, "sumHook");
        TorchException resized = assertThrows(TorchException.class, () -> c.mul(Tensor.scalar(2.0)).sum().backward());
        assertEquals("hook 'sumHook' has changed the size of value", resized.getMessage());
    }
}
