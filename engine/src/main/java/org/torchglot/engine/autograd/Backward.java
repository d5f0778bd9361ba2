package org.torchglot.engine.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The backward pass: micrograd's walk over a topological order, run once per call. */
public final class Backward {
    private Backward() {
    }

    /**
     * Accumulates d(root)/d(leaf) into every reachable leaf's {@code .grad}.
     *
     * @param gradient the gradient of the root, or null for a one-element root (then 1)
     */
    public static void run(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw TorchException.runtime("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (gradient == null) {
            if (root.numel() != 1) {
                throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
            }
            gradient = Tensor.onesLike(root);
        } else if (!java.util.Arrays.equals(gradient.shape(), root.shape())) {
            throw TorchException.runtime("Mismatch in shape: grad_output[0] has a shape of "
                    + shapeStr(gradient) + " and output[0] has a shape of " + shapeStr(root) + ".");
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Node start = root.gradFn() != null ? root.gradFn() : root.gradAccumulator();
            List<Node> order = topologicalOrder(start);
            Map<Node, Tensor> pending = new IdentityHashMap<>();
            pending.put(start, gradient);
            for (Node node : order) {
                Tensor grad = pending.remove(node);
                if (grad == null) {
                    continue;
                }
                Tensor retained = node.retainedOutput();
                if (retained != null) {
                    retained.setGrad(retained.grad() == null ? grad.contiguousCopy() : retained.grad().add(grad));
                }
                Tensor[] grads = node.apply(grad);
                for (int i = 0; i < grads.length; i++) {
                    Node next = node.next(i);
                    if (next == null || grads[i] == null) {
                        continue;
                    }
                    Tensor g = grads[i].sumTo(node.inputShape(i));
                    Tensor previous = pending.get(next);
                    pending.put(next, previous == null ? g : previous.add(g));
                }
            }
            if (!retainGraph) {
                for (Node node : order) {
                    if (!(node instanceof AccumulateGrad)) {
                        node.release();
                    }
                }
            }
        }
    }

    private static String shapeStr(Tensor t) {
        return "[" + String.join(", ", java.util.Arrays.stream(t.shape()).mapToObj(Integer::toString).toList()) + "]";
    }

    /** Nodes ordered so each comes after every node that feeds it a gradient (root first). */
    static List<Node> topologicalOrder(Node root) {
        List<Node> postOrder = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node node = (Node) frame[0];
            int i = (Integer) frame[1];
            if (i < node.inputCount()) {
                frame[1] = i + 1;
                Node next = node.next(i);
                if (next != null && visited.put(next, Boolean.TRUE) == null) {
                    stack.push(new Object[] {next, 0});
                }
            } else {
                stack.pop();
                postOrder.add(node);
            }
        }
        java.util.Collections.reverse(postOrder);
        return postOrder;
    }
}
