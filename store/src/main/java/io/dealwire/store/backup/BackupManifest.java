package io.dealwire.store.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * What a backup directory holds: {@code backup.properties} next to the archive, naming it with its size
 * and SHA-256 so that a restore refuses a truncated or altered copy.
 */
public record BackupManifest(int format, Instant createdAt, String archive, long bytes, String sha256) {
    public static final String FILE = "backup.properties";
    public static final int FORMAT = 1;

    void write(Path dir) throws IOException {
        var p = new Properties();
        p.setProperty("format", Integer.toString(format));
        p.setProperty("createdAt", createdAt.toString());
        p.setProperty("archive", archive);
        p.setProperty("bytes", Long.toString(bytes));
        p.setProperty("sha256", sha256);
        Path tmp = dir.resolve(FILE + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Dealwire embedded store backup");
        }
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** @throws InvalidBackupException when the manifest is missing or unreadable */
    public static BackupManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) throw new InvalidBackupException(dir + " is not a Dealwire backup: " + FILE + " is missing");
        var p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            int format = Integer.parseInt(p.getProperty("format", "0"));
            if (format != FORMAT) throw new InvalidBackupException(file + ": unknown backup format " + format);
            return new BackupManifest(format, Instant.parse(p.getProperty("createdAt")), p.getProperty("archive"),
                    Long.parseLong(p.getProperty("bytes")), p.getProperty("sha256"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidBackupException ibe) throw ibe;
            throw new InvalidBackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
