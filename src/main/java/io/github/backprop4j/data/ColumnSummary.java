package io.github.backprop4j.data;

import java.util.Map;

/**
 * What one column of a table or data set holds, as {@link DataSummary} lists it.
 *
 * @param name         the column's name
 * @param kind         a number or category feature, the label or a target
 * @param missing      how many cells are missing
 * @param distinct     how many distinct values the present cells hold
 * @param min          the smallest number; NaN for a category or label, or when no cell is present
 * @param max          the largest number; NaN likewise
 * @param mostFrequent for a category or label, up to its 3 most frequent values with their counts,
 *                     most frequent first (ties by name); empty for numbers
 */
public record ColumnSummary(String name, Schema.Role kind, int missing, int distinct, double min, double max,
        Map<String, Integer> mostFrequent) {

    /**
     * Copies {@code mostFrequent}, keeping its order.
     *
     * @param name         the column's name
     * @param kind         a number or category feature, the label or a target
     * @param missing      how many cells are missing
     * @param distinct     how many distinct values the present cells hold
     * @param min          the smallest number, or NaN
     * @param max          the largest number, or NaN
     * @param mostFrequent up to 3 most frequent values with their counts, most frequent first
     */
    public ColumnSummary {
        mostFrequent = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mostFrequent));
    }
}
