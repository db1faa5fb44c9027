package io.github.backprop4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.backprop4j.activation.Softmax;
import io.github.backprop4j.data.Datasets;
import io.github.backprop4j.io.ModelFile;
import io.github.backprop4j.io.ModelFormatException;
import io.github.backprop4j.train.TrainingConfig;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files on disk: refused by size, saved with the replaced file's mode, temporary files named and cleaned up. */
class ModelPathsTest {

    @TempDir
    Path dir;

    private static final Model MODEL = Model.train(Datasets.iris(), new NeuralNet(new LinearLayer(4, 3, new Softmax(),
            new Random(1))), TrainingConfig.builder().epochs(2).noValidation().noEarlyStopping().seed(1).build());

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSavedFileKeepsTheModeOfTheFileItReplacesOrFollowsTheUmask() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));     // what the umask gives a new file
        Path fresh = dir.resolve("fresh.model");
        MODEL.save(fresh);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(reference));
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw-rw-rw-"}) {
            Path shared = dir.resolve("shared-" + mode + ".model");
            Files.writeString(shared, "an older model");
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString(mode));
            MODEL.save(shared);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo(mode);
            assertThat(Model.load(shared).predict(new double[] {5.1, 3.5, 1.4, 0.2}))
                    .isEqualTo(MODEL.predict(new double[] {5.1, 3.5, 1.4, 0.2}));
        }
        assertThat(names()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aSaveRemovesItsTargetsTemporaryFilesOlderThanAnHourAndNothingElse() throws IOException {
        Path target = dir.resolve("m.model");
        Path old = Files.writeString(dir.resolve(".m.model.00000000deadbeef.tmp"), "");
        Path young = Files.writeString(dir.resolve(".m.model.0123456789abcdef.tmp"), "");
        Path otherTarget = Files.writeString(dir.resolve(".n.model.00000000deadbeef.tmp"), "");
        Path notOurs = Files.writeString(dir.resolve(".m.model.backup.tmp"), "");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minusSeconds(7200));
        for (Path p : new Path[] {old, otherTarget, notOurs}) {
            Files.setLastModifiedTime(p, twoHoursAgo);
        }
        Files.setLastModifiedTime(young, FileTime.from(Instant.now().minusSeconds(600)));   // maybe a save in progress
        MODEL.save(target);
        assertThat(names()).containsExactly(".m.model.0123456789abcdef.tmp", ".m.model.backup.tmp",
                ".n.model.00000000deadbeef.tmp", "m.model");
    }

    @Test
    void aFileOverTheLimitIsRefusedByItsSizeBeforeAnyRead() throws IOException {
        Path huge = dir.resolve("huge.model");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1_100_000_000L);    // sparse: no disk used
        }
        assertThatThrownBy(() -> Model.load(huge)).isInstanceOf(ModelFormatException.class)
                .hasMessage("huge.model: 1100000000 bytes, more than the 1073741824 a model file may have; not read");
        assertThatThrownBy(() -> Model.loadCheckpoint(huge)).isInstanceOf(ModelFormatException.class);
    }

    /** The same in a JVM with a 64 MiB heap: refused in well under a second, where reading it whole ran out of memory. */
    @Test
    void aFileOverTheLimitIsRefusedInASmallHeap() throws Exception {
        Path huge = dir.resolve("huge.model");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1_100_000_000L);
        }
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", ResumeTest.classPath(), LoadInASmallHeap.class.getName(), huge.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).startsWith("refused in ").contains("more than the 1073741824 a model file may have");
        long millis = Long.parseLong(out.substring("refused in ".length(), out.indexOf(" ms")));
        assertThat(millis).isLessThan(1000);
    }

    /** The child of {@link #aFileOverTheLimitIsRefusedInASmallHeap}: loads the file, prints how it was refused. */
    static final class LoadInASmallHeap {
        public static void main(String[] args) {
            long start = System.nanoTime();
            try {
                Model.load(Path.of(args[0]));
                System.out.println("loaded");
                System.exit(1);
            } catch (ModelFormatException e) {
                System.out.println("refused in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e.getMessage());
            }
        }
    }

    @Test
    void theOperatingSystemsReasonIsInTheMessage() throws IOException {
        assertThatThrownBy(() -> Model.load(dir.resolve("absent.model"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageEndingWith("absent.model: no such file");
        assertThatThrownBy(() -> Model.load(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageEndingWith(dir.getFileName() + ": Is a directory");
        assertThat(ModelPaths.reason(new AccessDeniedException("/srv/models/iris.model"))).isEqualTo("permission denied");
        Path file = Files.writeString(dir.resolve("file"), "not a directory");
        assertThatThrownBy(() -> MODEL.save(file.resolve("under-a-file.model")))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("could not save the model to " + file);
        assertThat(ModelFile.MAX_BYTES).isEqualTo(1 << 30);
    }

    /**
     * Saves killed with SIGKILL at random moments: the target always loads as one of the two
     * models being saved, never a part; what is left beside it is temporary files of the pattern,
     * which the next save removes once they are older than an hour.
     */
    @Test
    void aSaveKilledAtAnyMomentLeavesTheTargetWholeAndOnlyTemporaryFilesThatALaterSaveRemoves() throws Exception {
        Path target = dir.resolve("m.model");
        Random moments = new Random(7);
        double[] flower = {5.1, 3.5, 1.4, 0.2};
        List<double[]> outputs = List.of(MODEL.predictValues(flower), SaveForEver.other().predictValues(flower));
        for (int round = 0; round < 8; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    ResumeTest.classPath(), SaveForEver.class.getName(), target.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            // after the first save has begun (the child says so), kill it somewhere in its loop
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Files.size(dir.resolve("child.log")) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(moments.nextInt(200));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(Files.readString(dir.resolve("child.log"))).as("the child ran").isEqualTo("saving\n");
            if (Files.exists(target)) {
                double[] loaded = Model.load(target).predictValues(flower);
                assertThat(outputs).as("round %d", round).anySatisfy(o -> assertThat(loaded).containsExactly(o));
            }
        }
        assertThat(target).as("saves completed before the kills").exists();
        List<String> left = names().stream().filter(n -> !n.equals("m.model") && !n.equals("child.log")).toList();
        assertThat(left).allMatch(n -> n.matches("\\.m\\.model\\.[0-9a-f]{16}\\.tmp"));
        for (String n : left) {
            Files.setLastModifiedTime(dir.resolve(n), FileTime.from(Instant.now().minusSeconds(7200)));
        }
        MODEL.save(target);
        assertThat(names()).containsExactly("child.log", "m.model");
    }

    /** The child of the killed-save test: says it started, then saves two models in turn until killed. */
    static final class SaveForEver {
        static Model other() {
            return Model.train(Datasets.iris(), new NeuralNet(new LinearLayer(4, 3, new Softmax(), new Random(2))),
                    TrainingConfig.builder().epochs(2).noValidation().noEarlyStopping().seed(2).build());
        }

        public static void main(String[] args) {
            Path target = Path.of(args[0]);
            Model[] models = {MODEL, other()};
            System.out.println("saving");
            for (int i = 0; ; i++) {
                models[i % 2].save(target);
            }
        }
    }
}
