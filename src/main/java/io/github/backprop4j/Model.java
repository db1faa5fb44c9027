package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.data.DataFormatException;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.FeatureScaler;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.PreprocessingOptions;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.data.Table;
import io.github.backprop4j.io.PartRegistry;
import io.github.backprop4j.io.Provenance;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.Task;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.Validation;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained network with everything needed to use it on raw data: the fitted feature scaler (or,
 * for a model trained on a {@link Table}, the whole {@link Preprocessing}: categories, gap filling
 * and scaler), the feature names, the class names (or target names, for regression) and the loss
 * it was trained with. Train it, save it, load it and predict with it; it predicts a class name
 * for a row of raw features, given as numbers in feature order or as values by column name.
 *
 * <p>Thread safety: the predicting methods ({@code predict...}) change nothing and keep no shared
 * buffers, so many threads may call them at once on one model; each thread keeps small buffers of
 * its own for single rows. {@link #save} may run beside them. Training the {@link #network()}
 * while others predict is not safe.
 *
 * <pre>{@code
 * Model model = Model.train(Datasets.iris(), net, TrainingConfig.defaults());
 * model.save(Path.of("iris.model"));
 * Model served = Model.load(Path.of("iris.model"));
 * String species = served.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2});   // "setosa"
 *
 * Model penguins = Model.train(table, net, TrainingConfig.defaults());             // a Table: text and gaps
 * String kind = penguins.predict(Map.of("island", "Dream", "sex", "female", ...));  // by column name
 * }</pre>
 */
public final class Model {

    private final NeuralNet network;
    private final FeatureScaler scaler;             // null: features go in as they are
    private final Preprocessing preprocessing;      // null: the features are the network's inputs
    private final List<String> featureNames;
    private final List<String> outputNames;         // class names, or target names for regression
    private final boolean regression;
    private final Loss loss;
    private final History history;                  // of the training that made it, or null
    private final StandardScaler targetScaler;      // regression: the targets' standardisation, or null
    private final double[] targetMean;              // its μ and σ, kept so a prediction copies nothing
    private final double[] targetStd;
    private final Provenance provenance;            // where it came from, or null when unknown
    private final ThreadLocal<double[]> scaledRow;

    Model(NeuralNet network, FeatureScaler scaler, List<String> featureNames, List<String> outputNames,
            boolean regression, Loss loss, History history) {
        this(network, scaler, null, featureNames, outputNames, regression, loss, history, null, null);
    }

    Model(NeuralNet network, Preprocessing preprocessing, List<String> outputNames, boolean regression, Loss loss,
            History history) {
        this(network, checkNotNull(preprocessing, "preprocessing").scaler(), preprocessing, preprocessing.columnNames(),
                outputNames, regression, loss, history, null, null);
    }

    /** The model whose network learned standardised targets: its outputs are mapped back by {@code targetScaler}. */
    Model(NeuralNet network, FeatureScaler scaler, Preprocessing preprocessing, List<String> featureNames,
            List<String> outputNames, boolean regression, Loss loss, History history, StandardScaler targetScaler,
            Provenance provenance) {
        this.network = checkNotNull(network, "network");
        this.scaler = scaler;
        this.preprocessing = preprocessing;
        this.featureNames = List.copyOf(checkNotNull(featureNames, "featureNames"));
        this.outputNames = List.copyOf(checkNotNull(outputNames, "outputNames"));
        this.regression = regression;
        this.loss = checkNotNull(loss, "loss");
        this.history = history;
        this.targetScaler = targetScaler;
        this.targetMean = targetScaler == null ? null : targetScaler.mean();
        this.targetStd = targetScaler == null ? null : targetScaler.scale();
        this.provenance = provenance;
        checkArgument(targetScaler == null || regression && targetScaler.columns() == outputNames.size(),
                "a target scaler needs a regression model with one column per target %s", outputNames);
        checkFits(network, inputNames(), outputNames, regression);
        checkArgument(scaler == null || scaler.columns() == network.inputs(),
                "the scaler has %d columns but the network has %d inputs", scaler == null ? 0 : scaler.columns(), network.inputs());
        network.setTask(regression ? Task.REGRESSION : Task.CLASSIFICATION);
        this.scaledRow = ThreadLocal.withInitial(() -> new double[network.inputs()]);
    }

    /**
     * Fits a {@link StandardScaler} on the rows of {@code data} that training uses (all but those
     * the config's validation fraction holds out: the same rows fit holds out), trains {@code
     * network} on the scaled rows with {@code config}, and bundles the result. An explicit
     * validation set ({@code Validation.of(rawFeatures, ...)}) is scaled with the same scaler.
     * Classification for a data set with labels, regression for one with targets.
     *
     * @param data the data set
     * @param network the network
     * @param config how to train
     * @return the trained model
     */
    public static Model train(Dataset data, NeuralNet network, TrainingConfig config) {
        return train(data, network, config, TrainingListener.NONE);
    }

    /**
     * {@link #train(Dataset, NeuralNet, TrainingConfig)} with a listener.
     *
     * @param data the data set
     * @param network the network
     * @param config how to train
     * @param listener told of the start, each batch, each epoch and the end
     * @return the trained model
     */
    public static Model train(Dataset data, NeuralNet network, TrainingConfig config, TrainingListener listener) {
        return train(data, PreprocessingOptions.defaults(), network, config, listener);
    }

    /**
     * {@link #train(Dataset, NeuralNet, TrainingConfig)} with options: of them, a data set (numbers,
     * no gaps) uses only {@link PreprocessingOptions#targetScaling()}. By default a regression
     * model's network learns its targets standardised, {@code (y − mean) / std} over the training
     * rows, and the model maps its outputs back; its history's losses are then in those units.
     *
     * @param data the data set
     * @param options whether regression targets are standardised
     * @param network the network
     * @param config how to train
     * @param listener told of the start, each batch, each epoch and the end
     * @return the trained model
     */
    public static Model train(Dataset data, PreprocessingOptions options, NeuralNet network, TrainingConfig config,
            TrainingListener listener) {
        checkNotNull(data, "data");
        checkNotNull(options, "options");
        checkNotNull(listener, "listener");
        checkNotNull(network, "network");
        checkNotNull(config, "config");
        // everything the model will need, checked before the network is touched
        checkFits(network, data.featureNames(), data.isRegression() ? data.targetNames() : data.classNames(),
                data.isRegression());
        if (!data.isRegression()) {
            FitInputs.checkTwoClasses(data.labels());
        }
        int[] labels = data.isRegression() ? null : data.labels();
        int[] kept = trainingRows(labels, data.size(), network, config);
        StandardScaler scaler = StandardScaler.fit(Matrices.selectRows(data.features(), kept, 0, kept.length));
        double[][] x = scaler.transform(data.features());
        StandardScaler targetScaler = targetScaler(data.isRegression() ? data.targets() : null, kept, options);
        TrainingConfig run = withScaledValidation(config, scaler, targetScaler);
        Loss loss = lossOf(network, config);
        History history = data.isRegression() ? network.fit(x, scaled(targetScaler, data.targets()), run, listener)
                : network.fit(x, labels, run, listener);
        return new Model(network, scaler, null, data.featureNames(),
                data.isRegression() ? data.targetNames() : data.classNames(), data.isRegression(), loss, history, targetScaler,
                ModelFiles.provenance(config, listener, history, kept.length, Provenance.schemaHash(data)));
    }

    /** The standardisation of the kept rows' targets, or null for classification or when the options keep them raw. */
    private static StandardScaler targetScaler(double[][] targets, int[] kept, PreprocessingOptions options) {
        return targets == null || !options.targetScaling() ? null
                : StandardScaler.fit(Matrices.selectRows(targets, kept, 0, kept.length));
    }

    private static double[][] scaled(StandardScaler targetScaler, double[][] targets) {
        return targetScaler == null ? targets : targetScaler.transform(targets);
    }

    /**
     * Trains on a table with the default {@link PreprocessingOptions}; see
     * {@link #train(Table, Table, PreprocessingOptions, NeuralNet, TrainingConfig, TrainingListener)}.
     *
     * @param data the training rows, with class labels or regression targets
     * @param network the network, with {@link Preprocessing#inputCount(Table, PreprocessingOptions)} inputs
     * @param config how to train
     * @return the trained model
     */
    public static Model train(Table data, NeuralNet network, TrainingConfig config) {
        return train(data, null, PreprocessingOptions.defaults(), network, config, TrainingListener.NONE);
    }

    /**
     * Fits a {@link Preprocessing} on the training part of {@code data}, trains {@code network} on
     * the encoded rows, and bundles the result. Which categories exist (and so the network's input
     * count, {@link Preprocessing#inputCount(Table, PreprocessingOptions)}) comes from every row of
     * {@code data}; the fill values and the scaler come from the rows left after the config's
     * validation hold-out, the very rows fit trains on. A {@code validation} table replaces the
     * config's validation setting and goes through the same preprocessing.
     *
     * @param data the training rows, with class labels or regression targets
     * @param validation rows to validate on after each epoch, or null for the config's setting
     * @param options how gaps are filled and what an unseen category becomes
     * @param network the network, with {@link Preprocessing#inputCount(Table, PreprocessingOptions)} inputs
     * @param config how to train; its validation may not be an explicit {@code double[][]} set
     * @param listener told of the start, each batch, each epoch and the end
     * @return the trained model
     * @throws IllegalArgumentException if the network's inputs do not match the encoding, naming both
     */
    public static Model train(Table data, Table validation, PreprocessingOptions options, NeuralNet network,
            TrainingConfig config, TrainingListener listener) {
        checkNotNull(data, "data");
        checkNotNull(options, "options");
        checkNotNull(network, "network");
        checkNotNull(config, "config");
        checkNotNull(listener, "listener");
        List<String> outputs = data.isRegression() ? data.targetNames() : data.classNames();
        int[] labels = data.isRegression() ? null : data.labels();
        checkArgument(validation != null || config.validation().map(Validation::isFraction).orElse(true),
                "the config's validation is an explicit double[][] set, which a table model cannot encode: pass the"
                + " validation rows as a Table to Model.train(data, validation, ...)");
        int[] kept = validation != null ? io.github.backprop4j.internal.Permutations.identity(data.size())
                : trainingRows(labels, data.size(), network, config);
        Preprocessing preprocessing = Preprocessing.fit(data, kept, options);   // touches nothing of the network
        int inputs = preprocessing.inputCount();
        checkArgument(inputs == network.inputs(), "the table encodes to %d inputs but the network has %d: build its first"
                + " layer with Preprocessing.inputCount(table, options) = %d inputs", inputs, network.inputs(), inputs);
        checkFits(network, preprocessing.inputNames(), outputs, data.isRegression());
        if (labels != null) {
            FitInputs.checkTwoClasses(labels);
        }
        double[][] x = preprocessing.transform(data);
        StandardScaler targetScaler = targetScaler(data.isRegression() ? data.targets() : null, kept, options);
        TrainingConfig run = config;
        if (validation != null) {
            double[][] vx = preprocessing.transform(validation);
            checkArgument(validation.classNames().equals(data.classNames()), "the validation table's classes %s are not"
                    + " the training table's %s: load it with new CsvLoader().withClasses(...) and the training classes",
                    validation.classNames(), data.classNames());
            run = config.toBuilder().validation(data.isRegression() ? Validation.of(vx, scaled(targetScaler,
                    validation.targets())) : Validation.of(vx, validation.labels())).build();
        }
        Loss loss = lossOf(network, config);
        History history = data.isRegression() ? network.fit(x, scaled(targetScaler, data.targets()), run, listener)
                : network.fit(x, labels, run, listener);
        return new Model(network, preprocessing.scaler(), preprocessing, preprocessing.columnNames(), outputs,
                data.isRegression(), loss, history, targetScaler,
                ModelFiles.provenance(config, listener, history, kept.length, Provenance.schemaHash(data)));
    }

    /** The loss fit resolves: the config's, else the default for the last layer. */
    private static Loss lossOf(NeuralNet network, TrainingConfig config) {
        LinearLayer last = network.layers().get(network.layers().size() - 1);
        return config.loss().orElseGet(() -> Loss.forOutput(last.activation(), last.outputs()));
    }

    /** The rows fit trains on: all but those a validation fraction holds out (the same rows, by the same seed). */
    private static int[] trainingRows(int[] labels, int rowCount, NeuralNet network, TrainingConfig config) {
        if (config.validation().isEmpty() || !config.validation().get().isFraction()) {
            return io.github.backprop4j.internal.Permutations.identity(rowCount);
        }
        boolean[] held = io.github.backprop4j.internal.StratifiedSplit.validationRows(labels, rowCount, Math.max(network.outputs(), 2),
                config.validation().get().fractionValue(), config.seed());
        int[] kept = new int[rowCount];
        int count = 0;
        for (int i = 0; i < rowCount; i++) {
            if (!held[i]) {
                kept[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(kept, count);
    }

    /** The config with an explicit validation set's raw features and targets mapped as the training ones are. */
    private static TrainingConfig withScaledValidation(TrainingConfig config, FeatureScaler scaler,
            StandardScaler targetScaler) {
        if (config.validation().isEmpty() || config.validation().get().isFraction()) {
            return config;
        }
        Validation v = config.validation().get();
        double[][] x = scaler.transform(v.features());
        Validation scaled = v.labels() != null ? Validation.of(x, v.labels()) : Validation.of(x, scaled(targetScaler, v.targets()));
        return config.toBuilder().validation(scaled).build();
    }

    /** The names against the network: one per input, and one per output (two for a single sigmoid unit). */
    private static void checkFits(NeuralNet network, List<String> featureNames, List<String> outputNames, boolean regression) {
        checkArgument(featureNames.size() == network.inputs(),
                "%d feature names for a network with %d inputs", featureNames.size(), network.inputs());
        checkArgument(regression || outputNames.size() >= 2, "%d class name %s: a classifier needs at least two classes",
                outputNames.size(), outputNames);
        int units = network.outputs();
        checkArgument(outputNames.size() == units || (!regression && units == 1 && outputNames.size() == 2),
                "%d %s for a network with %d outputs", outputNames.size(), regression ? "target names" : "class names", units);
    }

    /**
     * A classifier from parts already trained.
     *
     * @param scaler the feature scaling the network was trained after, or null for none
     * @param network the network
     * @param featureNames the raw features' names, one per input
     * @param classNames the classes' names, in label order
     * @param loss the loss
     * @return the model
     */
    public static Model classifier(NeuralNet network, FeatureScaler scaler, List<String> featureNames,
            List<String> classNames, Loss loss) {
        return new Model(network, scaler, featureNames, classNames, false, loss, null);
    }

    /**
     * {@return a regression model from parts already trained; see {@link #classifier}}
     *
     * @param network the network
     * @param scaler the feature scaling the network was trained after, or null for none
     * @param featureNames the raw features' names, one per input
     * @param targetNames the targets' names, one per output
     * @param loss the loss
     */
    public static Model regressor(NeuralNet network, FeatureScaler scaler, List<String> featureNames,
            List<String> targetNames, Loss loss) {
        return new Model(network, scaler, featureNames, targetNames, true, loss, null);
    }

    /**
     * {@return a classifier from parts already trained, whose inputs a preprocessing encodes from raw rows}
     *
     * @param network the network, with {@code preprocessing.inputCount()} inputs
     * @param preprocessing the encoding of raw rows into the network's inputs
     * @param classNames the classes' names, in label order
     * @param loss the loss
     */
    public static Model classifier(NeuralNet network, Preprocessing preprocessing, List<String> classNames, Loss loss) {
        return new Model(network, preprocessing, classNames, false, loss, null);
    }

    /**
     * {@return a regression model from parts already trained, whose inputs a preprocessing encodes from raw rows}
     *
     * @param network the network, with {@code preprocessing.inputCount()} inputs
     * @param preprocessing the encoding of raw rows into the network's inputs
     * @param targetNames the targets' names, one per output
     * @param loss the loss
     */
    public static Model regressor(NeuralNet network, Preprocessing preprocessing, List<String> targetNames, Loss loss) {
        return new Model(network, preprocessing, targetNames, true, loss, null);
    }

    /** {@return the network; training it changes this model} */
    public NeuralNet network() {
        return network;
    }

    /** {@return the feature scaling applied before the network, if any} */
    public Optional<FeatureScaler> scaler() {
        return Optional.ofNullable(scaler);
    }

    /** {@return the names of the raw feature columns, in order} */
    public List<String> featureNames() {
        return featureNames;
    }

    /** {@return the class names, in label order (empty for regression)} */
    public List<String> classNames() {
        return regression ? List.of() : outputNames;
    }

    /** {@return the target names of a regression model (empty for a classifier)} */
    public List<String> targetNames() {
        return regression ? outputNames : List.of();
    }

    /** {@return whether this model predicts numbers rather than classes} */
    public boolean isRegression() {
        return regression;
    }

    /** {@return the loss the network was trained with} */
    public Loss loss() {
        return loss;
    }

    /** {@return the history of the training that made this model, when {@link #train} made it in this JVM} */
    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /**
     * Where this model came from: the library version, training configuration, epochs, stop reason,
     * row count and schema hash {@link #train} recorded; kept through save and load. It describes
     * that call only: training the network further ({@code fit}, {@code resume}) does not change it.
     *
     * @return the provenance; empty for a model built from parts, or loaded from a file older than
     *         format version 6
     */
    public Optional<Provenance> provenance() {
        return Optional.ofNullable(provenance);
    }

    /**
     * {@return the standardisation of a regression model's targets: its network predicts
     * {@code (y − mean) / std}, and every {@code predictValues} maps that back to {@code y}}
     */
    public Optional<StandardScaler> targetScaler() {
        return Optional.ofNullable(targetScaler);
    }

    /** {@return the preprocessing of a model trained on a {@link Table}: categories, gap filling, scaler} */
    public Optional<Preprocessing> preprocessing() {
        return Optional.ofNullable(preprocessing);
    }

    /**
     * {@return the names of the network's inputs: the feature names, or for a model trained on a
     * table the encoded inputs such as {@code island=Dream}}
     */
    public List<String> inputNames() {
        return preprocessing == null ? featureNames : preprocessing.inputNames();
    }

    /**
     * The class name of one row given by column name: numbers as {@link Number} or numeric text,
     * categories as text, a gap (when the model accepts them) as null. Thread-safe.
     *
     * @param row one value per feature column, by name; no other names
     * @return the class name
     * @throws IllegalArgumentException naming missing or extra names, or a value that is wrong
     */
    public String predict(Map<String, ?> row) {
        checkClassifier();
        return outputNames.get(io.github.backprop4j.internal.training.Validator.classOf(predictValues(row)));
    }

    /**
     * {@return the class probabilities of one row given by column name, by class name in class order}
     * See {@link #predict(Map)}. Thread-safe.
     *
     * @param row one value per feature column, by name
     */
    public Map<String, Double> predictProbabilities(Map<String, ?> row) {
        checkClassifier();
        double[] p = predictValues(row);
        double[] probabilities = p.length == 1 ? new double[] {1 - p[0], p[0]} : p;
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int k = 0; k < probabilities.length; k++) {
            byName.put(outputNames.get(k), probabilities[k]);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * {@return the network's output for one row given by column name} See {@link #predict(Map)}. Thread-safe.
     *
     * @param row one value per feature column, by name
     */
    public double[] predictValues(Map<String, ?> row) {
        return preprocessing != null ? inTargetUnits(network.predictValues(preprocessing.transformRow(row)))
                : predictValues(byName().transformRow(row));
    }

    /** The network's outputs in the targets' units: {@code y = y'·std + mean} when the targets were standardised. */
    private double[] inTargetUnits(double[] outputs) {
        if (targetScaler != null) {
            for (int k = 0; k < outputs.length; k++) {
                outputs[k] = outputs[k] * targetStd[k] + targetMean[k];
            }
        }
        return outputs;
    }

    private double[][] inTargetUnits(double[][] outputs) {
        for (double[] row : outputs) {
            inTargetUnits(row);
        }
        return outputs;
    }

    /** The features by name as numbers, in order, unscaled: how a model without preprocessing reads a Map or a Table. */
    private Preprocessing byName() {
        List<io.github.backprop4j.data.EncodedColumn> columns = new java.util.ArrayList<>();
        for (String name : featureNames) {
            columns.add(new io.github.backprop4j.data.NumericColumn(name, PreprocessingOptions.Imputation.MEDIAN, 0, false));
        }
        double[] ones = new double[featureNames.size()];
        java.util.Arrays.fill(ones, 1);
        return new Preprocessing(columns, List.of(), PreprocessingOptions.UnknownCategories.ERROR,
                new StandardScaler(new double[ones.length], ones));
    }

    /**
     * {@return the class index of each row of a table with this model's feature columns} Thread-safe.
     *
     * @param table rows with the model's feature columns
     */
    public int[] predict(Table table) {
        checkClassifier();
        return network.predict(inputsOf(table));
    }

    /**
     * {@return the network's output for each row of a table} Thread-safe.
     *
     * @param table rows with the model's feature columns
     */
    public double[][] predictValues(Table table) {
        return inTargetUnits(network.predictValues(inputsOf(table)));
    }

    private double[][] inputsOf(Table table) {
        checkNotNull(table, "table");
        return preprocessing != null ? preprocessing.transform(table) : scaled(byName().transform(table));
    }

    /**
     * {@return the network's output for one row of raw features: probabilities, or values for regression} Thread-safe.
     *
     * @param rawRow one row of raw features, finite; not modified
     */
    public double[] predictValues(double[] rawRow) {
        return inTargetUnits(network.predictValues(scaled(rawRow)));
    }

    /**
     * {@return the class probabilities of one row of raw features, one per class (two for one Sigmoid unit)} Thread-safe.
     *
     * @param rawRow one row of raw features, finite; not modified
     */
    public double[] predictProbabilities(double[] rawRow) {
        checkClassifier();
        double[] p = predictValues(rawRow);
        return p.length == 1 ? new double[] {1 - p[0], p[0]} : p;
    }

    /**
     * {@return the class index of one row of raw features} Thread-safe.
     *
     * @param rawRow one row of raw features, finite; not modified
     */
    public int predict(double[] rawRow) {
        checkClassifier();
        return io.github.backprop4j.internal.training.Validator.classOf(predictValues(rawRow));
    }

    /**
     * {@return the class name of one row of raw features} Thread-safe.
     *
     * @param rawRow one row of raw features, finite; not modified
     */
    public String predictClassName(double[] rawRow) {
        return outputNames.get(predict(rawRow));
    }

    /**
     * {@return the class index of each row of raw features} Thread-safe.
     *
     * @param rawRows rows of raw features, finite; not modified
     */
    public int[] predict(double[][] rawRows) {
        checkClassifier();
        return network.predict(scaled(rawRows));
    }

    /**
     * {@return the network's output for each row of raw features} Thread-safe.
     *
     * @param rawRows rows of raw features, finite; not modified
     */
    public double[][] predictValues(double[][] rawRows) {
        return inTargetUnits(network.predictValues(scaled(rawRows)));
    }

    /**
     * {@return the class name of each row of raw features} Thread-safe.
     *
     * @param rawRows rows of raw features, finite; not modified
     */
    public List<String> predictClassNames(double[][] rawRows) {
        return namesOf(predict(rawRows));
    }

    private List<String> namesOf(int[] classes) {
        String[] names = new String[classes.length];
        for (int i = 0; i < classes.length; i++) {
            names[i] = outputNames.get(classes[i]);
        }
        return List.of(names);
    }

    private double[] scaled(double[] rawRow) {
        if (rawRow == null || rawRow.length != featureNames.size()) {
            throw new IllegalArgumentException(rawRow == null ? "row must not be null" : String.format(
                    "the row has %d values but the model has %d features %s", rawRow.length, featureNames.size(), featureNames));
        }
        if (preprocessing != null) {
            return preprocessing.transformRow(rawRow);
        }
        if (scaler == null) {
            return rawRow;
        }
        double[] out = scaledRow.get();
        scaler.transformRow(rawRow, out);
        return out;
    }

    private double[][] scaled(double[][] rawRows) {
        if (preprocessing != null) {
            checkNotNull(rawRows, "rows");
            double[][] out = new double[rawRows.length][];
            for (int i = 0; i < rawRows.length; i++) {
                out[i] = preprocessing.transformRow(rawRows[i]);
            }
            return out;
        }
        return scaler == null ? rawRows : scaler.transform(rawRows);
    }

    private void checkClassifier() {
        checkState(!regression, "this model predicts the targets %s; use predictValues", outputNames);
    }

    /**
     * A CSV loader for data this model is applied to: labels are mapped by the model's class
     * names (an unseen label is an error naming the line), and the feature columns must be the
     * model's, by name; for a model trained on a table, with the same column kinds and missing tokens.
     *
     * @param labelColumn the name of the label column (or, for regression, of the target columns)
     * @return the loader
     */
    public CsvLoader csvLoader(String... labelColumn) {
        checkNotNull(labelColumn, "labelColumn");
        CsvLoader loader = regression ? new CsvLoader().withTargetColumns(labelColumn)
                : new CsvLoader().withLabelColumn(single(labelColumn)).withClasses(outputNames);
        return withSchema(loader);
    }

    /** The loader reading this model's feature columns by name, with their kinds and missing tokens. */
    private CsvLoader withSchema(CsvLoader loader) {
        loader = loader.withFeatureColumns(featureNames);
        if (preprocessing == null) {
            return loader;
        }
        List<String> categorical = new java.util.ArrayList<>();
        List<String> numeric = new java.util.ArrayList<>();
        for (io.github.backprop4j.data.EncodedColumn c : preprocessing.columns()) {
            (c instanceof CategoricalColumn ? categorical : numeric).add(c.name());
        }
        loader = categorical.isEmpty() ? loader : loader.withCategoricalColumns(categorical.toArray(new String[0]));
        loader = numeric.isEmpty() ? loader : loader.withNumericColumns(numeric.toArray(new String[0]));
        return preprocessing.missingTokens().isEmpty() ? loader
                : loader.withMissingValues(preprocessing.missingTokens().toArray(new String[0]));
    }

    /**
     * Scores a CSV file of new rows: a header, then one row per case. The model's feature columns
     * are read by name, in any order, with the column kinds and missing tokens it was trained
     * with; other columns (an id, the label) are ignored. Bad rows fail the whole file with the
     * list {@link CsvLoader#loadTable} gives ({@link DataFormatException#badRows()}).
     *
     * @param file a UTF-8 CSV file with a header
     * @return the class name of each row, in file order
     * @throws DataFormatException listing every bad row: line, column, value and reason
     * @throws IllegalStateException for a regression model (use {@link #predictValuesCsv})
     */
    public List<String> predictCsv(Path file) {
        checkClassifier();
        return namesOf(predict(rowsToScore(file)));
    }

    /**
     * Scores a CSV file of new rows as {@link #predictCsv} does.
     *
     * @param file a UTF-8 CSV file with a header
     * @return the network's output for each row in file order: class probabilities, or the
     *         targets for regression
     * @throws DataFormatException listing every bad row: line, column, value and reason
     */
    public double[][] predictValuesCsv(Path file) {
        return predictValues(rowsToScore(file));
    }

    private Table rowsToScore(Path file) {
        checkNotNull(file, "file");
        CsvLoader loader = withSchema(new CsvLoader().withoutLabel());
        // a model of numbers reads its features as numbers, so a text cell is a bad row rather than a category
        return (preprocessing == null ? loader.withNumericColumns(featureNames.toArray(new String[0])) : loader)
                .loadTable(file);
    }

    private static String single(String[] names) {
        checkArgument(names.length == 1, "a classifier has one label column, got %d names", names.length);
        return names[0];
    }

    /**
     * Loads a CSV file with {@link #csvLoader}.
     *
     * @param file the file
     * @param labelColumn the label column's name, or for regression the target columns' names
     * @return the data set, numbered by this model's classes
     */
    public Dataset loadCsv(Path file, String... labelColumn) {
        return csvLoader(labelColumn).load(file);
    }

    /**
     * Saves this model to {@code file} atomically: a temporary file beside it is written, forced to
     * disk and renamed over it, keeping the mode of the file it replaces (docs/model-format.md, "On disk").
     *
     * @param file the file
     * @throws java.io.UncheckedIOException naming the file and the operating system's reason
     */
    public void save(Path file) {
        checkNotNull(file, "file");
        ModelFiles.save(ModelFiles.toData(this, null), file);
    }

    /**
     * Writes this model to {@code out} (not closed).
     *
     * @param out where the result goes
     */
    public void save(OutputStream out) {
        ModelFiles.write(ModelFiles.toData(this, null), out);
    }

    /**
     * Saves a checkpoint of this model's training run: the model, each parameter's optimizer
     * state, the optimizer, and the run's position (epoch, batch, generators, early-stopping state,
     * best weights, metrics so far). {@link NeuralNet#resume} on the loaded network continues the
     * run exactly. May be called from a {@code TrainingListener} while the run trains, e.g. at the
     * end of every epoch.
     *
     * @param file the file, written atomically
     * @throws IllegalStateException if the network has no training run (it was never trained by fit)
     */
    public void saveCheckpoint(Path file) {
        checkNotNull(file, "file");
        ModelFiles.save(ModelFiles.toData(this, runOptimizer()), file);
    }

    /**
     * Writes a checkpoint of this model's training run to {@code out} (not closed); see
     * {@link #saveCheckpoint(Path)}.
     *
     * @param out where the checkpoint goes
     */
    public void saveCheckpoint(OutputStream out) {
        checkNotNull(out, "out");
        ModelFiles.write(ModelFiles.toData(this, runOptimizer()), out);
    }

    private io.github.backprop4j.optim.Optimizer runOptimizer() {
        checkState(network.trainingRun() != null, "the network has no training run to save: train it with fit, or"
                + " save its optimizer state alone with saveCheckpoint(file, optimizer)");
        return network.trainingRun().optimizer();
    }

    /**
     * Saves this model with each parameter's optimizer state and {@code optimizer}'s settings, so
     * training can go on with {@link #loadCheckpoint}. When the network has a training run (it
     * was trained by fit with this optimizer), the run is saved too, as by
     * {@link #saveCheckpoint(Path)}.
     *
     * @param file the file
     * @param optimizer the update rule
     */
    public void saveCheckpoint(Path file, io.github.backprop4j.optim.Optimizer optimizer) {
        checkNotNull(file, "file");
        checkNotNull(optimizer, "optimizer");
        ModelFiles.save(ModelFiles.toData(this, optimizer), file);
    }

    /**
     * Writes this model with each parameter's optimizer state and {@code optimizer}'s settings to
     * {@code out} (not closed); see {@link #saveCheckpoint(Path, io.github.backprop4j.optim.Optimizer)}.
     *
     * @param out where the result goes
     * @param optimizer the update rule
     */
    public void saveCheckpoint(OutputStream out, io.github.backprop4j.optim.Optimizer optimizer) {
        checkNotNull(out, "out");
        checkNotNull(optimizer, "optimizer");
        ModelFiles.write(ModelFiles.toData(this, optimizer), out);
    }

    /**
     * Loads a model saved by {@link #save} (or a checkpoint, ignoring its optimizer) whose parts are
     * built in.
     *
     * @throws io.github.backprop4j.io.ModelFormatException naming what is wrong and where
     * @param file the file
     * @return the model
     */
    public static Model load(Path file) {
        return load(file, PartRegistry.defaults());
    }

    /**
     * Loads a model saved by {@link #save} (or a checkpoint, ignoring its optimizer), making its
     * activations, loss and optimizer with {@code parts}: a model with parts of your own needs a
     * registry that knows them.
     *
     * @param file the file
     * @param parts the parts the file may name
     * @return the model
     * @throws io.github.backprop4j.io.ModelFormatException naming what is wrong and where, e.g. a
     *         part that {@code parts} lacks
     */
    public static Model load(Path file, PartRegistry parts) {
        checkNotNull(file, "file");
        return ModelFiles.fromData(ModelFiles.read(file, checkNotNull(parts, "parts"))).model();
    }

    /**
     * Loads a model from {@code in} (read to the end, not closed); {@code source} names it in messages.
     *
     * @param in what to read, to the end; not closed
     * @param source what to call it in messages, e.g. a file name
     * @return the model
     */
    public static Model load(InputStream in, String source) {
        return load(in, source, PartRegistry.defaults());
    }

    /**
     * {@link #load(InputStream, String)} with the parts of {@code parts}.
     *
     * @param in what to read, to the end; not closed
     * @param source what to call it in messages, e.g. a file name
     * @param parts the parts the file may name
     * @return the model
     */
    public static Model load(InputStream in, String source, PartRegistry parts) {
        return ModelFiles.fromData(ModelFiles.read(in, source, parts)).model();
    }

    /**
     * Loads a checkpoint: the model, with each parameter's optimizer state, and the optimizer to continue with.
     *
     * @param file the file
     * @return the model and the optimizer to continue with
     */
    public static Checkpoint loadCheckpoint(Path file) {
        return loadCheckpoint(file, PartRegistry.defaults());
    }

    /**
     * {@link #loadCheckpoint(Path)} with the parts of {@code parts}.
     *
     * @param file the file
     * @param parts the parts the file may name
     * @return the model and the optimizer to continue with
     */
    public static Checkpoint loadCheckpoint(Path file, PartRegistry parts) {
        checkNotNull(file, "file");
        return checkpoint(ModelFiles.fromData(ModelFiles.read(file, checkNotNull(parts, "parts"))), file);
    }

    /**
     * Loads a checkpoint from {@code in} (read to the end, not closed); {@code source} names it in messages.
     *
     * @param in what to read, to the end; not closed
     * @param source what to call it in messages, e.g. a file name
     * @return the model and the optimizer to continue with
     */
    public static Checkpoint loadCheckpoint(InputStream in, String source) {
        return loadCheckpoint(in, source, PartRegistry.defaults());
    }

    /**
     * {@link #loadCheckpoint(InputStream, String)} with the parts of {@code parts}.
     *
     * @param in what to read, to the end; not closed
     * @param source what to call it in messages, e.g. a file name
     * @param parts the parts the file may name
     * @return the model and the optimizer to continue with
     */
    public static Checkpoint loadCheckpoint(InputStream in, String source, PartRegistry parts) {
        return checkpoint(ModelFiles.fromData(ModelFiles.read(in, source, parts)), source);
    }

    private static Checkpoint checkpoint(Checkpoint c, Object source) {
        checkArgument(c.optimizer() != null, "%s is a model without optimizer state, not a checkpoint", source);
        return c;
    }

    @Override
    public String toString() {
        return "Model(" + (regression ? "regression of " + outputNames : "classes " + outputNames) + " from "
                + featureNames + ", " + loss + ", " + network.layers() + ")";
    }
}
