package org.torchglot.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A Spark ML {@code Transformer} that scores a DataFrame with a torchglot model: the features of
 * {@code inputCols} go in, the model's prediction comes out in {@code outputCol} (see {@link
 * BatchScorer}). It saves and loads with a {@code Pipeline}: the parameters as Spark's metadata,
 * the weights as a PyTorch {@code .pt} file and the module as its factory's class name or its
 * script ({@link ModelFiles}).
 */
public final class TorchTransformer extends Transformer implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final TorchModel model;
    private final StringArrayParam inputCols;
    private final Param<String> outputCol;
    private final IntParam batchSize;

    public TorchTransformer(TorchModel model) {
        this(Identifiable$.MODULE$.randomUID("torchTransformer"), model);
    }

    public TorchTransformer(String uid, TorchModel model) {
        this.uid = uid;
        this.model = model;
        // NOTE: a Param records its parent's uid when created, so the params are made after uid is set.
        inputCols = new StringArrayParam(this, "inputCols", "feature columns: numbers, arrays of numbers or ML vectors");
        outputCol = new Param<>(this, "outputCol", "prediction column");
        batchSize = new IntParam(this, "batchSize", "rows per forward pass (> 0)");
        setDefault(outputCol, "prediction");
        setDefault(batchSize, 256);
    }

    @Override
    public String uid() {
        return uid;
    }

    public TorchModel model() {
        return model;
    }

    public StringArrayParam inputCols() {
        return inputCols;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public TorchTransformer setInputCols(String... columns) {
        set(inputCols, columns);
        return this;
    }

    public TorchTransformer setOutputCol(String column) {
        set(outputCol, column);
        return this;
    }

    public TorchTransformer setBatchSize(int rows) {
        set(batchSize, rows);
        return this;
    }

    public String[] getInputCols() {
        if (!isDefined(inputCols)) {
            throw new IllegalArgumentException("TorchTransformer " + uid + " has no input columns: call setInputCols");
        }
        return getOrDefault(inputCols);
    }

    public String getOutputCol() {
        return getOrDefault(outputCol);
    }

    public int getBatchSize() {
        return (Integer) getOrDefault(batchSize);
    }

    private BatchScorer scorer() {
        return new BatchScorer(model, getInputCols(), getOutputCol(), getBatchSize());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Dataset<Row> transform(Dataset<?> dataset) {
        return scorer().score((Dataset<Row>) dataset.toDF());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return scorer().outputSchema(schema);
    }

    @Override
    public TorchTransformer copy(ParamMap extra) {
        return copyValues(new TorchTransformer(uid, model), extra);
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** The reader Spark's {@code PipelineModel.load} finds by reflection. */
    public static MLReader<TorchTransformer> read() {
        return new Reader();
    }

    /** Loads a transformer saved with {@code write().save(path)}. */
    public static TorchTransformer load(String path) {
        return read().load(path);
    }

    private static final class Writer extends MLWriter {
        private final TorchTransformer instance;

        Writer(TorchTransformer instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession());
            try {
                ModelFiles.write(instance.model, path, sparkSession().sparkContext().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the torchglot model under " + path, e);
            }
        }
    }

    private static final class Reader extends MLReader<TorchTransformer> {
        @Override
        public TorchTransformer load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    TorchTransformer.class.getName());
            TorchModel model;
            try {
                model = ModelFiles.read(path, sparkSession().sparkContext().hadoopConfiguration());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the torchglot model under " + path, e);
            }
            TorchTransformer transformer = new TorchTransformer(metadata.uid(), model);
            metadata.getAndSetParams(transformer, Option.empty());
            return transformer;
        }
    }
}
