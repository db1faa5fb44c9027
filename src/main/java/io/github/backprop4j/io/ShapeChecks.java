package io.github.backprop4j.io;

import io.github.backprop4j.loss.Loss;
import java.util.List;

/** The checks that the parts of a parsed model agree: outputs with the last layer, the loss with its activation. */
final class ShapeChecks {

    private ShapeChecks() {
    }

    static void check(String source, boolean regression, Loss loss, List<String> features, List<String> outputs,
            List<ModelData.Layer> layers) {
        ModelData.Layer last = layers.get(layers.size() - 1);
        int units = last.bias().length;
        boolean binary = !regression && outputs.size() == 2 && units == 1;
        if (outputs.size() != units && !binary) {
            throw new ModelFormatException(source, 0, "the model names " + outputs.size() + (regression ? " targets" : " classes")
                    + " but its last layer has " + units + " outputs", null);
        }
        loss.mismatch(last.activation(), units).ifPresent(problem -> {
            throw new ModelFormatException(source, 0, "the loss " + loss + " does not fit the last layer: " + problem, null);
        });
        if (features.isEmpty() || outputs.isEmpty()) {
            throw new ModelFormatException(source, 0, "a model needs at least one feature and one output name", null);
        }
    }
}
