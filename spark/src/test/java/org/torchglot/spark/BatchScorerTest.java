package org.torchglot.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.torchglot.bindings.Language;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

class BatchScorerTest {
    private static final String[] FEATURES = {"x1", "x2", "x3"};

    private static final String JS_MODEL = """
            const torch = require('torch');
            const nn = torch.nn;
            class Net extends nn.Module {
              constructor() {
                super();
                this.fc1 = new nn.Linear(3, 8);
                this.fc2 = new nn.Linear(8, 2);
              }
              forward(x) {
                return this.fc2(this.fc1(x).tanh());
              }
            }
            const model = new Net();
            """;

    /** The model's outputs for rows, run directly in this JVM on one tensor. */
    private static float[] direct(Module model, List<Row> rows) {
        try (var ignored = Torch.noGrad()) {
            return model.call(Torch.tensor(SparkTestData.features(rows), new int[] {rows.size(), 3})).toFloatArray();
        }
    }

    private static float[] predictions(Dataset<Row> scored, int width) {
        List<Row> rows = scored.orderBy("id").collectAsList();
        float[] out = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            Object prediction = rows.get(r).getAs("prediction");
            if (width == 1) {
                out[r] = (Float) prediction;
            } else {
                List<Float> values = rows.get(r).getList(rows.get(r).fieldIndex("prediction"));
                for (int c = 0; c < width; c++) {
                    out[r * width + c] = values.get(c);
                }
            }
        }
        return out;
    }

    @Test
    void javaModelScoresPartitionsInBatchesAsOneDirectRunDoes() {
        Torch.manualSeed(7);
        Module model = new SmallMlp().create();
        List<Row> rows = SparkTestData.rows(101, 1);
        BatchScorer scorer = new BatchScorer(TorchModel.of(ModuleSpec.java(new SmallMlp()), model.stateDict()),
                FEATURES, "prediction", 16);

        Dataset<Row> scored = scorer.score(SparkTestData.frame(rows, 2));

        assertEquals(DataTypes.createArrayType(DataTypes.FloatType, false), scored.schema().apply("prediction").dataType());
        assertEquals(List.of("id", "x1", "x2", "x3", "y1", "y2", "prediction"), List.of(scored.columns()));
        SparkTestData.assertClose(direct(model, rows), predictions(scored, 2), 1e-6);
    }

    @Test
    void oneOutputPerRowIsAFloatColumnAndIntegerColumnsAreFeatures() {
        Torch.manualSeed(8);
        Linear model = new Linear(3, 1);
        List<Row> rows = SparkTestData.rows(40, 2);
        Dataset<Row> frame = SparkTestData.frame(rows, 2).withColumn("x3", functions.col("x3").multiply(10).cast("int"));
        Dataset<Row> scored = new BatchScorer(TorchModel.of(ModuleSpec.java(() -> new Linear(3, 1)), model.stateDict()),
                FEATURES, "prediction", 7).score(frame);

        assertEquals(DataTypes.FloatType, scored.schema().apply("prediction").dataType());
        List<Row> truncated = frame.orderBy("id").collectAsList().stream()
                .map(r -> org.apache.spark.sql.RowFactory.create(r.getInt(0), r.getDouble(1), r.getDouble(2),
                        (double) r.getInt(3), 0.0, 0.0))
                .toList();
        SparkTestData.assertClose(direct(model, truncated), predictions(scored, 1), 1e-6);
    }

    @Test
    void javaScriptModuleScoresWithTheWeightsItIsGiven() {
        Torch.manualSeed(9);
        Module reference = new SmallMlp().create();
        Map<String, Tensor> weights = new LinkedHashMap<>();
        reference.stateDict().forEach((key, value) -> weights.put(key.replace("0.", "fc1.").replace("2.", "fc2."), value));
        List<Row> rows = SparkTestData.rows(30, 3);
        ScriptModuleSpec script = new ScriptModuleSpec(Language.JS, "net.js", JS_MODEL, "model");

        Dataset<Row> scored = new BatchScorer(TorchModel.of(script, weights), FEATURES, "prediction", 8)
                .score(SparkTestData.frame(rows, 2));

        SparkTestData.assertClose(direct(reference, rows), predictions(scored, 2), 1e-6);
    }

    @Test
    void aTextColumnIsRefusedBeforeAnyTaskRuns() {
        Torch.manualSeed(7);
        BatchScorer scorer = new BatchScorer(TorchModel.of(ModuleSpec.java(new SmallMlp()), new SmallMlp().create().stateDict()),
                new String[] {"x1", "x2", "name"}, "prediction", 16);
        Dataset<Row> frame = SparkTestData.frame(SparkTestData.rows(4, 4), 1).withColumn("name", functions.lit("a"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> scorer.score(frame));
        assertEquals("input column 'name' has type string; a model reads numbers, arrays of numbers or ML vectors",
                error.getMessage());
    }

    @Test
    void aModelThatCannotReadTheRowsSaysWhichShapes() {
        BatchScorer scorer = new BatchScorer(TorchModel.of(ModuleSpec.java(new SmallMlp()), new SmallMlp().create().stateDict()),
                new String[] {"x1", "x2"}, "prediction", 16);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> scorer.score(SparkTestData.frame(SparkTestData.rows(4, 4), 1)));
        assertTrue(error.getMessage().startsWith("the model cannot score rows of 2 features from [x1, x2]: "), error.getMessage());
        assertTrue(error.getMessage().contains("1x2 and 3x8"), error.getMessage());
    }
}
