package io.github.backprop4j;

import io.github.backprop4j.io.ModelData;
import io.github.backprop4j.io.ModelFile;
import io.github.backprop4j.io.ModelFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Model files on disk. A read refuses a file over {@link ModelFile#MAX_BYTES} by its size, before
 * reading a byte. A save writes {@code .<name>.<16 hex digits>.tmp} beside the target, forces it to
 * disk, gives it the mode of the file it replaces, and renames it over the target; leftovers of
 * that pattern (a save killed midway) older than {@link #STALE} are removed by the next save.
 */
final class ModelPaths {

    /** Temporary files of the target's pattern older than this are leftovers of a killed save. */
    static final Duration STALE = Duration.ofHours(1);

    private ModelPaths() {
    }

    static ModelData read(Path file, io.github.backprop4j.io.PartRegistry parts) {
        String source = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size > ModelFile.MAX_BYTES) {
                throw new ModelFormatException(source, 0, size + " bytes, more than the " + ModelFile.MAX_BYTES
                        + " a model file may have; not read", null);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ModelFile.read(in, source, parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + reason(e), e);
        }
    }

    /** What the operating system said, in words: "no such file", "permission denied", ... */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.toString();
    }

    /** Writes {@code data} to a temporary file beside {@code file}, forces it to disk, then renames it over {@code file}. */
    static void save(ModelData data, Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        try {
            Files.createDirectories(dir);
            removeLeftovers(dir, prefix);
            Path temporary = create(dir, prefix);
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    ModelFile.write(data, out);
                    channel.force(true);    // the bytes on disk before the name points at them
                }
                keepMode(target, temporary);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the model to " + file + ": " + reason(e), e);
        }
    }

    /** A new, empty {@code <prefix><16 hex digits>.tmp}, with the permissions the umask gives a new file. */
    private static Path create(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path p = dir.resolve(prefix + "0".repeat(16 - hex.length()) + hex + ".tmp");
            try {
                return Files.createFile(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private static boolean isTemporary(String name, String prefix) {
        return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() == prefix.length() + 20
                && name.substring(prefix.length(), prefix.length() + 16).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** Deletes this target's temporary files older than {@link #STALE}; a save in progress writes younger ones. */
    private static void removeLeftovers(Path dir, String prefix) throws IOException {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> isTemporary(p.getFileName().toString(), prefix))) {
            for (Path p : files) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another save removed it first, or it is not ours to remove: leave it
                }
            }
        }
    }

    /** The replaced file's permissions on the new one, where the file system has POSIX modes. */
    private static void keepMode(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.exists(target)) {
            Files.setPosixFilePermissions(temporary, view.readAttributes().permissions());
        }
    }

    /** Makes the rename itself durable where the platform can force a directory (Linux, macOS); elsewhere a no-op. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the file's own data is forced already
        }
    }
}
