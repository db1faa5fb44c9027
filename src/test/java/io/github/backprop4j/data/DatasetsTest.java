package io.github.backprop4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void iris() {
        Dataset iris = Datasets.iris();
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.featureNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.features()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.labels()[0]).isEqualTo(0);
        assertThat(iris.labels()[149]).isEqualTo(2);
        assertThat(iris.toString()).contains("setosa 50", "versicolor 50", "virginica 50");
    }
}
