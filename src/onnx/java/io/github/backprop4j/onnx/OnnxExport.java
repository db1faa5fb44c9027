package io.github.backprop4j.onnx;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.CategoricalColumn;
import io.github.backprop4j.data.FeatureScaler;
import io.github.backprop4j.data.MinMaxScaler;
import io.github.backprop4j.data.Preprocessing;
import io.github.backprop4j.data.StandardScaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Model} (or a bare {@link NeuralNet}) as an ONNX model that ONNX Runtime and
 * other runtimes run: each layer a {@code Gemm} ({@code Z = X·W + b}) and its activation's
 * operator, the feature scaling as {@code Sub} and {@code Div}, a regression model's target
 * scaling as {@code Mul} and {@code Add}, all in double precision unless float32 is asked for.
 * Opset 13, IR version 7 (19 and 9 for a model with columns of categories).
 *
 * <p>The graph's input is {@value #FEATURES}, {@code [N, features]}, the raw features in the
 * model's feature order (for a model trained on a {@code Table} of numbers only, its columns, NaN
 * for a gap). A model trained on a {@code Table} with columns of categories takes one input per
 * raw column, named as the column: numbers {@code [N, 1]} with NaN for a gap, categories {@code [N, 1]} of
 * strings (the cell's text without surrounding spaces; a gap is one of the model's missing
 * tokens, e.g. the empty string), one-hot encoded with {@code Equal} and {@code Cast} (opset 19,
 * IR version 9). Where the library would raise (an unseen category under
 * {@code UnknownCategories.ERROR}, a gap in a model trained without gaps), the graph cannot: it
 * encodes zeros, or the column's fill. A classifier's outputs are {@value #PROBABILITIES}, {@code [N, classes]},
 * and {@value #LABEL}, the index of the most probable class ({@code int64 [N]}); a regressor's is
 * {@value #VALUES}, {@code [N, targets]}, in the targets' units. The model's metadata holds
 * {@code backprop4j.features}, {@code backprop4j.classes} (or {@code backprop4j.targets}) as JSON
 * arrays of names.
 *
 * <pre>{@code
 * OnnxExport.write(model, Path.of("iris.onnx"));                       // float64
 * OnnxExport.write(model, Path.of("iris32.onnx"), Precision.FLOAT32);  // for runtimes that need it
 * }</pre>
 */
public final class OnnxExport {

    /** The graph's input: the raw features, {@code [N, features]}. */
    public static final String FEATURES = "features";
    /** A classifier's output: each class's probability, {@code [N, classes]}. */
    public static final String PROBABILITIES = "probabilities";
    /** A classifier's output: the most probable class's index, {@code int64 [N]}. */
    public static final String LABEL = "label";
    /** A regressor's output: the predicted values in the targets' units, {@code [N, targets]}. */
    public static final String VALUES = "values";
    /** A bare network's output: its last layer's activations, {@code [N, outputs]}. */
    public static final String OUTPUT = "output";

    /** The element type of every tensor the file holds. */
    public enum Precision {
        /** double, as the library computes: ONNX Runtime's outputs match to about 1e-12. */
        FLOAT64,
        /** float, for runtimes without double kernels: about 1e-6 relative. */
        FLOAT32
    }

    private OnnxExport() {
    }

    /**
     * The model as an ONNX file in float64.
     *
     * @param model the model
     * @return the file's bytes
     * @throws IllegalArgumentException naming what cannot be exported, e.g. an activation of your own
     */
    public static byte[] toBytes(Model model) {
        return toBytes(model, Precision.FLOAT64);
    }

    /**
     * The model as an ONNX file.
     *
     * @param model the model
     * @param precision the tensors' element type
     * @return the file's bytes
     */
    public static byte[] toBytes(Model model, Precision precision) {
        OnnxChecks.checkNotNull(model, "model");
        OnnxChecks.checkNotNull(precision, "precision");
        Preprocessing p = model.preprocessing().orElse(null);
        boolean text = p != null && p.columns().stream().anyMatch(c -> c instanceof CategoricalColumn);
        GraphBuilder g = new GraphBuilder(precision == Precision.FLOAT32, text ? 19 : 13);
        String x;
        if (p == null) {
            g.input(FEATURES, model.featureNames().size());
            x = scaling(g, FEATURES, model.scaler().orElse(null));
        } else {
            x = scaling(g, TableEncoding.encode(g, p), p.scaler());
        }
        String out = layers(g, model.network(), x);
        if (model.isRegression()) {
            StandardScaler t = model.targetScaler().orElse(null);
            if (t != null) {
                // y = y'·σ + μ
                out = g.node("Add", "/targets_unscaled", List.of(g.node("Mul", "/targets_times_scale", List.of(out,
                        g.initializer("/target_scale", t.scale(), t.scale().length))), g.initializer("/target_offset",
                        t.mean(), t.mean().length)));
            }
            g.node("Identity", VALUES, List.of(out));
            g.output(VALUES, model.targetNames().size(), false);
        } else {
            if (model.network().outputs() == 1) {
                // one sigmoid unit: the probabilities are [1 − p, p]
                String notP = g.node("Sub", "/one_minus_p", List.of(g.initializer("/one", new double[] {1}, 1), out));
                out = g.node("Concat", "/two_probabilities", List.of(notP, out), GraphBuilder.intAttribute("axis", 1));
            }
            g.node("Identity", PROBABILITIES, List.of(out));
            g.node("ArgMax", LABEL, List.of(PROBABILITIES), GraphBuilder.intAttribute("axis", 1),
                    GraphBuilder.intAttribute("keepdims", 0));
            g.output(PROBABILITIES, model.classNames().size(), false);
            g.output(LABEL, 0, true);
        }
        g.metadata("backprop4j.features", Json.array(model.featureNames()));
        g.metadata(model.isRegression() ? "backprop4j.targets" : "backprop4j.classes",
                Json.array(model.isRegression() ? model.targetNames() : model.classNames()));
        return g.model();
    }

    /**
     * A bare network (no scaling, no names) as an ONNX file: input {@value #FEATURES}, output
     * {@value #OUTPUT}. {@link OnnxImport} reads it back to the same network.
     *
     * @param network the network
     * @param precision the tensors' element type
     * @return the file's bytes
     */
    public static byte[] toBytes(NeuralNet network, Precision precision) {
        OnnxChecks.checkNotNull(network, "network");
        OnnxChecks.checkNotNull(precision, "precision");
        GraphBuilder g = new GraphBuilder(precision == Precision.FLOAT32);
        g.input(FEATURES, network.inputs());
        g.node("Identity", OUTPUT, List.of(layers(g, network, FEATURES)));
        g.output(OUTPUT, network.outputs(), false);
        return g.model();
    }

    /**
     * Writes {@link #toBytes(Model)} to {@code file}.
     *
     * @param model the model
     * @param file where the file goes
     */
    public static void write(Model model, Path file) {
        write(model, file, Precision.FLOAT64);
    }

    /**
     * Writes {@link #toBytes(Model, Precision)} to {@code file}.
     *
     * @param model the model
     * @param file where the file goes
     * @param precision the tensors' element type
     */
    public static void write(Model model, Path file, Precision precision) {
        OnnxChecks.checkNotNull(file, "file");
        byte[] bytes = toBytes(model, precision);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code x' = (x − offset) / scale}: the model's feature scaling, or {@code x} itself. */
    private static String scaling(GraphBuilder g, String input, FeatureScaler scaler) {
        double[] offset;
        double[] scale;
        if (scaler == null) {
            return input;
        } else if (scaler instanceof StandardScaler s) {
            offset = s.mean();
            scale = s.scale();
        } else if (scaler instanceof MinMaxScaler m) {
            offset = m.min();
            scale = m.range();
        } else {
            throw new IllegalArgumentException("the scaler " + scaler + " is neither a StandardScaler nor a MinMaxScaler");
        }
        String centred = g.node("Sub", "/centred", List.of(input, g.initializer("/scaler_offset", offset, offset.length)));
        return g.node("Div", "/scaled", List.of(centred, g.initializer("/scaler_scale", scale, scale.length)));
    }

    /** Each layer: {@code Gemm(X, W, b)} then its activation. */
    private static String layers(GraphBuilder g, NeuralNet network, String input) {
        String x = input;
        for (int l = 0; l < network.layers().size(); l++) {
            LinearLayer layer = network.layers().get(l);
            String op = operator(l, layer.activation());
            double[][] w = layer.weights();
            double[] flat = new double[w.length * w[0].length];
            for (int i = 0; i < w.length; i++) {
                System.arraycopy(w[i], 0, flat, i * w[0].length, w[0].length);
            }
            String z = g.node("Gemm", "/layer" + l + "_z", List.of(x, g.initializer("/layer" + l + "_W", flat, w.length,
                    w[0].length), g.initializer("/layer" + l + "_b", layer.bias(), layer.bias().length)));
            x = op == null ? z : op.equals("Softmax")
                    ? g.node(op, "/layer" + l + "_a", List.of(z), GraphBuilder.intAttribute("axis", -1))
                    : g.node(op, "/layer" + l + "_a", List.of(z));
        }
        return x;
    }

    /** The ONNX operator of a built-in activation; null for Identity. */
    private static String operator(int l, Activation a) {
        Class<?> c = a.getClass();
        if (c == Identity.class) {
            return null;
        }
        if (c == Sigmoid.class || c == Tanh.class || c == Softmax.class) {
            return c.getSimpleName();
        }
        if (c == ReLU.class) {
            return "Relu";
        }
        String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
        throw new IllegalArgumentException("layer " + l + "'s activation " + name + " is not one ONNX export"
                + " knows (Sigmoid, ReLU, Tanh, Identity, Softmax): a part of your own has no ONNX operator here");
    }
}
