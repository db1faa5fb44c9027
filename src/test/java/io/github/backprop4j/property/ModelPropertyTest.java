package io.github.backprop4j.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.activation.Identity;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Sigmoid;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.activation.Tanh;
import io.github.backprop4j.data.StandardScaler;
import io.github.backprop4j.loss.CategoricalCrossEntropy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A saved and reloaded model predicts the same bits, for random architectures and weights. */
class ModelPropertyTest {

    private static final Activation[] HIDDEN = {new Identity(), new ReLU(), new Sigmoid(), new Tanh()};

    @Property(tries = 200)
    void aSavedAndReloadedModelPredictsTheSame(@ForAll @IntRange(min = 1, max = 6) int inputs,
            @ForAll @IntRange(min = 0, max = 3) int hiddenLayers, @ForAll @IntRange(min = 2, max = 5) int classes,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<LinearLayer> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 0; l < hiddenLayers; l++) {
            int next = 1 + random.nextInt(8);
            layers.add(new LinearLayer(width, next, HIDDEN[random.nextInt(HIDDEN.length)], random));
            width = next;
        }
        layers.add(new LinearLayer(width, classes, new Softmax(), random));
        double[][] rows = new double[20][inputs];
        for (double[] row : rows) {
            for (int j = 0; j < inputs; j++) {
                row[j] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
            }
        }
        List<String> features = new ArrayList<>();
        for (int j = 0; j < inputs; j++) {
            features.add("x" + j);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add("class " + k);
        }
        Model model = Model.classifier(new NeuralNet(layers.toArray(LinearLayer[]::new)), StandardScaler.fit(rows), features, names,
                new CategoricalCrossEntropy());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        Model loaded = Model.load(new ByteArrayInputStream(out.toByteArray()), "property test");

        double[][] p = model.predictValues(rows);
        double[][] q = loaded.predictValues(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(q[i]).as("row %d", i).containsExactly(p[i]);
        }
        assertThat(loaded.predictClassNames(rows)).isEqualTo(model.predictClassNames(rows));
    }
}
