package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.optim.Sgd;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinearLayerTest {

    static Stream<Arguments> activationsAndBatchSizes() {
        return Stream.of(new Sigmoid(), new Tanh(), new Identity(), new Softmax(), new ReLU())
                .flatMap(f -> Stream.of(Arguments.of(f, 1), Arguments.of(f, 4)));
    }

    /**
     * For L = Σ G ⊙ forward(X): dW, db (seen by the optimizer) and dA_prev (returned) must match
     * central differences of L with respect to W, b and X.
     */
    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("activationsAndBatchSizes")
    void backward(Activation f, int batch) {
        Random random = new Random(3 + batch);
        double[][] w = GradientCheck.gaussian(3, 2, random);
        double[][] b = GradientCheck.gaussian(1, 2, random);
        double[][] x = GradientCheck.gaussian(batch, 3, random);
        double[][] g = GradientCheck.gaussian(batch, 2, random);
        LinearLayer layer = new LinearLayer(w, b[0], f);
        assertOffTheKink(layer, x);

        layer.forward(x);
        double[][] dW = new double[3][2];
        double[][] db = new double[1][2];
        double[][] dX = layer.gradients(g, dW, db);

        GradientCheck.assertClose(dW,
                GradientCheck.numerical(w, point -> GradientCheck.weightedSum(new LinearLayer(point, b[0], f).forward(x), g)), "dW");
        GradientCheck.assertClose(db,
                GradientCheck.numerical(b, point -> GradientCheck.weightedSum(new LinearLayer(w, point[0], f).forward(x), g)), "db");
        GradientCheck.assertClose(dX,
                GradientCheck.numerical(x, point -> GradientCheck.weightedSum(new LinearLayer(w, b[0], f).forward(point), g)), "dA_prev");
    }

    /** Central differences must not straddle ReLU's kink: every Z at least 1e-3 from 0. */
    static void assertOffTheKink(LinearLayer layer, double[][] x) {
        double[][] z = new LinearLayer(layer.weights(), layer.bias(), new Identity()).forward(x);
        for (double[] row : z) {
            for (double v : row) {
                assertThat(Math.abs(v)).as("pre-activation too close to 0 for a finite difference").isGreaterThan(1e-3);
            }
        }
    }

    @Test
    void aGradientWhoseRowsWereReplacedIsReadAnew() {
        // the layer keeps views of the last gradient's rows (chunks of 16); new row arrays in the
        // same outer array must be seen, not the old rows
        Random random = new Random(21);
        double[][] x = GradientCheck.gaussian(40, 3, random);
        double[][] first = GradientCheck.gaussian(40, 2, random);
        double[][] second = GradientCheck.gaussian(40, 2, random);
        LinearLayer layer = new LinearLayer(3, 2, new Sigmoid(), 5L);
        double[][] dA = first.clone();
        layer.forward(x);
        layer.gradients(dA, new double[3][2], new double[1][2]);
        for (int i = 0; i < dA.length; i++) {
            dA[i] = second[i].clone();
        }
        double[][] dW = new double[3][2];
        layer.forward(x);
        layer.gradients(dA, dW, new double[1][2]);
        double[][] expected = new double[3][2];
        LinearLayer fresh = new LinearLayer(3, 2, new Sigmoid(), 5L);
        fresh.forward(x);
        fresh.gradients(second, expected, new double[1][2]);
        assertThat(dW).isDeepEqualTo(expected);
    }

    @Test
    void forward() {
        // Z = X·W + b = [1·1 + 2·3 + 0.5, 1·2 + 2·4 − 1] = [7.5, 9]
        LinearLayer layer = new LinearLayer(new double[][] {{1, 2}, {3, 4}}, new double[] {0.5, -1}, new Identity());
        assertThat(layer.forward(new double[][] {{1, 2}})).isDeepEqualTo(new double[][] {{7.5, 9}});
    }

    @Test
    void backwardUpdatesWeightsWithTheOptimizerAndReturnsTheGradientFromTheOldWeights() {
        double[][] w = {{1, 2}, {3, 4}};
        LinearLayer layer = new LinearLayer(w, new double[] {0, 0}, new Identity());
        layer.forward(new double[][] {{1, 2}});
        // dZ = dA = [1, 1]; dW = Xᵀ·dZ = [[1, 1], [2, 2]]; db = [1, 1]; dA_prev = dZ·Wᵀ = [3, 7]
        double[][] dX = layer.backward(new double[][] {{1, 1}}, new Sgd(0.5));
        assertThat(dX).isDeepEqualTo(new double[][] {{3, 7}});
        assertThat(layer.weights()).isDeepEqualTo(new double[][] {{0.5, 1.5}, {2, 3}});
        assertThat(layer.bias()).containsExactly(-0.5, -0.5);
    }

    @Test
    void backwardWithoutForwardIsAStateError() {
        LinearLayer layer = new LinearLayer(2, 2, new Sigmoid());
        assertThatThrownBy(() -> layer.backward(new double[][] {{1, 1}}, new Sgd(0.1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a forward pass");
        layer.forward(new double[][] {{1, 1}});
        layer.backward(new double[][] {{1, 1}}, new Sgd(0.1));
        assertThatThrownBy(() -> layer.backward(new double[][] {{1, 1}}, new Sgd(0.1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backwardRejectsAGradientOfAnotherShape() {
        LinearLayer layer = new LinearLayer(2, 3, new Sigmoid());
        layer.forward(new double[][] {{1, 1}, {2, 2}});
        assertThatThrownBy(() -> layer.backward(new double[][] {{1, 1, 1}}, new Sgd(0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dA is 1x3 but the forward output A was 2x3");
    }

    @Test
    void forwardRejectsTheWrongNumberOfFeatures() {
        LinearLayer layer = new LinearLayer(4, 3, new ReLU());
        assertThatThrownBy(() -> layer.forward(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Dense(4->3, ReLU) expects 4 features per row, got input X 1x3");
    }

    @Test
    void constructorRejectsBadArguments() {
        assertThatThrownBy(() -> new LinearLayer(0, 3, new ReLU())).hasMessageContaining("inputs must be > 0, got 0");
        assertThatThrownBy(() -> new LinearLayer(3, 3, null)).hasMessageContaining("activation must not be null");
        assertThatThrownBy(() -> new LinearLayer(new double[][] {{1, 2}}, new double[] {1}, new ReLU()))
                .hasMessageContaining("bias has 1 entries but weights 1x2 have 2 columns");
        assertThatThrownBy(() -> new LinearLayer(new double[][] {{1, Double.NaN}}, new double[] {1, 2}, new ReLU()))
                .hasMessageContaining("weights row 0, column 1 is NaN");
    }

    @Test
    void initialWeightsFollowTheActivationsScaleAndTheSeed() {
        double[][] he = new LinearLayer(200, 100, new ReLU(), 1L).weights();
        double[][] glorot = new LinearLayer(200, 100, new Tanh(), 1L).weights();
        assertThat(Samples.std(he)).isCloseTo(Math.sqrt(2.0 / 200), within(0.005));
        assertThat(Samples.std(glorot)).isCloseTo(Math.sqrt(2.0 / 300), within(0.005));
        assertThat(new LinearLayer(200, 100, new ReLU(), 1L).weights()).isDeepEqualTo(he);
        assertThat(new LinearLayer(3, 2, new ReLU()).bias()).containsExactly(0.0, 0.0);
    }

    @Test
    void accessorsAndToString() {
        LinearLayer layer = new LinearLayer(4, 10, new ReLU());
        assertThat(layer.inputs()).isEqualTo(4);
        assertThat(layer.outputs()).isEqualTo(10);
        assertThat(layer.parameterCount()).isEqualTo(50);
        assertThat(layer.activation()).isInstanceOf(ReLU.class);
        assertThat(layer).hasToString("Dense(4->10, ReLU)");
        double[][] copy = layer.weights();
        copy[0][0] = 99;
        assertThat(layer.weights()[0][0]).isNotEqualTo(99);
    }
}
