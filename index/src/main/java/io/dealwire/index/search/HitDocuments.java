package io.dealwire.index.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored fields of hits, kept by segment and document. Reading one document's stored fields decompresses
 * a block of its segment (tens of microseconds), and the same documents are read again and again: a
 * contact's recent mail each time the add-on shows one of their messages, the first page of a frequent
 * query. A segment never changes (an updated message is a new document elsewhere), so an entry stays true
 * for the segment's life; entries of a closed segment are dropped, and all of them when the cache is full.
 */
final class HitDocuments {
    private final int capacity;
    private final Set<String> fields;
    private final ConcurrentHashMap<Key, Document> cache = new ConcurrentHashMap<>();
    private final Set<Object> watchedSegments = ConcurrentHashMap.newKeySet();

    private record Key(Object segment, int doc) {
    }

    HitDocuments(Set<String> fields, int capacity) {
        this.fields = Set.copyOf(fields);
        this.capacity = capacity;
    }

    /** The documents of {@code hits}, in their order. */
    List<Document> read(IndexSearcher searcher, List<? extends ScoreDoc> hits) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var out = new ArrayList<Document>(hits.size());
        org.apache.lucene.index.StoredFields stored = null;
        for (var hit : hits) {
            var leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            var helper = leaf.reader().getCoreCacheHelper();
            var key = helper == null ? null : new Key(helper.getKey(), hit.doc - leaf.docBase);
            var doc = key == null ? null : cache.get(key);
            if (doc == null) {
                if (stored == null) stored = searcher.storedFields();
                doc = stored.document(hit.doc, fields);
                if (key != null) remember(helper, key, doc);
            }
            out.add(doc);
        }
        return out;
    }

    private void remember(IndexReader.CacheHelper segment, Key key, Document doc) {
        if (cache.size() >= capacity) cache.clear();
        if (watchedSegments.add(key.segment())) {
            segment.addClosedListener(closed -> {
                cache.keySet().removeIf(k -> k.segment() == closed);
                watchedSegments.remove(closed);
            });
        }
        cache.put(key, doc);
    }

    int size() {
        return cache.size();
    }
}
