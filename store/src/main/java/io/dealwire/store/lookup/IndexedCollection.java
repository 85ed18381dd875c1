package io.dealwire.store.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A {@link KeyedCollection} answered by the server: every lookup is a query, which a real MongoDB
 * answers from the indexes {@link #ensureIndexes()} creates.
 */
public final class IndexedCollection implements KeyedCollection {
    /** Ids per {@code $in} query: keeps each command far below the 16 MB BSON limit. */
    static final int IDS_PER_QUERY = 1000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    private final List<SecondaryKey> keys;
    private final String orderField;

    /** @param orderField a unique long field {@link #after} pages by, or null when the collection has none */
    public IndexedCollection(MongoCollection<Document> collection, List<SecondaryKey> keys, String orderField) {
        this.collection = collection;
        this.keys = List.copyOf(keys);
        this.orderField = orderField;
    }

    /** Creates the indexes the lookups need; idempotent. Only worth it on a real MongoDB (the embedded server ignores non-unique ones). */
    public void ensureIndexes() {
        for (var key : keys) {
            if (key.indexFields().isEmpty()) continue;
            if (key.rank() == null) {
                collection.createIndex(Indexes.ascending(key.indexFields()), new IndexOptions().name(key.name()));
            } else {
                // named apart from the plain index of the same key, which a database created before ranks may hold
                var fields = new ArrayList<>(key.indexFields());
                fields.add(key.rank().field());
                collection.createIndex(Indexes.ascending(fields), new IndexOptions().name(key.name() + "+" + key.rank().field()));
            }
        }
        if (orderField != null) {
            collection.createIndex(Indexes.ascending(orderField), new IndexOptions().name(orderField).unique(true));
        }
    }

    List<SecondaryKey> keys() {
        return keys;
    }

    String orderField() {
        return orderField;
    }

    @Override
    public MongoCollection<Document> collection() {
        return collection;
    }

    @Override
    public List<Document> find(SecondaryKey key, String value) {
        return collection.find(key.serverFilter().apply(value)).into(new ArrayList<>());
    }

    @Override
    public List<Document> find(SecondaryKey key, String value, List<String> fields) {
        return collection.find(key.serverFilter().apply(value)).projection(Projections.include(fields)).into(new ArrayList<>());
    }

    @Override
    public List<String> idsRanked(SecondaryKey key, String value, long from, long to, int limit) {
        var rank = rankOf(key);
        if (limit <= 0 || from > to) return List.of();
        var filters = new ArrayList<Bson>();
        filters.add(key.serverFilter().apply(value));
        if (from != Long.MIN_VALUE) filters.add(Filters.gte(rank.field(), rank.bsonValue().apply(from)));
        if (to != Long.MAX_VALUE) {
            var upTo = Filters.lte(rank.field(), rank.bsonValue().apply(to));
            filters.add(from == Long.MIN_VALUE ? Filters.or(upTo, Filters.eq(rank.field(), null)) : upTo);
        }
        var ids = new ArrayList<String>();
        for (var d : collection.find(Filters.and(filters)).sort(Sorts.descending(rank.field(), "_id")).limit(limit)
                .projection(Projections.include("_id"))) {
            ids.add(d.getString("_id"));
        }
        return ids.reversed();
    }

    static SecondaryKey.Rank rankOf(SecondaryKey key) {
        if (key.rank() == null) throw new IllegalArgumentException("lookup '" + key.name() + "' has no rank");
        return key.rank();
    }

    @Override
    public long countWhere(SecondaryKey key, String value) {
        return collection.countDocuments(key.serverFilter().apply(value));
    }

    /** Like {@link #findByIds(List)}, reading only {@code fields}. */
    List<Document> findByIds(List<String> ids, List<String> fields) {
        var out = new ArrayList<Document>(ids.size());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            collection.find(Filters.in("_id", chunk)).projection(Projections.include(fields)).into(out);
        }
        return out;
    }

    @Override
    public List<Document> all() {
        return collection.find().into(new ArrayList<>());
    }

    @Override
    public List<Document> page(int offset, int limit) {
        return collection.find().sort(Sorts.ascending("_id")).skip(offset).limit(limit).into(new ArrayList<>());
    }

    @Override
    public List<Document> findByIds(List<String> ids) {
        var out = new ArrayList<Document>(ids.size());
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            if (chunk.size() == 1) {
                var d = collection.find(Filters.eq("_id", chunk.getFirst())).first();
                if (d != null) out.add(d);
            } else {
                collection.find(Filters.in("_id", chunk)).into(out);
            }
        }
        return out;
    }

    @Override
    public List<Document> after(long after, int limit) {
        requireOrderField();
        return collection.find(Filters.gt(orderField, after)).sort(Sorts.ascending(orderField)).limit(limit)
                .into(new ArrayList<>());
    }

    @Override
    public java.util.SortedMap<Long, String> idsAfter(long after, int limit) {
        requireOrderField();
        var out = new java.util.TreeMap<Long, String>();
        for (var d : collection.find(Filters.gt(orderField, after)).sort(Sorts.ascending(orderField)).limit(limit)
                .projection(Projections.include("_id", orderField))) {
            out.put(((Number) d.get(orderField)).longValue(), d.getString("_id"));
        }
        return out;
    }

    @Override
    public long maxOrder() {
        requireOrderField();
        var last = collection.find().sort(Sorts.descending(orderField)).projection(new Document(orderField, 1)).first();
        return last == null || last.get(orderField) == null ? 0 : ((Number) last.get(orderField)).longValue();
    }

    @Override
    public void replaceAll(List<Document> documents) {
        var last = lastPerId(documents);
        if (last.isEmpty()) return;
        if (last.size() == 1) {
            var d = last.values().iterator().next();
            collection.replaceOne(Filters.eq("_id", d.get("_id")), d, UPSERT);
            return;
        }
        var writes = new ArrayList<ReplaceOneModel<Document>>(last.size());
        for (var d : last.values()) writes.add(new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d, UPSERT));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    /** The last document of each id, in order of first appearance: what a sequence of replaces would leave. */
    static LinkedHashMap<Object, Document> lastPerId(List<Document> documents) {
        var last = new LinkedHashMap<Object, Document>();
        for (var d : documents) {
            Object id = d.get("_id");
            if (id == null) throw new IllegalArgumentException("document without _id");
            last.put(id, d);
        }
        return last;
    }

    @Override
    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    @Override
    public void deleteWhere(SecondaryKey key, String value) {
        collection.deleteMany(key.serverFilter().apply(value));
    }

    void deleteIds(List<String> ids) {
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            collection.deleteMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))));
        }
    }

    @Override
    public long count() {
        return collection.countDocuments();
    }

    private void requireOrderField() {
        if (orderField == null) throw new IllegalStateException(collection.getNamespace() + " has no order field");
    }
}
