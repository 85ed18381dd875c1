package io.dealwire.store.lookup;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.List;

/**
 * A collection whose documents are written and looked up only through this object, so that the
 * embedded store can keep its in-process lookups in step with every write. Every document has a
 * string {@code _id}. Writes are idempotent (replace by {@code _id}, upserting).
 */
public interface KeyedCollection {

    MongoCollection<Document> collection();

    /** Documents having {@code key} = {@code value}, in no particular order. */
    List<Document> find(SecondaryKey key, String value);

    /** Only {@code fields} (and {@code _id}) of the documents having {@code key} = {@code value}: big documents, small needs. */
    List<Document> find(SecondaryKey key, String value, List<String> fields);

    /** The ids of the documents having {@code key} = {@code value}, in no particular order, without reading the documents. */
    default List<String> idsWhere(SecondaryKey key, String value) {
        return find(key, value, List.of("_id")).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * The ids of the documents having {@code key} = {@code value} whose rank is from {@code from} to {@code to}
     * (both included; a document without the rank's field only when {@code from} is {@link Long#MIN_VALUE}),
     * the last {@code limit} of them by rank, then id, in that order. Only for a key with a {@link SecondaryKey#rank}.
     */
    List<String> idsRanked(SecondaryKey key, String value, long from, long to, int limit);

    /** Ids of the documents whose order field is greater than {@code after}, by order value, at most {@code limit}. */
    java.util.SortedMap<Long, String> idsAfter(long after, int limit);

    /** How many documents have {@code key} = {@code value}. */
    long countWhere(SecondaryKey key, String value);

    /** Every document, in no particular order (small collections: pipelines, ignore rules, mailboxes). */
    List<Document> all();

    /** A page of all documents in {@code _id} order. */
    List<Document> page(int offset, int limit);

    /** Documents with these ids, in no particular order; unknown ids are skipped. */
    List<Document> findByIds(List<String> ids);

    /** Documents whose order field is greater than {@code after}, in that order, at most {@code limit}. */
    List<Document> after(long after, int limit);

    /** The highest value of the order field, 0 for an empty collection. */
    long maxOrder();

    /** Inserts or replaces each document by {@code _id}; a later document with the same id wins. */
    void replaceAll(List<Document> documents);

    default void replace(Document document) {
        replaceAll(List.of(document));
    }

    void delete(String id);

    /** Deletes every document having {@code key} = {@code value}. */
    void deleteWhere(SecondaryKey key, String value);

    long count();
}
