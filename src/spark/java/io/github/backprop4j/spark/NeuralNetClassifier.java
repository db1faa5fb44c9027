package io.github.backprop4j.spark;

import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A Spark ML estimator that trains a backprop4j {@link NeuralNet} data-parallel, with synchronous
 * mini-batch steps (docs/spark.md). Its {@code fit} takes a data set with a features vector column
 * and a numeric label column (classes 0, 1, ..., k − 1, as in MLlib) and returns a
 * {@link NeuralNetClassificationModel}, whose saved file the plain library loads.
 *
 * <pre>{@code
 * NeuralNetClassifier classifier = new NeuralNetClassifier()
 *         .setNetwork(new NeuralNet(new LinearLayer(4, 16, new ReLU(), 1L), new LinearLayer(16, 3, new Softmax(), 2L)))
 *         .setOptimizer(new Adam(0.01)).setEpochs(50).setBatchSize(32).setStandardize(true);
 * NeuralNetClassificationModel model = classifier.fit(train);
 * }</pre>
 *
 * <p>The network, loss and optimizer are the library's own types. The network given is a
 * prototype: {@code fit} trains a copy, starting from its weights, so the same estimator fits the
 * same way twice.
 */
public final class NeuralNetClassifier extends Estimator<NeuralNetClassificationModel> {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private transient NeuralNet network;
    private transient Optimizer optimizer = new Adam(0.001);
    private transient Loss loss;
    private int epochs = 10;
    private int batchSize = 32;
    private long seed = 42L;
    private boolean standardize;
    private SparkTraining training = SparkTraining.synchronous();

    /** An estimator with a random uid and the MLlib column names: features, label, prediction, probability. */
    public NeuralNetClassifier() {
        this(Identifiable.randomUID("backprop4j_nnc"));
    }

    /**
     * An estimator with the given uid (Spark's copy and load use this constructor).
     *
     * @param uid the unique id
     */
    public NeuralNetClassifier(String uid) {
        this.uid = uid;
        this.featuresCol = new Param<>(this, "featuresCol", "features column name");
        this.labelCol = new Param<>(this, "labelCol", "label column name");
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        this.probabilityCol = new Param<>(this, "probabilityCol", "column name for the predicted class probabilities");
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(probabilityCol, "probability");
    }

    @Override
    public String uid() {
        return uid;
    }

    /** {@return the features column parameter} */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** {@return the label column parameter} */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** {@return the prediction column parameter} */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** {@return the probability column parameter} */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /**
     * @param value the features column, a vector per row
     * @return this estimator
     */
    public NeuralNetClassifier setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the label column, classes 0, 1, ..., k − 1
     * @return this estimator
     */
    public NeuralNetClassifier setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    /**
     * @param value the column the model adds for the predicted class (a double, as in MLlib)
     * @return this estimator
     */
    public NeuralNetClassifier setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the column the model adds for the class probabilities (a vector)
     * @return this estimator
     */
    public NeuralNetClassifier setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /**
     * @param prototype the network to train a copy of: its layer sizes, activations and initial weights
     * @return this estimator
     */
    public NeuralNetClassifier setNetwork(NeuralNet prototype) {
        this.network = Objects.requireNonNull(prototype, "network");
        return this;
    }

    /**
     * @param value the update rule, applied on the driver (default {@code new Adam(0.001)})
     * @return this estimator
     */
    public NeuralNetClassifier setOptimizer(Optimizer value) {
        this.optimizer = Objects.requireNonNull(value, "optimizer");
        return this;
    }

    /**
     * @param value the loss (default: the one the output layer pairs with, e.g. categorical
     *              cross-entropy after Softmax)
     * @return this estimator
     */
    public NeuralNetClassifier setLoss(Loss value) {
        this.loss = Objects.requireNonNull(value, "loss");
        return this;
    }

    /**
     * @param value passes over the data, &gt;= 1 (default 10)
     * @return this estimator
     */
    public NeuralNetClassifier setEpochs(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + value);
        }
        this.epochs = value;
        return this;
    }

    /**
     * @param value the batch size, &gt;= 1 (default 32): the global batch, spread over the
     *              partitions, when synchronous; each partition's local batch when averaging
     * @return this estimator
     */
    public NeuralNetClassifier setBatchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + value);
        }
        this.batchSize = value;
        return this;
    }

    /**
     * @param value the seed of the batches (default 42)
     * @return this estimator
     */
    public NeuralNetClassifier setSeed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * @param value whether to standardise the features with the library's {@link StandardScaler},
     *              fitted on the training data and saved inside the model (default false)
     * @return this estimator
     */
    public NeuralNetClassifier setStandardize(boolean value) {
        this.standardize = value;
        return this;
    }

    /**
     * @param value how training is spread over the partitions: {@link SparkTraining#synchronous()}
     *              (the default) or {@link SparkTraining#averaging(int)}
     * @return this estimator
     */
    public NeuralNetClassifier setTraining(SparkTraining value) {
        this.training = Objects.requireNonNull(value, "training");
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputChecks.checkVectorColumn(schema, getOrDefault(featuresCol), "features");
        InputChecks.checkNumericColumn(schema, getOrDefault(labelCol), "label");
        return NeuralNetClassificationModel.outputSchema(schema, getOrDefault(predictionCol), getOrDefault(probabilityCol));
    }

    @Override
    public NeuralNetClassificationModel fit(Dataset<?> dataset) {
        if (network == null) {
            throw new IllegalStateException("NeuralNetClassifier: no network; call setNetwork first");
        }
        transformSchema(dataset.schema());
        String features = getOrDefault(featuresCol);
        String label = getOrDefault(labelCol);
        Model start = startingModel();
        NeuralNet net = start.network();
        String bad = InputChecks.firstBadRow(dataset, features, label, net.inputs(), net.outputs());
        if (bad != null) {
            throw new IllegalArgumentException("NeuralNetClassifier.fit: " + bad);
        }
        JavaRDD<IndexedRow> raw = dataset.select(features, label).toJavaRDD().zipWithIndex()
                .map(t -> new IndexedRow(t._2(), ((Vector) t._1().getAs(0)).toArray(), ((Number) t._1().get(1)).intValue()));
        StandardScaler scaler = standardize ? Standardizing.fit(raw) : null;
        JavaRDD<IndexedRow> rows = (scaler == null ? raw : Standardizing.apply(raw, scaler.mean(), scaler.scale()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = rows.count();
            JavaSparkContext spark = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
            double[] losses = training instanceof SparkTraining.Averaging averaging
                    ? ParameterAveraging.train(spark, rows, start, optimizer, epochs, batchSize, seed, averaging.stepsPerRound())
                    : SynchronousTraining.train(spark, rows, count, start, optimizer, epochs, batchSize, seed);
            Model trained = Model.classifier(net, scaler, start.featureNames(), start.classNames(), start.loss());
            NeuralNetClassificationModel model = new NeuralNetClassificationModel(uid, ModelText.of(trained), losses);
            return copyValues(model, extractParamMap()).setParent(this);
        } finally {
            rows.unpersist(false);
        }
    }

    /** A copy of the prototype network (through the model format), with names and the loss. */
    private Model startingModel() {
        List<String> featureNames = new ArrayList<>();
        for (int j = 0; j < network.inputs(); j++) {
            featureNames.add("x" + j);
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < network.outputs(); k++) {
            classNames.add(Integer.toString(k));
        }
        Loss chosen = loss != null ? loss
                : Loss.forOutput(network.layers().get(network.layers().size() - 1).activation(), network.outputs());
        String text = ModelText.of(Model.classifier(network, null, featureNames, classNames, chosen));
        return ModelText.parse(text, "the network given to setNetwork");
    }

    @Override
    public NeuralNetClassifier copy(ParamMap extra) {
        NeuralNetClassifier copy = new NeuralNetClassifier(uid);
        copy.network = network;
        copy.optimizer = optimizer;
        copy.loss = loss;
        copy.epochs = epochs;
        copy.batchSize = batchSize;
        copy.seed = seed;
        copy.standardize = standardize;
        copy.training = training;
        return copyValues(copy, extra);
    }
}
