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
            accumulate(root.gradFn() != null ? root.gradFn() : root.gradAccumulator(), gradient, retainGraph);
        }
    }

    /**
     * {@code torch.autograd.grad}: the gradients of {@code outputs}, weighted by {@code gradOutputs} (null entries:
     * 1 for one-element outputs), with respect to {@code inputs}, leaving every {@code .grad} untouched. With
     * {@code createGraph} the backward formulas are recorded, so the results can be differentiated again.
     *
     * @return one gradient per input; null for an input the outputs do not depend on (only with {@code allowUnused})
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] gradOutputs, Tensor[] inputs, boolean retainGraph,
            boolean createGraph, boolean allowUnused) {
        Tensor[] weights = new Tensor[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            Tensor given = gradOutputs == null || i >= gradOutputs.length ? null : gradOutputs[i];
            if (!outputs[i].requiresGrad()) {
                throw TorchException.runtime("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            if (given == null && outputs[i].numel() != 1) {
                throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
            }
            weights[i] = given != null ? given : Tensor.onesLike(outputs[i]);
        }
        Map<Node, Integer> targets = new IdentityHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) {
                throw TorchException.runtime("One of the differentiated Tensors does not require grad");
            }
            targets.put(inputs[i].gradFn() != null ? inputs[i].gradFn() : inputs[i].gradAccumulator(), i);
        }
        Tensor[] out = new Tensor[inputs.length];
        try (GradMode.Scope ignored = GradMode.set(createGraph)) {
            collect(new GraphRoot(outputs, weights), (node, g) -> out[targets.get(node)] = g, targets,
                    retainGraph || createGraph);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null && !allowUnused) {
                throw TorchException.runtime("One of the differentiated Tensors appears to not have been used in the "
                        + "graph. Set allow_unused=True if this is the desired behavior.");
            }
        }
        return out;
    }

    /** Receives the gradient arriving at a node of interest. */
    private interface Capture {
        void accept(Node node, Tensor grad);
    }

    /** The walk of {@link #grad}: hands the gradients arriving at {@code targets} to {@code capture}. */
    private static void collect(GraphRoot start, Capture capture, Map<Node, Integer> targets, boolean retainGraph) {
        List<Node> order = topologicalOrder(start);
        Map<Node, Tensor> pending = new IdentityHashMap<>();
        for (Node node : order) {
            Tensor grad = pending.remove(node);
            if (grad == null && node != start) {
                continue;
            }
            if (targets.containsKey(node)) {
                capture.accept(node, grad);
            }
            // NOTE: autograd.grad leaves the leaves' .grad alone.
            if (node instanceof AccumulateGrad) {
                continue;
            }
            propagate(node, grad, pending);
        }
        if (!retainGraph) {
            release(order);
        }
    }

    /** The walk of {@link #run}: leaves accumulate into {@code .grad}, retained outputs get theirs. */
    private static void accumulate(Node start, Tensor gradient, boolean retainGraph) {
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
            propagate(node, grad, pending);
        }
        if (!retainGraph) {
            release(order);
        }
    }

    /** Applies {@code node}'s backward and adds each input's gradient (summed to its shape) to what it is owed. */
    private static void propagate(Node node, Tensor grad, Map<Node, Tensor> pending) {
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

    private static void release(List<Node> order) {
        for (Node node : order) {
            if (!(node instanceof AccumulateGrad)) {
                node.release();
            }
        }
    }

    /** The start of an {@code autograd.grad} walk: feeds each output its weight. */
    private static final class GraphRoot extends Node {
        private final Tensor[] weights;

        GraphRoot(Tensor[] outputs, Tensor[] weights) {
            super(outputs);
            this.weights = weights;
        }

        @Override
        public String name() {
            return "GraphRoot";
        }

        @Override
        protected Tensor[] backward(Tensor grad) {
            return weights;
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
