package io.github.backprop4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Data sets bundled in the library's JAR, as scikit-learn's {@code load_iris}.
 *
 * <pre>{@code
 * Dataset iris = Datasets.iris();   // 150 rows, 4 features, 3 classes
 * }</pre>
 */
public final class Datasets {

    private static final String IRIS = "iris.csv";

    private Datasets() {
    }

    /**
     * R. A. Fisher's iris data (1936): 150 flowers, 50 of each species (setosa, versicolor,
     * virginica, labels 0, 1, 2), with sepal length, sepal width, petal length and petal width in cm.
     *
     * @return the 150 iris flowers, 4 features, 3 classes
     */
    public static Dataset iris() {
        return bundled(IRIS, new CsvLoader().withLabelColumn("species"));
    }

    private static Dataset bundled(String name, CsvLoader loader) {
        try (InputStream in = Datasets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled data set " + name + " is missing from the JAR");
            }
            return loader.load(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled " + name, e);
        }
    }
}
