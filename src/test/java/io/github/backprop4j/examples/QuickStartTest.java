package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quick start must be the code of QuickStart.java, which the build compiles. */
class QuickStartTest {

    @Test
    void readmeQuickStartIsTheCompiledExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("## Quick start\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a Java quick start block").isTrue();
        List<String> example = Files.readAllLines(Path.of("examples/java/io/github/backprop4j/examples/QuickStart.java"))
                .stream().map(String::strip).toList();
        List<String> lines = block.group(1).strip().lines().map(String::strip).toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(15);
        int from = example.indexOf(lines.get(0));
        assertThat(from).as("first quick start line in QuickStart.java").isNotNegative();
        assertThat(example.subList(from, from + lines.size())).containsExactlyElementsOf(lines);
    }
}
