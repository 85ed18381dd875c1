package io.dealwire.store.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * A persistent counter in the {@code counters} collection. Seqs are reserved with one atomic
 * {@code $inc}, a whole batch at a time, and never handed out twice, also across restarts: the counter is
 * written in the same store as the messages, so whatever a commit keeps of one it keeps of the other.
 */
public final class SeqCounter {
    public static final String COLLECTION = "counters";
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;
    private final String name;

    public SeqCounter(MongoCollection<Document> counters, String name) {
        this.counters = counters;
        this.name = name;
    }

    /** Reserves {@code n} consecutive values and returns the first. */
    public long reserve(int n) {
        if (n < 1) throw new IllegalArgumentException("reserve at least one value, not " + n);
        var after = counters.findOneAndUpdate(eq("_id", name), Updates.inc(VALUE, (long) n),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long last = ((Number) after.get(VALUE)).longValue();
        return last - n + 1;
    }

    /** The last value handed out, 0 before the first. */
    public long current() {
        var d = counters.find(eq("_id", name)).first();
        return d == null ? 0 : ((Number) d.get(VALUE)).longValue();
    }

    /** Moves the counter up to {@code floor} if it is below (a store restored or written without the counter). */
    public void atLeast(long floor) {
        if (floor > current()) {
            counters.updateOne(eq("_id", name), Updates.max(VALUE, floor), new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
    }
}
