/**
 * Pictures drawn with the JDK's own Java2D and written as PNG with ImageIO, headless, with no
 * chart library: {@link io.github.backprop4j.plot.LineChart} for curves and
 * {@link io.github.backprop4j.plot.TrainingChart} for a {@link io.github.backprop4j.train.History} and
 * {@link io.github.backprop4j.plot.DecisionMap} for the decision regions of a two-feature classifier.
 * This is the only package that needs the {@code java.desktop} module.
 */
package io.github.backprop4j.plot;
