package org.torchglot.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.Tensor;

/**
 * Reads a row's input columns into one float32 feature vector, in column order: a numeric column
 * is one feature, an array of numbers or an ML {@code Vector} column (e.g. {@code VectorAssembler}'s
 * output) is as many features as it holds. Built on the driver from the schema, so a wrong column
 * is reported before any task runs.
 */
final class FeatureColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { NUMBER, ARRAY, VECTOR }

    private final String[] names;
    private final int[] positions;
    private final Kind[] kinds;
    /** Features per column; -1 where only the data says (arrays, vectors without size metadata). */
    private final int[] widths;

    FeatureColumns(StructType schema, String[] columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("no input columns: set the feature columns to read");
        }
        List<String> available = Arrays.asList(schema.fieldNames());
        names = columns.clone();
        positions = new int[columns.length];
        kinds = new Kind[columns.length];
        widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            if (!available.contains(columns[i])) {
                throw new IllegalArgumentException("input column '" + columns[i] + "' does not exist; the columns are "
                        + available);
            }
            positions[i] = schema.fieldIndex(columns[i]);
            StructField field = schema.fields()[positions[i]];
            DataType type = field.dataType();
            if (type instanceof NumericType) {
                kinds[i] = Kind.NUMBER;
                widths[i] = 1;
            } else if (type instanceof ArrayType array && array.elementType() instanceof NumericType) {
                kinds[i] = Kind.ARRAY;
                widths[i] = -1;
            } else if (type instanceof VectorUDT) {
                kinds[i] = Kind.VECTOR;
                widths[i] = AttributeGroup.fromStructField(field).size();
            } else {
                throw new IllegalArgumentException("input column '" + columns[i] + "' has type " + type.simpleString()
                        + "; a model reads numbers, arrays of numbers or ML vectors");
            }
        }
    }

    /** The number of features per row if the schema tells it, else -1. */
    int knownWidth() {
        int total = 0;
        for (int width : widths) {
            if (width < 0) {
                return -1;
            }
            total += width;
        }
        return total;
    }

    /** The number of features in {@code row}. */
    int width(Row row) {
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            total += switch (kinds[i]) {
                case NUMBER -> 1;
                case ARRAY -> nonNull(row, i).<Object>getList(positions[i]).size();
                case VECTOR -> ((Vector) nonNull(row, i).get(positions[i])).size();
            };
        }
        return total;
    }

    /** Writes {@code row}'s {@code width} features into {@code into} from {@code offset}. */
    void read(Row row, int width, float[] into, int offset) {
        int at = offset;
        for (int i = 0; i < names.length; i++) {
            nonNull(row, i);
            int p = positions[i];
            switch (kinds[i]) {
                case NUMBER -> at = put(into, at, offset, width, ((Number) row.get(p)).floatValue());
                case ARRAY -> {
                    for (Object value : row.<Object>getList(p)) {
                        at = put(into, at, offset, width, value == null ? Float.NaN : ((Number) value).floatValue());
                    }
                }
                case VECTOR -> {
                    Vector vector = (Vector) row.get(p);
                    for (int j = 0; j < vector.size(); j++) {
                        at = put(into, at, offset, width, (float) vector.apply(j));
                    }
                }
            }
        }
        if (at != offset + width) {
            throw mismatch(at - offset, width);
        }
    }

    /** The features of {@code rows} as one float32 tensor of shape {@code [rows, width]}. */
    static Tensor batch(FeatureColumns columns, List<Row> rows) {
        int width = columns.width(rows.get(0));
        float[] values = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            columns.read(rows.get(r), width, values, r * width);
        }
        return Torch.tensor(values, new int[] {rows.size(), width});
    }

    private static int put(float[] into, int at, int offset, int width, float value) {
        if (at >= offset + width) {
            throw mismatch(at - offset + 1, width);
        }
        into[at] = value;
        return at + 1;
    }

    private static IllegalArgumentException mismatch(int found, int width) {
        return new IllegalArgumentException("a row has " + found + " features where the others have " + width
                + ": every row's arrays and vectors must have the same length");
    }

    private Row nonNull(Row row, int column) {
        if (row.isNullAt(positions[column])) {
            throw new IllegalArgumentException("input column '" + names[column] + "' is null in row " + row
                    + "; drop or fill missing values before scoring (na().drop() or na().fill())");
        }
        return row;
    }
}
