package io.github.backprop4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private final ConfusionMatrix cm = ConfusionMatrix.of(
            new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, List.of("a", "bb", "c"));

    @Test
    void count() {
        assertThat(cm.count(0, 0)).isEqualTo(1);
        assertThat(cm.count(0, 1)).isEqualTo(1);
        assertThat(cm.count(1, 1)).isEqualTo(2);
        assertThat(cm.count(2, 0)).isEqualTo(1);
        assertThat(cm.total()).isEqualTo(6);
    }

    @Test
    void accuracy() {
        assertThat(cm.accuracy()).isEqualTo(4.0 / 6);
    }

    @Test
    void toStringIsATableWithTheClassNames() {
        String[] lines = cm.toString().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("a").contains("bb").contains("c");
        assertThat(lines[3]).startsWith("c").endsWith("1      0      1");
    }

    @Test
    void ofRejectsBadInput() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, List.of("a", "b")))
                .hasMessage("actual has 1 entries but predicted has 2");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {2}, List.of("a", "b")))
                .hasMessage("predicted[0] is 2, expected [0, 2)");
        assertThatThrownBy(() -> cm.count(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count(3, 0): class indices must be in [0, 3)");
    }
}
