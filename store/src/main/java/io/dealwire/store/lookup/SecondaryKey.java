package io.dealwire.store.lookup;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

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
 */
public record SecondaryKey(
        String name,
        List<String> projection,
        Function<Document, Collection<String>> keysOf,
        Function<String, Bson> serverFilter,
        List<String> indexFields) {

    public SecondaryKey {
        projection = List.copyOf(projection);
        indexFields = List.copyOf(indexFields);
    }
}
