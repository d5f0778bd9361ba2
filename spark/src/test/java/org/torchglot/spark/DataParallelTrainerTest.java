package org.torchglot.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.engine.Torch;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.Tensor;

class DataParallelTrainerTest {
    private static final int BATCH = 8;

    private static DataParallelTrainer trainer() {
        return new DataParallelTrainer(ModuleSpec.java(new SmallMlp()), MSELoss::new, params -> new SGD(params, 0.1, 0.9))
                .featureCols("x1", "x2", "x3").labelCols("y1", "y2").batchSize(BATCH).epochs(2).seed(3);
    }

    /** The rows of partition {@code p} of {@code partitions}, as parallelize slices a list. */
    private static List<Row> slice(List<Row> rows, int p, int partitions) {
        return rows.subList(p * rows.size() / partitions, (p + 1) * rows.size() / partitions);
    }

    private static List<Row> batch(List<Row> rows, int step) {
        return rows.subList(Math.min(step * BATCH, rows.size()), Math.min((step + 1) * BATCH, rows.size()));
    }

    private static Tensor features(List<Row> rows) {
        return Torch.tensor(SparkTestData.features(rows), new int[] {rows.size(), 3});
    }

    private static Tensor targets(List<Row> rows) {
        float[] values = new float[rows.size() * 2];
        for (int r = 0; r < rows.size(); r++) {
            values[2 * r] = (float) rows.get(r).getDouble(4);
            values[2 * r + 1] = (float) rows.get(r).getDouble(5);
        }
        return Torch.tensor(values, new int[] {rows.size(), 2});
    }

    private static Module start(DataParallelTrainer trainer) {
        Module model = new SmallMlp().create();
        model.loadStateDict(trainer.initialStateDict(), true);
        return model;
    }

    private static void assertSameWeights(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((key, value) -> SparkTestData.assertClose(value.toFloatArray(), actual.get(key).toFloatArray(), 1e-5));
    }

    @Test
    void averagingGradientsOverTwoPartitionsIsOneProcessTrainingOnBothBatches(@TempDir Path dir) throws Exception {
        // 29 rows: partitions of 14 and 15, so the second batches differ in size (6 and 7 rows).
        List<Row> rows = SparkTestData.rows(29, 11);
        DataParallelTrainer trainer = trainer();

        TrainingResult result = trainer.fit(SparkTestData.frame(rows, 2));

        Module model = start(trainer);
        Optimizer sgd = new SGD(model.parameters(), 0.1, 0.9);
        MSELoss mse = new MSELoss();
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int step = 0; step < 2; step++) {
                List<Row> both = new ArrayList<>(batch(slice(rows, 0, 2), step));
                both.addAll(batch(slice(rows, 1, 2), step));
                sgd.zeroGrad();
                Tensor loss = mse.call(model.call(features(both)), targets(both));
                loss.backward();
                sgd.step();
                losses.add(loss.item());
            }
        }
        assertEquals(2, result.workers());
        assertSameWeights(model.stateDict(), result.stateDict());
        assertEquals(losses.size(), result.losses().size());
        for (int i = 0; i < losses.size(); i++) {
            assertEquals(losses.get(i), result.losses().get(i), 1e-5 * losses.get(i), "loss of step " + i);
        }
        Path file = dir.resolve("trained.pt");
        result.save(file);
        assertSameWeights(model.stateDict(), castStateDict(TorchIO.load(file)));
        assertEquals("PK", new String(Files.readAllBytes(file), 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aSingleWorkerStepsWithoutExchangingAndMatchesOneProcess() {
        List<Row> rows = SparkTestData.rows(20, 13);
        DataParallelTrainer trainer = trainer().epochs(1);

        TrainingResult result = trainer.fit(SparkTestData.frame(rows, 1));

        Module model = start(trainer);
        Optimizer sgd = new SGD(model.parameters(), 0.1, 0.9);
        MSELoss mse = new MSELoss();
        for (int step = 0; step < 3; step++) {
            sgd.zeroGrad();
            mse.call(model.call(features(batch(rows, step))), targets(batch(rows, step))).backward();
            sgd.step();
        }
        assertEquals(1, result.workers());
        assertEquals(3, result.losses().size());
        assertSameWeights(model.stateDict(), result.stateDict());
    }

    @Test
    void averagingParametersEveryTwoStepsIsLocalTrainingThenTheRowsWeightedMean() {
        List<Row> rows = SparkTestData.rows(45, 12);
        DataParallelTrainer trainer = trainer().epochs(1).averageParametersEvery(2);

        TrainingResult result = trainer.fit(SparkTestData.frame(rows, 2));

        Module[] models = {start(trainer), start(trainer)};
        Optimizer[] optimizers = {new SGD(models[0].parameters(), 0.1, 0.9), new SGD(models[1].parameters(), 0.1, 0.9)};
        int[] seen = new int[2];
        MSELoss mse = new MSELoss();
        for (int step = 0; step < 3; step++) {
            for (int w = 0; w < 2; w++) {
                List<Row> batch = batch(slice(rows, w, 2), step);
                optimizers[w].zeroGrad();
                mse.call(models[w].call(features(batch)), targets(batch)).backward();
                optimizers[w].step();
                seen[w] += batch.size();
            }
            if (step == 1 || step == 2) {
                for (String key : models[0].stateDict().keySet()) {
                    Tensor mean = models[0].stateDict().get(key).mul((double) seen[0])
                            .add(models[1].stateDict().get(key).mul((double) seen[1]), 1.0).div((double) (seen[0] + seen[1]));
                    try (var ignored = Torch.noGrad()) {
                        models[0].stateDict().get(key).copy_(mean);
                        models[1].stateDict().get(key).copy_(mean);
                    }
                }
                seen[0] = 0;
                seen[1] = 0;
            }
        }
        assertEquals(2, result.losses().size(), "one loss per synchronisation: after steps 2 and 3");
        assertSameWeights(models[0].stateDict(), result.stateDict());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> castStateDict(Object loaded) {
        return (Map<String, Tensor>) loaded;
    }
}
