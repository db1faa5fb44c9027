/**
 * Getting data into a network: {@link io.github.backprop4j.data.Dataset}, CSV loading with
 * errors that name the line and column ({@link io.github.backprop4j.data.CsvLoader}), scaling
 * ({@link io.github.backprop4j.data.StandardScaler}), seeded splits ({@link
 * io.github.backprop4j.data.Splits}) and the bundled iris data ({@link
 * io.github.backprop4j.data.Datasets}). See docs/data.md.
 */
package io.github.backprop4j.data;
