package io.dealwire.store;

import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on the default store: the embedded server with its H2 file, lookups answered in process. */
class MongoStoreEmbeddedTest extends StoreContract {
    @TempDir
    Path dataDir;

    @Override
    protected Store newStore() {
        return StoreFactory.open(null, dataDir);
    }
}
