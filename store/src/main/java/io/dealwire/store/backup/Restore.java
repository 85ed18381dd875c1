package io.dealwire.store.backup;

import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.zip.ZipInputStream;

/**
 * Restores a {@link Backup} into a data dir whose Dealwire is stopped. The archive is checked against its
 * manifest first; a store file already in the data dir is kept beside it
 * ({@code dealwire.mv.before-restore-<time>}), never deleted.
 */
public final class Restore {
    private static final Logger log = LoggerFactory.getLogger(Restore.class);

    private Restore() {
    }

    /**
     * @return the manifest of the restored backup
     * @throws InvalidBackupException    when {@code backupDir} holds no valid backup
     * @throws StoreUnavailableException when the data dir's store is in use (stop Dealwire first)
     */
    public static BackupManifest from(Path backupDir, Path dataDir) {
        var manifest = BackupManifest.read(backupDir);
        Path archive = backupDir.resolve(manifest.archive());
        verify(manifest, archive);
        Path target = EmbeddedMongo.storeFile(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".restoring");
            extract(archive, part);
            if (Files.exists(target)) {
                refuseIfInUse(target);
                Path aside = target.resolveSibling(target.getFileName() + ".before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
                Files.move(target, aside);
                log.info("kept the previous store as {}", aside);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("restored the backup of {} from {} into {}", manifest.createdAt(), backupDir, target);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static void verify(BackupManifest manifest, Path archive) {
        if (!Files.isRegularFile(archive)) throw new InvalidBackupException("the backup archive " + archive + " is missing");
        try (InputStream in = new DigestInputStream(Files.newInputStream(archive), sha256())) {
            long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            String sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (bytes != manifest.bytes() || !sha.equals(manifest.sha256())) {
                throw new InvalidBackupException("the backup archive " + archive + " does not match its manifest (truncated or altered)");
            }
        } catch (IOException e) {
            throw new InvalidBackupException("the backup archive " + archive + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void extract(Path archive, Path to) throws IOException {
        try (var zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".mv")) continue;
                // the entry name is never used as a path: the file always goes to the store file's place
                Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        }
        throw new InvalidBackupException("the backup archive " + archive + " holds no store file");
    }

    private static void refuseIfInUse(Path storeFile) throws IOException {
        try (var channel = FileChannel.open(storeFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) throw inUse(storeFile);
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(storeFile);
        }
    }

    private static StoreUnavailableException inUse(Path storeFile) {
        return new StoreUnavailableException("the store " + storeFile + " is in use: stop Dealwire before restoring");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
