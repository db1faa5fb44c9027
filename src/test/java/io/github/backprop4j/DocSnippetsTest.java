package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet in README.md and docs/*.md compiles against the library as it is: each
 * {@code ```java} block is extracted and compiled by javac as the body of a method. A snippet that
 * takes inputs names them in an HTML comment on the line before it, {@code <!-- given: double[][] x;
 * int[] labels -->}, which become the method's parameters. docs/spark.md is left out: its
 * snippets need Spark, which the core's build does not have (it says so).
 */
class DocSnippetsTest {

    private static final String IMPORTS = String.join("\n", "import io.github.backprop4j.*;",
            "import io.github.backprop4j.activation.*;", "import io.github.backprop4j.data.*;",
            "import io.github.backprop4j.eval.*;", "import io.github.backprop4j.io.*;", "import io.github.backprop4j.loss.*;",
            "import io.github.backprop4j.math.*;", "import io.github.backprop4j.optim.*;", "import io.github.backprop4j.plot.*;",
            "import io.github.backprop4j.onnx.*;",
            "import io.github.backprop4j.train.*;", "import java.nio.file.*;", "import java.util.*;", "");

    @TempDir
    Path dir;

    /** One snippet: where it is, what it takes as given, and its code. */
    record Snippet(String where, String given, String code) {
    }

    @Test
    void everyJavaSnippetInTheReadmeAndTheDocsCompiles() throws Exception {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("snippets found").hasSizeGreaterThanOrEqualTo(8);
        CompileResult result = compile(snippets);
        assertThat(result.exit()).as("javac on the snippets:%n%s", result.output()).isZero();
    }

    /** The check can fail: a snippet that calls a constructor that does not exist is refused, and named. */
    @Test
    void aBrokenSnippetFailsNamingWhereItIs() throws Exception {
        Snippet broken = new Snippet("docs/example.md line 7", "NeuralNet net; double[][] x; int[] labels",
                "net.fit(x, labels, new TrainingConfig(new Sgd(0.1), 10, 16, 1L));");
        CompileResult result = compile(List.of(broken));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("docs_example_md_line_7").contains("TrainingConfig");
    }

    record CompileResult(int exit, String output) {
    }

    static List<Snippet> snippets() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("spark.md")).sorted()
                    .forEach(files::add);
        }
        List<Snippet> out = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("```java")) {
                    continue;
                }
                String given = "";
                if (i > 0 && lines.get(i - 1).startsWith("<!-- given:")) {
                    given = lines.get(i - 1).replaceFirst("^<!-- given:", "").replaceFirst("-->\\s*$", "").trim();
                }
                StringBuilder code = new StringBuilder();
                int start = i + 1;
                for (i = start; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                out.add(new Snippet(file + " line " + start, given, code.toString()));
            }
        }
        return out;
    }

    private CompileResult compile(List<Snippet> snippets) throws IOException, InterruptedException {
        Path sources = Files.createDirectories(dir.resolve("src"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-encoding", "UTF-8", "-nowarn", "-proc:none", "-cp", ResumeTest.classPath(), "-d",
                Files.createDirectories(dir.resolve("out")).toString()));
        for (Snippet s : snippets) {
            String name = s.where().replaceAll("[^A-Za-z0-9]+", "_");
            String parameters = s.given().isEmpty() ? "" : String.join(", ", s.given().split("\\s*;\\s*"));
            String source = IMPORTS + "// " + s.where() + "\nclass " + name + " {\n    void run(" + parameters
                    + ") throws Exception {\n" + s.code() + "    }\n}\n";
            Path file = sources.resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Path log = dir.resolve("javac.log");
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new CompileResult(javac.exitValue(), Files.readString(log));
    }
}
