package io.dealwire.store.backup;

import io.dealwire.store.MongoStore;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Backs up the embedded store while it runs: commits, then copies the store file as of that commit (H2's
 * online backup) into {@value #ARCHIVE} in the target directory, with a {@link BackupManifest}. The index
 * is not backed up: it is rebuilt from the store after a restore. A real MongoDB is backed up with
 * {@code mongodump} instead.
 */
public final class Backup {
    private static final Logger log = LoggerFactory.getLogger(Backup.class);
    public static final String ARCHIVE = "dealwire-store.zip";

    private Backup() {
    }

    /** @throws IllegalArgumentException when the store is not the embedded one */
    public static BackupManifest write(MongoStore store, Path dir) {
        var embedded = store.embedded().orElseThrow(() -> new IllegalArgumentException(store.description()
                + " is not the embedded store: back up a MongoDB with mongodump"));
        return write(embedded, dir);
    }

    public static BackupManifest write(EmbeddedMongo embedded, Path dir) {
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve(ARCHIVE + ".part");
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no SHA-256", e);
            }
            Instant at = Instant.now();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha)) {
                embedded.backup(out);
            }
            long bytes = Files.size(part);
            Files.move(part, dir.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            var manifest = new BackupManifest(BackupManifest.FORMAT, at, ARCHIVE, bytes, HexFormat.of().formatHex(sha.digest()));
            manifest.write(dir);
            log.info("backed up {} to {} ({} bytes)", embedded.description(), dir, bytes);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup to " + dir + ": " + e.getMessage(), e);
        }
    }
}
