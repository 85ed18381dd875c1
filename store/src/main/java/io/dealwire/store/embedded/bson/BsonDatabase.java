package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import java.util.List;

/** A database of {@link BsonCollection}s and {@link BsonUniqueIndex}es in one MVStore (see {@link MapNames}). */
final class BsonDatabase extends AbstractSynchronizedMongoDatabase<Object> {
    private final MVStore mvStore;

    BsonDatabase(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.mvStore = mvStore;
        initializeNamespacesAndIndexes();
    }

    static MVMap<Object, byte[]> documents(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, byte[]>().keyType(IdType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    static MVMap<KeyValue, Object> index(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE).valueType(IdType.INSTANCE));
    }

    static MVMap<String, Object> meta(MVStore store, String name) {
        return store.openMap(name);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonUniqueIndex(index(mvStore, indexMap(collectionName, indexName)), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        mvStore.removeMap(indexMap(collection.getCollectionName(), indexName));
    }

    private String indexMap(String collectionName, String indexName) {
        return MapNames.index(getFullCollectionNamespace(collectionName), indexName);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String ns = databaseName + ".";
        for (String name : List.copyOf(mvStore.getMapNames())) {
            if (name.startsWith(MapNames.PREFIX + ns) || name.startsWith(MapNames.documents(ns))
                    || name.startsWith(MapNames.meta(ns))) {
                mvStore.removeMap(name);
            }
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new BsonCollection(this, collectionName, options, documents(mvStore, MapNames.documents(fullName)),
                meta(mvStore, MapNames.meta(fullName)), cursorRegistry);
    }

    @Override
    protected long getStorageSize() {
        var fileStore = mvStore.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        mvStore.removeMap(MapNames.documents(fullName));
        mvStore.removeMap(MapNames.meta(fullName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String oldName = collection.getFullName();
        String newName = getFullCollectionNamespace(newCollectionName);
        mvStore.renameMap(documents(mvStore, MapNames.documents(oldName)), MapNames.documents(newName));
        mvStore.renameMap(meta(mvStore, MapNames.meta(oldName)), MapNames.meta(newName));
    }
}
