/**
 * Measuring a model: {@link io.github.backprop4j.eval.ConfusionMatrix},
 * {@link io.github.backprop4j.eval.ClassificationReport} (per-class precision, recall, F1, support,
 * averages, and log loss and ROC AUC from probabilities) and
 * {@link io.github.backprop4j.eval.RegressionReport} (MSE, MAE, RMSE, R²).
 */
package io.github.backprop4j.eval;
