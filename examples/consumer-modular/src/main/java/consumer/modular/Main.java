package consumer.modular;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** A modular application: trains, saves and loads a model through the module path, without java.desktop. */
public final class Main {

    private Main() {
    }

    /** Trains on the bundled iris data, round-trips the model through a file and names one flower. */
    public static void main(String[] args) throws Exception {
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), 1L), new LinearLayer(8, 3, new Softmax(), 2L));
        Model model = Model.train(Datasets.iris(), net, TrainingConfig.defaults());
        Path file = Files.createTempFile("iris", ".model");
        model.save(file);
        Model loaded = Model.load(file);
        Files.delete(file);
        System.out.println("modular consumer (" + Main.class.getModule().getName() + ", java.desktop "
                + (ModuleLayer.boot().findModule("java.desktop").isPresent() ? "present" : "absent") + ", kernels "
                + Matrices.kernels() + "): 5.1, 3.5, 1.4, 0.2 is "
                + loaded.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2}));
    }
}
