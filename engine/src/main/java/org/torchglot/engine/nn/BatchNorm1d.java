package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Normalization;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}
 * over (N, C) or (N, C, L) input: batch statistics while training (updating the buffers
 * {@code running_mean}, {@code running_var} and {@code num_batches_tracked}), running ones in eval.
 * A null momentum keeps a cumulative average, as in PyTorch.
 */
public class BatchNorm1d extends Module {
    private final int numFeatures;
    private final Number eps;
    private final Number momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public BatchNorm1d(int numFeatures, Number eps, Number momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        registerParameter("weight", affine ? new Parameter(Torch.ones(numFeatures)) : null);
        registerParameter("bias", affine ? new Parameter(Torch.zeros(numFeatures)) : null);
        registerBuffer("running_mean", trackRunningStats ? Torch.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Torch.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.zeros(new int[0], DType.INT64) : null);
    }

    public int numFeatures() {
        return numFeatures;
    }

    public double eps() {
        return eps.doubleValue();
    }

    /** The momentum, or null for a cumulative moving average. */
    public Double momentum() {
        return momentum == null ? null : momentum.doubleValue();
    }

    public boolean affine() {
        return affine;
    }

    public boolean trackRunningStats() {
        return trackRunningStats;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) {
            throw TorchException.value("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
        double factor = momentum == null ? 0.0 : momentum.doubleValue();
        Tensor tracked = (Tensor) get("num_batches_tracked");
        if (isTraining() && trackRunningStats && tracked != null) {
            tracked.addInPlaceNoGrad(Tensor.scalar(1L));
            if (momentum == null) {
                factor = 1.0 / tracked.item();
            }
        }
        Tensor runningMean = (Tensor) get("running_mean");
        Tensor runningVar = (Tensor) get("running_var");
        boolean useBatchStats = isTraining() || (runningMean == null && runningVar == null);
        boolean passStats = !isTraining() || trackRunningStats;
        return Normalization.batchNorm(input, passStats ? runningMean : null, passStats ? runningVar : null,
                (Tensor) get("weight"), (Tensor) get("bias"), useBatchStats, factor, eps.doubleValue());
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + PythonRepr.ofNumber(eps) + ", momentum=" + PythonRepr.of(momentum) + ", affine="
                + PythonRepr.ofBool(affine) + ", track_running_stats=" + PythonRepr.ofBool(trackRunningStats);
    }
}
