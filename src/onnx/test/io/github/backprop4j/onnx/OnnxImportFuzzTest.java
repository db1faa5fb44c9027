package io.github.backprop4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.backprop4j.Model;
import io.github.backprop4j.onnx.OnnxExport.Precision;
import io.github.backprop4j.onnx.OnnxImport.Outputs;

/**
 * Arbitrary bytes as an ONNX file: the importer returns a network that exports and reads back to
 * the same predictions, or throws {@link OnnxFormatException}, and nothing else. {@code mvn
 * verify} runs the inputs under {@code OnnxImportFuzzTestInputs/} (PyTorch's and our own files,
 * and some broken in one place); {@code JAZZER_FUZZ=1} fuzzes (docs/onnx.md).
 */
class OnnxImportFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void readsANetworkOrThrowsOnnxFormatException(byte[] input) {
        Model model;
        try {
            model = OnnxImport.read(input, "fuzz.onnx", Outputs.AS_THE_GRAPH_ENDS);
        } catch (OnnxFormatException e) {
            assertThat(e.getMessage()).as("the message names the source").startsWith("fuzz.onnx");
            return;
        }
        Model again = OnnxImport.read(OnnxExport.toBytes(model.network(), Precision.FLOAT64), "again.onnx",
                Outputs.AS_THE_GRAPH_ENDS);
        double[][] row = {new double[model.network().inputs()]};
        assertThat(again.network().predictValues(row)).isDeepEqualTo(model.network().predictValues(row));
    }
}
