package org.torchglot.engine.nn;

import java.util.Arrays;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Normalization;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)}: standardises the trailing dims. */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final Number eps;
    private final boolean elementwiseAffine;

    public LayerNorm(int[] normalizedShape, Number eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? new Parameter(Torch.ones(normalizedShape)) : null);
        registerParameter("bias", elementwiseAffine ? new Parameter(Torch.zeros(normalizedShape)) : null);
    }

    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    public double eps() {
        return eps.doubleValue();
    }

    public boolean elementwiseAffine() {
        return elementwiseAffine;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Normalization.layerNorm(input, normalizedShape, (Tensor) get("weight"), (Tensor) get("bias"),
                eps.doubleValue());
    }

    @Override
    public String extraRepr() {
        String shape = Arrays.stream(normalizedShape).mapToObj(Integer::toString)
                .reduce((a, b) -> a + ", " + b).orElse("");
        return "(" + shape + (normalizedShape.length == 1 ? ",)" : ")") + ", eps=" + PythonRepr.ofNumber(eps)
                + ", elementwise_affine=" + PythonRepr.ofBool(elementwiseAffine);
    }
}
