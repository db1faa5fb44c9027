package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.loss.MeanSquaredError;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.Sgd;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void sgd() {
        TrainingConfig config = TrainingConfig.sgd(0.05, 10, 16, 3L);
        assertThat(((Sgd) config.optimizer()).learningRate()).isEqualTo(0.05);
        assertThat(config.epochs()).isEqualTo(10);
        assertThat(config.batchSize()).isEqualTo(16);
        assertThat(config.seed()).isEqualTo(3L);
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> TrainingConfig.sgd(0, 10, 16, 3L)).hasMessage("learning rate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> TrainingConfig.sgd(Double.NaN, 10, 16, 3L)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> TrainingConfig.sgd(0.1, 0, 16, 3L)).hasMessage("epochs must be > 0, got 0");
        assertThatThrownBy(() -> TrainingConfig.sgd(0.1, 1, -2, 3L)).hasMessage("batch size must be > 0, got -2");
        assertThatThrownBy(() -> TrainingConfig.builder().optimizer(null)).hasMessage("optimizer must not be null");
        assertThatThrownBy(() -> TrainingConfig.builder().weightDecay(-1)).hasMessage("weight decay must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> TrainingConfig.builder().gradientClipNorm(0)).hasMessage("gradient clip norm must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> TrainingConfig.builder().dropout(0, 1.0)).hasMessage("dropout rate must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> TrainingConfig.builder().dropout(-1, 0.5)).hasMessage("dropout layer index must be >= 0, got -1");
    }

    @Test
    void defaultsAreAdamWithValidationAndEarlyStopping() {
        TrainingConfig d = TrainingConfig.defaults();
        assertThat(d.optimizer()).isEqualTo(new Adam(0.001));
        assertThat(d.batchSize()).isEqualTo(32);
        assertThat(d.loss()).isEmpty();
        assertThat(d.validation()).get().extracting(Validation::fractionValue).isEqualTo(0.1);
        assertThat(d.earlyStopping()).contains(new EarlyStopping(Monitor.VALIDATION_LOSS, TrainingConfig.DEFAULT_PATIENCE, 0, true));
        assertThat(d.schedule()).isEqualTo(new ConstantRate());
        assertThat(d.shuffle()).isTrue();
        assertThat(d.weightDecay()).isEqualTo(WeightDecay.prior(6.0));
        assertThat(d.weightDecay().lambda(100)).isEqualTo(0.06);
        assertThat(d.gradientClipNorm()).isInfinite();
        assertThat(d.classWeights()).isEmpty();
        assertThat(d.dropout()).isEmpty();
    }

    @Test
    void builderSetsEverySettingAndToBuilderKeepsThem() {
        TrainingConfig c = TrainingConfig.builder().optimizer(new Sgd(0.1)).loss(new MeanSquaredError()).epochs(7)
                .batchSize(5).schedule(new StepDecay(2, 0.5)).seed(9).shuffle(false).validation(Validation.fraction(0.2))
                .earlyStopping(new EarlyStopping(Monitor.VALIDATION_ACCURACY, 3, 0.01, false)).weightDecay(1e-3)
                .gradientClipNorm(5).classWeights(ClassWeights.balanced()).dropout(0, 0.25).dropout(1, 0.5).dropout(1, 0)
                .build();
        TrainingConfig copy = c.toBuilder().build();
        for (TrainingConfig t : new TrainingConfig[] {c, copy}) {
            assertThat(t.optimizer()).isEqualTo(new Sgd(0.1));
            assertThat(t.loss()).contains(new MeanSquaredError());
            assertThat(t.epochs()).isEqualTo(7);
            assertThat(t.batchSize()).isEqualTo(5);
            assertThat(t.schedule()).isEqualTo(new StepDecay(2, 0.5));
            assertThat(t.seed()).isEqualTo(9);
            assertThat(t.shuffle()).isFalse();
            assertThat(t.earlyStopping().get().patience()).isEqualTo(3);
            assertThat(t.weightDecay()).isEqualTo(WeightDecay.fixed(1e-3));
            assertThat(t.gradientClipNorm()).isEqualTo(5);
            assertThat(t.dropout()).containsExactly(java.util.Map.entry(0, 0.25));
        }
        assertThatThrownBy(() -> c.dropout().put(3, 0.1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesValidationMonitorsWithoutValidation() {
        assertThatThrownBy(() -> TrainingConfig.builder().noValidation().build())
                .hasMessageStartingWith("early stopping watches VALIDATION_LOSS but there is no validation");
        assertThatThrownBy(() -> TrainingConfig.builder().noValidation().noEarlyStopping().schedule(new ReduceOnPlateau()).build())
                .hasMessageContaining("watches a validation metric but there is no validation");
        assertThat(TrainingConfig.builder().noValidation()
                .earlyStopping(new EarlyStopping(Monitor.TRAINING_LOSS, 5, 0, false)).build().validation()).isEmpty();
    }
}
