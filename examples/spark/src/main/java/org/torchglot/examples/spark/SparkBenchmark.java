package org.torchglot.examples.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.spark.BatchScorer;
import org.torchglot.spark.DataParallelTrainer;
import org.torchglot.spark.ModuleSpec;
import org.torchglot.spark.TorchModel;

/**
 * The numbers of docs/spark.md, in local[2]: rows scored per second per core through Spark
 * against the same model and batches in this JVM without Spark, and the time of the same
 * training (same global batch, same steps) with 1 and with 2 workers. Best of 3 runs after a
 * warm-up; prints the machine's load average, since other work shares the cores.
 */
public final class SparkBenchmark {
    private static final int SCORE_ROWS = 200_000;
    private static final int BATCH = 256;

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("torchglot Spark benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            System.out.println("load average before: " + loadAverage());
            scoring(spark);
            training(spark);
            System.out.println("load average after: " + loadAverage());
        } finally {
            spark.stop();
        }
    }

    private static void scoring(SparkSession spark) {
        Torch.manualSeed(0);
        Module model = new Mlp().create();
        Dataset<Row> data = SparkExample.generate(spark, SCORE_ROWS, 2, 3).cache();
        data.count();
        BatchScorer scorer = new BatchScorer(TorchModel.of(ModuleSpec.java(new Mlp()), model.stateDict()),
                SparkExample.FEATURES, "prediction", BATCH);
        double spark2 = best(() -> scorer.score(data).selectExpr("sum(prediction)").first());
        double sparkRate = SCORE_ROWS / spark2;
        System.out.printf("Spark local[2], 2 partitions: %.0f rows/s, %.0f rows/s per core%n", sparkRate, sparkRate / 2);

        List<Row> rows = data.select("x1", "x2", "x3", "x4").collectAsList();
        float[] features = new float[rows.size() * 4];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 4; c++) {
                features[r * 4 + c] = (float) rows.get(r).getDouble(c);
            }
        }
        model.eval();
        double direct = best(() -> {
            try (GradMode.Scope ignored = Torch.noGrad()) {
                for (int start = 0; start < SCORE_ROWS; start += BATCH) {
                    int n = Math.min(BATCH, SCORE_ROWS - start);
                    float[] batch = java.util.Arrays.copyOfRange(features, start * 4, (start + n) * 4);
                    model.call(Torch.tensor(batch, new int[] {n, 4})).toFloatArray();
                }
            }
        });
        System.out.printf("one JVM, one thread, no Spark: %.0f rows/s%n", SCORE_ROWS / direct);
    }

    private static void training(SparkSession spark) {
        Dataset<Row> one = SparkExample.generate(spark, 20_000, 1, 1).cache();
        Dataset<Row> two = SparkExample.generate(spark, 20_000, 2, 1).cache();
        one.count();
        two.count();
        int steps = 2 * ((10_000 + 63) / 64);
        double t1 = once(() -> trainer().batchSize(128).fit(one));
        double t2 = once(() -> trainer().batchSize(64).averageParametersEvery(50).fit(two));
        System.out.printf("training, %d steps of 128 rows: 1 worker %.2f s; 2 workers averaging parameters every 50 steps"
                + " %.2f s, speed-up %.2f%n", steps, t1, t2, t1 / t2);
        Dataset<Row> small = SparkExample.generate(spark, 20 * 128, 2, 1).cache();
        small.count();
        double t3 = once(() -> trainer().batchSize(64).epochs(1).fit(small));
        System.out.printf("2 workers averaging gradients at every step: %.2f s per step (20 steps)%n", t3 / 20);
    }

    private static DataParallelTrainer trainer() {
        return new DataParallelTrainer(ModuleSpec.java(new Mlp()), MSELoss::new, params -> new Adam(params, 0.01))
                .featureCols(SparkExample.FEATURES).labelCols("y").epochs(2).seed(0);
    }

    /** The wall time of one run after a warm-up, in seconds. */
    private static double once(Runnable run) {
        run.run();
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The best wall time of 3 runs after a warm-up, in seconds. */
    private static double best(Runnable run) {
        run.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static String loadAverage() throws Exception {
        Path file = Path.of("/proc/loadavg");
        return Files.exists(file) ? Files.readString(file).strip() : "unknown";
    }
}
