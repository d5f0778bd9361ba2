package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.functional.Embeddings;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0)}:
 * a lookup table whose weight starts as N(0, 1) (the padding row zeroed), drawn from the default
 * generator as PyTorch does; or wraps given weights ({@code _weight}, what {@code from_pretrained} uses).
 */
public class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Long paddingIdx;
    private final Number maxNorm;
    private final Number normType;
    private final boolean scaleGradByFreq;
    private final boolean sparse;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, null, 2.0, false, false, null);
    }

    public Embedding(int numEmbeddings, int embeddingDim, Long paddingIdx, Number maxNorm, Number normType,
            boolean scaleGradByFreq, boolean sparse, Tensor weight) {
        if (paddingIdx != null) {
            if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
                throw TorchException.runtime("Padding_idx must be within num_embeddings");
            }
            paddingIdx = paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        }
        if (scaleGradByFreq || sparse) {
            throw new TorchException(TorchException.Kind.NOT_IMPLEMENTED_ERROR, "nn.Embedding: scale_grad_by_freq and sparse gradients are not "
                    + "supported by torchglot");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx;
        this.maxNorm = maxNorm;
        this.normType = normType;
        this.scaleGradByFreq = scaleGradByFreq;
        this.sparse = sparse;
        if (weight != null) {
            if (weight.dim() != 2 || weight.size(0) != numEmbeddings || weight.size(1) != embeddingDim) {
                throw TorchException.runtime("Shape of weight does not match num_embeddings and embedding_dim");
            }
            registerParameter("weight", weight instanceof Parameter p ? p : new Parameter(weight));
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

    public int numEmbeddings() {
        return numEmbeddings;
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    /** The padding row (non-negative), or null. */
    public Long paddingIdx() {
        return paddingIdx;
    }

    @Override
    public boolean isPositionArgument(int index) {
        return index == 0;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Embeddings.embedding(input, (Tensor) get("weight"), paddingIdx,
                maxNorm == null ? null : maxNorm.doubleValue(), normType.doubleValue());
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(numEmbeddings).append(", ").append(embeddingDim);
        if (paddingIdx != null) {
            s.append(", padding_idx=").append(paddingIdx);
        }
        if (maxNorm != null) {
            s.append(", max_norm=").append(PythonRepr.ofNumber(maxNorm));
        }
        if (normType.doubleValue() != 2) {
            s.append(", norm_type=").append(PythonRepr.ofNumber(normType));
        }
        return s.toString();
    }
}
