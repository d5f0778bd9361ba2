package org.torchglot.engine.nn.functional;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Loss kernels with PyTorch 1.13's formulas and derivatives. Losses that libtorch implements as
 * one op record one node ({@code MseLossBackward0}); those it composes ({@code l1_loss},
 * {@code cross_entropy}) are composed here too, so users see the same {@code grad_fn}.
 */
final class Losses {
    /** The floor BCE puts under log(x) and log(1 - x). */
    private static final double LOG_FLOOR = -100.0;
    private static final double BCE_EPSILON = 1e-12;

    private Losses() {
    }

    private static Tensor[] broadcastPair(Tensor input, Tensor target) {
        if (Arrays.equals(input.shapeRef(), target.shapeRef())) {
            return new Tensor[] {input, target};
        }
        int[] shape = org.torchglot.engine.tensor.Shapes.broadcast(input.shapeRef(), target.shapeRef());
        return new Tensor[] {input.expand(shape), target.expand(shape)};
    }

    /** The factor a mean reduction puts on every element's gradient. */
    private static double meanScale(Reduction reduction, int numel) {
        return reduction == Reduction.MEAN ? 1.0 / numel : 1.0;
    }

    // ---- regression ---------------------------------------------------------------------------

    static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        Tensor[] pair = broadcastPair(input, target);
        Tensor a = pair[0];
        Tensor b = pair[1];
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor diff = a.sub(b);
            out = reduction.apply(diff.mul(diff));
        }
        if (Tensor.needsGrad(a, b)) {
            // NOTE: libtorch's kernel is norm * (input - target) * grad with norm = 2/numel for a mean.
            double norm = reduction == Reduction.MEAN ? 2.0 / a.numel() : 2.0;
            boolean targetNeedsGrad = b.requiresGrad();
            out.withGradFn(new FunctionNode("MseLossBackward0", new Tensor[] {a, b}, new Tensor[] {a, b}, (g, s) -> {
                Tensor gradInput = s[0].sub(s[1]).mul(norm).mul(g);
                return new Tensor[] {gradInput, targetNeedsGrad ? gradInput.neg() : null};
            }));
        }
        return out;
    }

    static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        Tensor[] pair = broadcastPair(input, target);
        return reduction.apply(pair[0].sub(pair[1]).abs());
    }

    static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw TorchException.runtime("smooth_l1_loss does not support negative values for beta.");
        }
        if (beta == 0) {
            return l1Loss(input, target, reduction);
        }
        Tensor[] pair = broadcastPair(input, target);
        Tensor a = pair[0];
        Tensor b = pair[1];
        DType type = TensorIterator.resultType(a, b);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor elementwise = TensorIterator.map(a, b, type, type, (x, y) -> {
                double z = Math.abs(x - y);
                return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta;
            }, null);
            out = reduction.apply(elementwise);
        }
        if (Tensor.needsGrad(a, b)) {
            double norm = meanScale(reduction, a.numel());
            out.withGradFn(new FunctionNode("SmoothL1LossBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> {
                        Tensor slope = TensorIterator.map(s[0], s[1], type, type, (x, y) -> {
                            double d = x - y;
                            return d < -beta ? -norm : d > beta ? norm : norm * d / beta;
                        }, null);
                        Tensor gradInput = slope.mul(g);
                        return new Tensor[] {gradInput, gradInput.neg()};
                    }));
        }
        return out;
    }

    // ---- binary classification ----------------------------------------------------------------

    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        if (!Arrays.equals(input.shapeRef(), target.shapeRef())) {
            throw TorchException.value("Using a target size (" + PythonRepr.ofSize(target.shapeRef())
                    + ") that is different to the input size (" + PythonRepr.ofSize(input.shapeRef())
                    + ") is deprecated. Please ensure they have the same size.");
        }
        DType type = TensorIterator.resultType(input, target);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor elementwise = TensorIterator.map(input, target, type, type, (x, t) -> {
                if (!(x >= 0 && x <= 1)) {
                    throw TorchException.runtime("all elements of input should be between 0 and 1");
                }
                double logX = Math.max(round(type, Math.log(x)), LOG_FLOOR);
                double logOneMinusX = Math.max(round(type, Math.log(round(type, 1 - x))), LOG_FLOOR);
                return round(type, (t - 1) * logOneMinusX) - round(type, t * logX);
            }, null);
            if (weight != null) {
                elementwise = elementwise.mul(weight);
            }
            out = reduction.apply(elementwise);
        }
        if (Tensor.needsGrad(input, target)) {
            double norm = meanScale(reduction, input.numel());
            out.withGradFn(new FunctionNode("BinaryCrossEntropyBackward0", new Tensor[] {input, target},
                    new Tensor[] {input, target, weight}, (g, s) -> {
                        Tensor slope = TensorIterator.map(s[0], s[1], type, type,
                                (x, t) -> (x - t) / Math.max(round(type, (1 - x) * x), BCE_EPSILON), null);
                        Tensor targetSlope = TensorIterator.map(s[0], type, x -> Math.max(Math.log(1 - x), LOG_FLOOR)
                                - Math.max(Math.log(x), LOG_FLOOR));
                        Tensor gradInput = slope.mul(g);
                        Tensor gradTarget = targetSlope.mul(g);
                        if (s[2] != null) {
                            gradInput = gradInput.mul(s[2]);
                            gradTarget = gradTarget.mul(s[2]);
                        }
                        return new Tensor[] {gradInput.mul(norm), gradTarget.mul(norm)};
                    }));
        }
        return out;
    }

    private static double round(DType type, double v) {
        return type == DType.FLOAT32 ? (float) v : v;
    }

    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
            Reduction reduction) {
        if (!Arrays.equals(input.shapeRef(), target.shapeRef())) {
            throw TorchException.value("Target size (" + PythonRepr.ofSize(target.shapeRef())
                    + ") must be the same as input size (" + PythonRepr.ofSize(input.shapeRef()) + ")");
        }
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            // NOTE: the same sequence of ops as libtorch: max_val keeps every exp() argument <= 0.
            Tensor maxVal = input.neg().clamp(0.0, null);
            Tensor logTerm = maxVal.neg().exp().add(input.neg().sub(maxVal).exp()).log();
            Tensor loss;
            if (posWeight == null) {
                loss = target.rsub(1.0).mul(input).add(maxVal).add(logTerm);
            } else {
                Tensor logWeight = posWeight.sub(1.0).mul(target).add(1.0);
                loss = target.rsub(1.0).mul(input).add(logWeight.mul(logTerm.add(maxVal)));
            }
            if (weight != null) {
                loss = loss.mul(weight);
            }
            out = reduction.apply(loss);
        }
        if (Tensor.needsGrad(input, target)) {
            double norm = meanScale(reduction, input.numel());
            out.withGradFn(new FunctionNode("BinaryCrossEntropyWithLogitsBackward0", new Tensor[] {input, target},
                    new Tensor[] {input, target, weight, posWeight}, (g, s) -> {
                        Tensor x = s[0];
                        Tensor t = s[1];
                        Tensor gradInput;
                        Tensor gradTarget;
                        if (s[3] == null) {
                            gradInput = x.sigmoid().sub(t).mul(g);
                            gradTarget = x.neg().mul(g);
                        } else {
                            Tensor pt = s[3].mul(t);
                            gradInput = pt.add(1.0).sub(t).mul(x.sigmoid()).sub(pt).mul(g);
                            Tensor softplusNeg = Activations.softplus(x.neg(), 1.0, 20.0);
                            gradTarget = x.neg().add(s[3].sub(1.0).mul(softplusNeg)).mul(g);
                        }
                        if (s[2] != null) {
                            gradInput = gradInput.mul(s[2]);
                            gradTarget = gradTarget.mul(s[2]);
                        }
                        return new Tensor[] {gradInput.mul(norm), gradTarget.mul(norm)};
                    }));
        }
        return out;
    }

    // ---- multi-class --------------------------------------------------------------------------

    /** {@code nll_loss}: input (C), (N, C) or (N, C, d1, ...) of log-probabilities, int64 targets. */
    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        NllShape shape = NllShape.of(input, target, weight);
        double[] x = input.toDoubleArray();
        long[] t = target.toLongArray();
        double[] w = weight == null ? null : weight.toDoubleArray();
        int items = shape.batch * shape.spatial;
        double[] losses = new double[items];
        double[] itemWeights = new double[items];
        double total = 0;
        double sum = 0;
        for (int i = 0; i < items; i++) {
            long cls = t[i];
            if (cls == ignoreIndex) {
                continue;
            }
            if (cls < 0 || cls >= shape.classes) {
                throw TorchException.index("Target " + cls + " is out of bounds.");
            }
            double wi = w == null ? 1.0 : w[(int) cls];
            itemWeights[i] = wi;
            losses[i] = -wi * x[shape.offset(i, (int) cls)];
            total += wi;
            sum += losses[i];
        }
        Tensor out;
        if (reduction == Reduction.NONE) {
            out = Tensor.zeros(target.shapeRef(), input.dtype());
            for (int i = 0; i < items; i++) {
                out.storage().setDouble(i, losses[i]);
            }
        } else {
            out = Tensor.zeros(new int[0], input.dtype());
            out.storage().setDouble(0, reduction == Reduction.SUM ? sum : sum / total);
        }
        if (Tensor.needsGrad(input)) {
            double scale = reduction == Reduction.MEAN ? 1.0 / total : 1.0;
            String name = input.dim() <= 2 ? "NllLossBackward0" : "NllLoss2DBackward0";
            int[] inputShape = input.shape();
            DType dtype = input.dtype();
            out.withGradFn(new FunctionNode(name, new Tensor[] {input, null}, null, (g, s) -> {
                double[] gv = g.toDoubleArray();
                Tensor gradInput = Tensor.zeros(inputShape, dtype);
                Storage gs = gradInput.storage();
                for (int i = 0; i < items; i++) {
                    if (t[i] != ignoreIndex) {
                        double gi = gv.length == 1 ? gv[0] : gv[i];
                        gs.setDouble(shape.offset(i, (int) t[i]), -itemWeights[i] * gi * scale);
                    }
                }
                return new Tensor[] {gradInput, null};
            }));
        }
        return out;
    }

    /** Input (N, C, S...) flattened to N x C x S, with the checks libtorch makes. */
    private record NllShape(int batch, int classes, int spatial) {
        static NllShape of(Tensor input, Tensor target, Tensor weight) {
            if (input.dim() < 1) {
                throw TorchException.value("Expected 1 or more dimensions (got " + input.dim() + ")");
            }
            if (target.dtype() != DType.INT64) {
                throw TorchException.runtime("expected scalar type Long but found " + target.dtype().scalarTypeName());
            }
            int batch = input.dim() == 1 ? 1 : input.size(0);
            int classes = input.dim() == 1 ? input.size(0) : input.size(1);
            int spatial = 1;
            for (int d = 2; d < input.dim(); d++) {
                spatial *= input.size(d);
            }
            if (input.dim() == 1 && target.dim() > 0 || input.dim() == 2 && target.dim() != 1) {
                throw TorchException.runtime("0D or 1D target tensor expected, multi-target not supported");
            }
            int targetBatch = target.dim() == 0 ? 1 : target.size(0);
            if (targetBatch != batch) {
                throw TorchException.value("Expected input batch_size (" + batch + ") to match target batch_size ("
                        + targetBatch + ").");
            }
            if (target.numel() != batch * spatial) {
                throw TorchException.runtime("size mismatch (got input: " + PythonRepr.ofSize(input.shapeRef())
                        + ", target: " + PythonRepr.ofSize(target.shapeRef()) + ")");
            }
            if (weight != null && weight.numel() != classes) {
                throw TorchException.runtime("weight tensor should be defined either for all " + classes
                        + " classes or no classes but got weight tensor of shape: " + PythonRepr.ofSize(weight.shapeRef()));
            }
            return new NllShape(batch, classes, spatial);
        }

        /** The row-major offset of class {@code cls} for item {@code i} (= n * S + s). */
        int offset(int i, int cls) {
            int n = i / spatial;
            int s = i % spatial;
            return (n * classes + cls) * spatial + s;
        }
    }

    /** {@code cross_entropy}: class indices (int64) or class probabilities (float, input's shape). */
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction,
            double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw TorchException.runtime("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int classes = input.size(classDim);
        Tensor logProbs = Activations.logSoftmax(input, classDim);
        Tensor classWeights = weight == null ? null : broadcastAlongClassDim(weight, input.dim(), classDim);
        if (target.isFloatingPoint()) {
            return crossEntropyWithProbabilities(logProbs, target, classWeights, ignoreIndex, reduction,
                    labelSmoothing, classDim, classes);
        }
        Tensor nll = nllLoss(logProbs, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) {
            return nll;
        }
        Tensor ignored = target.eq(Tensor.scalar(ignoreIndex));
        Tensor perItem = classWeights == null ? logProbs : logProbs.mul(classWeights);
        Tensor smooth = perItem.sum(classDim, false).neg().maskedFill(ignored, 0.0);
        Tensor reduced = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            // NOTE: 1.13 divides by the kept targets' total weight (their count without weights), not by N.
            case MEAN -> smooth.sum().div(keptClassWeight(weight, target, ignoreIndex));
        };
        return nll.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / classes));
    }

    private static Tensor crossEntropyWithProbabilities(Tensor logProbs, Tensor target, Tensor classWeights,
            long ignoreIndex, Reduction reduction, double labelSmoothing, int classDim, int classes) {
        if (ignoreIndex >= 0) {
            throw TorchException.runtime("ignore_index is not supported for floating point target");
        }
        if (!Arrays.equals(logProbs.shapeRef(), target.shapeRef())) {
            throw TorchException.runtime("Expected target size " + PythonRepr.ofSize(logProbs.shapeRef())
                    + ", got " + PythonRepr.ofSize(target.shapeRef()));
        }
        Tensor smoothed = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / classes) : target;
        Tensor product = logProbs.mul(smoothed);
        if (classWeights != null) {
            product = product.mul(classWeights);
        }
        return switch (reduction) {
            case NONE -> product.sum(classDim, false).neg();
            case SUM -> product.sum().neg();
            case MEAN -> product.sum().neg().div((double) (logProbs.numel() / classes));
        };
    }

    /** The weight viewed as [1, C, 1, ...] so it broadcasts along the class dim. */
    private static Tensor broadcastAlongClassDim(Tensor weight, int rank, int classDim) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return weight.view(shape);
    }

    /** The summed class weight (1 each without weights) of the targets that are not ignored. */
    private static double keptClassWeight(Tensor weight, Tensor target, long ignoreIndex) {
        double[] w = weight == null ? null : weight.toDoubleArray();
        double sum = 0;
        for (long t : target.toLongArray()) {
            if (t != ignoreIndex) {
                sum += w == null ? 1.0 : w[(int) t];
            }
        }
        return sum;
    }
}
