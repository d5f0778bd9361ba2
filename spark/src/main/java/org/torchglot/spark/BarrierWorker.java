package org.torchglot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.sql.Row;
import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.nn.Loss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/** One barrier task of {@link DataParallelTrainer}: trains on its partition in lockstep with the others. */
final class BarrierWorker extends AbstractFunction1<scala.collection.Iterator<Row>, scala.collection.Iterator<BarrierWorker.Result>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Everything a worker needs, shipped from the driver. */
    record Plan(ModuleSpec module, LossFactory loss, OptimizerFactory optimizer, FeatureColumns features,
                LabelColumns labels, int batchSize, int epochs, int averageParametersEvery, byte[] initialStateDict,
                long seed)
            implements Serializable {
    }

    /** The first worker's trained state dict ({@code .pt} bytes) and the mean loss of each synchronisation. */
    record Result(byte[] stateDict, double[] losses) implements Serializable {
    }

    private final Plan plan;

    BarrierWorker(Plan plan) {
        this.plan = plan;
    }

    @Override
    public scala.collection.Iterator<Result> apply(scala.collection.Iterator<Row> partition) {
        BarrierTaskContext barrier = BarrierTaskContext.get();
        List<Row> rows = new ArrayList<>();
        CollectionConverters.asJava(partition).forEachRemaining(rows::add);
        int stepsPerEpoch = 0;
        for (String count : barrier.allGather(Integer.toString(rows.size()))) {
            stepsPerEpoch = Math.max(stepsPerEpoch, (Integer.parseInt(count) + plan.batchSize() - 1) / plan.batchSize());
        }
        int steps = stepsPerEpoch;
        // NOTE: tasks of one executor share a JVM; each gets its own default generator (dropout, script seeds).
        Result result = Generator.callWithDefault(new Generator(plan.seed() + barrier.partitionId()), () -> {
            try (LoadedModule loaded = plan.module().instantiate()) {
                return train(barrier, loaded.module(), rows, steps);
            }
        });
        Iterator<Result> out = barrier.partitionId() == 0 ? List.of(result).iterator() : Collections.emptyIterator();
        return CollectionConverters.asScala(out);
    }

    @SuppressWarnings("unchecked")
    private Result train(BarrierTaskContext barrier, Module module, List<Row> rows, int stepsPerEpoch) {
        module.loadStateDict((Map<String, Tensor>) TorchIO.fromBytes(plan.initialStateDict(), "initial weights").value(), true);
        module.train();
        List<Parameter> parameters = module.parameters();
        Optimizer optimizer = plan.optimizer().create(parameters);
        Loss loss = plan.loss().create();
        int every = plan.averageParametersEvery();
        // NOTE: allGather waits in 1-second sleeps (Spark polls its RPC so), so a lone worker never calls it.
        boolean alone = barrier.getTaskInfos().length == 1;
        List<Double> losses = new ArrayList<>();
        double rowsSinceSync = 0;
        double lossSinceSync = 0;
        int step = 0;
        int totalSteps = stepsPerEpoch * plan.epochs();
        for (int epoch = 0; epoch < plan.epochs(); epoch++) {
            for (int s = 0; s < stepsPerEpoch; s++, step++) {
                List<Row> batch = rows.subList(Math.min(s * plan.batchSize(), rows.size()),
                        Math.min((s + 1) * plan.batchSize(), rows.size()));
                optimizer.zeroGrad();
                double batchLoss = batch.isEmpty() ? 0 : backward(module, loss, batch);
                if (alone) {
                    optimizer.step();
                    losses.add(batchLoss);
                } else if (every == 0) {
                    FloatMessages.Mean mean = FloatMessages.average(barrier.allGather(FloatMessages.encode(
                            new FloatMessages.Contribution(batch.size(), batchLoss * batch.size(), gradients(parameters)))));
                    setGradients(parameters, mean.values());
                    optimizer.step();
                    losses.add(mean.loss());
                } else {
                    if (!batch.isEmpty()) {
                        optimizer.step();
                    }
                    rowsSinceSync += batch.size();
                    lossSinceSync += batchLoss * batch.size();
                    if ((step + 1) % every == 0 || step + 1 == totalSteps) {
                        FloatMessages.Mean mean = FloatMessages.average(barrier.allGather(FloatMessages.encode(
                                new FloatMessages.Contribution(rowsSinceSync, lossSinceSync, values(parameters)))));
                        setValues(parameters, mean.values());
                        losses.add(mean.loss());
                        rowsSinceSync = 0;
                        lossSinceSync = 0;
                    }
                }
            }
        }
        byte[] trained = barrier.partitionId() == 0 ? TorchIO.toBytes(module.stateDict(), "model") : new byte[0];
        return new Result(trained, losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double backward(Module module, Loss loss, List<Row> batch) {
        Tensor output = module.call(FeatureColumns.batch(plan.features(), batch));
        Tensor value = loss.call(output, plan.labels().read(batch));
        value.backward();
        return value.item();
    }

    private static float[] gradients(List<Parameter> parameters) {
        float[] flat = new float[size(parameters)];
        int at = 0;
        for (Parameter p : parameters) {
            if (p.grad() != null) {
                float[] grad = p.grad().toFloatArray();
                System.arraycopy(grad, 0, flat, at, grad.length);
            }
            at += p.numel();
        }
        return flat;
    }

    private static float[] values(List<Parameter> parameters) {
        float[] flat = new float[size(parameters)];
        int at = 0;
        for (Parameter p : parameters) {
            float[] value = p.toFloatArray();
            System.arraycopy(value, 0, flat, at, value.length);
            at += value.length;
        }
        return flat;
    }

    private static void setGradients(List<Parameter> parameters, float[] flat) {
        int at = 0;
        for (Parameter p : parameters) {
            p.setGrad(slice(flat, at, p).to(p.dtype()));
            at += p.numel();
        }
    }

    private static void setValues(List<Parameter> parameters, float[] flat) {
        int at = 0;
        try (GradMode.Scope ignored = Torch.noGrad()) {
            for (Parameter p : parameters) {
                p.copy_(slice(flat, at, p));
                at += p.numel();
            }
        }
    }

    private static Tensor slice(float[] flat, int at, Parameter p) {
        return Torch.tensor(Arrays.copyOfRange(flat, at, at + p.numel()), p.shape());
    }

    private static int size(List<Parameter> parameters) {
        return parameters.stream().mapToInt(Tensor::numel).sum();
    }
}
