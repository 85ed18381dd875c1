package io.dealwire.store.lookup;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link KeyedCollection} for the embedded server, which ignores non-unique indexes and would scan
 * the whole collection for every lookup. This keeps, in process, which ids have which key (and the
 * order field), loaded once at open from a projection of the key fields and kept in step with every
 * write made through it. A lookup then reads only the matching documents by {@code _id}, which the
 * server answers from its unique {@code _id} index. Message documents are not kept here (the message
 * repository keeps a bounded cache of decoded ones); the documents of small collections read on every
 * message may be (see {@link #load}).
 *
 * <p>Valid only while this process is the only writer of the collection: true of the embedded store,
 * whose server listens on loopback for this process alone. Writes are serialised, and the lookup is
 * updated after the server acknowledged the write (a failed write leaves it untouched).
 */
public final class CachedLookupCollection implements KeyedCollection {
    private static final Logger log = LoggerFactory.getLogger(CachedLookupCollection.class);

    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final IndexedCollection server;
    private final List<SecondaryKey> keys;
    private final String orderField;
    /** Whether any key is ranked: rows then keep their ranks. */
    private final boolean ranked;
    private final ReentrantLock writes = new ReentrantLock();
    // guarded by "this"
    private final List<HashMap<String, Bucket>> buckets = new ArrayList<>();
    private final HashMap<String, Row> rows = new HashMap<>();
    private final TreeMap<Long, String> byOrder = new TreeMap<>();
    /** The documents themselves, as compact BSON, for small collections read on every message; null for the others. */
    private final HashMap<String, RawBsonDocument> documents;
    /**
     * Ids whose last write failed: the server may have applied it and lost only the reply with the
     * connection. They are read back from the server before the next lookup answers.
     */
    private final HashSet<String> uncertain = new HashSet<>();

    private CachedLookupCollection(IndexedCollection server, boolean keepDocuments) {
        this.server = server;
        this.documents = keepDocuments ? new HashMap<>() : null;
        this.keys = server.keys();
        this.orderField = server.orderField();
        this.ranked = keys.stream().anyMatch(k -> k.rank() != null);
        for (int i = 0; i < keys.size(); i++) buckets.add(new HashMap<>());
    }

    /**
     * Reads the key fields of every document of the collection and returns the collection ready for lookups.
     *
     * @param keepDocuments keep every document in memory too (as BSON bytes), so that reads never reach the
     *                      server: for small collections read on every message (contacts, companies, deals,
     *                      pins, tokens…). Never for messages. Only for collections written solely through this object.
     */
    public static CachedLookupCollection load(IndexedCollection server, boolean keepDocuments) {
        var cached = new CachedLookupCollection(server, keepDocuments);
        cached.fill(server.collection());
        return cached;
    }

    /** Reads what the lookups need of every document of {@code source} (this collection, possibly through another client). */
    private void fill(MongoCollection<Document> source) {
        var fields = new TreeSet<String>();
        fields.add("_id");
        for (var key : keys) {
            fields.addAll(key.projection());
            if (key.rank() != null) fields.add(key.rank().field());
        }
        if (orderField != null) fields.add(orderField);
        long started = System.nanoTime();
        int n = 0;
        var all = source.find().batchSize(5000);
        if (documents == null) all = all.projection(Projections.include(List.copyOf(fields)));
        for (var d : all) {
            index(d);
            n++;
        }
        log.debug("loaded lookups of {} ({} documents) in {} ms", server.collection().getNamespace().getCollectionName(), n,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Replaces the lookups with what {@code source} holds now: after the embedded store reopened its file,
     * writes acknowledged after its last commit are gone, and the lookups must forget them. {@code source} is
     * this collection read through the client the reopen hands out; writes through this object wait meanwhile.
     */
    public void reload(MongoCollection<Document> source) {
        writes.lock();
        try {
            var fresh = new CachedLookupCollection(server, documents != null);
            fresh.fill(source);
            synchronized (this) {
                for (int k = 0; k < buckets.size(); k++) {
                    buckets.get(k).clear();
                    buckets.get(k).putAll(fresh.buckets.get(k));
                }
                rows.clear();
                rows.putAll(fresh.rows);
                byOrder.clear();
                byOrder.putAll(fresh.byOrder);
                if (documents != null) {
                    documents.clear();
                    documents.putAll(fresh.documents);
                }
                uncertain.clear();
            }
        } finally {
            writes.unlock();
        }
    }

    /** The highest order value this process knows of, without asking the server (which may be down). */
    public synchronized long highestOrderKnown() {
        return byOrder.isEmpty() ? 0 : byOrder.lastKey();
    }

    @Override
    public MongoCollection<Document> collection() {
        return server.collection();
    }

    @Override
    public List<Document> find(SecondaryKey key, String value) {
        settleUncertain();
        List<String> ids;
        synchronized (this) {
            var bucket = buckets.get(indexOf(key)).get(value);
            if (bucket == null) return List.of();
            ids = bucket.ids();
        }
        return findByIds(ids);
    }

    @Override
    public List<Document> find(SecondaryKey key, String value, List<String> fields) {
        if (documents != null) return find(key, value);
        settleUncertain();
        List<String> ids;
        synchronized (this) {
            var bucket = buckets.get(indexOf(key)).get(value);
            if (bucket == null) return List.of();
            ids = bucket.ids();
        }
        return server.findByIds(ids, fields);
    }

    @Override
    public List<String> idsWhere(SecondaryKey key, String value) {
        settleUncertain();
        synchronized (this) {
            var bucket = buckets.get(indexOf(key)).get(value);
            return bucket == null ? List.of() : bucket.ids();
        }
    }

    @Override
    public List<String> idsRanked(SecondaryKey key, String value, long from, long to, int limit) {
        IndexedCollection.rankOf(key);
        if (limit <= 0 || from > to) return List.of();
        settleUncertain();
        synchronized (this) {
            var bucket = buckets.get(indexOf(key)).get(value);
            return bucket == null ? List.of() : bucket.ranked(from, to, limit);
        }
    }

    @Override
    public java.util.SortedMap<Long, String> idsAfter(long after, int limit) {
        if (orderField == null) throw new IllegalStateException(server.collection().getNamespace() + " has no order field");
        settleUncertain();
        var out = new TreeMap<Long, String>();
        synchronized (this) {
            for (var e : byOrder.tailMap(after, false).entrySet()) {
                if (out.size() >= limit) break;
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @Override
    public long countWhere(SecondaryKey key, String value) {
        settleUncertain();
        synchronized (this) {
            var bucket = buckets.get(indexOf(key)).get(value);
            return bucket == null ? 0 : bucket.size();
        }
    }

    /** Answers from memory when documents are kept; else reads only the ids known to exist (none: no round trip). */
    @Override
    public List<Document> findByIds(List<String> ids) {
        settleUncertain();
        var known = new ArrayList<String>(ids.size());
        synchronized (this) {
            if (documents != null) {
                var out = new ArrayList<Document>(ids.size());
                for (var id : ids) {
                    var raw = documents.get(id);
                    if (raw != null) out.add(raw.decode(CODEC));
                }
                return out;
            }
            for (var id : ids) if (rows.containsKey(id)) known.add(id);
        }
        if (known.isEmpty()) return List.of();
        return server.findByIds(known);
    }

    @Override
    public List<Document> all() {
        settleUncertain();
        synchronized (this) {
            if (documents != null) return documents.values().stream().map(raw -> raw.decode(CODEC)).toList();
        }
        return server.all();
    }

    @Override
    public List<Document> page(int offset, int limit) {
        settleUncertain();
        synchronized (this) {
            if (documents != null) {
                return documents.keySet().stream().sorted().skip(offset).limit(limit)
                        .map(id -> documents.get(id).decode(CODEC)).toList();
            }
        }
        return server.page(offset, limit);
    }

    @Override
    public List<Document> after(long after, int limit) {
        if (orderField == null) throw new IllegalStateException(server.collection().getNamespace() + " has no order field");
        settleUncertain();
        var ids = new ArrayList<String>(Math.min(limit, 1024));
        long highest;
        synchronized (this) {
            var tail = byOrder.tailMap(after, false);
            highest = after;
            for (var e : tail.entrySet()) {
                if (ids.size() >= limit) break;
                ids.add(e.getValue());
                highest = e.getKey();
            }
        }
        if (ids.isEmpty()) return List.of();
        long upTo = highest;
        // a document rewritten since the ids were read has moved past upTo: it is returned by a later call
        return server.findByIds(ids).stream()
                .filter(d -> order(d) <= upTo)
                .sorted(Comparator.comparingLong(this::order))
                .toList();
    }

    @Override
    public long maxOrder() {
        if (orderField == null) throw new IllegalStateException(server.collection().getNamespace() + " has no order field");
        settleUncertain();
        synchronized (this) {
            return byOrder.isEmpty() ? 0 : byOrder.lastKey();
        }
    }

    @Override
    public void replaceAll(List<Document> documents) {
        writes.lock();
        try {
            // ids this process has never written are inserted (cheaper than an upsert); the others replaced
            var fresh = new ArrayList<Document>();
            var known = new ArrayList<Document>();
            synchronized (this) {
                for (var d : IndexedCollection.lastPerId(documents).values()) {
                    (rows.containsKey(d.getString("_id")) ? known : fresh).add(d);
                }
            }
            try {
                insertOrReplace(fresh);
                server.replaceAll(known);
            } catch (RuntimeException e) {
                markUncertain(documents.stream().map(d -> d.getString("_id")).toList());
                throw e;
            }
            synchronized (this) {
                for (var d : documents) index(d);
            }
        } finally {
            writes.unlock();
        }
    }

    private void insertOrReplace(List<Document> fresh) {
        if (fresh.isEmpty()) return;
        try {
            server.collection().insertMany(fresh, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // a document written by someone else since the lookup was loaded: replacing is idempotent
            log.warn("{}: {} of {} inserts found an existing id; replacing instead",
                    server.collection().getNamespace().getCollectionName(), e.getWriteErrors().size(), fresh.size());
            server.replaceAll(fresh);
        }
    }

    @Override
    public void delete(String id) {
        writes.lock();
        try {
            try {
                server.delete(id);
            } catch (RuntimeException e) {
                markUncertain(List.of(id));
                throw e;
            }
            synchronized (this) {
                unindex(id);
            }
        } finally {
            writes.unlock();
        }
    }

    @Override
    public void deleteWhere(SecondaryKey key, String value) {
        writes.lock();
        try {
            List<String> ids;
            synchronized (this) {
                var bucket = buckets.get(indexOf(key)).get(value);
                if (bucket == null) return;
                ids = bucket.ids();
            }
            try {
                server.deleteIds(ids);
            } catch (RuntimeException e) {
                markUncertain(ids);
                throw e;
            }
            synchronized (this) {
                for (var id : ids) unindex(id);
            }
        } finally {
            writes.unlock();
        }
    }

    @Override
    public long count() {
        settleUncertain();
        synchronized (this) {
            return rows.size();
        }
    }

    /** Reads the uncertain ids back from the server and takes what it holds as the truth. */
    private void settleUncertain() {
        List<String> ids;
        synchronized (this) {
            if (uncertain.isEmpty()) return;
            ids = List.copyOf(uncertain);
        }
        writes.lock();
        try {
            var found = server.findByIds(ids);
            synchronized (this) {
                var present = new HashSet<String>();
                for (var d : found) {
                    present.add(d.getString("_id"));
                    index(d);
                }
                for (var id : ids) if (!present.contains(id)) unindex(id);
                ids.forEach(uncertain::remove);
            }
            log.info("{}: re-read {} documents whose last write failed", server.collection().getNamespace().getCollectionName(), ids.size());
        } finally {
            writes.unlock();
        }
    }

    private void markUncertain(List<String> ids) {
        synchronized (this) {
            uncertain.addAll(ids);
        }
    }

    private int indexOf(SecondaryKey key) {
        int i = keys.indexOf(key);
        if (i < 0) throw new IllegalArgumentException("no lookup '" + key.name() + "' on " + server.collection().getNamespace());
        return i;
    }

    private long order(Document d) {
        Object v = d.get(orderField);
        return v == null ? 0 : ((Number) v).longValue();
    }

    // callers hold "this"
    private void index(Document d) {
        String id = d.getString("_id");
        unindex(id);
        var rowBuckets = new Bucket[keys.size()][];
        long[] ranks = ranked ? new long[keys.size()] : null;
        for (int k = 0; k < keys.size(); k++) {
            var key = keys.get(k);
            Collection<String> values = key.keysOf().apply(d);
            var map = buckets.get(k);
            var list = new ArrayList<Bucket>(values.size());
            long rank = key.rank() == null ? 0 : key.rank().of().applyAsLong(d);
            if (ranks != null) ranks[k] = rank;
            for (var value : values) {
                if (value == null) continue;
                var bucket = map.computeIfAbsent(value, v -> new Bucket(v, key.rank() != null));
                if (bucket.add(id, rank)) list.add(bucket);
            }
            rowBuckets[k] = list.toArray(Bucket[]::new);
        }
        if (documents != null) documents.put(id, new RawBsonDocument(d, CODEC));
        long order = orderField == null ? 0 : order(d);
        if (orderField != null) byOrder.put(order, id);
        rows.put(id, new Row(rowBuckets, order, ranks));
    }

    private void unindex(String id) {
        var row = rows.remove(id);
        if (row == null) return;
        if (documents != null) documents.remove(id);
        for (int k = 0; k < row.buckets.length; k++) {
            for (var bucket : row.buckets[k]) {
                if (bucket.remove(id, row.ranks == null ? 0 : row.ranks[k])) buckets.get(k).remove(bucket.key);
            }
        }
        if (orderField != null) byOrder.remove(row.order, id);
    }

    /**
     * Which buckets a document is in, its order value and its rank per key (null when no key is ranked), so that
     * a rewrite or delete can take it out again.
     */
    private record Row(Bucket[][] buckets, long order, long[] ranks) {
    }

    /**
     * The ids having one key value; most keys (Message-ID, email) have one id, so that case holds no set. A
     * ranked key's bucket keeps its ids in rank order instead, so that a range or the last few are read directly.
     */
    private static final class Bucket {
        final String key;
        private String single;
        private LinkedHashSet<String> many;
        /** For a ranked key: the ids by rank, then id (a document's rank is kept in its row); null otherwise. */
        private final TreeSet<Ranked> byRank;

        Bucket(String key, boolean ranked) {
            this.key = key;
            this.byRank = ranked ? new TreeSet<>() : null;
        }

        /** @return false when the id was already there */
        boolean add(String id, long rank) {
            if (byRank != null) return byRank.add(new Ranked(rank, id));
            if (many != null) return many.add(id);
            if (single == null) {
                single = id;
                return true;
            }
            if (single.equals(id)) return false;
            many = new LinkedHashSet<>();
            many.add(single);
            many.add(id);
            single = null;
            return true;
        }

        /** @return true when the bucket is now empty */
        boolean remove(String id, long rank) {
            if (byRank != null) {
                byRank.remove(new Ranked(rank, id));
                return byRank.isEmpty();
            }
            if (many != null) {
                many.remove(id);
                return many.isEmpty();
            }
            if (id.equals(single)) single = null;
            return single == null;
        }

        int size() {
            if (byRank != null) return byRank.size();
            return many != null ? many.size() : single == null ? 0 : 1;
        }

        List<String> ids() {
            if (byRank != null) return byRank.stream().map(Ranked::id).toList();
            if (many != null) return List.copyOf(many);
            return single == null ? List.of() : List.of(single);
        }

        /** The last {@code limit} ids ranked from {@code from} to {@code to}, in rank order. */
        List<String> ranked(long from, long to, int limit) {
            var out = new ArrayList<String>(Math.min(limit, 64));
            // null id: above every id of the same rank
            var range = byRank.subSet(new Ranked(from, ""), true, new Ranked(to, null), true);
            for (var it = range.descendingIterator(); it.hasNext() && out.size() < limit; ) out.add(it.next().id());
            return out.reversed();
        }
    }

    /** An id in a ranked bucket; a null id stands for "after every id of this rank" in range bounds. */
    private record Ranked(long rank, String id) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int c = Long.compare(rank, o.rank);
            if (c != 0) return c;
            if (id == null) return o.id == null ? 0 : 1;
            if (o.id == null) return -1;
            return id.compareTo(o.id);
        }
    }
}
