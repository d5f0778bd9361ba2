package org.torchglot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

/**
 * Scores a DataFrame with a model: each partition builds the model once, reads its rows in
 * batches of {@code batchSize} into one float32 tensor, runs the forward pass without autograd,
 * and appends the predictions as a column: a float when the model gives one value per row, an
 * array of floats otherwise.
 */
public final class BatchScorer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TorchModel model;
    private final String[] inputCols;
    private final String outputCol;
    private final int batchSize;

    public BatchScorer(TorchModel model, String[] inputCols, String outputCol, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.model = model;
        this.inputCols = inputCols.clone();
        this.outputCol = outputCol;
        this.batchSize = batchSize;
    }

    /** The input schema with the prediction column appended; runs the model once on the driver when the schema gives the row width. */
    public StructType outputSchema(StructType input) {
        if (List.of(input.fieldNames()).contains(outputCol)) {
            throw new IllegalArgumentException("output column '" + outputCol + "' already exists");
        }
        int width = new FeatureColumns(input, inputCols).knownWidth();
        boolean scalar = width > 0 && outputsPerRow(width) == 1;
        DataType type = scalar ? DataTypes.FloatType : DataTypes.createArrayType(DataTypes.FloatType, false);
        return input.add(outputCol, type, false);
    }

    /** {@code data} with the prediction column; lazy, like any transformation. */
    public Dataset<Row> score(Dataset<Row> data) {
        StructType schema = outputSchema(data.schema());
        boolean scalar = schema.apply(outputCol).dataType() == DataTypes.FloatType;
        FeatureColumns features = new FeatureColumns(data.schema(), inputCols);
        return data.mapPartitions(new PartitionScorer(model, features, batchSize, scalar), Encoders.row(schema));
    }

    /** How many values the model gives for one row of {@code width} features (a probe on a row of zeros, once per model and width). */
    private int outputsPerRow(int width) {
        return model.probeCache().computeIfAbsent(width, this::probe);
    }

    private int probe(int width) {
        try (LoadedModule loaded = model.open(); GradMode.Scope ignored = Torch.noGrad()) {
            Tensor out = forward(loaded.module(), Torch.zeros(1, width));
            return out.numel();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the model cannot score rows of " + width + " features from "
                    + List.of(inputCols) + ": " + e.getMessage(), e);
        }
    }

    private static Tensor forward(Module module, Tensor batch) {
        Object out = module.call(batch);
        if (!(out instanceof Tensor tensor)) {
            throw new IllegalArgumentException("the model's forward returned " + out + ", not a tensor");
        }
        if (tensor.dim() == 0 || tensor.shape()[0] != batch.shape()[0]) {
            throw new IllegalArgumentException("the model's forward returned shape " + Arrays.toString(tensor.shape())
                    + " for a batch of " + batch.shape()[0] + " rows; its first dimension must be the batch");
        }
        return tensor;
    }

    /** Builds the model once per partition and scores its rows batch by batch. */
    private record PartitionScorer(TorchModel model, FeatureColumns features, int batchSize, boolean scalar)
            implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new ScoredRows(rows);
        }

        private final class ScoredRows implements Iterator<Row> {
            private final Iterator<Row> rows;
            private LoadedModule loaded;
            private List<Row> batch = List.of();
            private int next;

            ScoredRows(Iterator<Row> rows) {
                this.rows = rows;
            }

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                if (!rows.hasNext()) {
                    if (loaded != null) {
                        loaded.close();
                        loaded = null;
                    }
                    return false;
                }
                batch = scoreNextBatch();
                next = 0;
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.get(next++);
            }

            private List<Row> scoreNextBatch() {
                if (loaded == null) {
                    loaded = model.open();
                }
                List<Row> inputs = new ArrayList<>(batchSize);
                while (inputs.size() < batchSize && rows.hasNext()) {
                    inputs.add(rows.next());
                }
                float[] out;
                try (GradMode.Scope ignored = Torch.noGrad()) {
                    out = forward(loaded.module(), FeatureColumns.batch(features, inputs)).toFloatArray();
                }
                int perRow = out.length / inputs.size();
                List<Row> scored = new ArrayList<>(inputs.size());
                for (int r = 0; r < inputs.size(); r++) {
                    Object prediction = scalar ? (Object) out[r] : Arrays.copyOfRange(out, r * perRow, (r + 1) * perRow);
                    scored.add(append(inputs.get(r), prediction));
                }
                return scored;
            }
        }

        private static Row append(Row row, Object prediction) {
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = prediction;
            return RowFactory.create(values);
        }
    }
}
