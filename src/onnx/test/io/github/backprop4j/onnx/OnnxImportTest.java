package io.github.backprop4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.onnx.OnnxExport.Precision;
import io.github.backprop4j.onnx.OnnxImport.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PyTorch's networks read in, predicting as PyTorch does; and what the importer refuses. */
class OnnxImportTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxImportTest.class.getResourceAsStream("torch/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** What make_torch_models.py wrote: whether the outputs are logits, the inputs and PyTorch's outputs. */
    record Expected(boolean logits, double[][] inputs, double[][] outputs) {
        static Expected of(String text) {
            List<String> lines = text.lines().toList();
            int at = lines.get(0).equals("logits") ? 1 : 0;
            double[][] x = matrix(lines, at);
            double[][] y = matrix(lines, at + 1 + x.length);
            return new Expected(at == 1, x, y);
        }

        private static double[][] matrix(List<String> lines, int at) {
            String[] header = lines.get(at).split(" ");
            double[][] m = new double[Integer.parseInt(header[1])][];
            for (int i = 0; i < m.length; i++) {
                m[i] = Arrays.stream(lines.get(at + 1 + i).split(" ")).mapToDouble(Double::parseDouble).toArray();
            }
            return m;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu_softmax_f64", "relu_softmax_f32", "flatten_tanh_sigmoid_regression_f64",
        "identity_three_layers_f64", "logits_f32", "logits_f64", "matmul_add_f64", "matmul_add_f32", "dynamo_f64"})
    void aPyTorchNetworkPredictsAsPyTorchDoes(String name) throws IOException {
        Expected expected = Expected.of(new String(resource(name + ".txt"), StandardCharsets.UTF_8));
        Model model = OnnxImport.read(resource(name + ".onnx"), name + ".onnx",
                expected.logits() ? Outputs.LOGITS : Outputs.AS_THE_GRAPH_ENDS);
        boolean classifier = name.contains("softmax") || name.contains("logits") || name.equals("identity_three_layers_f64")
                || name.equals("matmul_add_f64") || name.equals("dynamo_f64");
        assertThat(model.isRegression()).isEqualTo(!classifier);
        double[][] ours = model.network().predictValues(expected.inputs());
        OnnxExportTest.assertClose(ours, expected.outputs(), name.endsWith("f64") ? 1e-12 : 1e-6);
        assertThat(model.featureNames()).hasSize(expected.inputs()[0].length).first().isEqualTo("x0");
    }

    @Test
    void unsupportedOperatorsAreListedWithTheirNodes() {
        GraphBuilder g = new GraphBuilder(false);
        g.input(OnnxExport.FEATURES, 4);
        String w = g.initializer("W", new double[8], 4, 2);
        String z = g.node("Gemm", "z", List.of(OnnxExport.FEATURES, w));
        String c = g.node("Conv", "c", List.of(z));
        g.node("LayerNormalization", "y", List.of(c));
        g.output("y", 2, false);
        assertThatThrownBy(() -> OnnxImport.read(g.model(), "conv.onnx", Outputs.AS_THE_GRAPH_ENDS))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessage("conv.onnx: unsupported operators: Conv (node 1 'Conv_1'), LayerNormalization (node 2"
                        + " 'LayerNormalization_2'); a dense network reads from Gemm, MatMul + Add, Relu, Sigmoid, Tanh,"
                        + " Softmax, Identity, Flatten");
    }

    @Test
    void logitsNeedALinearLastLayer() throws IOException {
        byte[] tanhLast = OnnxExport.toBytes(new NeuralNet(new LinearLayer(3, 2, new Tanh(), 1L)), Precision.FLOAT64);
        assertThatThrownBy(() -> OnnxImport.read(tanhLast, "t.onnx", Outputs.LOGITS)).isInstanceOf(OnnxFormatException.class)
                .hasMessage("t.onnx: the graph ends in Tanh, not in a linear layer, so its outputs are not logits a Softmax"
                        + " could follow");
        Model regression = OnnxImport.read(resource("logits_f64.onnx"), "l.onnx", Outputs.AS_THE_GRAPH_ENDS);
        assertThat(regression.isRegression()).as("without LOGITS, a linear end is a regressor").isTrue();
    }

    /** Cut at every offset: the documented exception, never another; each byte changed: reads, or the same exception. */
    @Test
    void everyCutAndChangedByteGivesOnlyOnnxFormatException() {
        NeuralNet net = new NeuralNet(new LinearLayer(3, 4, new Tanh(), 1L), new LinearLayer(4, 2, new Softmax(), 2L));
        byte[] good = OnnxExport.toBytes(net, Precision.FLOAT64);
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> OnnxImport.read(cut, "cut.onnx", Outputs.AS_THE_GRAPH_ENDS)).as("cut at %d", length)
                    .isInstanceOf(OnnxFormatException.class);
        }
        for (int i = 0; i < good.length; i++) {
            for (int bit : new int[] {0x01, 0x80, 0xff}) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) bit;
                try {
                    OnnxImport.read(bad, "bad.onnx", Outputs.AS_THE_GRAPH_ENDS);
                } catch (OnnxFormatException expected) {
                    // the documented refusal
                } catch (RuntimeException e) {
                    throw new AssertionError("byte " + i + " ^ " + bit + ": " + e, e);
                }
            }
        }
    }

    /** A tensor that declares more values than its data holds is refused before anything of that size exists. */
    @Test
    void declaredSizesAreCheckedAgainstTheData() {
        GraphBuilder g = new GraphBuilder(false);
        g.input(OnnxExport.FEATURES, 4);
        String w = g.initializer("W", new double[8], 400_000, 200_000);
        g.node("Gemm", "y", List.of(OnnxExport.FEATURES, w));
        g.output("y", 2, false);
        assertThatThrownBy(() -> OnnxImport.read(g.model(), "huge.onnx", Outputs.AS_THE_GRAPH_ENDS))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageEndingWith("tensor 'W' declares dimensions [400000, 200000], more than it can hold");
        GraphBuilder h = new GraphBuilder(false);
        h.input(OnnxExport.FEATURES, 4);
        String v = h.initializer("W", new double[8], 4, 3);
        h.node("Gemm", "y", List.of(OnnxExport.FEATURES, v));
        h.output("y", 3, false);
        assertThatThrownBy(() -> OnnxImport.read(h.model(), "short.onnx", Outputs.AS_THE_GRAPH_ENDS))
                .hasMessageEndingWith("tensor 'W' declares 12 values but holds 8");
    }
}
