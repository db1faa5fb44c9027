package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.CsvLoader;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.plot.DecisionMap;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Null and malformed arguments to the newer API raise IllegalArgumentException naming them, never a bare NPE. */
class BadInputTest {

    private static Model model() {
        return Model.classifier(new NeuralNet(new LinearLayer(2, 2, new Softmax(), 1L)), null, List.of("a", "b"),
                List.of("x", "y"), new CategoricalCrossEntropy());
    }

    @Test
    void modelFilesAndPaths() {
        assertThatThrownBy(() -> Model.load((Path) null)).isInstanceOf(IllegalArgumentException.class).hasMessage("file must not be null");
        assertThatThrownBy(() -> model().save((Path) null)).isInstanceOf(IllegalArgumentException.class).hasMessage("file must not be null");
        assertThatThrownBy(() -> model().saveCheckpoint((Path) null, new Adam())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model().saveCheckpoint((java.io.OutputStream) null, new Adam()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("out must not be null");
        assertThatThrownBy(() -> Model.loadCheckpoint(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model().predict((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row must not be null");
        assertThatThrownBy(() -> model().predictValues(new double[] {1, Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row column 1 is NaN; every value must be finite");
    }

    @Test
    void optimizerStateAndParameters() {
        Parameter p = new Parameter(Parameter.Role.WEIGHTS, new double[][] {{1}});
        p.state(new Adam());
        assertThatThrownBy(() -> p.state(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("optimizer must not be null");
        OptimizerState s = p.state();
        assertThatThrownBy(() -> s.buffer(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvLoaderNames() {
        assertThatThrownBy(() -> new CsvLoader().withTargetColumns("a", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target column name 1 is null");
        assertThatThrownBy(() -> new CsvLoader().withClasses(Arrays.asList("a", null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsvLoader().withFeatureColumns(Arrays.asList(null, "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tracesChecksAndPictures() {
        assertThatThrownBy(() -> StepTrace.of(null, new double[][] {{1}}, new int[] {0}, new CategoricalCrossEntropy(), new Adam()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("net must not be null");
        assertThatThrownBy(() -> new GradientChecker().checkNetwork(model().network(), new double[][] {{1, 2}}, new double[][] {{1, 0}}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionMap.render(points -> new int[1], new double[][] {{0, 0}, {1, 1}}, new int[] {0, 1},
                List.of("a", "b"), "t", 300, 200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the classifier must return one class per point");
    }
}
