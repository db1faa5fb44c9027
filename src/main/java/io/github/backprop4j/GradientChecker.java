package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.loss.LogitLoss;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Checks analytic gradients against central differences, for whoever writes an
 * {@link Activation}, a {@link Loss} or trusts neither: each entry {@code θ} is nudged by
 * {@code ±h} and {@code (L(θ + h) − L(θ − h)) / 2h} compared with the analytic {@code ∂L/∂θ}
 * by relative error {@code |a − n| / (|a| + |n|)}. The report names the worst entry of every
 * parameter.
 *
 * <p>Work in double precision with inputs of order 1. Keep inputs of kinked functions (ReLU at 0)
 * more than {@code h} away from the kink, where the derivative does not exist.
 *
 * <pre>{@code
 * GradientChecker checker = new GradientChecker();
 * System.out.println(checker.checkActivation(new MyActivation(), z, g));
 * System.out.println(checker.checkLoss(new MyLoss(), p, y));
 * System.out.println(checker.checkNetwork(net, x, labels, new CategoricalCrossEntropy()));
 * }</pre>
 */
public final class GradientChecker {

    /** The default step {@code h}: the error of a central difference is O(h²) ≈ 1e-10. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Entries with {@code |a| + |n|} below this are both zero for the comparison (rounding noise). */
    public static final double ABSOLUTE_FLOOR = 1e-9;

    private final double step;

    /** A checker with step {@link #DEFAULT_STEP}. */
    public GradientChecker() {
        this(DEFAULT_STEP);
    }

    /**
     * A checker with step {@code step}, finite and &gt; 0.
     *
     * @param step the step {@code h} of the central differences, finite and &gt; 0
     */
    public GradientChecker(double step) {
        checkArgument(step > 0 && Double.isFinite(step), "step must be finite and > 0, got %s", step);
        this.step = step;
    }

    /**
     * Every layer's {@code dW} and {@code db} from {@link NeuralNet#gradients} against central
     * differences of {@code loss.value(net.predictValues(x), y)}. The network ends as it started.
     *
     * @param net the network
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param targets {@code Y [n × outputs]}, finite; not modified
     * @param loss the loss
     * @return the report
     */
    public GradientCheckReport checkNetwork(NeuralNet net, double[][] features, double[][] targets, Loss loss) {
        checkNotNull(net, "net");
        checkNotNull(loss, "loss");
        // nudging the live parameters is a change: no other thread may train the network meanwhile
        return net.writing("checkNetwork", () -> {
            Gradients analytic = net.gradients(features, targets, loss);
            List<GradientCheckReport.Entry> entries = new ArrayList<>();
            ToDoubleFunction<double[][]> value = point -> loss.value(net.predictValues(features), targets);
            List<Parameter> parameters = net.parameters();
            for (int p = 0; p < parameters.size(); p++) {
                // layer p/2's W (even p) or b (odd p)
                entries.add(worst("layer " + p / 2 + (p % 2 == 0 ? " W" : " b"), analytic.view(p),
                        numerical(parameters.get(p).values(), value)));
            }
            return new GradientCheckReport(step, entries);
        });
    }

    /**
     * {@link #checkNetwork(NeuralNet, double[][], double[][], Loss)} with class labels turned into targets by the loss.
     *
     * @param net the network
     * @param features {@code X [n × inputs]}, finite; not modified
     * @param labels one class label per row; not modified
     * @param loss the loss
     * @return the report
     */
    public GradientCheckReport checkNetwork(NeuralNet net, double[][] features, int[] labels, Loss loss) {
        checkNotNull(net, "net");
        checkNotNull(loss, "loss");
        return checkNetwork(net, features, loss.targetsForLabels(labels, net.outputs()), loss);
    }

    /**
     * {@code activation.backward(Z, f(Z), G)} against central differences of {@code Σ G ⊙ f(Z)},
     * whose gradient with respect to {@code Z} it must be.
     *
     * @param z              pre-activations, not modified
     * @param outputGradient {@code G}, the shape of {@code z}, not modified
     * @param activation the activation
     * @return the report
     */
    public GradientCheckReport checkActivation(Activation activation, double[][] z, double[][] outputGradient) {
        checkNotNull(activation, "activation");
        double[][] point = Matrices.copy(z);
        double[][] analytic = activation.backward(point, activation.forward(point), outputGradient);
        double[][] numerical = numerical(point, p -> weightedSum(activation.forward(p), outputGradient));
        return new GradientCheckReport(step, List.of(worst(activation + " dZ", analytic, numerical)));
    }

    /**
     * {@code loss.gradient(P, Y)} against central differences of {@code loss.value(P, Y)}; for a
     * {@link LogitLoss} also its logit gradient against differences of {@code valueFromLogits},
     * treating {@code predicted} as the logits.
     *
     * @param loss the loss
     * @param predicted {@code P [batch × outputs]}, not modified
     * @param target {@code Y}, the same shape, not modified
     * @return the report
     */
    public GradientCheckReport checkLoss(Loss loss, double[][] predicted, double[][] target) {
        checkNotNull(loss, "loss");
        double[][] point = Matrices.copy(predicted);
        List<GradientCheckReport.Entry> entries = new ArrayList<>();
        entries.add(worst(loss + " dP", loss.gradient(point, target), numerical(point, p -> loss.value(p, target))));
        if (loss instanceof LogitLoss logits) {
            double[][] probabilities = probabilitiesOf(logits, point);
            if (probabilities != null) {
                entries.add(worst(loss + " dZ", logits.logitGradient(probabilities, target),
                        numerical(point, z -> logits.valueFromLogits(z, target))));
            }
        }
        return new GradientCheckReport(step, entries);
    }

    /** The paired activation of the logits, for the built-in pairings; null otherwise. */
    private static double[][] probabilitiesOf(LogitLoss loss, double[][] z) {
        for (Activation f : new Activation[] {new io.github.backprop4j.activation.Softmax(), new io.github.backprop4j.activation.Sigmoid()}) {
            if (loss.pairsWith(f)) {
                return f.forward(z);
            }
        }
        return null;
    }

    /** Central differences of {@code f} at {@code point}, each entry nudged in place and restored. */
    private double[][] numerical(double[][] point, ToDoubleFunction<double[][]> f) {
        double[][] grad = new double[point.length][point[0].length];
        for (int i = 0; i < point.length; i++) {
            for (int j = 0; j < point[i].length; j++) {
                double saved = point[i][j];
                point[i][j] = saved + step;
                double plus = f.applyAsDouble(point);
                point[i][j] = saved - step;
                double minus = f.applyAsDouble(point);
                point[i][j] = saved;
                // ∂f/∂θ ≈ (f(θ + h) − f(θ − h)) / 2h
                grad[i][j] = (plus - minus) / (2 * step);
            }
        }
        return grad;
    }

    private static GradientCheckReport.Entry worst(String name, double[][] analytic, double[][] numerical) {
        checkArgument(Matrices.shape(analytic).equals(Matrices.shape(numerical)),
                "%s: the analytic gradient is %s but the parameter is %s", name, Matrices.shape(analytic), Matrices.shape(numerical));
        GradientCheckReport.Entry worst = new GradientCheckReport.Entry(name, 0, 0, 0, analytic[0][0], numerical[0][0]);
        for (int i = 0; i < analytic.length; i++) {
            for (int j = 0; j < analytic[i].length; j++) {
                double a = analytic[i][j];
                double n = numerical[i][j];
                double scale = Math.abs(a) + Math.abs(n);
                double error = !Double.isFinite(a) || !Double.isFinite(n) ? Double.POSITIVE_INFINITY
                        : scale < ABSOLUTE_FLOOR ? 0 : Math.abs(a - n) / scale;
                if (error > worst.worstRelativeError()) {
                    worst = new GradientCheckReport.Entry(name, error, i, j, a, n);
                }
            }
        }
        return worst;
    }

    private static double weightedSum(double[][] a, double[][] g) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += g[i][j] * a[i][j];
            }
        }
        return s;
    }
}
