package io.dealwire.store;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreContract;
import io.dealwire.store.embedded.EmbeddedMongo;

/** The store contract on the embedded server's memory backend: the same driver path without a file. */
class MongoStoreMemoryBackendTest extends StoreContract {
    @Override
    protected Store newStore() {
        return StoreFactory.openEmbedded(EmbeddedMongo.serve(new MemoryBackend()));
    }
}
