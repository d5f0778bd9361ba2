package org.torchglot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import scala.reflect.ClassTag$;

/**
 * Trains a model data-parallel on Spark's barrier execution: one task per partition of the
 * training data, all started together ({@code RDD.barrier().mapPartitions}); each builds the
 * module with the same initial weights (made once on the driver from {@code seed}) and, at every
 * step, reads its next {@code batchSize} rows, computes the gradient of the mean loss, and
 * exchanges it with the others through {@code BarrierTaskContext.allGather}. Every worker then
 * applies the rows-weighted mean gradient: the same step one process would take on all the
 * workers' batches together, so the weights stay identical everywhere. With {@code
 * averageParametersEvery(k)} workers step on their own gradients instead and average their
 * parameters every k steps (fewer, larger messages; not the same mathematics). No sockets of our
 * own: Spark carries the messages.
 *
 * <p>Cost: Spark's {@code allGather} waits for the other tasks in sleeps of one second (its
 * {@code BarrierTaskContext} polls the reply so, to notice a killed task), so every exchange
 * takes about a second whatever the model: averaging gradients at every step is exact but slow,
 * averaging parameters every k steps pays that second once per k steps. A single worker never
 * exchanges. docs/spark.md has the measurements.
 *
 * <p>Batches follow each partition's row order, without shuffling. Each step's exchange holds
 * every parameter as float32 text, so a model must fit Spark's RPC message limit
 * ({@code spark.rpc.message.maxSize}, 128 MB by default) with room to spare.
 */
public final class DataParallelTrainer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ModuleSpec module;
    private final LossFactory loss;
    private final OptimizerFactory optimizer;
    private String[] featureCols = {"features"};
    private String[] labelCols = {"label"};
    private int batchSize = 32;
    private int epochs = 1;
    private long seed;
    private int averageParametersEvery;

    public DataParallelTrainer(ModuleSpec module, LossFactory loss, OptimizerFactory optimizer) {
        this.module = Objects.requireNonNull(module, "module");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /** The feature columns (numbers, arrays of numbers or ML vectors); default {@code features}. */
    public DataParallelTrainer featureCols(String... columns) {
        featureCols = columns.clone();
        return this;
    }

    /** The target columns; one integer column gives int64 class indices (for cross-entropy), anything else float32 rows. */
    public DataParallelTrainer labelCols(String... columns) {
        labelCols = columns.clone();
        return this;
    }

    /** Rows per worker per step (PyTorch DDP's per-process batch size); default 32. */
    public DataParallelTrainer batchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + rows);
        }
        batchSize = rows;
        return this;
    }

    public DataParallelTrainer epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + count);
        }
        epochs = count;
        return this;
    }

    /**
     * The seed of the generator the driver builds the initial weights with (as after {@code
     * torch.manual_seed(seed)}); worker k's own generator, for dropout, starts from seed + k. Default 0.
     */
    public DataParallelTrainer seed(long value) {
        seed = value;
        return this;
    }

    /** Average parameters every {@code steps} local steps instead of gradients at every step; 0 restores the default. */
    public DataParallelTrainer averageParametersEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("averageParametersEvery must be 0 (average gradients) or more, got " + steps);
        }
        averageParametersEvery = steps;
        return this;
    }

    /** The initial weights every worker starts from: the module built on the driver after seeding. */
    public Map<String, Tensor> initialStateDict() {
        return Generator.callWithDefault(new Generator(seed), () -> {
            try (LoadedModule initial = module.instantiate()) {
                return initial.module().stateDict();
            }
        });
    }

    /**
     * Trains on {@code data} with one worker per partition (repartition first to choose how many;
     * the cluster needs that many free task slots at once) and returns the trained weights.
     */
    public TrainingResult fit(Dataset<Row> data) {
        FeatureColumns features = new FeatureColumns(data.schema(), featureCols);
        LabelColumns labels = new LabelColumns(data.schema(), labelCols);
        byte[] initial = TorchIO.toBytes(initialStateDict(), "model");
        BarrierWorker worker = new BarrierWorker(new BarrierWorker.Plan(module, loss, optimizer, features, labels,
                batchSize, epochs, averageParametersEvery, initial, seed));
        RDD<Row> rows = data.rdd();
        long start = System.nanoTime();
        RDD<BarrierWorker.Result> results = rows.barrier().mapPartitions(worker, false,
                ClassTag$.MODULE$.apply(BarrierWorker.Result.class));
        List<BarrierWorker.Result> collected = new JavaRDD<>(results, ClassTag$.MODULE$.apply(BarrierWorker.Result.class))
                .collect();
        double seconds = (System.nanoTime() - start) / 1e9;
        BarrierWorker.Result first = collected.getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Tensor> trained = (Map<String, Tensor>) TorchIO.fromBytes(first.stateDict(), "trained state dict").value();
        List<Double> losses = new ArrayList<>(Arrays.stream(first.losses()).boxed().toList());
        return new TrainingResult(trained, losses, rows.getNumPartitions(), seconds);
    }
}
