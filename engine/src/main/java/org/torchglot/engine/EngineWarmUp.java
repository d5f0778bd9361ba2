package org.torchglot.engine;

import java.util.List;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * Readies the engine for a short-lived JVM on a background thread: loads the native BLAS and runs one tiny training
 * step, so a script's first step does not wait for either.
 *
 * <p>NOTE: in a direct run the first {@code model(x)} used to load OpenBLAS (dynamic linking of 40 MB of libraries
 * and FFM's first downcalls: 0.3-1.5 s on a busy 2-core machine) inside the script's training loop, while the
 * second core was busy with GraalPy's start-up anyway. The step uses no random numbers and no global state (grad
 * mode is per thread), so the script's results cannot change.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns it at once. */
    public static Thread startInBackground() {
        return Thread.ofPlatform().daemon().name("torchglot-engine-warm-up").start(EngineWarmUp::run);
    }

    private static void run() {
        try {
            // NOTE: 128x256x256 is past NativeBlas's threshold for threads, which reads the system's load once.
            Torch.ones(new int[] {128, 256}, DType.FLOAT32).matmul(Torch.ones(new int[] {256, 256}, DType.FLOAT32));
            Tensor x = Torch.ones(new int[] {32, 32}, DType.FLOAT32);
            Parameter w = new Parameter(Torch.ones(new int[] {32, 32}, DType.FLOAT32));
            Parameter b = new Parameter(Torch.zeros(new int[] {32}, DType.FLOAT32));
            Tensor target = Torch.tensor(new long[32], new int[] {32});
            List<Parameter> params = List.of(w, b);
            for (Optimizer optimizer : List.of(new SGD(params, 1e-3), new Adam(params, 1e-3))) {
                Tensor hidden = Functional.relu(Functional.linear(x, w, b));
                Tensor loss = Functional.crossEntropy(Functional.linear(hidden, w, b), target)
                        .add(Functional.mseLoss(hidden, x));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
                loss.item();
            }
        } catch (RuntimeException | LinkageError e) {
            // NOTE: only a head start; the script meets and reports the same failure on its own thread.
        }
    }
}
