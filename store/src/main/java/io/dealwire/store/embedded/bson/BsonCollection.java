package io.dealwire.store.embedded.bson;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A collection whose documents are BSON bytes under their {@code _id}: the library's H2 collection with the
 * documents' storage changed, nothing else. Every read decodes a fresh document.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {
    private static final Logger log = LoggerFactory.getLogger(BsonCollection.class);
    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> meta;

    BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                   MVMap<Object, byte[]> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.documents = documents;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE_KEY, ((Number) meta.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] previous = documents.put(Missing.ofNullable(key), BsonBytes.encode(document));
        if (previous != null) {
            // The unique indexes were checked before this call and none holds the key: the bytes under it are the
            // remnant of an insert torn by a crash (H2 may write a chunk between the document's put and its index
            // entries). Failing here made every later insert of that id fail, for good; the new document replaces it.
            log.warn("{}: replaced a document under key '{}' that no index knew (an insert cut short by a crash)", this, key);
        }
        return key;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = documents.get(position);
        return bson == null ? null : BsonBytes.decode(bson);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) throw new NoSuchElementException("No document with key " + position);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonBytes.decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        // a scan reads the map as of its start while H2 may compact in the background, moving pages to new
        // chunks: registering the version keeps every chunk the scan reads until it is done
        var store = documents.getStore();
        var usage = store.registerVersionUsage();
        try {
            Stream<Document> stream;
            if (isNaturalDescending(orderBy)) {
                stream = streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument);
            } else {
                stream = documents.values().stream().map(BsonBytes::decode);
            }
            return matchDocumentsFromStream(stream, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        } finally {
            store.deregisterVersionUsage(usage);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonBytes.encode(newDocument));
    }
}
