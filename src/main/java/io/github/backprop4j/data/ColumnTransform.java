package io.github.backprop4j.data;

import static io.github.backprop4j.internal.Checks.checkArgument;
import static io.github.backprop4j.internal.Checks.checkNotNull;

import io.github.backprop4j.math.Matrices;

/**
 * The per-column affine map both scalers apply, {@code x' = (x − offset) / scale}, with the
 * checks of its statistics. Immutable.
 */
final class ColumnTransform {

    private final String owner;
    private final double[] offset;
    private final double[] scale;

    /**
     * @param owner      the scaler's name, for messages
     * @param offsetName what the offset is called, e.g. "mean"
     * @param scaleName  what the scale is called, e.g. "scale"
     */
    ColumnTransform(String owner, String offsetName, double[] offset, String scaleName, double[] scale) {
        checkNotNull(offset, offsetName);
        checkNotNull(scale, scaleName);
        checkArgument(offset.length > 0 && offset.length == scale.length,
                "%s and %s must have the same, non-zero length, got %d and %d",
                offsetName, scaleName, offset.length, scale.length);
        for (int j = 0; j < offset.length; j++) {
            checkArgument(Double.isFinite(offset[j]), "%s[%d] is %s, expected a finite number", offsetName, j, offset[j]);
            checkArgument(Double.isFinite(scale[j]) && scale[j] > 0,
                    "%s[%d] is %s, expected a finite number > 0", scaleName, j, scale[j]);
        }
        this.owner = owner;
        this.offset = offset.clone();
        this.scale = scale.clone();
    }

    /** Checks {@code x} as training data for {@code owner.fit}. */
    static void checkFitInput(String owner, double[][] x) {
        Matrices.checkMatrix(x, owner + ".fit: x");
        Matrices.checkFinite(x, owner + ".fit: x");
    }

    /** Applies {@code x' = (x − offset) / scale} to each column; {@code x} not modified. */
    double[][] apply(double[][] x) {
        Matrices.checkMatrix(x, owner + ".transform: x");
        checkArgument(x[0].length == offset.length,
                "%s.transform: x is %s but the scaler was fitted on %d columns", owner, Matrices.shape(x), offset.length);
        double[][] out = new double[x.length][offset.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < offset.length; j++) {
                out[i][j] = (x[i][j] - offset[j]) / scale[j];
            }
        }
        return out;
    }

    /** Applies the map to one row into {@code out}, allocating nothing unless a length is wrong. */
    void applyRow(double[] row, double[] out) {
        if (row == null || out == null || row.length != offset.length || out.length != offset.length) {
            throw new IllegalArgumentException(String.format("%s.transformRow: row has %s values and out %s, expected %d each",
                    owner, row == null ? "no" : String.valueOf(row.length), out == null ? "no" : String.valueOf(out.length),
                    offset.length));
        }
        for (int j = 0; j < offset.length; j++) {
            // x' = (x − offset) / scale
            out[j] = (row[j] - offset[j]) / scale[j];
        }
    }

    int columns() {
        return offset.length;
    }

    double[] offset() {
        return offset.clone();
    }

    double[] scale() {
        return scale.clone();
    }
}
