package org.torchglot.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.TorchglotContext;

class HyperparameterSweepTest {
    private static final String SCRIPT = """
            const torch = require('torch');
            torch.manualSeed(0);
            const x = torch.rand(32, 2);
            const y = x.sum(1, true);
            const model = new torch.nn.Linear(2, 1);
            const opt = new torch.optim.SGD(model.parameters(), { lr: params.lr });
            let loss;
            for (let i = 0; i < params.steps; i++) {
              opt.zero_grad();
              loss = torch.nn.functional.mse_loss(model(x), y);
              loss.backward();
              opt.step();
            }
            if (params.lr > 1) {
              throw new Error('lr too large: ' + params.lr);
            }
            const metrics = { loss: loss.item(), weight_norm: model.weight.norm().item() };
            """;

    /** The loss the script reaches when run directly in this JVM, outside Spark. */
    private static double directLoss(double lr, int steps) {
        try (TorchglotContext context = TorchglotContext.builder().languages(Language.JS).noFileAccess().build()) {
            context.eval(Language.JS, "const params = {lr: " + lr + ", steps: " + steps + "};");
            context.eval(Language.JS, SCRIPT);
            return context.eval(Language.JS, "metrics.loss").asDouble();
        }
    }

    @Test
    void threeConfigurationsGiveThreeRowsOfParametersMetricsAndErrors() {
        TrainingScript script = new TrainingScript(Language.JS, "train.js", SCRIPT);

        Dataset<Row> results = HyperparameterSweep.run(LocalSpark.session(), script, List.of(
                Map.of("lr", 0.1, "steps", 30), Map.of("lr", 0.5, "steps", 30), Map.of("lr", 2.0, "steps", 1)));

        List<Row> rows = results.collectAsList();
        assertEquals(List.of("config", "lr", "steps", "loss", "weight_norm", "error"), List.of(results.columns()));
        assertEquals(3, rows.size());
        assertEquals(List.of(0, 1, 2), rows.stream().map(r -> r.getInt(0)).toList());
        assertEquals(30L, rows.get(0).<Long>getAs("steps"));
        assertNull(rows.get(0).getAs("error"));
        assertEquals(directLoss(0.5, 30), rows.get(1).<Double>getAs("loss"));
        assertTrue(rows.get(1).<Double>getAs("loss") < rows.get(0).<Double>getAs("loss"), "a larger rate converges faster here");
        assertNull(rows.get(2).getAs("loss"));
        String error = rows.get(2).getAs("error");
        assertTrue(error.contains("lr too large: 2") && error.contains("train.js"), error);
    }
}
