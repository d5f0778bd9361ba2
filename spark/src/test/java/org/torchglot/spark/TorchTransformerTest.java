package org.torchglot.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.engine.Torch;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

class TorchTransformerTest {

    private static float[] predictions(Dataset<Row> scored) {
        List<Row> rows = scored.orderBy("id").collectAsList();
        float[] out = new float[rows.size() * 2];
        for (int r = 0; r < rows.size(); r++) {
            List<Float> values = rows.get(r).getList(rows.get(r).fieldIndex("score"));
            out[2 * r] = values.get(0);
            out[2 * r + 1] = values.get(1);
        }
        return out;
    }

    @Test
    void aPipelineWithTheTransformerScoresSavesAndLoadsBack(@TempDir Path dir) throws Exception {
        Torch.manualSeed(21);
        Module model = new SmallMlp().create();
        List<Row> rows = SparkTestData.rows(50, 5);
        Dataset<Row> frame = SparkTestData.frame(rows, 2);
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"x1", "x2", "x3"}).setOutputCol("features");
        TorchTransformer torch = new TorchTransformer(TorchModel.of(ModuleSpec.java(new SmallMlp()), model.stateDict()))
                .setInputCols("features").setOutputCol("score").setBatchSize(12);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {assembler, torch}).fit(frame);
        float[] before = predictions(fitted.transform(frame));

        String path = dir.resolve("pipeline").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        TorchTransformer reloaded = (TorchTransformer) loaded.stages()[1];

        try (var ignored = Torch.noGrad()) {
            float[] direct = model.call(Torch.tensor(SparkTestData.features(rows), new int[] {rows.size(), 3})).toFloatArray();
            SparkTestData.assertClose(direct, before, 1e-6);
        }
        assertArrayEquals(before, predictions(loaded.transform(frame)));
        assertEquals(torch.uid(), reloaded.uid());
        assertArrayEquals(new String[] {"features"}, reloaded.getInputCols());
        assertEquals(12, reloaded.getBatchSize());
        Path weights = dir.resolve("pipeline/stages/1_" + torch.uid() + "/model/state_dict.pt");
        assertTrue(Files.exists(weights), "the weights are a .pt file: " + weights);
        assertEquals(model.stateDict().keySet(), ((Map<?, ?>) TorchIO.load(weights)).keySet());
    }

    @Test
    void aScriptModelSavesItsScriptBesideItsWeights(@TempDir Path dir) throws Exception {
        Torch.manualSeed(22);
        Map<String, Tensor> weights = new Linear(3, 1).stateDict();
        ScriptModuleSpec script = new ScriptModuleSpec(Language.PYTHON, "net.py",
                "import torch\nmodel = torch.nn.Linear(3, 1)\n", "model");
        TorchTransformer torch = new TorchTransformer(TorchModel.of(script, weights)).setInputCols("x1", "x2", "x3");

        torch.write().save(dir.resolve("t").toString());
        TorchTransformer loaded = TorchTransformer.load(dir.resolve("t").toString());

        assertEquals(script, loaded.model().module());
        assertEquals("prediction", loaded.getOutputCol());
        assertArrayEquals(new String[] {"x1", "x2", "x3"}, loaded.getInputCols());
        weights.forEach((key, value) -> assertArrayEquals(value.toFloatArray(), loaded.model().stateDict().get(key).toFloatArray()));
        assertEquals("import torch\nmodel = torch.nn.Linear(3, 1)\n", Files.readString(dir.resolve("t/model/script-net.py")));
    }

    @Test
    void aLambdaFactoryIsRefusedWhenSavingWithTheReason(@TempDir Path dir) {
        TorchTransformer torch = new TorchTransformer(TorchModel.of(ModuleSpec.java(() -> new SmallMlp().create()), new SmallMlp().create().stateDict()))
                .setInputCols("x1", "x2", "x3");

        Exception error = assertThrows(IllegalArgumentException.class, () -> torch.write().save(dir.resolve("t").toString()));
        assertEquals("this model's module comes from a lambda, which cannot be saved: give TorchTransformer a named "
                + "ModuleFactory class with a public no-argument constructor", error.getMessage());
    }
}
