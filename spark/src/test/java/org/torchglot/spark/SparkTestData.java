package org.torchglot.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Generated rows for the tests, and the comparison they share. */
final class SparkTestData {
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("x1", DataTypes.DoubleType, false)
            .add("x2", DataTypes.DoubleType, false)
            .add("x3", DataTypes.DoubleType, false)
            .add("y1", DataTypes.DoubleType, false)
            .add("y2", DataTypes.DoubleType, false);

    private SparkTestData() {
    }

    /** {@code count} rows with features x1..x3 in [-1, 1) and targets y = (x1 - 2 x2, x2 * x3). */
    static List<Row> rows(int count, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x1 = random.nextDouble() * 2 - 1;
            double x2 = random.nextDouble() * 2 - 1;
            double x3 = random.nextDouble() * 2 - 1;
            rows.add(RowFactory.create(i, x1, x2, x3, x1 - 2 * x2, x2 * x3));
        }
        return rows;
    }

    /** The rows as a DataFrame whose partitions are contiguous slices of the list, in order. */
    static Dataset<Row> frame(List<Row> rows, int partitions) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        return LocalSpark.session().createDataFrame(jsc.parallelize(rows, partitions), SCHEMA);
    }

    /** The features of rows as a [rows, 3] float32 matrix. */
    static float[] features(List<Row> rows) {
        float[] values = new float[rows.size() * 3];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 3; c++) {
                values[r * 3 + c] = (float) rows.get(r).getDouble(1 + c);
            }
        }
        return values;
    }

    /** Asserts max |actual - expected| <= tolerance * max |expected|. */
    static void assertClose(float[] expected, float[] actual, double tolerance) {
        double scale = 0;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(expected.length == actual.length && error <= tolerance * scale,
                "max error " + error + " against max magnitude " + scale + " (relative tolerance " + tolerance + ")");
    }
}
