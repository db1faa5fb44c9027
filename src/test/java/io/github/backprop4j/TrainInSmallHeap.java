package io.github.backprop4j;

import io.github.backprop4j.activation.ReLU;
import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.train.TrainingConfig;

/** The child JVM of {@link TrainingGuardsTest}: in a small heap, builds a large layer and tries to train it with Adam. */
public final class TrainInSmallHeap {

    private TrainInSmallHeap() {
    }

    /**
     * Prints the refusal's message and whether the weights stayed as they were.
     *
     * @param args none
     */
    public static void main(String[] args) {
        LinearLayer big = new LinearLayer(1000, 1000, new ReLU(), 1L);
        NeuralNet net = new NeuralNet(big, new LinearLayer(1000, 2, new Softmax(), 2L));
        double[][] before = big.weights();
        try {
            net.fit(new double[][] {new double[1000], new double[1000]}, new int[] {0, 1},
                    TrainingConfig.builder().optimizer(new Adam()).epochs(1).noValidation().noEarlyStopping().build());
            System.out.println("trained, not refused");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.out.println("unchanged " + java.util.Arrays.deepEquals(before, big.weights()));
        }
    }
}
