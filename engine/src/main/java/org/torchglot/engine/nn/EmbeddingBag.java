package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.functional.Embeddings;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.EmbeddingBag(num_embeddings, embedding_dim, max_norm=None, norm_type=2.0, mode='mean',
 * padding_idx=None)}: the sum, mean or max of each bag's embeddings, called as
 * {@code bag(input, offsets=None, per_sample_weights=None)}; weights start as N(0, 1) like Embedding's.
 */
public class EmbeddingBag extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Number maxNorm;
    private final Number normType;
    private final String mode;
    private final boolean includeLastOffset;
    private final Long paddingIdx;

    public EmbeddingBag(int numEmbeddings, int embeddingDim, Number maxNorm, Number normType, String mode,
            boolean includeLastOffset, Long paddingIdx, Tensor weight) {
        if (paddingIdx != null) {
            if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
                throw TorchException.runtime("padding_idx must be within num_embeddings");
            }
            paddingIdx = paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.maxNorm = maxNorm;
        this.normType = normType;
        this.mode = mode;
        this.includeLastOffset = includeLastOffset;
        this.paddingIdx = paddingIdx;
        if (weight != null) {
            registerParameter("weight", ParameterList.asParameter(weight));
            return;
        }
        Parameter w = registerParameter("weight",
                new Parameter(Torch.empty(new int[] {numEmbeddings, embeddingDim}, Torch.DEFAULT_DTYPE)));
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Init.normal_(w, 0.0, 1.0, null);
            if (paddingIdx != null) {
                w.select(0, (int) (long) paddingIdx).fillNoGrad(0);
            }
        }
    }

    @Override
    public boolean isPositionArgument(int index) {
        return index == 0;
    }

    @Override
    public Object forward(Object... args) {
        if (args.length < 1 || args.length > 3 || !(args[0] instanceof Tensor input)) {
            throw TorchException.type("EmbeddingBag.forward() takes from 2 to 4 positional arguments but "
                    + (args.length + 1) + " were given");
        }
        Tensor offsets = args.length > 1 ? (Tensor) args[1] : null;
        Tensor perSampleWeights = args.length > 2 ? (Tensor) args[2] : null;
        return Embeddings.embeddingBag(input, (Tensor) get("weight"), offsets,
                maxNorm == null ? null : maxNorm.doubleValue(), normType.doubleValue(), mode, perSampleWeights,
                includeLastOffset, paddingIdx);
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(numEmbeddings).append(", ").append(embeddingDim);
        if (maxNorm != null) {
            s.append(", max_norm=").append(PythonRepr.ofNumber(maxNorm));
        }
        if (normType.doubleValue() != 2) {
            s.append(", norm_type=").append(PythonRepr.ofNumber(normType));
        }
        s.append(", mode=").append(mode);
        if (paddingIdx != null) {
            s.append(", padding_idx=").append(paddingIdx);
        }
        return s.toString();
    }
}
