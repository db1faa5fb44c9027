package io.github.backprop4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** WeightDecay, ClassWeights, EarlyStopping and Validation settings. */
class RegularisationSettingsTest {

    @Test
    void weightDecay() {
        assertThat(WeightDecay.fixed(0.01).lambda(500)).isEqualTo(0.01);
        assertThat(WeightDecay.prior(3).lambda(150)).isEqualTo(0.02);
        assertThat(WeightDecay.none().isNone()).isTrue();
        assertThat(WeightDecay.prior(3)).isEqualTo(WeightDecay.prior(3.0)).isNotEqualTo(WeightDecay.fixed(3));
        assertThat(WeightDecay.prior(3)).hasToString("WeightDecay(prior 3.0/n)");
        assertThatThrownBy(() -> WeightDecay.fixed(Double.NaN)).hasMessage("weight decay must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> WeightDecay.prior(-1)).hasMessage("prior precision must be finite and >= 0, got -1.0");
    }

    @Test
    void balancedClassWeightsAreInverseToFrequency() {
        // 6 rows, 3 classes: counts 3, 2, 1 → w_k = 6 / (3 · n_k)
        double[] w = ClassWeights.balanced().forLabels(new int[] {0, 0, 0, 1, 1, 2}, 3);
        assertThat(w).containsExactly(2.0 / 3, 1.0, 2.0);
        assertThat(ClassWeights.of(1, 5).forLabels(new int[] {0, 1}, 2)).containsExactly(1, 5);
        assertThatThrownBy(() -> ClassWeights.of(1, 5).forLabels(new int[] {0}, 3))
                .hasMessage("2 class weights were given but the network has 3 classes");
        assertThatThrownBy(() -> ClassWeights.of(1, -1)).hasMessage("class weight 1 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> ClassWeights.of(0, 0)).hasMessageContaining("at least one class weight must be > 0");
    }

    @Test
    void earlyStoppingAndValidationSettings() {
        assertThat(EarlyStopping.onValidationLoss(7)).isEqualTo(new EarlyStopping(Monitor.VALIDATION_LOSS, 7, 0, true));
        assertThatThrownBy(() -> new EarlyStopping(Monitor.VALIDATION_LOSS, 0, 0, true)).hasMessage("patience must be > 0, got 0");
        assertThatThrownBy(() -> Validation.fraction(1)).hasMessage("validation fraction must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Validation.of(new double[][] {{1}}, new int[] {0, 1}))
                .hasMessage("validation features have 1 rows but validation labels have 2");
        double[][] x = {{1, 2}};
        Validation v = Validation.of(x, new int[] {1});
        x[0][0] = 9;
        assertThat(v.features()[0][0]).isEqualTo(1);
        assertThat(v.isFraction()).isFalse();
        assertThat(Validation.fraction(0.2).fractionValue()).isEqualTo(0.2);
    }
}
