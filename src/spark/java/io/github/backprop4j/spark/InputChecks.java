package io.github.backprop4j.spark;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Checks a data set before training, on the driver's side of the error: a missing column, a
 * column of the wrong type, a row whose feature vector is null, of the wrong size or not finite,
 * a label that is null, not a whole number or not a class. The row check is one Spark job that
 * returns the first problem as text, so the user gets the library's message, not a failed task.
 */
final class InputChecks {

    private InputChecks() {
    }

    /** Checks that {@code column} exists and holds ML vectors. */
    static void checkVectorColumn(StructType schema, String column, String role) {
        DataType type = field(schema, column, role).dataType();
        if (!(type instanceof VectorUDT)) {
            throw new IllegalArgumentException(String.format("the %s column '%s' is of type %s, expected a vector "
                    + "(org.apache.spark.ml.linalg.Vector, e.g. from a VectorAssembler)", role, column, type.simpleString()));
        }
    }

    /** Checks that {@code column} exists and is numeric. */
    static void checkNumericColumn(StructType schema, String column, String role) {
        DataType type = field(schema, column, role).dataType();
        if (!(type instanceof NumericType)) {
            throw new IllegalArgumentException(String.format("the %s column '%s' is of type %s, expected a number",
                    role, column, type.simpleString()));
        }
    }

    /** Checks that {@code column} is not there yet, since the model adds it. */
    static void checkAbsent(StructType schema, String column, String role) {
        if (List.of(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(String.format("the %s column '%s' already exists; "
                    + "choose another name with set%sCol", role, column, Character.toUpperCase(role.charAt(0)) + role.substring(1)));
        }
    }

    private static StructField field(StructType schema, String column, String role) {
        if (!List.of(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(String.format("the %s column '%s' is missing; the columns are %s",
                    role, column, List.of(schema.fieldNames())));
        }
        return schema.apply(column);
    }

    /**
     * The first bad row, as a message naming the row (from 0, in the data set's order), the
     * column and the problem; null when every row is good.
     */
    static String firstBadRow(Dataset<?> data, String featuresCol, String labelCol, int inputs, int classes) {
        List<String> problems = data.select(featuresCol, labelCol).toJavaRDD().zipWithIndex()
                .map(t -> problem(t._1(), t._2(), featuresCol, labelCol, inputs, classes))
                .filter(p -> p != null)
                .take(1);
        return problems.isEmpty() ? null : problems.get(0);
    }

    private static String problem(Row row, long index, String featuresCol, String labelCol, int inputs, int classes) {
        if (row.isNullAt(0)) {
            return String.format("row %d: the features column '%s' is null", index, featuresCol);
        }
        Vector v = row.getAs(0);
        if (v.size() != inputs) {
            return String.format("row %d: the features column '%s' has %d values, expected %d (the network's inputs)",
                    index, featuresCol, v.size(), inputs);
        }
        double[] values = v.toArray();
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                return String.format("row %d: feature %d of column '%s' is %s; every value must be finite",
                        index, j, featuresCol, values[j]);
            }
        }
        if (row.isNullAt(1)) {
            return String.format("row %d: the label column '%s' is null", index, labelCol);
        }
        double label = ((Number) row.get(1)).doubleValue();
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            return String.format("row %d: the label column '%s' is %s, expected a class in 0, 1, ..., %d "
                    + "(the network has %d outputs)", index, labelCol, label, classes - 1, classes);
        }
        return null;
    }
}
