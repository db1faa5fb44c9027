package io.github.backprop4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.Gradients;
import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Sgd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimator and its model on a local Spark (two worker threads). */
class NeuralNetClassifierTest {

    private static NeuralNet irisNet() {
        return new NeuralNet(new LinearLayer(4, 12, new ReLU(), 1L), new LinearLayer(12, 3, new Softmax(), 2L));
    }

    private static NeuralNetClassifier classifier() {
        return new NeuralNetClassifier().setNetwork(irisNet()).setOptimizer(new Adam(0.02)).setEpochs(40)
                .setBatchSize(16).setStandardize(true).setSeed(3L);
    }

    @Test
    void fitsAndTransformsIris() {
        org.apache.spark.sql.Dataset<Row> iris = SparkTests.iris();
        NeuralNetClassificationModel model = classifier().fit(iris);
        List<Row> out = model.transform(iris).select("label", "prediction", "probability").collectAsList();
        int right = 0;
        for (Row row : out) {
            right += row.getDouble(0) == row.getDouble(1) ? 1 : 0;
            double[] p = ((Vector) row.get(2)).toArray();
            assertThat(p).hasSize(3);
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
        }
        assertThat(right).as("right out of 150").isGreaterThanOrEqualTo(140);
        double[] losses = model.epochLosses();
        assertThat(losses).hasSize(40);
        assertThat(losses[39]).isLessThan(losses[0] / 3);
    }

    @Test
    void worksInAPipelineThatSavesAndLoads(@TempDir Path dir) {
        Dataset iris = Datasets.iris();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            double[] x = iris.features()[i];
            rows.add(RowFactory.create(x[0], x[1], x[2], x[3], (double) iris.labels()[i]));
        }
        StructType schema = new StructType().add("sl", DataTypes.DoubleType).add("sw", DataTypes.DoubleType)
                .add("pl", DataTypes.DoubleType).add("pw", DataTypes.DoubleType).add("species", DataTypes.DoubleType);
        org.apache.spark.sql.Dataset<Row> data = SparkTests.spark().createDataFrame(rows, schema);
        VectorAssembler assembler = new VectorAssembler().setInputCols(new String[] {"sl", "sw", "pl", "pw"})
                .setOutputCol("measurements");
        NeuralNetClassifier nn = classifier().setFeaturesCol("measurements").setLabelCol("species")
                .setPredictionCol("predicted");
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {assembler, nn}).fit(data);
        List<Row> before = fitted.transform(data).select("predicted", "probability").collectAsList();
        String path = dir.resolve("pipeline").toString();
        try {
            fitted.write().overwrite().save(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> after = loaded.transform(data).select("predicted", "probability").collectAsList();
        assertThat(after).isEqualTo(before);
        NeuralNetClassificationModel stage = (NeuralNetClassificationModel) loaded.stages()[1];
        assertThat(stage.getOrDefault(stage.featuresCol())).isEqualTo("measurements");
        assertThat(stage.getOrDefault(stage.predictionCol())).isEqualTo("predicted");
    }

    @Test
    void synchronousSgdEqualsSingleMachineTrainingOnTheSameBatches() {
        assertSameAsOneMachine(new Sgd(0.1), new Sgd(0.1), 1e-9);
    }

    @Test
    void synchronousAdamEqualsSingleMachineTrainingOnTheSameBatches() {
        assertSameAsOneMachine(new Adam(0.01), new Adam(0.01), 1e-6);
    }

    /** Ten steps: 150 rows in global batches of 15, one epoch; the reference replays the same batches. */
    private static void assertSameAsOneMachine(Optimizer onSpark, Optimizer alone, double tolerance) {
        Dataset iris = Datasets.iris();
        double[][] x = StandardScaler.fit(iris.features()).transform(iris.features());
        int[] y = iris.labels();
        long seed = 11L;
        NeuralNetClassificationModel model = new NeuralNetClassifier().setNetwork(irisNet()).setOptimizer(onSpark)
                .setEpochs(1).setBatchSize(15).setSeed(seed).fit(SparkTests.frame(x, y));
        NeuralNet reference = irisNet();
        int batches = GlobalBatches.count(150, 15);
        assertThat(batches).isEqualTo(10);
        for (int b = 0; b < batches; b++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                if (GlobalBatches.of(seed, 0, i, batches) == b) {
                    members.add(i);
                }
            }
            double[][] xb = new double[members.size()][];
            int[] yb = new int[members.size()];
            for (int r = 0; r < members.size(); r++) {
                xb[r] = x[members.get(r)];
                yb[r] = y[members.get(r)];
            }
            Gradients g = reference.gradients(xb, yb, new CategoricalCrossEntropy());
            reference.applyGradients(g, alone);
        }
        NeuralNet trained = model.model().network();
        for (int l = 0; l < 2; l++) {
            double[][] expected = reference.layers().get(l).weights();
            double[][] actual = trained.layers().get(l).weights();
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertThat(actual[i][j]).as("layer %d W[%d][%d]", l, i, j)
                            .isCloseTo(expected[i][j], within(tolerance * Math.max(1, Math.abs(expected[i][j]))));
                }
            }
            double[] eb = reference.layers().get(l).bias();
            double[] ab = trained.layers().get(l).bias();
            for (int j = 0; j < eb.length; j++) {
                assertThat(ab[j]).as("layer %d b[%d]", l, j).isCloseTo(eb[j], within(tolerance * Math.max(1, Math.abs(eb[j]))));
            }
        }
        // and training moved the weights, so the comparison is not of two untouched networks
        assertThat(trained.layers().get(0).weights()).isNotEqualTo(irisNet().layers().get(0).weights());
    }

    @Test
    void badInputIsRefusedWithTheLibrarysMessages() {
        double[][] x = {{1, 2, 3, 4}, {1, 2, 3, 4}, {1, 2, 3}, {1, 2, 3, 4}};
        int[] y = {0, 1, 2, 0};
        NeuralNetClassifier nn = new NeuralNetClassifier().setNetwork(irisNet()).setEpochs(1);
        assertThatThrownBy(() -> nn.fit(SparkTests.frame(x, y)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NeuralNetClassifier.fit: row 2: the features column 'features' has 3 values, expected 4 "
                        + "(the network's inputs)");
        double[][] nan = {{1, 2, 3, 4}, {1, Double.NaN, 3, 4}};
        assertThatThrownBy(() -> nn.fit(SparkTests.frame(nan, new int[] {0, 1})))
                .hasMessage("NeuralNetClassifier.fit: row 1: feature 1 of column 'features' is NaN; every value must be finite");
        double[][] good = {{1, 2, 3, 4}, {1, 2, 3, 4}};
        assertThatThrownBy(() -> nn.fit(SparkTests.frame(good, new int[] {0, 3})))
                .hasMessage("NeuralNetClassifier.fit: row 1: the label column 'label' is 3.0, expected a class in 0, 1, ..., 2 "
                        + "(the network has 3 outputs)");
        List<Row> withNull = List.of(RowFactory.create(Vectors.dense(1, 2, 3, 4), 0.0), RowFactory.create(null, 1.0));
        assertThatThrownBy(() -> nn.fit(SparkTests.spark().createDataFrame(withNull, SparkTests.schema())))
                .hasMessage("NeuralNetClassifier.fit: row 1: the features column 'features' is null");
        List<Row> nullLabel = List.of(RowFactory.create(Vectors.dense(1, 2, 3, 4), null));
        assertThatThrownBy(() -> nn.fit(SparkTests.spark().createDataFrame(nullLabel, SparkTests.schema())))
                .hasMessage("NeuralNetClassifier.fit: row 0: the label column 'label' is null");
        assertThatThrownBy(() -> nn.setFeaturesCol("measurements").fit(SparkTests.frame(good, new int[] {0, 1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the features column 'measurements' is missing; the columns are [features, label]");
        assertThatThrownBy(() -> new NeuralNetClassifier().fit(SparkTests.frame(good, new int[] {0, 1})))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("setNetwork");
    }
}
