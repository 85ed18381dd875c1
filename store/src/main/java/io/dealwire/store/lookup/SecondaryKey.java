package io.dealwire.store.lookup;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * A field (or fields) a repository looks documents up by, described both ways: how a server that has
 * an index answers it ({@code serverFilter}, {@code indexFields}), and how to read the keys of a document
 * for the in-process lookup of the embedded store ({@code keysOf}, reading only {@code projection}).
 *
 * @param name         for logs and errors
 * @param projection   top-level fields {@code keysOf} reads, so the lookup loads without reading whole documents
 * @param keysOf       the keys of one document (none, one or several)
 * @param serverFilter the query matching documents with this key
 * @param indexFields  fields of the index a real MongoDB keeps for this key (ascending)
 * @param rank         an order of the documents sharing a key value, for lookups of a range or of the last few
 *                     ({@link KeyedCollection#idsRanked}); null when the key has none
 */
public record SecondaryKey(
        String name,
        List<String> projection,
        Function<Document, Collection<String>> keysOf,
        Function<String, Bson> serverFilter,
        List<String> indexFields,
        Rank rank) {

    public SecondaryKey {
        projection = List.copyOf(projection);
        indexFields = List.copyOf(indexFields);
    }

    /** A key without a rank. */
    public SecondaryKey(String name, List<String> projection, Function<Document, Collection<String>> keysOf,
                        Function<String, Bson> serverFilter, List<String> indexFields) {
        this(name, projection, keysOf, serverFilter, indexFields, null);
    }

    /**
     * A long read from each document (a date as epoch milliseconds): documents without it rank
     * {@link Long#MIN_VALUE}, as a server sorts a missing field first.
     *
     * @param field     the (possibly dotted) field the rank is read from, for the server's filter, sort and index
     * @param of        the rank of a document holding at least {@code field}
     * @param bsonValue the field's value for a rank, for the server's range filter
     */
    public record Rank(String field, ToLongFunction<Document> of, LongFunction<Object> bsonValue) {
    }
}
