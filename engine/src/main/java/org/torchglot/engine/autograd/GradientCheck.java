package org.torchglot.engine.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck} as PyTorch 1.13's slow mode does them:
 * the numerical Jacobian (central differences, perturbing each input element in place) against the
 * analytical one (one backward per output element, computed twice to catch non-reentrant backwards),
 * then a check that backward scales with grad_output. Failures are {@code GradcheckError}s worded as
 * PyTorch words them; the language packages only convert arguments.
 */
public final class GradientCheck {
    /** The function under test: called with the inputs (null where the guest's own non-tensor argument goes). */
    @FunctionalInterface
    public interface Function {
        /** Returns a tensor, or a list or array of tensors. */
        Object apply(List<Tensor> inputs);
    }

    private static final String NONDET_NOTE = "\n\nNOTE: If your op relies on non-deterministic operations i.e., it is "
            + "listed here:\nhttps://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html\n"
            + "this failure might be expected.\n\nIf you are adding a new operator, please file an issue and then use "
            + "one of the\nworkarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.\n"
            + "If the test\n- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck\n  with "
            + "`nondet_tol=<tol>` as a keyword argument.\n- is OpInfo-based (e.g., in test_ops_gradients.py), then "
            + "modify the OpInfo for the test\n  to have `gradcheck_nondet_tol=<tol>`.\n- is a Module test (e.g., in "
            + "common_nn.py), then modify the corresponding\n  module_test entry to have `gradcheck_nondet_tol=<tol>`\n";

    private GradientCheck() {
    }

    /**
     * PyTorch's warnings for the inputs, one per input that requires grad in less than double
     * precision; the language package shows them as its warnings.
     */
    public static List<String> inputWarnings(List<Tensor> inputs) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            if (t != null && t.requiresGrad() && t.dtype() != DType.FLOAT64) {
                warnings.add("Input #" + i + " requires gradient and is not a double precision floating point or "
                        + "complex. This check will likely fail if all the inputs are not of double precision floating "
                        + "point or complex. ");
            }
        }
        return warnings;
    }

    /**
     * {@code gradcheck(func, inputs, *, eps, atol, rtol, raise_exception, nondet_tol)}.
     *
     * @return true when the check passes; false on a failure when {@code raiseException} is false
     */
    public static boolean gradcheck(Function func, List<Tensor> inputs, double eps, double atol, double rtol,
            boolean raiseException, double nondetTol) {
        try {
            return check(func, inputs, eps, atol, rtol, nondetTol);
        } catch (TorchException e) {
            if (!raiseException && e.kind() == TorchException.Kind.GRADCHECK_ERROR) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code gradgradcheck(func, inputs, grad_outputs=None, *, eps, atol, rtol, raise_exception, nondet_tol)}:
     * gradcheck of the function that maps (inputs, grad_outputs) to the inputs' gradients, made with
     * {@code create_graph}. Without grad_outputs, PyTorch's {@code make_tensor} draws them uniformly
     * in [-1, 1) from the default generator.
     */
    public static boolean gradgradcheck(Function func, List<Tensor> inputs, List<Tensor> gradOutputs, double eps,
            double atol, double rtol, boolean raiseException, double nondetTol) {
        List<Tensor> seeds = gradOutputs != null ? gradOutputs : randomGradOutputs(func, inputs);
        int inputCount = inputs.size();
        boolean[] inputNeedsGrad = new boolean[inputCount];
        for (int i = 0; i < inputCount; i++) {
            inputNeedsGrad[i] = inputs.get(i) != null && inputs.get(i).requiresGrad();
        }
        boolean[] seedNeedsGrad = new boolean[seeds.size()];
        for (int i = 0; i < seeds.size(); i++) {
            seedNeedsGrad[i] = seeds.get(i).requiresGrad();
        }
        Function gradients = args -> {
            List<Tensor> inputArgs = new ArrayList<>(args.subList(0, inputCount));
            List<Tensor> diffInputs = new ArrayList<>();
            for (int i = 0; i < inputCount; i++) {
                if (inputNeedsGrad[i]) {
                    diffInputs.add(inputArgs.get(i).requiresGrad_(true));
                }
            }
            List<Tensor> outputs = differentiable(asList(func.apply(inputArgs)));
            List<Tensor> grads = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                Tensor seed = args.get(inputCount + i);
                grads.add(seedNeedsGrad[i] ? seed.requiresGrad_(true) : seed);
            }
            List<Tensor> result = new ArrayList<>();
            for (Tensor g : Backward.grad(outputs, diffInputs, grads, true, true, true)) {
                if (g != null) {
                    result.add(g);
                }
            }
            return result;
        };
        List<Tensor> all = new ArrayList<>(inputs);
        all.addAll(seeds);
        return gradcheck(gradients, all, eps, atol, rtol, raiseException, nondetTol);
    }

    private static List<Tensor> randomGradOutputs(Function func, List<Tensor> inputs) {
        List<Tensor> seeds = new ArrayList<>();
        for (Tensor out : differentiable(asList(func.apply(inputs)))) {
            DType dtype = out.isFloatingPoint() ? out.dtype() : DType.FLOAT64;
            Tensor r = Torch.rand(out.shape(), dtype, null);
            // NOTE: make_tensor's `high * rand + low * (1 - rand)` with low = -1, high = 1, in this order.
            Tensor seed = r.mul(Tensor.scalar(1.0)).add(r.neg().add(Tensor.scalar(1.0)).mul(Tensor.scalar(-1.0)));
            seeds.add(seed.requiresGrad_(true));
        }
        return seeds;
    }

    private static boolean check(Function func, List<Tensor> inputs, double eps, double atol, double rtol,
            double nondetTol) {
        List<Integer> diffIndices = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) != null && inputs.get(i).requiresGrad()) {
                diffIndices.add(i);
            }
        }
        if (diffIndices.isEmpty()) {
            throw TorchException.value("gradcheck expects at least one input tensor to require gradient, but none of "
                    + "the them have requires_grad=True.");
        }
        List<Tensor> diffInputs = new ArrayList<>();
        for (int i : diffIndices) {
            Tensor t = inputs.get(i);
            for (int d = 0; d < t.dim(); d++) {
                if (t.stridesRef()[d] == 0 && t.shapeRef()[d] > 1) {
                    throw TorchException.runtime("The " + i + "th input has a dimension with stride 0. gradcheck only "
                            + "supports inputs that are non-overlapping to be able to compute the numerical gradients "
                            + "correctly. You should call .contiguous on the input before passing it to gradcheck.");
                }
            }
            diffInputs.add(t);
        }
        List<Tensor> funcOut = asList(func.apply(inputs));
        // NOTE: every Jacobian is held whole, (input numel x output numel) doubles: refused up front when one would pass
        // the memory guard, rather than after numel evaluations have filled the heap (or the int size has wrapped).
        for (Tensor input : diffInputs) {
            for (Tensor out : funcOut) {
                MemoryLimit.check(DType.FLOAT64, Shapes.numel(new int[] {input.numel(), out.numel()}));
            }
        }
        List<Tensor> outputs = differentiable(funcOut);
        // numerical[j][k]: d output k / d differentiable input j, shape (input numel, output numel)
        Tensor[][] numerical = new Tensor[diffInputs.size()][];
        for (int j = 0; j < diffInputs.size(); j++) {
            numerical[j] = numericalJacobian(func, inputs, diffInputs.get(j), funcOut, eps);
        }
        if (outputs.isEmpty()) {
            for (Tensor[] perInput : numerical) {
                for (Tensor jacobian : perInput) {
                    for (double v : jacobian.toDoubleArray()) {
                        if (v != 0) {
                            throw error("Numerical gradient for function expected to be zero");
                        }
                    }
                }
            }
            return true;
        }
        int i = 0;
        for (int k = 0; k < funcOut.size(); k++) {
            Tensor o = funcOut.get(k);
            if (!o.requiresGrad()) {
                continue;
            }
            Tensor[] analytical = analyticalJacobian(diffInputs, o, nondetTol);
            for (int j = 0; j < diffInputs.size(); j++) {
                Tensor a = analytical[j];
                Tensor n = numerical[j][k];
                if (!allClose(a.toDoubleArray(), n.toDoubleArray(), rtol, atol)) {
                    throw error("Jacobian mismatch for output " + i + " with respect to input " + j + ",\nnumerical:"
                            + n + "\nanalytical:" + a + "\n");
                }
            }
            i++;
        }
        checkBackwardScalesWithGradOutput(outputs, diffInputs);
        return true;
    }

    /** One Jacobian per output of func for one input: each column from perturbing one element by -eps and +eps. */
    private static Tensor[] numericalJacobian(Function func, List<Tensor> inputs, Tensor input, List<Tensor> funcOut,
            double eps) {
        int numel = input.numel();
        double[][][] columns = new double[funcOut.size()][numel][];
        Storage storage = input.storage();
        boolean single = input.dtype() == DType.FLOAT32;
        for (int e = 0; e < numel; e++) {
            int at = storageIndex(input, e);
            double orig = storage.getDouble(at);
            storage.setDouble(at, single ? (float) orig - (float) eps : orig - eps);
            List<Tensor> below = evaluate(func, inputs);
            storage.setDouble(at, single ? (float) orig + (float) eps : orig + eps);
            List<Tensor> above = evaluate(func, inputs);
            storage.setDouble(at, orig);
            for (int k = 0; k < funcOut.size(); k++) {
                Tensor a = below.get(k);
                Tensor b = above.get(k);
                if (!Arrays.equals(a.shapeRef(), b.shapeRef())) {
                    throw TorchException.runtime("Expected `func` to return outputs with the same shape when inputs "
                            + "are perturbed on index {idx} by " + eps + ", but got: shapes " + a + " and " + b + ".");
                }
                double[] lo = a.toDoubleArray();
                double[] hi = b.toDoubleArray();
                double[] column = new double[lo.length];
                boolean singleOut = funcOut.get(k).dtype() == DType.FLOAT32;
                for (int m = 0; m < lo.length; m++) {
                    column[m] = singleOut ? (float) ((float) (hi[m] - lo[m]) / (float) (2 * eps)) : (hi[m] - lo[m]) / (2 * eps);
                }
                columns[k][e] = column;
            }
        }
        Tensor[] jacobians = new Tensor[funcOut.size()];
        for (int k = 0; k < funcOut.size(); k++) {
            int outNumel = funcOut.get(k).numel();
            double[] values = new double[numel * outNumel];
            for (int e = 0; e < numel; e++) {
                System.arraycopy(columns[k][e], 0, values, e * outNumel, outNumel);
            }
            DType dtype = funcOut.get(k).isFloatingPoint() ? funcOut.get(k).dtype() : DType.FLOAT64;
            jacobians[k] = matrix(values, numel, outNumel, dtype);
        }
        return jacobians;
    }

    private static List<Tensor> evaluate(Function func, List<Tensor> inputs) {
        return asList(func.apply(inputs));
    }

    /** One Jacobian per differentiable input, shape (input numel, output numel), row j of each from one backward. */
    private static Tensor[] analyticalJacobian(List<Tensor> diffInputs, Tensor output, double nondetTol) {
        double[][] first = analyticalColumns(diffInputs, output);
        double[][] second = analyticalColumns(diffInputs, output);
        for (int j = 0; j < first.length; j++) {
            for (int m = 0; m < first[j].length; m++) {
                if (Math.abs(first[j][m] - second[j][m]) > nondetTol || Double.isNaN(first[j][m] - second[j][m])
                        && !(Double.isNaN(first[j][m]) && Double.isNaN(second[j][m]))) {
                    throw error("Backward is not reentrant, i.e., running backward with same input and grad_output "
                            + "multiple times gives different values, although analytical gradient matches numerical "
                            + "gradient.The tolerance for nondeterminism was " + PythonRepr.ofFloat(nondetTol) + "." + NONDET_NOTE);
                }
            }
        }
        Tensor[] jacobians = new Tensor[diffInputs.size()];
        for (int j = 0; j < jacobians.length; j++) {
            jacobians[j] = matrix(first[j], diffInputs.get(j).numel(), output.numel(), diffInputs.get(j).dtype());
        }
        return jacobians;
    }

    private static double[][] analyticalColumns(List<Tensor> diffInputs, Tensor output) {
        int outNumel = output.numel();
        double[][] jacobians = new double[diffInputs.size()][];
        for (int j = 0; j < diffInputs.size(); j++) {
            jacobians[j] = new double[diffInputs.get(j).numel() * outNumel];
        }
        for (int m = 0; m < outNumel; m++) {
            Tensor seed = Tensor.zeros(output.shape(), output.dtype());
            seed.storage().setDouble(m, 1.0);
            List<Tensor> grads = Backward.grad(List.of(output), diffInputs, List.of(seed), true, false, true);
            for (int j = 0; j < diffInputs.size(); j++) {
                Tensor g = grads.get(j);
                if (g == null) {
                    continue;
                }
                if (!Arrays.equals(g.shapeRef(), diffInputs.get(j).shapeRef())) {
                    throw error("Analytical gradient has incorrect size");
                }
                double[] values = g.toDoubleArray();
                for (int e = 0; e < values.length; e++) {
                    jacobians[j][e * outNumel + m] = values[e];
                }
            }
        }
        return jacobians;
    }

    /** PyTorch's _test_backward_mul_by_grad_output: zero grad_outputs must give zero gradients of the right type and size. */
    private static void checkBackwardScalesWithGradOutput(List<Tensor> outputs, List<Tensor> diffInputs) {
        List<Tensor> zeros = new ArrayList<>();
        for (Tensor o : outputs) {
            zeros.add(Tensor.zeros(o.shape(), o.dtype()));
        }
        List<Tensor> grads = Backward.grad(outputs, diffInputs, zeros, false, false, true);
        for (int j = 0; j < grads.size(); j++) {
            Tensor g = grads.get(j);
            if (g == null) {
                continue;
            }
            for (double v : g.toDoubleArray()) {
                if (v != 0) {
                    throw error("backward not multiplied by grad_output");
                }
            }
            if (g.dtype() != diffInputs.get(j).dtype()) {
                throw error("grad is incorrect type");
            }
            if (!Arrays.equals(g.shapeRef(), diffInputs.get(j).shapeRef())) {
                throw error("grad is incorrect size");
            }
        }
    }

    /** torch.allclose(a, n, rtol, atol): |a - n| <= atol + rtol * |n|, infinities equal only to themselves, NaN never. */
    private static boolean allClose(double[] a, double[] n, double rtol, double atol) {
        for (int m = 0; m < a.length; m++) {
            if (a[m] == n[m]) {
                continue;
            }
            double diff = Math.abs(a[m] - n[m]);
            if (!Double.isFinite(diff) || diff > atol + rtol * Math.abs(n[m])) {
                return false;
            }
        }
        return true;
    }

    private static int storageIndex(Tensor t, int flat) {
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        int index = t.storageOffset();
        for (int d = shape.length - 1; d >= 0; d--) {
            index += (flat % shape[d]) * strides[d];
            flat /= shape[d];
        }
        return index;
    }

    private static Tensor matrix(double[] values, int rows, int cols, DType dtype) {
        return Tensor.of(Storage.wrap(values), rows, cols).to(dtype);
    }

    private static List<Tensor> differentiable(List<Tensor> outputs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor o : outputs) {
            if (o.requiresGrad()) {
                out.add(o);
            }
        }
        return out;
    }

    private static List<Tensor> asList(Object result) {
        Object[] items = result instanceof List<?> list ? list.toArray()
                : result instanceof Object[] array ? array : new Object[] {result};
        List<Tensor> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Tensor t)) {
                throw TorchException.type("gradcheck: the function must return a Tensor or a sequence of Tensors, not "
                        + (item == null ? "None" : item.getClass().getSimpleName()));
            }
            out.add(t);
        }
        return out;
    }

    private static TorchException error(String message) {
        return new TorchException(TorchException.Kind.GRADCHECK_ERROR, message);
    }
}
