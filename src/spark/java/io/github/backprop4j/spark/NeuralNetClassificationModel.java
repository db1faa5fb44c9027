package io.github.backprop4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.github.backprop4j.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A network trained by {@link NeuralNetClassifier}. {@code transform} adds a probability column
 * (a vector) and a prediction column (the most probable class, a double, as in MLlib). It saves
 * in Spark's ML layout (so a fitted {@code PipelineModel} saves and loads) with the network in the
 * library's model format in {@code data/model.backprop4j}: the plain library loads that file with
 * {@link Model#load}, without Spark, and predicts the same from the same raw feature vector.
 */
public final class NeuralNetClassificationModel extends org.apache.spark.ml.Model<NeuralNetClassificationModel>
        implements MLWritable {

    private static final long serialVersionUID = 1L;

    /** The file, under a saved model's folder, that the plain library loads. */
    public static final String MODEL_FILE = "data/model.backprop4j";

    private final String uid;
    private final String modelText;
    private final double[] epochLosses;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;
    private final Param<String> probabilityCol;
    private transient Model model;

    NeuralNetClassificationModel(String uid, String modelText, double[] epochLosses) {
        this.uid = uid;
        this.modelText = modelText;
        this.epochLosses = epochLosses.clone();
        this.featuresCol = new Param<>(this, "featuresCol", "features column name");
        this.predictionCol = new Param<>(this, "predictionCol", "prediction column name");
        this.probabilityCol = new Param<>(this, "probabilityCol", "column name for the predicted class probabilities");
        setDefault(featuresCol, "features");
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
     * @return this model
     */
    public NeuralNetClassificationModel setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    /**
     * @param value the prediction column to add
     * @return this model
     */
    public NeuralNetClassificationModel setPredictionCol(String value) {
        set(predictionCol, value);
        return this;
    }

    /**
     * @param value the probability column to add
     * @return this model
     */
    public NeuralNetClassificationModel setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    /** {@return the trained model of the plain library: network, scaler, names and loss} */
    public Model model() {
        if (model == null) {
            model = ModelText.parse(modelText, "model " + uid);
        }
        return model;
    }

    /** {@return the mean training loss of each epoch} */
    public double[] epochLosses() {
        return epochLosses.clone();
    }

    static StructType outputSchema(StructType schema, String predictionCol, String probabilityCol) {
        InputChecks.checkAbsent(schema, probabilityCol, "probability");
        InputChecks.checkAbsent(schema, predictionCol, "prediction");
        return schema.add(probabilityCol, new VectorUDT(), false).add(predictionCol, DataTypes.DoubleType, false);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        InputChecks.checkVectorColumn(schema, getOrDefault(featuresCol), "features");
        return outputSchema(schema, getOrDefault(predictionCol), getOrDefault(probabilityCol));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        // the closure carries the model's text; each task parses it once
        Served served = new Served(modelText, model().network().inputs());
        UserDefinedFunction probabilities = udf((UDF1<Vector, Vector>) v -> Vectors.dense(served.probabilities(v)),
                new VectorUDT()).asNonNullable();
        UserDefinedFunction argmax = udf((UDF1<Vector, Double>) p -> (double) p.argmax(), DataTypes.DoubleType)
                .asNonNullable();
        String probabilityColumn = getOrDefault(probabilityCol);
        return dataset.withColumn(probabilityColumn, probabilities.apply(col(getOrDefault(featuresCol))))
                .withColumn(getOrDefault(predictionCol), argmax.apply(col(probabilityColumn)));
    }

    @Override
    public NeuralNetClassificationModel copy(ParamMap extra) {
        NeuralNetClassificationModel copy = new NeuralNetClassificationModel(uid, modelText, epochLosses);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /**
     * {@return the reader Spark's {@code PipelineModel.load} finds by reflection}
     */
    public static MLReader<NeuralNetClassificationModel> read() {
        return new Reader();
    }

    /**
     * Loads a model saved by {@link #write()}.
     *
     * @param path the folder
     * @return the model
     */
    public static NeuralNetClassificationModel load(String path) {
        return read().load(path);
    }

    /** Spark's parameter metadata, then the model file in the library's format. */
    private static final class Writer extends MLWriter {
        private final NeuralNetClassificationModel instance;

        Writer(NeuralNetClassificationModel instance) {
            this.instance = instance;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter$.MODULE$.saveMetadata(instance, path, sparkSession());
            Path file = new Path(path, MODEL_FILE);
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                try (OutputStream out = fs.create(file, true)) {
                    instance.model().save(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file, e);
            }
        }
    }

    private static final class Reader extends MLReader<NeuralNetClassificationModel> {
        @Override
        public NeuralNetClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                    NeuralNetClassificationModel.class.getName());
            Path file = new Path(path, MODEL_FILE);
            Model loaded;
            try {
                FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
                try (InputStream in = fs.open(file)) {
                    loaded = Model.load(in, file.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
            NeuralNetClassificationModel model = new NeuralNetClassificationModel(metadata.uid(), ModelText.of(loaded),
                    new double[0]);
            metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
            return model;
        }
    }

    /** What a transform's closure carries: the model's text, parsed once per deserialised copy. */
    private static final class Served implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final int inputs;
        private transient Model model;

        Served(String text, int inputs) {
            this.text = text;
            this.inputs = inputs;
        }

        double[] probabilities(Vector v) {
            if (v.size() != inputs) {
                throw new IllegalArgumentException(String.format(
                        "a features vector has %d values, expected %d (the network's inputs)", v.size(), inputs));
            }
            if (model == null) {
                model = ModelText.parse(text, "the model sent to a Spark task");
            }
            return model.predictProbabilities(v.toArray());
        }
    }
}
