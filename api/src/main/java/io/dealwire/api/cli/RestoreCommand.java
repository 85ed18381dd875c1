package io.dealwire.api.cli;

import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.backup.InvalidBackupException;
import io.dealwire.store.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;

/** Restores a backup into the data dir of a stopped service; the search index is rebuilt on the next start. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup made by 'backup' into the data dir (stop the service first). The index is rebuilt on the next start.")
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "DIR", description = "a directory written by 'backup'")
    Path dir;

    @Override
    public Integer call() throws IOException {
        var cfg = config.load();
        try {
            var manifest = Restore.from(dir, cfg.dataDir());
            // The index may describe another state of the store: drop it, the next start rebuilds it.
            var index = cfg.indexDir();
            if (Files.exists(index)) {
                try (var paths = Files.walk(index)) {
                    for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            System.out.println("restored the backup of " + manifest.createdAt() + " into " + cfg.dataDir()
                    + "; the search index is rebuilt on the next start");
            return 0;
        } catch (InvalidBackupException | StoreUnavailableException e) {
            System.err.println("dealwire restore: " + e.getMessage());
            return 1;
        }
    }
}
