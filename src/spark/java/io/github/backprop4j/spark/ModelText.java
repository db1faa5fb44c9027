package io.github.backprop4j.spark;

import io.github.backprop4j.Model;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A model as the library's model-format text, the form in which models cross the wire. */
final class ModelText {

    private ModelText() {
    }

    /** {@code model} in the model format. */
    static String of(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code model} with its optimizer state and {@code optimizer}'s settings, as checkpoint text. */
    static String checkpoint(Model model, io.github.backprop4j.optim.Optimizer optimizer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.saveCheckpoint(out, optimizer);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The checkpoint that {@code text} describes; {@code source} names it in error messages. */
    static io.github.backprop4j.Checkpoint parseCheckpoint(String text, String source) {
        return Model.loadCheckpoint(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source);
    }

    /** The model that {@code text} describes; {@code source} names it in error messages. */
    static Model parse(String text, String source) {
        return Model.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source);
    }
}
