package io.github.backprop4j;

import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;

/**
 * Adjusts each gradient before the real optimizer sees it: the L2 term on weights,
 * {@code dW ← dW + λ·W} (the gradient of {@code (λ/2)·Σ W²}; biases never), then clipping by
 * norm, {@code g ← g · c/‖g‖} when {@code ‖g‖ > c}, for each parameter on its own. The gradient
 * array handed in is changed in place, so only the training step, which owns it, uses this.
 */
final class RegularizedOptimizer implements Optimizer {

    private final Optimizer inner;
    private final double weightDecay;
    private final double clipNorm;

    RegularizedOptimizer(Optimizer inner, double weightDecay, double clipNorm) {
        this.inner = inner;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
    }

    /** The optimizer to use: {@code inner} itself when there is nothing to adjust. */
    static Optimizer around(Optimizer inner, double weightDecay, double clipNorm) {
        return weightDecay == 0 && Double.isInfinite(clipNorm) ? inner : new RegularizedOptimizer(inner, weightDecay, clipNorm);
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public OptimizerState newState(int rows, int columns) {
        return inner.newState(rows, columns);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate) {
        update(parameter, gradient, learningRate, 1);
    }

    @Override
    public void update(Parameter parameter, double[][] gradient, double learningRate, int threads) {
        double[][] theta = parameter.values();
        if (weightDecay > 0 && parameter.role() == Parameter.Role.WEIGHTS) {
            for (int i = 0; i < gradient.length; i++) {
                for (int j = 0; j < gradient[i].length; j++) {
                    // dW ← dW + λ·W
                    gradient[i][j] += weightDecay * theta[i][j];
                }
            }
        }
        if (!Double.isInfinite(clipNorm)) {
            clip(gradient);
        }
        inner.update(parameter, gradient, learningRate, threads);
    }

    private void clip(double[][] gradient) {
        double sumOfSquares = 0;
        for (double[] row : gradient) {
            for (double g : row) {
                sumOfSquares += g * g;
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > clipNorm) {
            // g ← g · c/‖g‖
            double factor = clipNorm / norm;
            for (double[] row : gradient) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= factor;
                }
            }
        }
    }

    @Override
    public String toString() {
        return inner + " with weight decay " + weightDecay + ", clip norm " + clipNorm;
    }
}
