package io.github.backprop4j.spark;

import java.io.Serializable;

/**
 * A training row with its global index: the features (already scaled when the estimator scales)
 * and the class label.
 *
 * @param index    the row's position in the data set, from 0
 * @param features the feature values
 * @param label    the class, from 0
 */
record IndexedRow(long index, double[] features, int label) implements Serializable {
}
