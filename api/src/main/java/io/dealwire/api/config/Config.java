package io.dealwire.api.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The service's configuration, from an optional {@code dealwire.yaml} overridden key by key by the
 * environment (see {@link ConfigLoader} for the keys).
 *
 * @param mongoUri       a real MongoDB, or null for the embedded store under {@code dataDir}
 * @param bootstrapToken the first admin's API token on an empty store, or null to generate one
 * @param secretKey      base64 AES key for mailbox passwords, or null for a key file in {@code dataDir}
 * @param ownDomains     the company's own mail domains (the domains of connected mailboxes are added)
 * @param rateLimit      API requests a second per client (token or address); 0 disables the limit
 */
public record Config(
        Path dataDir,
        String httpHost,
        int httpPort,
        String mongoUri,
        String bootstrapToken,
        String secretKey,
        List<String> ownDomains,
        int syncPollSeconds,
        int rateLimit) {

    public Config {
        ownDomains = List.copyOf(ownDomains);
    }

    /** The defaults for everything not given: the rate limit of a normal install. */
    public Config(Path dataDir, String httpHost, int httpPort, String mongoUri, String bootstrapToken, String secretKey,
                  List<String> ownDomains, int syncPollSeconds) {
        this(dataDir, httpHost, httpPort, mongoUri, bootstrapToken, secretKey, ownDomains, syncPollSeconds, ConfigLoader.DEFAULT_RATE_LIMIT);
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
