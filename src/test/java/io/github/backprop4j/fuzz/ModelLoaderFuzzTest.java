package io.github.backprop4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.backprop4j.Model;
import io.github.backprop4j.io.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Arbitrary bytes as a saved model: loading returns a model that saves back to a file that loads
 * to the same bytes again, or throws {@link ModelFormatException}, and nothing else.
 *
 * <p>A file's last line is a CRC32 of the rest, so almost every changed byte is caught there. The
 * second target appends the right checksum line to its input, so the fuzzer reaches the parser.
 * {@code mvn verify} runs the inputs under {@code ModelLoaderFuzzTestInputs/}, which start from a
 * valid model and break it in one place each; {@code docs/quality.md} shows how to fuzz.
 */
class ModelLoaderFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void loadsAModelThatSavesBackOrThrowsModelFormatException(byte[] input) {
        check(input);
    }

    @FuzzTest(maxDuration = "2m")
    void parsesABodyWithAValidChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] line = String.format(Locale.ROOT, "crc32 %08x\n", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(body, body.length + line.length);
        System.arraycopy(line, 0, file, body.length, line.length);
        check(file);
    }

    private static void check(byte[] input) {
        Model model;
        try {
            model = Model.load(new ByteArrayInputStream(input), "fuzz.model");
        } catch (ModelFormatException e) {
            assertThat(e.getMessage()).as("the message names the source").contains("fuzz.model");
            return;
        }
        byte[] saved = save(model);
        Model again = Model.load(new ByteArrayInputStream(saved), "saved.model");
        assertThat(save(again)).as("a loaded model saves to bytes that load to the same model").isEqualTo(saved);
        double[] row = new double[model.featureNames().size()];
        assertThat(again.predictValues(row)).containsExactly(model.predictValues(row));
    }

    private static byte[] save(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }
}
