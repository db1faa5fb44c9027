package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.data.FeatureScaler;
import io.github.backprop4j.data.MinMaxScaler;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.internal.training.TrainingRun;
import io.github.backprop4j.io.ModelData;
import io.github.backprop4j.io.ModelFile;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.io.PartRegistry;
import io.github.backprop4j.io.Provenance;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import io.github.backprop4j.train.History;
import io.github.backprop4j.train.TrainingConfig;
import io.github.backprop4j.train.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Between a {@link Model} and the {@link ModelData} of its file, and the file itself. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The data of {@code model}; with {@code optimizer}, a checkpoint with every parameter's state. */
    static ModelData toData(Model model, Optimizer optimizer) {
        List<ModelData.State> states = new ArrayList<>();
        for (Parameter p : model.network().parameters()) {
            states.add(optimizer == null ? null : state(p));
        }
        List<ModelData.Layer> layers = new ArrayList<>();
        for (int l = 0; l < model.network().layers().size(); l++) {
            LinearLayer layer = model.network().layers().get(l);
            layers.add(new ModelData.Layer(layer.activation(), layer.weights(), layer.bias(), states.get(2 * l),
                    states.get(2 * l + 1)));
        }
        List<String> outputs = model.isRegression() ? model.targetNames() : model.classNames();
        TrainingRun run = optimizer == null ? null : model.network().trainingRun();
        checkArgument(run == null || run.optimizer().equals(optimizer), "the network's training run trains with %s,"
                + " not %s; save the run's checkpoint with saveCheckpoint(file), or start a new run with fit", run == null
                ? null : run.optimizer(), optimizer);
        return new ModelData(model.isRegression(), model.loss(), model.inputNames(), outputs,
                scaling(model.scaler().orElse(null)), layers, optimizer, run == null ? null : run.toData(),
                model.preprocessing().orElse(null), scaling(model.targetScaler().orElse(null)),
                model.provenance().orElse(null));
    }

    private static ModelData.State state(Parameter parameter) {
        OptimizerState s = parameter.state();
        if (s == null) {
            return null;
        }
        List<double[][]> buffers = new ArrayList<>();
        for (String name : s.names()) {
            buffers.add(s.buffer(name));
        }
        return new ModelData.State(s.steps(), s.names(), buffers);
    }

    private static ModelData.Scaling scaling(FeatureScaler scaler) {
        if (scaler == null) {
            return ModelData.Scaling.NONE;
        }
        if (scaler instanceof StandardScaler s) {
            return new ModelData.Scaling("standard", s.mean(), s.scale());
        }
        if (scaler instanceof MinMaxScaler m) {
            return new ModelData.Scaling("minmax", m.min(), m.range());
        }
        throw new IllegalArgumentException("the scaler " + scaler + " is neither a StandardScaler nor a MinMaxScaler,"
                + " so it cannot be saved");
    }

    /** The model (and optimizer, for a checkpoint) that {@code data} describes. */
    static Checkpoint fromData(ModelData data) {
        LinearLayer[] layers = new LinearLayer[data.layers().size()];
        for (int l = 0; l < layers.length; l++) {
            ModelData.Layer d = data.layers().get(l);
            layers[l] = new LinearLayer(d.weights(), d.bias(), d.activation());
        }
        NeuralNet net = new NeuralNet(layers);
        List<Parameter> parameters = net.parameters();
        for (int p = 0; data.optimizer() != null && p < parameters.size(); p++) {
            ModelData.Layer d = data.layers().get(p / 2);
            restore(parameters.get(p), p % 2 == 0 ? d.weightState() : d.biasState(), data.optimizer());
        }
        FeatureScaler scaler = switch (data.scaler().kind()) {
            case "standard" -> new StandardScaler(data.scaler().offset(), data.scaler().scale());
            case "minmax" -> new MinMaxScaler(data.scaler().offset(), data.scaler().scale());
            default -> null;
        };
        if (data.run() != null) {
            net.setTrainingRun(TrainingRun.fromData(data.run(), data.optimizer()));
        }
        StandardScaler targets = data.targets().kind().equals("standard")
                ? new StandardScaler(data.targets().offset(), data.targets().scale()) : null;
        Model model = data.columns() == null
                ? new Model(net, scaler, null, data.featureNames(), data.outputNames(), data.regression(), data.loss(), null,
                        targets, data.provenance())
                : new Model(net, data.columns().scaler(), data.columns(), data.columns().columnNames(), data.outputNames(),
                        data.regression(), data.loss(), null, targets, data.provenance());
        return new Checkpoint(model, data.optimizer());
    }

    private static void restore(Parameter parameter, ModelData.State saved, Optimizer optimizer) {
        if (saved == null) {
            return;
        }
        OptimizerState state = parameter.state(optimizer);
        if (!state.names().equals(saved.names())) {
            throw new ModelFormatException("checkpoint", 0, optimizer + " keeps buffers " + state.names()
                    + " but the file has " + saved.names(), null);
        }
        for (int i = 0; i < saved.names().size(); i++) {
            double[][] from = saved.buffers().get(i);
            double[][] to = state.buffer(saved.names().get(i));
            for (int r = 0; r < from.length; r++) {
                System.arraycopy(from[r], 0, to[r], 0, from[r].length);
            }
        }
        state.setSteps(saved.steps());
    }

    static void save(ModelData data, Path file) {
        ModelPaths.save(data, file);
    }

    static void write(ModelData data, OutputStream out) {
        ModelFile.write(data, out);
    }

    static ModelData read(Path file, PartRegistry parts) {
        return ModelPaths.read(file, parts);
    }

    static ModelData read(InputStream in, String source, PartRegistry parts) {
        return ModelFile.read(in, source, parts);
    }

    /**
     * The provenance of a model {@code Model.train} has just trained: the settings as a resumed run
     * compares them, with the epoch total, threads and listener; how the history ended.
     */
    static Provenance provenance(TrainingConfig config, TrainingListener listener, History history, int rows,
            String schemaHash) {
        Map<String, String> settings = new TreeMap<>(TrainingRun.settingsOf(config));
        settings.put("epochs", String.valueOf(config.epochs()));
        settings.put("threads", String.valueOf(config.threads()));
        settings.put("listener", listener == TrainingListener.NONE ? "none" : listener.getClass().getName());
        return new Provenance(Provenance.currentLibraryVersion(), settings, history.epochs(),
                history.stopReason().orElse("ran the configured " + config.epochs() + " epochs"), rows, schemaHash);
    }
}
