package consumer;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.Model;
import io.github.backprop4j.NeuralNet;
import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.train.TrainingConfig;

/** A class-path application using backprop4j as a plain Maven dependency. */
public final class Main {

    private Main() {
    }

    /** Trains on the bundled iris data and names one flower. */
    public static void main(String[] args) {
        NeuralNet net = new NeuralNet(new LinearLayer(4, 8, new ReLU(), 1L), new LinearLayer(8, 3, new Softmax(), 2L));
        Model model = Model.train(Datasets.iris(), net, TrainingConfig.defaults());
        System.out.println("class-path consumer: 5.1, 3.5, 1.4, 0.2 is " + model.predictClassName(new double[] {5.1, 3.5, 1.4, 0.2}));
    }
}
