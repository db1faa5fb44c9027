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
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.loss.MeanSquaredError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a dense network from an ONNX file, e.g. one PyTorch exported from an
 * {@code nn.Sequential} of {@code Linear} layers and activations: {@code Gemm} (either
 * transposition of {@code B}, with its {@code alpha} and {@code beta}), {@code MatMul} then
 * {@code Add}, {@code Relu}, {@code Sigmoid}, {@code Tanh}, {@code Softmax}, {@code Identity} and
 * {@code Flatten}, on one input. Float32 weights are widened to double. A graph that ends in
 * {@code Softmax} is a classifier; one that ends in a linear layer is a regressor, unless the
 * caller says its outputs are a classifier's logits ({@link Outputs#LOGITS}), which appends a
 * {@code Softmax}. Anything else is refused with an {@link OnnxFormatException} that lists the
 * unsupported operators and the nodes they are in.
 *
 * <pre>{@code
 * Model net = OnnxImport.read(Path.of("mlp.onnx"));                   // ends in Softmax: a classifier
 * Model logits = OnnxImport.read(Path.of("logits.onnx"), Outputs.LOGITS);
 * }</pre>
 *
 * <p>Names: the features and classes (or targets) come from the metadata
 * {@code backprop4j.features} and {@code backprop4j.classes} ({@code backprop4j.targets}) when the
 * file has them, as {@link OnnxExport} writes; otherwise {@code x0, x1, ...} and {@code 0, 1, ...}.
 * A hostile file gives only {@code OnnxFormatException}: every length is checked against the bytes
 * left, and every tensor's declared size against the data it holds, before anything is allocated.
 */
public final class OnnxImport {

    /** The largest file read, 1 GiB. */
    public static final int MAX_BYTES = 1 << 30;

    private static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Add", "Relu", "Sigmoid", "Tanh", "Softmax",
            "Identity", "Flatten");

    /** What the graph's last layer gives. */
    public enum Outputs {
        /** A classifier if the graph ends in Softmax, else a regressor. */
        AS_THE_GRAPH_ENDS,
        /** A classifier whose last linear layer gives logits: a Softmax is appended. */
        LOGITS
    }

    private OnnxImport() {
    }

    /**
     * Reads the network of an ONNX file.
     *
     * @param file the file, at most {@link #MAX_BYTES}
     * @return a model without feature scaling
     * @throws OnnxFormatException naming what cannot be read and where
     */
    public static Model read(Path file) {
        return read(file, Outputs.AS_THE_GRAPH_ENDS);
    }

    /**
     * Reads the network of an ONNX file.
     *
     * @param file the file, at most {@link #MAX_BYTES}
     * @param outputs what the last layer gives
     * @return a model without feature scaling
     * @throws OnnxFormatException naming what cannot be read and where
     */
    public static Model read(Path file, Outputs outputs) {
        OnnxChecks.checkNotNull(file, "file");
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new OnnxFormatException(file.getFileName() + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " an ONNX file may have here; not read");
            }
            return read(Files.readAllBytes(file), String.valueOf(file.getFileName()), outputs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the network of an ONNX file's bytes.
     *
     * @param bytes the file
     * @param source what to call it in messages
     * @param outputs what the last layer gives
     * @return a model without feature scaling
     * @throws OnnxFormatException naming what cannot be read and where
     */
    public static Model read(byte[] bytes, String source, Outputs outputs) {
        OnnxChecks.checkNotNull(bytes, "bytes");
        OnnxChecks.checkNotNull(source, "source");
        OnnxChecks.checkNotNull(outputs, "outputs");
        OnnxFile f = OnnxFile.parse(bytes, source);
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < f.nodes().size(); i++) {
            OnnxFile.Node n = f.nodes().get(i);
            if (!SUPPORTED.contains(n.op()) || !(n.domain().isEmpty() || n.domain().equals("ai.onnx"))) {
                unsupported.add((n.domain().isEmpty() ? "" : n.domain() + ".") + n.op() + " (node " + i + " '" + n.name() + "')");
            }
        }
        if (!unsupported.isEmpty()) {
            throw new OnnxFormatException(source + ": unsupported operators: " + String.join(", ", unsupported)
                    + "; a dense network reads from Gemm, MatMul + Add, Relu, Sigmoid, Tanh, Softmax, Identity, Flatten");
        }
        try {
            return model(f, new Chain(f, source).layers(), source, outputs);
        } catch (OnnxFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(source + ": " + e.getMessage());
        }
    }

    private static Model model(OnnxFile f, List<LinearLayer> layers, String source, Outputs outputs) {
        LinearLayer last = layers.get(layers.size() - 1);
        boolean classifier = last.activation() instanceof Softmax;
        if (outputs == Outputs.LOGITS && !classifier) {
            if (!(last.activation() instanceof Identity)) {
                throw new OnnxFormatException(source + ": the graph ends in " + last.activation() + ", not in a linear layer,"
                        + " so its outputs are not logits a Softmax could follow");
            }
            layers.set(layers.size() - 1, new LinearLayer(last.weights(), last.bias(), new Softmax()));
            classifier = true;
        }
        NeuralNet net = new NeuralNet(layers.toArray(new LinearLayer[0]));
        List<String> features = names(f.metadata("backprop4j.features"), net.inputs(), "x");
        if (classifier) {
            return Model.classifier(net, null, features, names(f.metadata("backprop4j.classes"), net.outputs(), ""),
                    new CategoricalCrossEntropy());
        }
        return Model.regressor(net, null, features, names(f.metadata("backprop4j.targets"), net.outputs(), "y"),
                new MeanSquaredError());
    }

    /** The names a metadata entry lists, when it lists {@code count}; else prefix0, prefix1, .... */
    private static List<String> names(String json, int count, String prefix) {
        List<String> names = json == null ? null : Json.parse(json);
        if (names != null && names.size() == count && names.stream().distinct().count() == count) {
            return names;
        }
        List<String> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(prefix + i);
        }
        return made;
    }

    /** Follows the graph from its one input to its one output, collecting the layers. */
    private static final class Chain {

        private final OnnxFile f;
        private final String source;
        private final List<LinearLayer> layers = new ArrayList<>();
        private double[][] w;           // the linear part waiting for its activation, or null
        private double[] b;
        private String current;

        Chain(OnnxFile f, String source) {
            this.f = f;
            this.source = source;
        }

        List<LinearLayer> layers() {
            List<String> inputs = new ArrayList<>(f.inputs());
            inputs.removeAll(f.initializers().keySet());
            if (inputs.size() != 1 || f.outputs().size() != 1) {
                throw new OnnxFormatException(source + ": the graph has inputs " + inputs + " and outputs " + f.outputs()
                        + "; a dense network has one of each");
            }
            current = inputs.get(0);
            for (int i = 0; i < f.nodes().size(); i++) {
                step(i, f.nodes().get(i));
            }
            finish(new Identity());
            if (!current.equals(f.outputs().get(0))) {
                throw new OnnxFormatException(source + ": the nodes end in '" + current + "' but the graph's output is '"
                        + f.outputs().get(0) + "'");
            }
            if (layers.isEmpty()) {
                throw new OnnxFormatException(source + ": the graph has no Gemm or MatMul, so no layer");
            }
            return layers;
        }

        private OnnxFormatException error(int i, OnnxFile.Node n, String problem) {
            return new OnnxFormatException(source + ": node " + i + " '" + n.name() + "' (" + n.op() + "): " + problem);
        }

        private void step(int i, OnnxFile.Node n) {
            if (n.outputs().size() != 1) {
                throw error(i, n, "has " + n.outputs().size() + " outputs, expected 1");
            }
            List<String> in = n.inputs();
            String data = switch (n.op()) {
                case "Add" -> in.size() == 2 && in.get(1).equals(current) ? in.get(1) : in.isEmpty() ? "" : in.get(0);
                default -> in.isEmpty() ? "" : in.get(0);
            };
            if (!data.equals(current)) {
                throw error(i, n, "does not continue the chain from '" + current + "': a dense network is one path");
            }
            switch (n.op()) {
                case "Gemm" -> gemm(i, n);
                case "MatMul" -> {
                    finish(new Identity());
                    double[][] m = matrix(i, n, in, 1, false);
                    w = m;
                    b = new double[m[0].length];
                }
                case "Add" -> {
                    if (in.size() != 2) {
                        throw error(i, n, "has " + in.size() + " inputs, expected 2");
                    }
                    if (w == null || bAdded) {
                        throw error(i, n, "adds to something that is not a MatMul's output");
                    }
                    String other = in.get(0).equals(current) ? in.get(1) : in.get(0);
                    double[] bias = vector(i, n, other, w[0].length);
                    for (int j = 0; j < b.length; j++) {
                        b[j] += bias[j];
                    }
                    bAdded = true;
                }
                case "Relu" -> finish(i, n, new ReLU());
                case "Sigmoid" -> finish(i, n, new Sigmoid());
                case "Tanh" -> finish(i, n, new Tanh());
                case "Softmax" -> {
                    long axis = n.intAttribute("axis", f.opset() >= 13 ? -1 : 1);
                    if (axis != -1 && axis != 1) {
                        throw error(i, n, "a Softmax over axis " + axis + "; only over the features (axis 1 or -1)");
                    }
                    finish(i, n, new Softmax());
                }
                case "Flatten" -> {
                    if (n.intAttribute("axis", 1) != 1) {
                        throw error(i, n, "a Flatten from axis " + n.intAttribute("axis", 1) + "; only axis 1 keeps [N, features]");
                    }
                }
                default -> { } // Identity
            }
            current = n.outputs().get(0);
        }

        private boolean bAdded;

        private void gemm(int i, OnnxFile.Node n) {
            finish(new Identity());
            if (n.intAttribute("transA", 0) != 0) {
                throw error(i, n, "transA = 1: the batch must be A's rows");
            }
            double alpha = n.floatAttribute("alpha", 1);
            double beta = n.floatAttribute("beta", 1);
            double[][] m = matrix(i, n, n.inputs(), 1, n.intAttribute("transB", 0) != 0);
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= alpha;
                }
            }
            double[] bias = n.inputs().size() > 2 && !n.inputs().get(2).isEmpty()
                    ? vector(i, n, n.inputs().get(2), m[0].length) : new double[m[0].length];
            for (int j = 0; j < bias.length; j++) {
                bias[j] *= beta;
            }
            w = m;
            b = bias;
            bAdded = true;
        }

        /** Input {@code k} of the node as a 2-D weight matrix {@code [in × out]} (transposed first if asked). */
        private double[][] matrix(int i, OnnxFile.Node n, List<String> in, int k, boolean transposed) {
            OnnxFile.Tensor t = in.size() > k ? f.initializers().get(in.get(k)) : null;
            if (t == null || t.dims().length != 2 || t.dims()[0] < 1 || t.dims()[1] < 1) {
                throw error(i, n, "its weights must be a 2-D initializer, got " + (t == null ? "none" : java.util.Arrays
                        .toString(t.dims())));
            }
            int rows = (int) t.dims()[transposed ? 1 : 0];
            int cols = (int) t.dims()[transposed ? 0 : 1];
            int expected = layers.isEmpty() ? rows : layers.get(layers.size() - 1).outputs();
            if (rows != expected) {
                throw error(i, n, "its weights take " + rows + " inputs but the previous layer gives " + expected);
            }
            double[][] m = new double[rows][cols];
            double[] v = t.values();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[r][c] = transposed ? v[c * rows + r] : v[r * cols + c];
                }
            }
            return m;
        }

        /** An initializer of {@code length} numbers, shaped {@code [length]} or {@code [1, length]}. */
        private double[] vector(int i, OnnxFile.Node n, String name, int length) {
            OnnxFile.Tensor t = f.initializers().get(name);
            if (t == null || t.values().length != length || t.dims().length > 2
                    || t.dims().length == 2 && t.dims()[0] != 1) {
                throw error(i, n, "its bias must be an initializer of " + length + " numbers, got " + (t == null ? "none"
                        : java.util.Arrays.toString(t.dims())));
            }
            return t.values().clone();
        }

        private void finish(int i, OnnxFile.Node n, Activation a) {
            if (w == null) {
                throw error(i, n, "an activation without a linear layer before it");
            }
            finish(a);
        }

        private void finish(Activation a) {
            if (w != null) {
                layers.add(new LinearLayer(w, b, a));
                w = null;
                b = null;
                bAdded = false;
            }
        }
    }
}
