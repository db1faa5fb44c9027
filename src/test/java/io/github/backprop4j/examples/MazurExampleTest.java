package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.StepTrace;
import io.github.backprop4j.loss.MeanSquaredError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Matt Mazur's published numbers, to the digits the post prints. */
class MazurExampleTest {

    @Test
    void reproducesThePublishedNumbers() {
        StepTrace trace = MazurExample.run(MazurExample.network());
        // E_total = 0.298371109 before the update
        assertThat(trace.loss()).isCloseTo(0.298371109, within(5e-10));
        // the forward pass: out_h1 = 0.593269992, out_o1 = 0.75136507
        assertThat(trace.layer(0).output()[0][0]).isCloseTo(0.593269992, within(5e-10));
        assertThat(trace.layer(1).output()[0][0]).isCloseTo(0.75136507, within(5e-9));
        // w5..w8 after the step (his w5 is our W_output[0][0], w6 [1][0], w7 [0][1], w8 [1][1])
        double[][] output = trace.layer(1).weightsAfter();
        assertThat(output[0][0]).isCloseTo(0.35891648, within(5e-9));
        assertThat(output[1][0]).isCloseTo(0.408666186, within(5e-10));
        assertThat(output[0][1]).isCloseTo(0.511301270, within(5e-10));
        assertThat(output[1][1]).isCloseTo(0.561370121, within(5e-10));
        // w1..w4 after the step
        double[][] hidden = trace.layer(0).weightsAfter();
        assertThat(hidden[0][0]).isCloseTo(0.149780716, within(5e-10));
        assertThat(hidden[1][0]).isCloseTo(0.19956143, within(5e-9));
        assertThat(hidden[0][1]).isCloseTo(0.24975114, within(5e-9));
        assertThat(hidden[1][1]).isCloseTo(0.29950229, within(5e-9));
        // ∂E/∂w5 = 0.082167041
        assertThat(trace.layer(1).weightGradient()[0][0]).isCloseTo(0.082167041, within(5e-10));
        // biases stay, as in the post
        assertThat(trace.layer(1).biasAfter()).isDeepEqualTo(trace.layer(1).biasBefore());
    }

    /** The error after the step, from the updated network: 0.291027774 (numpy agrees; the post prints 0.291027924). */
    @Test
    void theErrorAfterTheStep() {
        NeuralNet net = MazurExample.network();
        MazurExample.run(net);
        assertThat(new MeanSquaredError().value(net.predictValues(MazurExample.INPUT), MazurExample.TARGET))
                .isCloseTo(0.291027774, within(5e-10));
    }

    @Test
    void printsTheTrace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MazurExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("FORWARD").contains("BACKWARD").contains("Z = X.W + b").contains("dW = X^T . dZ")
                .contains("0.298371109").contains("dA_prev   not computed").matches("\\p{ASCII}*");
    }

    /** docs/learn.md: the post's own updated weights, as it prints them, give our 0.291027774, not its 0.291027924. */
    @Test
    void thePostsOwnUpdatedWeightsGiveOurErrorNotThePosts() {
        io.github.backprop4j.NeuralNet after = new io.github.backprop4j.NeuralNet(
                new io.github.backprop4j.LinearLayer(new double[][] {{0.149780716, 0.24975114}, {0.19956143, 0.29950229}},
                        new double[] {0.35, 0.35}, new io.github.backprop4j.activation.Sigmoid()),
                new io.github.backprop4j.LinearLayer(new double[][] {{0.35891648, 0.511301270}, {0.408666186, 0.561370121}},
                        new double[] {0.60, 0.60}, new io.github.backprop4j.activation.Sigmoid()));
        double[] out = after.predictValues(MazurExample.INPUT[0]);
        // E_total = ½ Σ (target − out)²
        double error = 0.5 * Math.pow(0.01 - out[0], 2) + 0.5 * Math.pow(0.99 - out[1], 2);
        org.assertj.core.api.Assertions.assertThat(error).isCloseTo(0.291027774, org.assertj.core.api.Assertions.within(5e-10));
        org.assertj.core.api.Assertions.assertThat(Math.abs(error - 0.291027924)).isGreaterThan(1e-7);
    }
}
