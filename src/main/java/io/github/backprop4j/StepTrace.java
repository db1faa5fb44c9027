package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;

import io.github.backprop4j.internal.training.DropoutMask;
import io.github.backprop4j.internal.training.StepObserver;
import io.github.backprop4j.internal.training.TrainingStep;
import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every matrix of one training step, per layer and in order, recorded from the very code path
 * {@code fit} runs ({@code TrainingStep}): the forward pass ({@code X}, {@code Z}, {@code A}), the
 * loss, the backward pass ({@code dA}, {@code dZ}, {@code dW}, {@code db}, {@code dA_prev}) and
 * each layer's {@code W} and {@code b} before and after the update. The network is updated as one
 * step of {@code fit} on this batch would update it.
 *
 * <p>Where the step skips a matrix the trace says so: on the fused path (softmax with
 * cross-entropy, sigmoid with binary cross-entropy) the last layer's {@code dZ = (P − Y)/B} comes
 * straight from the loss, so it has no {@code dA}; the trace then also shows what the general path
 * ({@code dA = ∂L/∂P}, then the activation's backward) gives, for comparison. The first layer's
 * {@code dA_prev} is never computed. {@link #toString()} prints it all with shapes and equations.
 *
 * <pre>{@code
 * StepTrace trace = StepTrace.of(net, x, y, new MeanSquaredError(), new Sgd(0.5));
 * double[][] dW = trace.layer(1).weightGradient();
 * System.out.println(trace);
 * }</pre>
 */
public final class StepTrace {

    /**
     * One layer's matrices. Absent ones are null: {@code outputGradient} on the fused path's last
     * layer, {@code inputGradient} of the first layer, the {@code general...} pair unless fused.
     *
     * @param layer                 the layer, e.g. {@code Dense(2->2, Sigmoid)}
     * @param input                 {@code X} (the previous layer's {@code A})
     * @param preActivation         {@code Z = X·W + b}
     * @param output                {@code A = f(Z)}
     * @param outputGradient        {@code dA = ∂L/∂A}
     * @param preActivationGradient {@code dZ = ∂L/∂Z}
     * @param fused                 whether {@code dZ} came straight from the loss
     * @param weightGradient        {@code dW = Xᵀ·dZ}
     * @param biasGradient          {@code db = 1ᵀ·dZ}
     * @param inputGradient         {@code dA_prev = dZ·Wᵀ}
     * @param weightsBefore         {@code W} before the update
     * @param weightsAfter          {@code W} after it
     * @param biasBefore            {@code b} before the update
     * @param biasAfter             {@code b} after it
     * @param generalOutputGradient         on the fused path, the general path's {@code dA = ∂L/∂P}
     * @param generalPreActivationGradient  on the fused path, the general path's {@code dZ}
     */
    public record LayerTrace(String layer, double[][] input, double[][] preActivation, double[][] output,
            double[][] outputGradient, double[][] preActivationGradient, boolean fused, double[][] weightGradient,
            double[][] biasGradient, double[][] inputGradient, double[][] weightsBefore, double[][] weightsAfter,
            double[][] biasBefore, double[][] biasAfter, double[][] generalOutputGradient,
            double[][] generalPreActivationGradient) {
    }

    private final double loss;
    private final String lossName;
    private final String optimizerName;
    private final List<LayerTrace> layers;

    private StepTrace(double loss, String lossName, String optimizerName, List<LayerTrace> layers) {
        this.loss = loss;
        this.lossName = lossName;
        this.optimizerName = optimizerName;
        this.layers = List.copyOf(layers);
    }

    /**
     * Runs one training step of {@code net} on the batch {@code x}, {@code targets} with
     * {@code loss} and {@code optimizer} (its base learning rate), recording every matrix.
     *
     * @param net the network
     * @param x the batch's features {@code [B × inputs]}; not modified
     * @param targets {@code Y [n × outputs]}, finite; not modified
     * @param loss the loss
     * @param optimizer the update rule
     * @return the trace
     */
    public static StepTrace of(NeuralNet net, double[][] x, double[][] targets, Loss loss, Optimizer optimizer) {
        checkArgument(net != null, "net must not be null");
        FitInputs.checkFeatures(net, x);
        FitInputs.checkTargets(net, targets, x.length, loss);
        checkArgument(optimizer != null, "optimizer must not be null");
        return net.writing("StepTrace.of", () -> trace(net, x, targets, loss, optimizer));
    }

    private static StepTrace trace(NeuralNet net, double[][] x, double[][] targets, Loss loss, Optimizer optimizer) {
        Recorder recorder = new Recorder(net);
        TrainingStep step = new TrainingStep(net.layers(), loss, new DropoutMask[net.layers().size()], recorder, 1);
        double value = step.forward(x, targets, null);
        if (step.isFused()) {
            recorder.general(loss, step.predicted(), targets);
        }
        List<Parameter> parameters = net.parameters();
        double[][][] gradients = new double[parameters.size()][][];
        for (int p = 0; p < gradients.length; p++) {
            gradients[p] = new double[parameters.get(p).rows()][parameters.get(p).columns()];
        }
        // each layer's gradient step, in reverse; then the update that backward would apply after it
        step.gradients(gradients);
        for (int p = 0; p < gradients.length; p++) {
            optimizer.update(parameters.get(p), gradients[p]);
        }
        return new StepTrace(value, loss.toString(), optimizer.toString(), recorder.traces(gradients));
    }

    /**
     * {@link #of(NeuralNet, double[][], double[][], Loss, Optimizer)} with class labels turned into targets by the loss.
     *
     * @param net the network
     * @param x the batch's features {@code [B × inputs]}; not modified
     * @param labels one class label per row; not modified
     * @param loss the loss
     * @param optimizer the update rule
     * @return the trace
     */
    public static StepTrace of(NeuralNet net, double[][] x, int[] labels, Loss loss, Optimizer optimizer) {
        checkArgument(net != null, "net must not be null");
        FitInputs.checkFeatures(net, x);
        return of(net, x, FitInputs.targetsForLabels(net, labels, x.length, loss), loss, optimizer);
    }

    /** {@return the batch's mean loss before the update} */
    public double loss() {
        return loss;
    }

    /** {@return the layers' traces, first layer first} */
    public List<LayerTrace> layers() {
        return layers;
    }

    /**
     * {@return the trace of layer {@code l}, from 0}
     *
     * @param l the layer index, from 0
     */
    public LayerTrace layer(int l) {
        checkArgument(l >= 0 && l < layers.size(), "layer must be in [0, %d), got %d", layers.size(), l);
        return layers.get(l);
    }

    /** The trace as text: each matrix with its name, shape, equation and values, in the order computed. */
    @Override
    public String toString() {
        return new StepTraceText(this, lossName, optimizerName).toString();
    }

    /** Collects the matrices as the step computes them, copying each. */
    private static final class Recorder implements StepObserver {

        private final NeuralNet net;
        private final int count;
        private final double[][][][] m;          // per layer: the 14 matrices, in LayerTrace's order from input
        private final boolean[] fused;

        Recorder(NeuralNet net) {
            this.net = net;
            this.count = net.layers().size();
            this.m = new double[count][15][][];
            this.fused = new boolean[count];
            for (int l = 0; l < count; l++) {
                LinearLayer layer = net.layers().get(l);
                m[l][10] = layer.weights();
                m[l][12] = new double[][] {layer.bias()};
            }
        }

        @Override
        public void forward(int l, LinearLayer layer) {
            m[l][0] = Matrices.copy(layer.cachedInput());
            m[l][1] = Matrices.copy(layer.cachedPreActivation());
            m[l][2] = Matrices.copy(layer.cachedOutput());
        }

        @Override
        public void outputGradient(int l, double[][] dA) {
            m[l][3] = Matrices.copy(dA);
        }

        @Override
        public void preActivationGradient(int l, double[][] dZ, boolean isFused) {
            m[l][4] = Matrices.copy(dZ);
            fused[l] = isFused;
        }

        @Override
        public void inputGradient(int l, double[][] dAPrevious) {
            m[l][9] = dAPrevious == null ? null : Matrices.copy(dAPrevious);
        }

        /** What the general path would give for the last layer: dA = ∂L/∂P, then the activation's backward. */
        void general(Loss loss, double[][] predicted, double[][] targets) {
            int last = count - 1;
            LinearLayer layer = net.layers().get(last);
            double[][] dA = loss.gradient(predicted, targets);
            m[last][13] = dA;
            m[last][14] = layer.activation().backward(layer.cachedPreActivation(), layer.cachedOutput(), dA);
        }

        /** {@code optimizer}, with each gradient it is handed copied first. */
        List<LayerTrace> traces(double[][][] gradients) {
            List<LayerTrace> out = new ArrayList<>();
            for (int l = 0; l < count; l++) {
                LinearLayer layer = net.layers().get(l);
                double[][][] t = m[l];
                out.add(new LayerTrace(layer.toString(), t[0], t[1], t[2], t[3], t[4], fused[l],
                        gradients[2 * l], gradients[2 * l + 1], t[9],
                        t[10], layer.weights(), t[12], new double[][] {layer.bias()}, t[13], t[14]));
            }
            return out;
        }
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%12.9f", v);
    }
}
