package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** {@code MultiplicativeLR(optimizer, lr_lambda)}: every epoch after the first multiplies the rate by {@code lr_lambda(epoch)}. */
public class MultiplicativeLR extends LRScheduler {
    private final List<IntToDoubleFunction> lambdas;

    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lambdas = LambdaLR.perGroup(optimizer, lrLambdas);
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> lrs = currentLrs();
        if (lastEpoch() <= 0) {
            return lrs;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            out.add(lrs.get(i) * lambdas.get(i).applyAsDouble(lastEpoch()));
        }
        return out;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("lr_lambdas", java.util.Collections.nCopies(lambdas.size(), null));
    }
}
