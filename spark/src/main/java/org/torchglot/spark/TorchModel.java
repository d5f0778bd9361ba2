package org.torchglot.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

/**
 * A trained model as executors receive it: how to build its module, and its state dict as the
 * bytes of a PyTorch {@code .pt} file (the format {@code torch.save} writes).
 */
public final class TorchModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ModuleSpec module;
    private final byte[] stateDict;
    /** Outputs per row by input width, probed on the driver (see BatchScorer); not shipped to executors. */
    private transient Map<Integer, Integer> probes;

    private TorchModel(ModuleSpec module, byte[] stateDict) {
        this.module = Objects.requireNonNull(module, "module");
        this.stateDict = Objects.requireNonNull(stateDict, "stateDict");
    }

    /** A model from its module and a state dict held in memory. */
    public static TorchModel of(ModuleSpec module, Map<String, Tensor> stateDict) {
        return new TorchModel(module, TorchIO.toBytes(new LinkedHashMap<>(stateDict), "model"));
    }

    /** A model from its module and a state dict saved by {@code torch.save} (or torchglot) in {@code ptFile}. */
    public static TorchModel load(ModuleSpec module, Path ptFile) {
        return of(module, stateDict(TorchIO.load(ptFile), ptFile.toString()));
    }

    /** A model from its module and the bytes of a {@code .pt} file. */
    public static TorchModel fromBytes(ModuleSpec module, byte[] ptFile) {
        stateDict(TorchIO.fromBytes(ptFile, "state dict").value(), "state dict");
        return new TorchModel(module, ptFile.clone());
    }

    public ModuleSpec module() {
        return module;
    }

    /** The state dict as the bytes of a {@code .pt} file. */
    public byte[] stateDictBytes() {
        return stateDict.clone();
    }

    /** The state dict as tensors. */
    public Map<String, Tensor> stateDict() {
        return stateDict(TorchIO.fromBytes(stateDict, "state dict").value(), "state dict");
    }

    /** Builds the module, loads the weights (every key must match) and switches it to evaluation mode. */
    public LoadedModule open() {
        LoadedModule loaded = module.instantiate();
        try {
            Module net = loaded.module();
            net.loadStateDict(stateDict(), true);
            net.eval();
            return loaded;
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    synchronized Map<Integer, Integer> probeCache() {
        if (probes == null) {
            probes = new ConcurrentHashMap<>();
        }
        return probes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> stateDict(Object value, String source) {
        if (!(value instanceof Map<?, ?> map) || !map.values().stream().allMatch(Tensor.class::isInstance)
                || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(source + " does not hold a state dict (a dict of names to tensors)");
        }
        return (Map<String, Tensor>) map;
    }
}
