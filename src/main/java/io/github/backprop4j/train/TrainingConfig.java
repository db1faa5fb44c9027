package io.github.backprop4j.train;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.loss.Loss;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.Sgd;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@code NeuralNet.fit} trains: a validated, immutable configuration made with a
 * {@link #builder()}. Every setting has a default, and the defaults train well without tuning:
 *
 * <ul>
 *   <li>optimizer {@link Adam} with learning rate 0.001, the default of Keras, PyTorch and
 *       scikit-learn's {@code MLPClassifier};</li>
 *   <li>batch size 32, Keras' default ({@code MLPClassifier} takes {@code min(200, n)});</li>
 *   <li>the loss chosen from the network's last layer: categorical cross-entropy after Softmax,
 *       binary cross-entropy after one Sigmoid unit, mean squared error otherwise;</li>
 *   <li>{@value #DEFAULT_MAX_EPOCHS} epochs at most, with 10% of the rows held out for validation
 *       (stratified for classification) and early stopping once the validation loss has not
 *       improved for {@value #DEFAULT_PATIENCE} epochs, restoring the best weights. Unlike
 *       {@code MLPClassifier}'s 200 iterations, this trains small data sets to convergence;</li>
 *   <li>an L2 penalty on the weights of {@code λ = 6/n} for {@code n} training rows
 *       ({@link WeightDecay#prior}), which keeps small data sets from overfitting and fades on
 *       large ones;</li>
 *   <li>a constant learning rate, a shuffle before each epoch with seed {@value #DEFAULT_SEED},
 *       products shared among all available processors, and no dropout, gradient clipping or
 *       class weights.</li>
 * </ul>
 *
 * <p>The same config and the same initial weights give bit-identical training on the same JVM.
 *
 * <pre>{@code
 * History h = net.fit(x, labels, TrainingConfig.defaults());
 * TrainingConfig config = TrainingConfig.builder()
 *         .optimizer(new Adam(0.01)).epochs(300).batchSize(16).seed(7)
 *         .schedule(new CosineDecay(300, 1e-5)).weightDecay(WeightDecay.fixed(1e-4)).dropout(0, 0.2)
 *         .build();
 * }</pre>
 */
public final class TrainingConfig {

    /** The most epochs the default config trains for. */
    public static final int DEFAULT_MAX_EPOCHS = 1000;
    /** The default batch size, Keras' choice. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** The default share of rows held out for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    /** Epochs without a lower validation loss before the default early stopping ends training. */
    public static final int DEFAULT_PATIENCE = 50;
    /** The default seed of the shuffle, the validation split and dropout. */
    public static final long DEFAULT_SEED = 42L;
    /** The divergence check's default factor: an epoch loss over 10 times the reference stops training. */
    public static final double DEFAULT_DIVERGENCE_FACTOR = 10.0;

    private final Optimizer optimizer;
    private final Loss loss;
    private final int epochs;
    private final int batchSize;
    private final LearningRateSchedule schedule;
    private final long seed;
    private final boolean shuffle;
    private final Validation validation;
    private final EarlyStopping earlyStopping;
    private final WeightDecay weightDecay;
    private final double gradientClipNorm;
    private final ClassWeights classWeights;
    private final Map<Integer, Double> dropout;
    private final int threads;
    private final double divergenceFactor;
    private final Task task;

    private TrainingConfig(Builder b) {
        this.optimizer = b.optimizer;
        this.loss = b.loss;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.schedule = b.schedule;
        this.seed = b.seed;
        this.shuffle = b.shuffle;
        this.validation = b.validation;
        this.earlyStopping = b.earlyStopping;
        this.weightDecay = b.weightDecay;
        this.gradientClipNorm = b.gradientClipNorm;
        this.classWeights = b.classWeights;
        this.dropout = Collections.unmodifiableMap(new TreeMap<>(b.dropout));
        this.threads = b.threads;
        this.divergenceFactor = b.divergenceFactor;
        this.task = b.task;
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults: stands for {@code TrainingConfig.builder().build()}} */
    public static TrainingConfig defaults() {
        return builder().build();
    }

    /**
     * Plain mini-batch SGD for exactly {@code epochs} epochs, as the textbook: no validation, no
     * early stopping, no weight decay. Stands for {@code builder().optimizer(new Sgd(learningRate))
     * .epochs(epochs).batchSize(batchSize).seed(seed).noValidation().noEarlyStopping()
     * .weightDecay(WeightDecay.none()).build()}.
     *
     * @param learningRate {@code η}, finite and &gt; 0
     * @param epochs passes over the data, &gt; 0
     * @param batchSize rows per update, &gt; 0
     * @param seed the seed
     * @return the configuration
     */
    public static TrainingConfig sgd(double learningRate, int epochs, int batchSize, long seed) {
        return builder().optimizer(new Sgd(learningRate)).epochs(epochs).batchSize(batchSize).seed(seed)
                .noValidation().noEarlyStopping().weightDecay(WeightDecay.none()).build();
    }

    /** {@return a builder starting from this config's settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.optimizer = optimizer;
        b.loss = loss;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.schedule = schedule;
        b.seed = seed;
        b.shuffle = shuffle;
        b.validation = validation;
        b.earlyStopping = earlyStopping;
        b.weightDecay = weightDecay;
        b.gradientClipNorm = gradientClipNorm;
        b.classWeights = classWeights;
        b.dropout.putAll(dropout);
        b.threads = threads;
        b.divergenceFactor = divergenceFactor;
        b.task = task;
        return b;
    }

    /** {@return the update rule; its per-parameter state lives in the layers and persists across calls of fit} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return the loss, or empty to choose it from the network's last layer ({@link Loss#forOutput})} */
    public Optional<Loss> loss() {
        return Optional.ofNullable(loss);
    }

    /** {@return the most epochs to train (early stopping or a listener may stop sooner)} */
    public int epochs() {
        return epochs;
    }

    /** {@return rows per update step; the last batch of an epoch may be smaller} */
    public int batchSize() {
        return batchSize;
    }

    /** {@return the learning rate of each epoch} */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Seed of the shuffle, the validation split and dropout.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /** {@return whether the rows are shuffled before each epoch} */
    public boolean shuffle() {
        return shuffle;
    }

    /** {@return where validation rows come from, if anywhere} */
    public Optional<Validation> validation() {
        return Optional.ofNullable(validation);
    }

    /**
     * When to stop before {@link #epochs()}, if ever.
     *
     * @return the early stopping, if any
     */
    public Optional<EarlyStopping> earlyStopping() {
        return Optional.ofNullable(earlyStopping);
    }

    /** {@return the L2 penalty {@code (λ/2)·Σ W²} on weights (never biases)} */
    public WeightDecay weightDecay() {
        return weightDecay;
    }

    /** {@return the largest L2 norm a parameter's gradient may have before it is scaled down; infinite for no clipping} */
    public double gradientClipNorm() {
        return gradientClipNorm;
    }

    /**
     * Per-class weights of the loss, if any.
     *
     * @return the class weights, if any
     */
    public Optional<ClassWeights> classWeights() {
        return Optional.ofNullable(classWeights);
    }

    /**
     * Inverted-dropout rates by layer index: the rate at which layer {@code l}'s outputs are zeroed in training.
     *
     * @return the rate of each layer that has dropout (unmodifiable)
     */
    public Map<Integer, Double> dropout() {
        return dropout;
    }

    /**
     * The most threads a training step is shared among; a step with little work uses fewer, one
     * below about 4 M multiply-adds per thread in its forward pass. Every number is computed by one
     * thread in a fixed order, so the same seed gives bit-identical training whatever this is.
     *
     * @return the most threads
     */
    public int threads() {
        return threads;
    }

    /**
     * The divergence check: training stops with a {@code TrainingDivergedException} when an
     * epoch's training loss exceeds this factor times the reference loss, the larger of the
     * run's first batch loss (at initialisation) and the loss of the best constant prediction
     * (docs/training.md, "Divergence"). Infinite when the check is off.
     *
     * @return the factor, &gt; 1, or infinity
     */
    public double divergenceFactor() {
        return divergenceFactor;
    }

    /**
     * The task training records on the network, when given; else it follows from the loss
     * (cross-entropy classifies, mean squared error regresses) or, for a loss of your own, from
     * whether fit is given class labels or target values.
     *
     * @return the task, when given
     */
    public Optional<Task> task() {
        return Optional.ofNullable(task);
    }

    @Override
    public String toString() {
        return "TrainingConfig(" + optimizer + ", loss " + (loss == null ? "from the output layer" : loss)
                + ", epochs " + epochs + ", batch " + batchSize + ", " + schedule + ", seed " + seed
                + (shuffle ? "" : ", no shuffle") + ", " + (validation == null ? "no validation" : validation)
                + ", " + (earlyStopping == null ? "no early stopping" : earlyStopping)
                + ", " + weightDecay
                + (Double.isInfinite(gradientClipNorm) ? "" : ", clip norm " + gradientClipNorm)
                + (classWeights == null ? "" : ", " + classWeights)
                + (dropout.isEmpty() ? "" : ", dropout " + dropout)
                + (divergenceFactor == DEFAULT_DIVERGENCE_FACTOR ? "" : ", divergence factor " + divergenceFactor) + ")";
    }

    /** Collects settings; {@link #build()} validates them together. Not thread-safe. */
    public static final class Builder {

        private Optimizer optimizer = new Adam();
        private Loss loss;
        private int epochs = DEFAULT_MAX_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private LearningRateSchedule schedule = new ConstantRate();
        private long seed = DEFAULT_SEED;
        private boolean shuffle = true;
        private Validation validation = Validation.fraction(DEFAULT_VALIDATION_FRACTION);
        private EarlyStopping earlyStopping = EarlyStopping.onValidationLoss(DEFAULT_PATIENCE);
        private WeightDecay weightDecay = WeightDecay.prior(WeightDecay.DEFAULT_PRECISION);
        private double gradientClipNorm = Double.POSITIVE_INFINITY;
        private ClassWeights classWeights;
        private final Map<Integer, Double> dropout = new TreeMap<>();
        private int threads = Runtime.getRuntime().availableProcessors();
        private double divergenceFactor = DEFAULT_DIVERGENCE_FACTOR;
        private Task task;

        private Builder() {
        }

        /**
         * The most threads for a training step (default: the available processors); 1 trains on
         * the calling thread alone. A small step runs on fewer, one below about 4 M multiply-adds
         * per thread in its forward pass, so more threads do not slow a small network down.
         * Results do not depend on it.
         *
         * @param threads at most this many threads, &gt;= 1
         * @return this builder
         */
        public Builder threads(int threads) {
            checkArgument(threads > 0, "threads must be > 0, got %d", threads);
            this.threads = threads;
            return this;
        }

        /**
         * The update rule (default {@code new Adam()}).
         *
         * @param optimizer the update rule
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = checkNotNull(optimizer, "optimizer");
            return this;
        }

        /**
         * The loss (default: chosen from the network's last layer).
         *
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = checkNotNull(loss, "loss");
            return this;
        }

        /**
         * The most epochs, &gt; 0 (default {@value TrainingConfig#DEFAULT_MAX_EPOCHS}).
         *
         * @param epochs passes over the data, &gt; 0
         * @return this builder
         */
        public Builder epochs(int epochs) {
            checkArgument(epochs > 0, "epochs must be > 0, got %d", epochs);
            this.epochs = epochs;
            return this;
        }

        /**
         * Rows per update, &gt; 0 (default {@value TrainingConfig#DEFAULT_BATCH_SIZE}).
         *
         * @param batchSize rows per update, &gt; 0
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            checkArgument(batchSize > 0, "batch size must be > 0, got %d", batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The learning-rate schedule (default {@link ConstantRate}).
         *
         * @param schedule the learning-rate schedule
         * @return this builder
         */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = checkNotNull(schedule, "schedule");
            return this;
        }

        /**
         * Seed of the shuffle, the validation split and dropout (default {@value TrainingConfig#DEFAULT_SEED}).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Whether to shuffle the rows before each epoch (default true).
         *
         * @param shuffle whether to shuffle before each epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Where validation rows come from (default {@code Validation.fraction(0.1)}).
         *
         * @param validation where validation rows come from
         * @return this builder
         */
        public Builder validation(Validation validation) {
            this.validation = checkNotNull(validation, "validation");
            return this;
        }

        /**
         * Train on every row and validate on none; early stopping must then watch a training metric or be off.
         *
         * @return this builder
         */
        public Builder noValidation() {
            this.validation = null;
            return this;
        }

        /**
         * When to stop early (default: validation loss, patience {@value TrainingConfig#DEFAULT_PATIENCE}, best weights restored).
         *
         * @param earlyStopping when to stop early
         * @return this builder
         */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = checkNotNull(earlyStopping, "earlyStopping");
            return this;
        }

        /**
         * Always train for {@link #epochs} epochs (unless a listener stops).
         *
         * @return this builder
         */
        public Builder noEarlyStopping() {
            this.earlyStopping = null;
            return this;
        }

        /**
         * The L2 penalty on weights, never biases: {@code dW += λ·W} (default
         * {@code WeightDecay.prior(6.0)}, {@code λ = 6/n}).
         *
         * @param weightDecay the L2 penalty on weights
         * @return this builder
         */
        public Builder weightDecay(WeightDecay weightDecay) {
            this.weightDecay = checkNotNull(weightDecay, "weightDecay");
            return this;
        }

        /**
         * A fixed {@code λ}: stands for {@code weightDecay(WeightDecay.fixed(lambda))}.
         *
         * @param lambda {@code λ}, finite and &gt;= 0
         * @return this builder
         */
        public Builder weightDecay(double lambda) {
            return weightDecay(WeightDecay.fixed(lambda));
        }

        /**
         * Scale each parameter's gradient down to L2 norm {@code maxNorm} when it is larger; finite and &gt; 0.
         *
         * @param maxNorm the largest gradient norm, finite and &gt; 0
         * @return this builder
         */
        public Builder gradientClipNorm(double maxNorm) {
            checkArgument(maxNorm > 0 && Double.isFinite(maxNorm), "gradient clip norm must be finite and > 0, got %s", maxNorm);
            this.gradientClipNorm = maxNorm;
            return this;
        }

        /**
         * Per-class loss weights for imbalanced classification (default none: every row counts once).
         *
         * @param classWeights per-class loss weights
         * @return this builder
         */
        public Builder classWeights(ClassWeights classWeights) {
            this.classWeights = checkNotNull(classWeights, "classWeights");
            return this;
        }

        /**
         * Inverted dropout on the output of layer {@code layer} (from 0; not the last layer): in
         * training each output is zeroed with probability {@code rate} and the rest scaled by
         * {@code 1/(1 − rate)}; prediction uses every unit unscaled.
         *
         * @param rate in {@code [0, 1)}; 0 removes dropout from that layer
         * @param layer the layer index, from 0
         * @return this builder
         */
        public Builder dropout(int layer, double rate) {
            checkArgument(layer >= 0, "dropout layer index must be >= 0, got %d", layer);
            checkArgument(rate >= 0 && rate < 1, "dropout rate must be in [0, 1), got %s", rate);
            if (rate == 0) {
                dropout.remove(layer);
            } else {
                dropout.put(layer, rate);
            }
            return this;
        }

        /**
         * The divergence check's factor (default {@value TrainingConfig#DEFAULT_DIVERGENCE_FACTOR}):
         * an epoch whose training loss exceeds {@code factor} times the reference loss stops
         * training with a {@code TrainingDivergedException}; see {@link TrainingConfig#divergenceFactor()}.
         *
         * @param factor finite and &gt; 1
         * @return this builder
         */
        public Builder divergenceFactor(double factor) {
            checkArgument(factor > 1 && Double.isFinite(factor), "divergence factor must be finite and > 1, got %s", factor);
            this.divergenceFactor = factor;
            return this;
        }

        /**
         * Switches the divergence check off: a loss that grows but stays finite no longer stops
         * training (a non-finite one still does).
         *
         * @return this builder
         */
        public Builder noDivergenceCheck() {
            this.divergenceFactor = Double.POSITIVE_INFINITY;
            return this;
        }

        /**
         * The task to record on the network, e.g. regression through a Tanh or Sigmoid output with
         * a loss of your own (default: from the loss; see {@link TrainingConfig#task()}).
         *
         * @param task classification or regression
         * @return this builder
         */
        public Builder task(Task task) {
            this.task = checkNotNull(task, "task");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if early stopping or the schedule watches validation
         *                                  metrics but there is no validation
         * @return the configuration
         */
        public TrainingConfig build() {
            if (validation == null) {
                checkArgument(earlyStopping == null || !earlyStopping.monitor().needsValidation(),
                        "early stopping watches %s but there is no validation; set validation(...), monitor a"
                                + " training metric, or call noEarlyStopping()", earlyStopping == null ? null : earlyStopping.monitor());
                checkArgument(!schedule.needsValidation(),
                        "the schedule %s watches a validation metric but there is no validation; set validation(...)", schedule);
            }
            return new TrainingConfig(this);
        }
    }
}
