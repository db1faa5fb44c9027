package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Sgd;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepTraceTest {

    private static NeuralNet net() {
        Random init = new Random(6);
        return new NeuralNet(new LinearLayer(3, 4, new Tanh(), init), new LinearLayer(4, 5, new ReLU(), init),
                new LinearLayer(5, 3, new Softmax(), init));
    }

    private static final double[][] X = {{0.5, -1, 2}, {1.5, 0.2, -0.3}, {-0.7, 0.9, 0.1}, {0.3, 0.3, -1.2}};
    private static final int[] Y = {0, 2, 1, 2};

    /** The traced step is the step fit takes: the same weights afterwards, bit for bit. */
    @Test
    void theTracedStepLeavesTheWeightsFitLeaves() {
        NeuralNet traced = net();
        NeuralNet fitted = net();
        StepTrace trace = StepTrace.of(traced, X, Y, new CategoricalCrossEntropy(), new Adam(0.01));
        fitted.fit(X, Y, Configs.plain(new Adam(0.01), new CategoricalCrossEntropy(), 1, 4, 0L).toBuilder().shuffle(false).build());
        for (int l = 0; l < 3; l++) {
            assertThat(traced.layers().get(l).weights()).isDeepEqualTo(fitted.layers().get(l).weights());
            assertThat(traced.layers().get(l).bias()).containsExactly(fitted.layers().get(l).bias());
            assertThat(trace.layer(l).weightsAfter()).isDeepEqualTo(fitted.layers().get(l).weights());
        }
    }

    @Test
    void itRecordsEveryMatrixAndSaysWhatTheStepSkips() {
        NeuralNet net = net();
        Gradients gradients = net().gradients(X, Y, new CategoricalCrossEntropy());
        StepTrace trace = StepTrace.of(net, X, Y, new CategoricalCrossEntropy(), new Sgd(0.1));
        assertThat(trace.loss()).isEqualTo(gradients.loss());
        for (int l = 0; l < 3; l++) {
            assertThat(trace.layer(l).weightGradient()).isDeepEqualTo(gradients.weights(l));
            assertThat(trace.layer(l).biasGradient()[0]).containsExactly(gradients.bias(l));
        }
        assertThat(trace.layer(0).input()).isDeepEqualTo(X);
        assertThat(trace.layer(1).input()).isDeepEqualTo(trace.layer(0).output());
        // the first layer's dA_prev is not computed; every other layer's dA is the next one's dA_prev
        assertThat(trace.layer(0).inputGradient()).isNull();
        assertThat(trace.layer(1).outputGradient()).isDeepEqualTo(trace.layer(2).inputGradient());
        // fused: no dA for the last layer, and the general path gives the same dZ here
        StepTrace.LayerTrace last = trace.layer(2);
        assertThat(last.fused()).isTrue();
        assertThat(last.outputGradient()).isNull();
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(last.generalPreActivationGradient()[i][k]).isCloseTo(last.preActivationGradient()[i][k], within(1e-15));
            }
        }
        assertThat(trace.toString()).contains("dA        not computed: on the fused path")
                .contains("dZ = (P - Y) / B   (fused)").contains("(general)").contains("layer 2  Dense(5->3, Softmax)");
    }
}
