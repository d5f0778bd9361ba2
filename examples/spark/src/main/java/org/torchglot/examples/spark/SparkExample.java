package org.torchglot.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.torchglot.bindings.Language;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.optim.Adam;
import org.torchglot.spark.DataParallelTrainer;
import org.torchglot.spark.HyperparameterSweep;
import org.torchglot.spark.ModuleSpec;
import org.torchglot.spark.TorchTransformer;
import org.torchglot.spark.TrainingResult;
import org.torchglot.spark.TrainingScript;

/**
 * Trains a regression model data-parallel on a generated data set, saves it as a PyTorch {@code .pt}
 * file, scores a DataFrame with it through a Spark ML pipeline stage, and runs a small sweep of a
 * Python training script. Runs in local[2] by itself, or on a cluster under spark-submit.
 * The argument is the output directory (default {@code target/spark-example}).
 */
public final class SparkExample {
    static final String[] FEATURES = {"x1", "x2", "x3", "x4"};

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/spark-example").toAbsolutePath();
        Files.createDirectories(out);
        SparkConf conf = new SparkConf().setAppName("torchglot Spark example");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[2]").set("spark.ui.enabled", "false");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark, out);
        } finally {
            spark.stop();
        }
    }

    /** y = sin(3 x1) + x2 x3 - 0.5 x4^2 + noise, features uniform in [-1, 1). */
    static Dataset<Row> generate(SparkSession spark, long rows, int partitions, long seed) {
        return spark.range(0, rows, 1, partitions)
                .select(rand(seed).multiply(2).minus(1).as("x1"), rand(seed + 1).multiply(2).minus(1).as("x2"),
                        rand(seed + 2).multiply(2).minus(1).as("x3"), rand(seed + 3).multiply(2).minus(1).as("x4"),
                        rand(seed + 4).minus(0.5).multiply(0.05).as("noise"))
                .withColumn("y", sin(col("x1").multiply(3)).plus(col("x2").multiply(col("x3")))
                        .minus(pow(col("x4"), 2).multiply(0.5)).plus(col("noise")))
                .drop("noise");
    }

    private static void run(SparkSession spark, Path out) throws Exception {
        int workers = spark.sparkContext().defaultParallelism();
        Dataset<Row> train = generate(spark, 20_000, workers, 1).cache();
        Dataset<Row> test = generate(spark, 5_000, workers, 2).cache();
        System.out.printf("training on %d rows with %d workers (barrier tasks)%n", train.count(), workers);

        ModuleSpec module = ModuleSpec.java(new Mlp());
        TrainingResult trained = new DataParallelTrainer(module, MSELoss::new, params -> new Adam(params, 0.01))
                .featureCols(FEATURES).labelCols("y").batchSize(64).epochs(3).seed(0)
                .averageParametersEvery(50)
                .fit(train);
        List<Double> losses = trained.losses();
        System.out.printf("%d parameter averages in %.1f s, loss %.4f -> %.4f%n", losses.size(), trained.seconds(),
                losses.getFirst(), losses.getLast());
        Path weights = out.resolve("model.pt");
        trained.save(weights);
        System.out.println("saved " + weights);

        TorchTransformer scorer = new TorchTransformer(trained.model(module)).setInputCols(FEATURES).setOutputCol("prediction");
        Dataset<Row> scored = scorer.transform(test);
        scored.show(5);
        Row error = scored.selectExpr("sqrt(avg(pow(prediction - y, 2))) AS rmse", "stddev(y) AS sd").first();
        System.out.printf("test RMSE %.4f (the label's standard deviation: %.4f)%n", error.getDouble(0), error.getDouble(1));
        String pipeline = out.resolve("scorer").toString();
        scorer.write().overwrite().save(pipeline);
        System.out.println("saved the scoring stage to " + pipeline + " (TorchTransformer.load reads it back)");

        TrainingScript script = new TrainingScript(Language.PYTHON, "sweep.py", SWEEP_SCRIPT);
        HyperparameterSweep.run(spark, script, List.of(
                Map.of("lr", 0.01, "hidden", 8), Map.of("lr", 0.05, "hidden", 8), Map.of("lr", 0.05, "hidden", 32)))
                .show(false);
    }

    /** A Python training script for the sweep: params in, metrics out. */
    private static final String SWEEP_SCRIPT = """
            import torch
            from torch import nn

            torch.manual_seed(0)
            x = torch.rand(256, 2) * 2 - 1
            y = (x[:, :1] * x[:, 1:]).sin()
            model = nn.Sequential(nn.Linear(2, params["hidden"]), nn.Tanh(), nn.Linear(params["hidden"], 1))
            opt = torch.optim.Adam(model.parameters(), lr=params["lr"])
            for step in range(200):
                opt.zero_grad()
                loss = nn.functional.mse_loss(model(x), y)
                loss.backward()
                opt.step()
            metrics = {"final_loss": loss.item()}
            """;
}
