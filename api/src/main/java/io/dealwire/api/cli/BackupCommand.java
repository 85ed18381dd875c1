package io.dealwire.api.cli;

import io.dealwire.api.config.Config;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.backup.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Backs up the embedded store into DIR. With the service stopped it opens the store itself; while the
 * service runs (the store is in use) it asks the service to take a consistent online backup.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the embedded store into DIR (consistent while the service runs; pass --token then). "
                + "A real MongoDB is backed up with mongodump.")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "DIR", description = "directory to write the backup to")
    Path dir;

    @Option(names = "--token", description = "an admin API token, to back up through the running service (default: $DEALWIRE_TOKEN)")
    String token = System.getenv("DEALWIRE_TOKEN");

    @Override
    public Integer call() throws Exception {
        var cfg = config.load();
        if (cfg.mongoUri() != null) {
            System.err.println("dealwire backup: the store is a MongoDB server; back it up with mongodump (see README)");
            return 2;
        }
        var target = dir.toAbsolutePath().normalize();
        try (var store = StoreFactory.open(null, cfg.dataDir())) {
            var manifest = Backup.write(store, target);
            System.out.println("backed up to " + target + " (" + manifest.bytes() + " bytes, sha256 " + manifest.sha256() + ")");
            return 0;
        } catch (StoreUnavailableException inUse) {
            if (token == null || token.isBlank()) {
                System.err.println("dealwire backup: the store is in use (is the service running?): " + inUse.getMessage());
                System.err.println("  to back up the running service, pass --token with an admin API token");
                return 1;
            }
            return throughService(cfg, target);
        }
    }

    private int throughService(Config cfg, Path target) throws Exception {
        var host = cfg.httpHost().equals("0.0.0.0") ? "127.0.0.1" : cfg.httpHost();
        var request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + cfg.httpPort() + "/api/admin/backup"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(io.dealwire.api.http.Json.write(java.util.Map.of("dir", target.toString()))))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            System.out.println("backed up to " + target + " by the running service: " + response.body());
            return 0;
        }
        System.err.println("dealwire backup: the service answered " + response.statusCode() + ": " + response.body());
        return 1;
    }
}
