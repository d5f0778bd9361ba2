package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code LambdaLR(optimizer, lr_lambda)}: each group's rate is its initial rate times
 * {@code lr_lambda(epoch)}; one function for all groups or one per group.
 */
public class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lambdas;

    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lambdas = perGroup(optimizer, lrLambdas);
        initialStep();
    }

    /** One function per group: a single function serves every group. */
    static List<IntToDoubleFunction> perGroup(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        int groups = optimizer.paramGroups().size();
        if (lambdas.size() == 1) {
            return java.util.Collections.nCopies(groups, lambdas.get(0));
        }
        if (lambdas.size() != groups) {
            throw TorchException.value("Expected " + groups + " lr_lambdas, but got " + lambdas.size());
        }
        return List.copyOf(lambdas);
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lambdas.size(); i++) {
            out.add(baseLrs().get(i) * lambdas.get(i).applyAsDouble(lastEpoch()));
        }
        return out;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        // NOTE: PyTorch saves None for each plain function (their code cannot be saved).
        return Options.of("lr_lambdas", java.util.Collections.nCopies(lambdas.size(), null));
    }
}
