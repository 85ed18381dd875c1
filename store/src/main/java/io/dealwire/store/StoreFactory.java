package io.dealwire.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreUnavailableException;
import io.dealwire.store.embedded.EmbeddedMongo;
import io.dealwire.store.repository.StoreGuard;
import org.bson.Document;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens the configured store: the embedded server under the data dir when no MongoDB URI is given, else
 * that MongoDB. Either way the store fails fast when it cannot be reached (a few seconds, never a hang).
 */
public final class StoreFactory {
    /** How long a call waits for a reachable server before failing with {@link StoreUnavailableException}. */
    public static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for the largest reads (a whole mailbox's messages), short enough that a stalled server is noticed. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The embedded server runs in this process on loopback: it cannot stall the way a network can, and a failing
     * disk answers with an error, not silence. Its queries are full scans, though: filling the in-process lookups
     * of a whole-corpus store at start took over 30 s on a loaded machine and failed the start.
     */
    public static final Duration EMBEDDED_READ_TIMEOUT = Duration.ofMinutes(5);

    private StoreFactory() {
    }

    /**
     * @param mongoUriOrNull a MongoDB connection string ({@code DEALWIRE_MONGO_URI}), or null/blank for the embedded store
     * @param dataDir        the data dir; the embedded store keeps its file in {@value EmbeddedMongo#STORE_FILE} under it
     * @throws StoreUnavailableException when the store cannot be opened; the message names the data dir or the
     *                                   MongoDB hosts (never the credentials) and what failed
     * @throws IllegalArgumentException  when the URI is not a MongoDB connection string
     */
    public static MongoStore open(String mongoUriOrNull, Path dataDir) {
        if (mongoUriOrNull == null || mongoUriOrNull.isBlank()) return openEmbedded(dataDir);
        return openServer(mongoUriOrNull.trim());
    }

    public static MongoStore openEmbedded(Path dataDir) {
        return openEmbedded(EmbeddedMongo.start(dataDir));
    }

    /** A store on an embedded server already started; closing the store stops the server. */
    public static MongoStore openEmbedded(EmbeddedMongo embedded) {
        MongoClient client = null;
        try {
            client = MongoClients.create(settings(new ConnectionString(embedded.connectionString()), EMBEDDED_READ_TIMEOUT).build());
            return MongoStore.onEmbedded(embedded, client);
        } catch (RuntimeException e) {
            if (client != null) client.close();
            embedded.close();
            throw e;
        }
    }

    private static MongoStore openServer(String uri) {
        return openServer(uri, null);
    }

    /** A store on a MongoDB, in {@code database} rather than the URI's (tests use a fresh database each). */
    public static MongoStore openServer(String uri, String databaseOrNull) {
        ConnectionString cs;
        try {
            cs = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            // the driver's message may quote the URI, credentials included: keep only its kind
            throw new IllegalArgumentException("DEALWIRE_MONGO_URI is not a valid MongoDB connection string "
                    + "(expected mongodb://host:port/database or mongodb+srv://…)");
        }
        String database = databaseOrNull != null ? databaseOrNull
                : cs.getDatabase() == null ? MongoStore.DEFAULT_DATABASE : cs.getDatabase();
        String description = "MongoDB " + String.join(",", cs.getHosts()) + "/" + database;
        var settings = settings(cs, READ_TIMEOUT);
        if (cs.getWriteConcern() == null) settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        var client = MongoClients.create(settings.build());
        try {
            new StoreGuard(description).run(() -> client.getDatabase(database).runCommand(new Document("ping", 1)));
            return MongoStore.onServer(client, database, description);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static MongoClientSettings.Builder settings(ConnectionString cs, Duration readTimeout) {
        return MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout((int) CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(b -> b.maxWaitTime(SERVER_SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }
}
