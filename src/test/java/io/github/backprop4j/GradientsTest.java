package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradients built from arrays (as a distributed sum is) apply exactly as the network's own. */
class GradientsTest {

    private static NeuralNet net() {
        return new NeuralNet(new LinearLayer(3, 4, new ReLU(), 1L), new LinearLayer(4, 2, new Softmax(), 2L));
    }

    @Test
    void gradientsRebuiltFromTheirArraysUpdateTheSameBits() {
        Random random = new Random(5);
        double[][] x = GradientCheck.gaussian(6, 3, random);
        int[] y = {0, 1, 1, 0, 1, 0};
        NeuralNet own = net();
        NeuralNet rebuilt = net();
        Adam adam = new Adam(0.01);
        for (int step = 0; step < 3; step++) {
            Gradients g = own.gradients(x, y, new CategoricalCrossEntropy());
            List<double[][]> w = new ArrayList<>();
            List<double[]> b = new ArrayList<>();
            for (int l = 0; l < g.layerCount(); l++) {
                w.add(g.weights(l));
                b.add(g.bias(l));
            }
            Gradients copy = Gradients.of(g.loss(), g.rows(), w, b);
            assertThat(copy.loss()).isEqualTo(g.loss());
            assertThat(copy.rows()).isEqualTo(6);
            own.applyGradients(g, adam);
            rebuilt.applyGradients(copy, adam);
        }
        for (int l = 0; l < 2; l++) {
            assertThat(rebuilt.layers().get(l).weights()).isDeepEqualTo(own.layers().get(l).weights());
            assertThat(rebuilt.layers().get(l).bias()).containsExactly(own.layers().get(l).bias());
        }
    }

    @Test
    void badArraysAreRefusedWithTheLayerAndShapes() {
        double[][] w = new double[3][4];
        assertThatThrownBy(() -> Gradients.of(0, 1, List.<double[][]>of(w), List.of(new double[3])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Gradients.of: layer 0 db has 3 entries, expected 4 (the columns of its dW)");
        assertThatThrownBy(() -> Gradients.of(0, 1, List.<double[][]>of(w), List.of()))
                .hasMessageContaining("1 weight gradients but 0 bias gradients");
        assertThatThrownBy(() -> Gradients.of(0, 0, List.<double[][]>of(w), List.of(new double[4])))
                .hasMessageContaining("rows must be >= 1, got 0");
        Gradients wrongShape = Gradients.of(0, 1, List.of(new double[4][4], new double[4][2]),
                List.of(new double[4], new double[2]));
        assertThatThrownBy(() -> net().applyGradients(wrongShape, new Adam(0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradients of layer 0 are 4x4 but its weights are 3x4");
    }
}
