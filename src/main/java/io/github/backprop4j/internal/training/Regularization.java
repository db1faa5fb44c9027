package io.github.backprop4j.internal.training;

import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.OptimizerState;
import io.github.backprop4j.optim.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An optimizer that adjusts each gradient before the real one sees it: the L2 term on weights,
 * {@code g = dW + λ·W} (the gradient of {@code (λ/2)·Σ W²}; biases never), then clipping by norm,
 * {@code g ← g · c/‖g‖} when {@code ‖g‖ > c}, for each parameter on its own.
 *
 * <p>It composes without touching the caller's gradient: the adjusted gradient goes into an array
 * of its own per parameter, made at the first update and reused, so training allocates nothing
 * per step.
 */
final class Regularization implements Optimizer {

    private static final io.github.backprop4j.internal.ParameterAccess PARAMS = io.github.backprop4j.internal.ParameterAccess.get();

    private final Optimizer inner;
    private final double weightDecay;
    private final double clipNorm;
    private final Map<Parameter, double[][]> adjusted = new IdentityHashMap<>();

    private Regularization(Optimizer inner, double weightDecay, double clipNorm) {
        this.inner = inner;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
    }

    /** The optimizer to use: {@code inner} itself when there is nothing to adjust. */
    static Optimizer around(Optimizer inner, double weightDecay, double clipNorm) {
        return weightDecay == 0 && Double.isInfinite(clipNorm) ? inner : new Regularization(inner, weightDecay, clipNorm);
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
        double[][] theta = PARAMS.front(parameter);   // W as it was before this step
        double[][] g = adjusted.computeIfAbsent(parameter, p -> new double[p.rows()][p.columns()]);
        boolean decay = weightDecay > 0 && parameter.role() == Parameter.Role.WEIGHTS;
        // each entry on its own, so the rows may be shared among threads
        io.github.backprop4j.internal.Parallel.forRows(gradient.length, threads, 4L * gradient.length * gradient[0].length,
                (from, to) -> {
                    for (int i = from; i < to; i++) {
                        for (int j = 0; j < gradient[i].length; j++) {
                            // g = dW + λ·W   (weights only; biases are not decayed)
                            g[i][j] = decay ? gradient[i][j] + weightDecay * theta[i][j] : gradient[i][j];
                        }
                    }
                });
        if (!Double.isInfinite(clipNorm)) {
            clip(g);
        }
        inner.update(parameter, g, learningRate, threads);
    }

    private void clip(double[][] gradient) {
        double sumOfSquares = 0;
        for (double[] row : gradient) {
            for (double v : row) {
                sumOfSquares += v * v;
            }
        }
        // ‖g‖ = √(Σ g²)
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
