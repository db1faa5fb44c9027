package io.github.backprop4j.loss;

/**
 * Mean squared error over all elements, {@code L = (1/(B·K)) Σ_i Σ_k (P_ik − Y_ik)²}, with
 * gradient {@code ∂L/∂P = 2·(P − Y)/(B·K)}, for {@code B} rows of {@code K} outputs.
 *
 * <p>For regression: any output activation fits, typically {@link
 * io.github.backprop4j.activation.Identity}, with one or more target values per row. This is the
 * mean PyTorch's {@code MSELoss} and Keras' {@code MeanSquaredError} take.
 *
 * <pre>{@code
 * NeuralNet net = new NeuralNet(new LinearLayer(1, 16, new Tanh()), new LinearLayer(16, 1, new Identity()));
 * net.fit(x, y, TrainingConfig.builder().optimizer(new Adam(0.01)).loss(new MeanSquaredError())
 *         .epochs(500).batchSize(32).seed(1L).build());
 * double[][] predicted = net.predictValues(x);
 * }</pre>
 */
public record MeanSquaredError() implements Loss {

    @Override
    public double value(double[][] predicted, double[][] target) {
        Losses.checkShapes(this, "value", predicted, target);
        double sum = 0.0;
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                double e = predicted[i][k] - target[i][k];
                // L += (P_ik − Y_ik)²
                sum += e * e;
            }
        }
        // the mean over all B·K elements
        return sum / ((double) predicted.length * predicted[0].length);
    }

    @Override
    public double[][] gradient(double[][] predicted, double[][] target) {
        return Losses.newGradient(this, predicted, target);
    }

    @Override
    public void gradientInto(double[][] predicted, double[][] target, double[][] out) {
        Losses.checkShapes(this, "gradientInto", predicted, target);
        Losses.checkShapes(this, "gradientInto", predicted, out);
        double count = (double) predicted.length * predicted[0].length;
        for (int i = 0; i < predicted.length; i++) {
            for (int k = 0; k < predicted[i].length; k++) {
                // ∂L/∂P_ik = 2·(P_ik − Y_ik) / (B·K)
                out[i][k] = 2 * (predicted[i][k] - target[i][k]) / count;
            }
        }
    }

    @Override
    public String toString() {
        return "MeanSquaredError";
    }
}
