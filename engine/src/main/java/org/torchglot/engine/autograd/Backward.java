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
        Node start = root.gradFn() != null ? root.gradFn() : root.gradAccumulator();
        walk(List.of(start), List.of(gradient), retainGraph, false, null);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph,
     * allow_unused)}: the gradients of the outputs with respect to each input, without touching any
     * {@code .grad}; with {@code createGraph} the backward is itself recorded, so it can be
     * differentiated again.
     *
     * @param gradOutputs one per output, null entries meaning ones for a one-element output
     * @return one gradient per input, null for an unused input when {@code allowUnused}
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
            boolean retainGraph, boolean createGraph, boolean allowUnused) {
        List<Node> starts = new ArrayList<>();
        List<Tensor> seeds = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (!out.requiresGrad()) {
                throw TorchException.runtime("element " + i + " of tensors does not require grad and does not have a "
                        + "grad_fn");
            }
            Tensor seed = gradOutputs == null || i >= gradOutputs.size() ? null : gradOutputs.get(i);
            if (seed == null) {
                if (out.numel() != 1) {
                    throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
                }
                seed = Tensor.onesLike(out);
            }
            starts.add(out.gradFn() != null ? out.gradFn() : out.gradAccumulator());
            seeds.add(seed);
        }
        Map<Node, Tensor> captured = new IdentityHashMap<>();
        for (Tensor input : inputs) {
            if (!input.requiresGrad()) {
                throw TorchException.runtime("One of the differentiated Tensors does not require grad");
            }
            captured.put(input.gradFn() != null ? input.gradFn() : input.gradAccumulator(), null);
        }
        walk(starts, seeds, retainGraph, createGraph, captured);
        List<Tensor> out = new ArrayList<>();
        for (Tensor input : inputs) {
            Tensor g = captured.get(input.gradFn() != null ? input.gradFn() : input.gradAccumulator());
            if (g == null && !allowUnused) {
                throw TorchException.runtime("One of the differentiated Tensors appears to not have been used in the "
                        + "graph. Set allow_unused=True if this is the desired behavior.");
            }
            out.add(g);
        }
        return out;
    }

    /**
     * Propagates the seeds from their nodes in topological order. With {@code captured} (autograd.grad),
     * the gradient reaching each of its nodes is recorded there and no leaf's {@code .grad} changes;
     * without it, leaves accumulate and retained outputs get theirs.
     */
    private static void walk(List<Node> starts, List<Tensor> seeds, boolean retainGraph, boolean createGraph,
            Map<Node, Tensor> captured) {
        try (GradMode.Scope ignored = createGraph ? GradMode.enableGrad() : GradMode.noGrad()) {
            List<Node> order = topologicalOrder(starts);
            Map<Node, Tensor> pending = new IdentityHashMap<>();
            for (int i = 0; i < starts.size(); i++) {
                Tensor previous = pending.get(starts.get(i));
                pending.put(starts.get(i), previous == null ? seeds.get(i) : previous.add(seeds.get(i)));
            }
            for (Node node : order) {
                Tensor grad = pending.remove(node);
                if (grad == null) {
                    continue;
                }
                grad = node.runGradHooks(grad);
                if (captured != null) {
                    if (captured.containsKey(node)) {
                        captured.put(node, grad);
                    }
                    if (node instanceof AccumulateGrad) {
                        continue;
                    }
                } else {
                    Tensor retained = node.retainedOutput();
                    if (retained != null) {
                        retained.setGrad(retained.grad() == null ? grad.contiguousCopy() : retained.grad().add(grad));
                    }
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

    /** Nodes ordered so each comes after every node that feeds it a gradient (roots first). */
    static List<Node> topologicalOrder(List<Node> roots) {
        List<Node> postOrder = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        for (Node root : roots) {
            if (visited.put(root, Boolean.TRUE) == null) {
                stack.push(new Frame(root));
                postOrderFrom(stack, visited, postOrder);
            }
        }
        java.util.Collections.reverse(postOrder);
        return postOrder;
    }

    /** A node on the depth-first stack and the index of the next input edge to follow. */
    private static final class Frame {
        final Node node;
        int nextInput;

        Frame(Node node) {
            this.node = node;
        }
    }

    private static void postOrderFrom(ArrayDeque<Frame> stack, Map<Node, Boolean> visited, List<Node> postOrder) {
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.nextInput < frame.node.inputCount()) {
                Node next = frame.node.next(frame.nextInput++);
                if (next != null && visited.put(next, Boolean.TRUE) == null) {
                    stack.push(new Frame(next));
                }
            } else {
                stack.pop();
                postOrder.add(frame.node);
            }
        }
    }
}
