package io.dealwire.store;

import com.mongodb.client.MongoClients;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.util.UUID;

/**
 * The store contract on a real MongoDB (4.4+), with server-side indexes instead of in-process lookups.
 * Runs when {@code DEALWIRE_TEST_MONGO_URI} is set; each test uses a fresh database, dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = "DEALWIRE_TEST_MONGO_URI", matches = ".+")
class MongoStoreRealTest extends StoreContract {
    private static final String URI = System.getenv("DEALWIRE_TEST_MONGO_URI");
    private String database;

    @Override
    protected Store newStore() {
        database = "dealwire_test_" + UUID.randomUUID().toString().replace("-", "");
        return StoreFactory.openServer(URI, database);
    }

    @AfterEach
    void dropDatabase() {
        try (var client = MongoClients.create(URI)) {
            client.getDatabase(database).drop();
        }
    }
}
