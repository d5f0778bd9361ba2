package org.torchglot.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.tensor.Tensor;

/**
 * What data-parallel training gives back to the driver: the trained state dict, the mean loss of
 * each synchronisation (every step when gradients are averaged, every K steps when parameters are),
 * how many workers took part and how long training took.
 */
public record TrainingResult(Map<String, Tensor> stateDict, List<Double> losses, int workers, double seconds) {

    /** Saves the state dict in PyTorch's format: {@code torch.load} reads it in Python, R and JavaScript. */
    public void save(Path ptFile) {
        TorchIO.save(stateDict, ptFile);
    }

    /** The trained model, ready for {@link BatchScorer} or {@link TorchTransformer}. */
    public TorchModel model(ModuleSpec module) {
        return TorchModel.of(module, stateDict);
    }
}
