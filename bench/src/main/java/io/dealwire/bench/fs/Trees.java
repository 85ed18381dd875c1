package io.dealwire.bench.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Sizes and counts of directory trees, and their removal. */
public final class Trees {
    private Trees() {
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public static long bytes(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file removed while walking (segment merges)
                }
            }).sum();
        }
    }

    /** Message files of a Maildir tree: regular files in {@code cur/} or {@code new/}. */
    public static long maildirMessages(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> {
                var parent = p.getParent().getFileName().toString();
                return parent.equals("cur") || parent.equals("new");
            }).count();
        }
    }
}
