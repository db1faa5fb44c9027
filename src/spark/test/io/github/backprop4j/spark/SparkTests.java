package io.github.backprop4j.spark;

import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local Spark for the tests, and iris as a Spark data set. */
final class SparkTests {

    private static SparkSession spark;

    private SparkTests() {
    }

    /** A local Spark with two worker threads, started once. */
    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("backprop4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** The features-and-label schema of MLlib. */
    static StructType schema() {
        return new StructType().add("features", new VectorUDT(), true).add("label", DataTypes.DoubleType, true);
    }

    /** Iris with a vector column {@code features} and a double column {@code label}. */
    static org.apache.spark.sql.Dataset<Row> iris() {
        Dataset iris = Datasets.iris();
        return frame(iris.features(), iris.labels());
    }

    /** Rows given as features and labels, split over the two worker threads, in the order given. */
    static org.apache.spark.sql.Dataset<Row> frame(double[][] x, int[] y) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), (double) y[i]));
        }
        return spark().createDataFrame(rows, schema());
    }
}
