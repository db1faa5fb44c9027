package io.github.backprop4j;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;
import static io.github.backprop4j.internal.Checks.checkState;

import io.github.backprop4j.activation.Activation;
import io.github.backprop4j.internal.ParameterAccess;
import io.github.backprop4j.internal.WriterGuard;
import io.github.backprop4j.internal.training.LayerAccess;
import io.github.backprop4j.math.Matrices;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Parameter;
import java.util.Random;
import java.util.concurrent.locks.StampedLock;

/**
 * A dense (fully connected) layer: computes {@code A = f(X·W + b)}.
 *
 * <p>Shapes, one row per sample: input {@code X [batch × inputs]}, weights
 * {@code W [inputs × outputs]}, bias {@code b [1 × outputs]} (broadcast over rows), output
 * {@code A [batch × outputs]}. {@link #forward} caches {@code X}, {@code Z} and {@code A};
 * {@link #backward} uses them to compute the gradients, hands them to the optimizer (which
 * updates {@code W} and {@code b} in place) and returns the gradient for the layer below.
 * {@code W} and {@code b} are {@link Parameter}s, each holding the optimizer state that belongs
 * to it (Adam's moments, say), which persists across calls of {@code fit}.
 *
 * <p>Initial weights are drawn from {@code N(0, s²)} with {@code s} chosen by the activation
 * ({@link Activation#initialWeightStd}: He for ReLU, Glorot otherwise); biases start at 0.
 * A layer is mutable. One thread at a time may change it: {@code forward}, {@code backward},
 * {@code gradients} and {@code resetOptimizerState} (and a network's {@code fit}) from a second
 * thread while one runs are refused with a {@link java.util.ConcurrentModificationException}.
 *
 * <pre>{@code
 * LinearLayer hidden = new LinearLayer(4, 10, new ReLU(), 42L);
 * double[][] a = hidden.forward(x);                 // [batch × 10]
 * double[][] dX = hidden.backward(dA, new Sgd(0.1)); // updates W and b, returns ∂L/∂X
 * }</pre>
 */
public final class LinearLayer {

    static {
        LayerAccess.register(new Hooks());
    }

    // the published W and b, which every pass reads: a pending update writes elsewhere until it is published
    private static final ParameterAccess PARAMS = ParameterAccess.get();

    /** The seed used by {@link #LinearLayer(int, int, Activation)}. */
    public static final long DEFAULT_SEED = 42L;

    private final Activation activation;
    private final Parameter weights;    // W [inputs × outputs]
    private final Parameter bias;       // b [1 × outputs], a matrix so the optimizer treats it like W

    // What forward caches for backward; null when there is nothing to go back through.
    private double[][] input;           // X [batch × inputs]
    private double[][] preActivation;   // Z [batch × outputs]
    private double[][] output;          // A [batch × outputs]
    private LayerWorkspace.Rows rows;   // the training arrays of the cached batch
    private LayerWorkspace workspace;   // created at the first training forward pass
    private SharedPasses passes;        // the passes shared among threads, created with the workspace
    private final WriterGuard guard = new WriterGuard();   // one thread at a time changes this layer
    private final StampedLock lock = new StampedLock();    // predictions validate against the publishing of a step

    /**
     * A layer with weights drawn from {@code new Random(DEFAULT_SEED)}; stands for
     * {@code new LinearLayer(inputs, outputs, activation, new Random(LinearLayer.DEFAULT_SEED))}.
     *
     * @param inputs number of input features, &gt; 0
     * @param outputs number of units, &gt; 0
     * @param activation the non-linearity {@code f}
     */
    public LinearLayer(int inputs, int outputs, Activation activation) {
        this(inputs, outputs, activation, new Random(DEFAULT_SEED));
    }

    /**
     * A layer with weights drawn from {@code new Random(seed)}.
     *
     * @param inputs number of input features, &gt; 0
     * @param outputs number of units, &gt; 0
     * @param activation the non-linearity {@code f}
     * @param seed the seed
     */
    public LinearLayer(int inputs, int outputs, Activation activation, long seed) {
        this(inputs, outputs, activation, new Random(seed));
    }

    /**
     * A layer with weights drawn from {@code random}.
     *
     * @param inputs     number of input features, &gt; 0
     * @param outputs    number of units, &gt; 0
     * @param activation the non-linearity {@code f}
     * @param random     source of the initial weights; advanced by {@code inputs · outputs} draws
     */
    public LinearLayer(int inputs, int outputs, Activation activation, Random random) {
        checkArgument(inputs > 0, "inputs must be > 0, got %d", inputs);
        checkArgument(outputs > 0, "outputs must be > 0, got %d", outputs);
        long bytes = 8L * inputs * outputs;
        checkArgument(bytes <= Runtime.getRuntime().maxMemory(), "a %dx%d layer needs %d bytes for its weights alone,"
                + " more than the %d bytes of the heap (-Xmx)", inputs, outputs, bytes, Runtime.getRuntime().maxMemory());
        this.activation = checkNotNull(activation, "activation");
        checkNotNull(random, "random");
        double std = activation.initialWeightStd(inputs, outputs);
        double[][] w = new double[inputs][outputs];
        for (double[] row : w) {
            for (int j = 0; j < outputs; j++) {
                // W_ij ~ N(0, std²)
                row[j] = std * random.nextGaussian();
            }
        }
        this.weights = new Parameter(Parameter.Role.WEIGHTS, w);
        this.bias = new Parameter(Parameter.Role.BIAS, new double[1][outputs]);
    }

    /**
     * A layer with the given parameters (copied), e.g. to restore a trained model.
     *
     * @param weights    {@code W [inputs × outputs]}, finite, not modified
     * @param bias       {@code b}, length {@code outputs}, finite, not modified
     * @param activation the non-linearity {@code f}
     */
    public LinearLayer(double[][] weights, double[] bias, Activation activation) {
        Matrices.checkMatrix(weights, "weights");
        Matrices.checkFinite(weights, "weights");
        checkNotNull(bias, "bias");
        checkArgument(bias.length == weights[0].length,
                "bias has %d entries but weights %s have %d columns", bias.length,
                Matrices.shape(weights), weights[0].length);
        Matrices.checkFinite(new double[][] {bias}, "bias");
        this.activation = checkNotNull(activation, "activation");
        this.weights = new Parameter(Parameter.Role.WEIGHTS, Matrices.copy(weights));
        this.bias = new Parameter(Parameter.Role.BIAS, new double[][] {bias.clone()});
    }

    /**
     * Training forward pass: computes {@code A = f(X·W + b)} and caches {@code X}, {@code Z} and
     * {@code A} for {@link #backward}.
     *
     * @param input {@code X [batch × inputs]}, not modified (kept by reference until backward)
     * @return a new {@code [batch × outputs]} matrix
     * @throws IllegalArgumentException if {@code X} is not {@code [batch × inputs]}
     */
    public double[][] forward(double[][] input) {
        guard.acquire(this, "forward");
        try {
            return Matrices.copy(forward(input, 1));
        } finally {
            guard.release();
        }
    }

    /**
     * The training forward pass into this layer's reused arrays: {@code Z = X·W + b},
     * {@code A = f(Z)}, with chunks of rows shared among up to {@code threads} threads. The
     * returned {@code A} stays valid until this layer's next forward pass.
     */
    double[][] forward(double[][] input, int threads) {
        checkInput(input);
        if (workspace == null) {
            workspace = new LayerWorkspace(inputs(), outputs());
            passes = new SharedPasses(activation);
        }
        LayerWorkspace.Rows r = workspace.rows(input.length);
        // Z = X·W + b        [B×in]·[in×out] + [1×out] = [B×out]
        // A = f(Z)           both a chunk of rows at a time
        passes.forward(input, PARAMS.front(weights), PARAMS.front(bias)[0], r, threads);
        this.input = input;
        this.preActivation = r.z;
        this.output = r.a;
        this.rows = r;
        return r.a;
    }

    /** Inference: {@code A = f(X·W + b)} like {@link #forward}, but caches nothing. */
    double[][] predict(double[][] input) {
        return predict(input, 1);
    }

    /** Inference with the product's rows shared among up to {@code threads} threads; new arrays. */
    double[][] predict(double[][] input, int threads) {
        return activation.forward(preActivation(input, threads));
    }

    /**
     * Inference on one row into caller-owned buffers, allocating nothing: {@code z[0] = x·W + b},
     * then {@code a = f(z)}.
     *
     * @param x {@code [1 × inputs]}, not modified
     * @param z {@code [1 × outputs]}, modified
     * @param a {@code [1 × outputs]}, modified
     */
    void predictRow(double[][] x, double[][] z, double[][] a) {
        // z = x·W + b
        Matrices.affineInto(x, PARAMS.front(weights), PARAMS.front(bias)[0], z, 1);
        // a = f(z)
        activation.forwardInto(z, a);
    }

    /** Inference up to the pre-activation: {@code Z = X·W + b}, caching nothing. */
    double[][] predictPreActivation(double[][] input) {
        return preActivation(input, 1);
    }

    /** Inference up to the pre-activation with the product's rows shared among up to {@code threads} threads. */
    double[][] predictPreActivation(double[][] input, int threads) {
        return preActivation(input, threads);
    }

    /** Checks {@code X} and computes {@code Z = X·W + b} into a new array. */
    private double[][] preActivation(double[][] input, int threads) {
        checkInput(input);
        // Z = X·W + b        [B×in]·[in×out] + [1×out] = [B×out]
        double[][] z = new double[input.length][outputs()];
        Matrices.affineInto(input, PARAMS.front(weights), PARAMS.front(bias)[0], z, threads);
        return z;
    }

    /**
     * Backward pass for the batch of the last {@link #forward}, in two steps: the gradient step
     * ({@link #gradients}), then {@code optimizer} updates {@code W} and {@code b} with its base
     * learning rate. Returns the gradient for the layer below. The cache is consumed: a second call
     * without a new forward throws.
     *
     * <p>{@code dA} is the gradient of the (batch-mean) loss, so {@code dW} and {@code db} below
     * are already batch means; nothing here divides by the batch size.
     *
     * @param outputGradient {@code dA = ∂L/∂A [batch × outputs]}, not modified
     * @param optimizer      applies the update to {@code W} and {@code b}
     * @return {@code dA_prev = ∂L/∂X [batch × inputs]}, computed with {@code W} before the update
     * @throws IllegalStateException    if there was no forward pass since the last backward
     * @throws IllegalArgumentException if {@code dA}'s shape differs from the forward output's
     */
    public double[][] backward(double[][] outputGradient, Optimizer optimizer) {
        checkNotNull(optimizer, "optimizer");
        guard.acquire(this, "backward");
        try {
            double[][] dZ = activationGradient(outputGradient, 1);
            return Matrices.copy(backwardFromPreActivation(dZ, optimizer, optimizer.learningRate(), true, 1));
        } finally {
            guard.release();
        }
    }

    /**
     * The gradient step alone, for the batch of the last {@link #forward}: writes {@code dW} and
     * {@code db} into the caller's arrays and returns {@code dA_prev}; {@code W} and {@code b} are
     * not changed. {@link #backward} is this step followed by the optimizer's update. The cache is
     * consumed.
     *
     * <pre>{@code
     * double[][] dW = new double[layer.inputs()][layer.outputs()];
     * double[][] db = new double[1][layer.outputs()];
     * double[][] dX = layer.gradients(dA, dW, db);
     * }</pre>
     *
     * @param outputGradient {@code dA = ∂L/∂A [batch × outputs]}, not modified
     * @param weightGradient {@code dW [inputs × outputs]}, overwritten with {@code Xᵀ·dZ}
     * @param biasGradient   {@code db [1 × outputs]}, overwritten with the column sums of {@code dZ}
     * @return {@code dA_prev = dZ·Wᵀ [batch × inputs]}, a new array
     * @throws IllegalStateException    if there was no forward pass since the last backward
     * @throws IllegalArgumentException if a shape differs from the expected one
     */
    public double[][] gradients(double[][] outputGradient, double[][] weightGradient, double[][] biasGradient) {
        checkGradientArrays(weightGradient, biasGradient);
        guard.acquire(this, "gradients");
        try {
            double[][] dZ = activationGradient(outputGradient, 1);
            return Matrices.copy(gradientsFromPreActivation(dZ, weightGradient, biasGradient, true, 1));
        } finally {
            guard.release();
        }
    }

    private void checkGradientArrays(double[][] dW, double[][] db) {
        checkArgument(Shapes.rectangular(dW, outputs()) && dW.length == inputs(),
                "%s: the weight gradient array must be %dx%d, got %s", this, inputs(), outputs(),
                dW == null ? "null" : Matrices.shape(dW));
        checkArgument(Shapes.rectangular(db, outputs()) && db.length == 1,
                "%s: the bias gradient array must be 1x%d, got %s", this, outputs(), db == null ? "null" : Matrices.shape(db));
    }

    /**
     * The first half of backward: {@code dZ = dA ⊙ f'(Z)} from the cached {@code Z} and
     * {@code A}, with chunks of rows shared among up to {@code threads} threads.
     */
    double[][] activationGradient(double[][] outputGradient, int threads) {
        checkForward();
        if (!Shapes.same(outputGradient, output)) {
            Matrices.checkMatrix(outputGradient, "backward: output gradient dA");
            throw new IllegalArgumentException(String.format("backward: output gradient dA is %s but the forward output A was %s",
                    Matrices.shape(outputGradient), Matrices.shape(output)));
        }
        // dZ = dA ⊙ f'(Z)   (the activation's own chain rule; a Jacobian product for softmax)
        passes.activationGradient(outputGradient, rows, threads);
        return rows.dZ;
    }

    /** The array for {@code dZ} of the cached batch, for a loss that computes it directly. */
    double[][] preActivationGradientArray() {
        checkForward();
        return rows.dZ;
    }

    private void checkForward() {
        if (output == null) {
            throw new IllegalStateException("backward called without a forward pass before it (" + this + ")");
        }
    }

    /** The input {@code X} cached by the last {@link #forward}, or null after backward. */
    double[][] cachedInput() {
        return input;
    }

    /**
     * The whole backward pass once {@code dZ = ∂L/∂Z} is known (from the activation's chain rule,
     * or straight from a loss fused with the activation, {@code dZ = (P − Y)/B}): the gradient step
     * into this layer's own arrays, then the optimizer's update of {@code W} and {@code b}.
     */
    double[][] backwardFromPreActivation(double[][] dZ, Optimizer optimizer, double learningRate,
            boolean inputGradient, int threads) {
        checkNotNull(optimizer, "optimizer");
        LayerWorkspace w = workspace;
        double[][] dInput = gradientsFromPreActivation(dZ, w.dW, w.db, inputGradient, threads);
        // W ← update(W, dW), b ← update(b, db): the rule and its state live in the optimizer
        optimizer.update(weights, w.dW, learningRate, threads);
        optimizer.update(bias, w.db, learningRate, threads);
        return dInput;
    }

    /**
     * The gradient step once {@code dZ} is known: {@code dW}, {@code db} into the given arrays and
     * {@code dA_prev} (when {@code inputGradient}) into this layer's reused array; consumes the cache.
     * The first layer's {@code dA_prev} is the gradient for the data itself, which training never
     * uses, and costs as much as {@code dW}, so training skips it.
     */
    double[][] gradientsFromPreActivation(double[][] dZ, double[][] dW, double[][] db, boolean inputGradient,
            int threads) {
        checkForward();
        if (!Shapes.same(dZ, output)) {
            throw new IllegalArgumentException(String.format("backward: dZ is %s but the forward output was %s",
                    Matrices.shape(dZ), Matrices.shape(output)));
        }
        double[][] dInput = inputGradient ? rows.dInput : null;
        // dW = Xᵀ·dZ        [in×B]·[B×out] = [in×out]
        // db = 1ᵀ·dZ        column sums, [1×out]
        // dA_prev = dZ·Wᵀ   [B×out]·[out×in] = [B×in], with W as it was in the forward pass
        passes.gradients(input, dZ, PARAMS.front(weights), dW, db[0], dInput, rows, threads);
        input = null;
        preActivation = null;
        output = null;
        return dInput;
    }

    /** The pre-activations {@code Z} cached by the last {@link #forward}, or null after backward. */
    double[][] cachedPreActivation() {
        return preActivation;
    }

    /** The output {@code A} cached by the last {@link #forward}, or null after backward. */
    double[][] cachedOutput() {
        return output;
    }

    private void checkInput(double[][] x) {
        if (!Shapes.rectangular(x, inputs())) {
            Matrices.checkMatrix(x, "layer input X");
            throw new IllegalArgumentException(String.format("%s expects %d features per row, got input X %s",
                    this, inputs(), Matrices.shape(x)));
        }
    }

    /** {@return number of input features} */
    public int inputs() {
        return weights.rows();
    }

    /** {@return number of units (output columns)} */
    public int outputs() {
        return weights.columns();
    }

    /** {@return the activation {@code f}} */
    public Activation activation() {
        return activation;
    }

    /** {@return a copy of the weights {@code W [inputs × outputs]}} */
    public double[][] weights() {
        return Matrices.copy(PARAMS.front(weights));
    }

    /** {@return a copy of the bias {@code b}, length {@code outputs}} */
    public double[] bias() {
        return PARAMS.front(bias)[0].clone();
    }

    /**
     * The live weights {@code W} with their optimizer state, for optimizers and for inspecting or
     * resetting the state. Changing its values changes this layer.
     *
     * @return the live weights with their optimizer state
     */
    public Parameter weightParameter() {
        return weights;
    }

    /** {@return the live bias {@code b [1 × outputs]} with its optimizer state; see {@link #weightParameter()}} */
    public Parameter biasParameter() {
        return bias;
    }

    /** {@return this layer's parameters in the network's order: {@code W}, then {@code b}} */
    public java.util.List<Parameter> parameters() {
        return java.util.List.of(weights, bias);
    }

    /** Forgets the optimizer state of {@code W} and {@code b}; the next update starts afresh. */
    public void resetOptimizerState() {
        guard.acquire(this, "resetOptimizerState");
        try {
            weights.resetState();
            bias.resetState();
        } finally {
            guard.release();
        }
    }

    /** The lock a prediction validates against: the publishing of a training step holds it for writing. */
    StampedLock lock() {
        return lock;
    }

    /** The guard every entry point that changes this layer takes: one writer at a time. */
    WriterGuard guard() {
        return guard;
    }

    /** {@return number of trainable numbers, {@code inputs · outputs + outputs}} */
    public int parameterCount() {
        return inputs() * outputs() + outputs();
    }

    /** E.g. {@code Dense(4->10, ReLU)}. */
    @Override
    public String toString() {
        return "Dense(" + inputs() + "->" + outputs() + ", " + activation + ")";
    }

    /** The training hooks, for the engine only: see {@link LayerAccess} for why they are not API. */
    private static final class Hooks extends LayerAccess {

        @Override
        public double[][] forward(LinearLayer layer, double[][] input, int threads) {
            return layer.forward(input, threads);
        }

        @Override
        public double[][] activationGradient(LinearLayer layer, double[][] outputGradient, int threads) {
            return layer.activationGradient(outputGradient, threads);
        }

        @Override
        public double[][] preActivationGradientArray(LinearLayer layer) {
            return layer.preActivationGradientArray();
        }

        @Override
        public double[][] backward(LinearLayer layer, double[][] dZ, Optimizer optimizer, double learningRate,
                boolean inputGradient, int threads) {
            return layer.backwardFromPreActivation(dZ, optimizer, learningRate, inputGradient, threads);
        }

        @Override
        public double[][] gradients(LinearLayer layer, double[][] dZ, double[][] dW, double[][] db,
                boolean inputGradient, int threads) {
            return layer.gradientsFromPreActivation(dZ, dW, db, inputGradient, threads);
        }

        @Override
        public double[][] cachedPreActivation(LinearLayer layer) {
            return layer.preActivation;
        }

        @Override
        public double[][] cachedOutput(LinearLayer layer) {
            return layer.output;
        }

        @Override
        public double[][] predictPreActivation(LinearLayer layer, double[][] input) {
            return layer.predictPreActivation(input);
        }

        @Override
        public StampedLock lock(LinearLayer layer) {
            return layer.lock;
        }
    }
}
