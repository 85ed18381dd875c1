package io.dealwire.store;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreContract;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract through the path a real MongoDB takes (queries and server indexes, no in-process
 * lookups), run against the embedded memory backend so that it runs everywhere; {@link MongoStoreRealTest}
 * runs the same path on a real MongoDB when one is configured.
 */
class MongoStoreServerQueriesTest extends StoreContract {
    private EmbeddedMongo server;

    @Override
    protected Store newStore() {
        server = EmbeddedMongo.serve(new MemoryBackend());
        return MongoStore.onServer(MongoClients.create(server.connectionString()), "dealwire", "test MongoDB");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
