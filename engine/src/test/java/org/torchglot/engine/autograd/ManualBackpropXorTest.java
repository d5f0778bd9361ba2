package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The 2-2-1 sigmoid XOR network trained by hand-written backprop, as the tutorials write it
 * (matmul, add, sigmoid, transpose, mean, log), checked against autograd and trained to 100%.
 */
class ManualBackpropXorTest {
    private static final Tensor X = Torch.tensor(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Tensor Y = Torch.tensor(new double[][] {{0}, {1}, {1}, {0}});

    private static Tensor sigmoid(Tensor x) {
        return x.neg().exp().add(1.0).reciprocal();
    }

    private static Tensor sigmoidPrime(Tensor x) {
        return sigmoid(x).mul(sigmoid(x).rsub(1.0));
    }

    private static Tensor cost(Tensor yPred) {
        return Y.mul(yPred.log()).add(Y.rsub(1.0).mul(yPred.rsub(1.0).log())).mean().neg();
    }

    /** Hand-written gradients of the BCE cost, as in the tutorial (without its 1e-7 guard). */
    private static Tensor[] manualGradients(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        Tensor l1 = X.matmul(w1).add(b1);
        Tensor a1 = sigmoid(l1);
        Tensor l2 = a1.matmul(w2).add(b2);
        Tensor yPred = sigmoid(l2);
        int n = X.size(0);
        Tensor dYPred = yPred.sub(Y).div(yPred.mul(yPred.rsub(1.0))).div((double) n);
        Tensor dL2 = dYPred.mul(sigmoidPrime(l2));
        Tensor dW2 = a1.transpose(0, 1).matmul(dL2);
        Tensor dA1 = dL2.matmul(w2.transpose(0, 1));
        Tensor dL1 = dA1.mul(sigmoidPrime(l1));
        Tensor dW1 = X.transpose(0, 1).matmul(dL1);
        return new Tensor[] {dW1, dL1.sum(0, false), dW2, dL2.sum(0, false)};
    }

    @Test
    void handWrittenGradientsAgreeWithAutograd() {
        Generator g = new Generator(3);
        Tensor w1 = Torch.randn(new int[] {2, 2}, DType.FLOAT32, g);
        Tensor b1 = Torch.randn(new int[] {2}, DType.FLOAT32, g);
        Tensor w2 = Torch.randn(new int[] {2, 1}, DType.FLOAT32, g);
        Tensor b2 = Torch.randn(new int[] {1}, DType.FLOAT32, g);
        Tensor[] manual = manualGradients(w1, b1, w2, b2);
        Tensor[] params = {w1, b1, w2, b2};
        for (Tensor p : params) {
            p.requiresGrad_(true);
        }
        cost(sigmoid(sigmoid(X.matmul(w1).add(b1)).matmul(w2).add(b2))).backward();
        for (int i = 0; i < params.length; i++) {
            assertArrayEquals(manual[i].toDoubleArray(), params[i].grad().toDoubleArray(), 1e-6, "parameter " + i);
        }
    }

    @Test
    void manualBackpropTrainsXorToFullAccuracy() {
        Generator g = new Generator(0);
        Tensor w1 = Torch.randn(new int[] {2, 2}, DType.FLOAT32, g);
        Tensor b1 = Torch.randn(new int[] {2}, DType.FLOAT32, g);
        Tensor w2 = Torch.randn(new int[] {2, 1}, DType.FLOAT32, g);
        Tensor b2 = Torch.randn(new int[] {1}, DType.FLOAT32, g);
        double learningRate = 1.0;
        for (int epoch = 0; epoch < 5000; epoch++) {
            Tensor[] d = manualGradients(w1, b1, w2, b2);
            w1 = w1.sub(d[0].mul(learningRate));
            b1 = b1.sub(d[1].mul(learningRate));
            w2 = w2.sub(d[2].mul(learningRate));
            b2 = b2.sub(d[3].mul(learningRate));
        }
        Tensor yPred = sigmoid(sigmoid(X.matmul(w1).add(b1)).matmul(w2).add(b2));
        Tensor predicted = yPred.gt(Tensor.scalar(0.5)).to(DType.FLOAT32);
        assertEquals(1.0, predicted.eq(Y).to(DType.FLOAT32).mean().item());
        assertEquals(0.0, cost(yPred).item(), 0.05);
    }
}
