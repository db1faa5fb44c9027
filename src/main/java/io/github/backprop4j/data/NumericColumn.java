package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import java.util.List;

/**
 * A numeric column: its value as one input, a gap filled with {@code fill}, and with {@code
 * indicator} a second input that is 1 where the value was missing.
 *
 * @param name       the raw column's name
 * @param imputation how {@code fill} was computed from the training rows
 * @param fill       the value a gap becomes, finite
 * @param indicator  whether a missing-value indicator input follows
 */
public record NumericColumn(String name, PreprocessingOptions.Imputation imputation, double fill, boolean indicator)
        implements EncodedColumn {

    /**
     * Checks the parts.
     *
     * @param name       the raw column's name
     * @param imputation how {@code fill} was computed from the training rows
     * @param fill       the value a gap becomes, finite
     * @param indicator  whether a missing-value indicator input follows
     */
    public NumericColumn {
        checkNotNull(name, "name");
        checkNotNull(imputation, "imputation");
        checkArgument(Double.isFinite(fill), "column '%s': fill value %s is not finite", name, fill);
    }

    @Override
    public List<String> inputNames() {
        return indicator ? List.of(name, name + "=" + CategoricalColumn.MISSING) : List.of(name);
    }
}
