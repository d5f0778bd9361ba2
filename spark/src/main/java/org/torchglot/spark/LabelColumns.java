package org.torchglot.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.Tensor;

/**
 * Reads training targets: one integer column as int64 class indices of shape {@code [rows]}
 * (what {@code CrossEntropyLoss} takes), any other columns as float32 rows of shape {@code [rows, width]}.
 */
final class LabelColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FeatureColumns values;
    private final int classIndex;

    LabelColumns(StructType schema, String[] columns) {
        values = new FeatureColumns(schema, columns);
        DataType type = columns.length == 1 ? schema.apply(columns[0]).dataType() : null;
        classIndex = type == DataTypes.IntegerType || type == DataTypes.LongType || type == DataTypes.ShortType
                || type == DataTypes.ByteType ? schema.fieldIndex(columns[0]) : -1;
    }

    /** The targets of {@code rows} as one tensor. */
    Tensor read(List<Row> rows) {
        if (classIndex >= 0) {
            long[] classes = new long[rows.size()];
            for (int r = 0; r < classes.length; r++) {
                classes[r] = ((Number) rows.get(r).get(classIndex)).longValue();
            }
            return Torch.tensor(classes, new int[] {classes.length});
        }
        return FeatureColumns.batch(values, rows);
    }
}
