package io.dealwire.index.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Facet counts against counts made by hand, for a query matching few documents of a dimension with many values
 * (the ordinals are sorted) and one matching most (counted in an array), over several segments, a
 * multi-valued dimension included, and a query whose matches all lie in one segment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetCountsTest {
    private static final int DOCS = 3000;
    private static final List<String> DIMENSIONS = List.of("deal", "owner");
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private DirectoryReader reader;

    @BeforeAll
    void index() throws IOException {
        try (var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < DOCS; i++) {
                var doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                if (i % 10 == 0) doc.add(new StringField("rare", "true", Field.Store.NO));
                doc.add(new KeywordField("deal", deal(i), Field.Store.NO));
                for (var owner : owners(i)) doc.add(new KeywordField("owner", owner, Field.Store.NO));
                writer.addDocument(doc);
                if (i % 1000 == 999) writer.commit(); // a few segments
            }
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Many distinct deals (a thousand), each on three documents. */
    private static String deal(int doc) {
        return "deal-" + (doc % 1000);
    }

    /** Two owners on some documents, none on others. */
    private static List<String> owners(int doc) {
        if (doc % 7 == 0) return List.of();
        return doc % 3 == 0 ? List.of("owner-a", "owner-" + (doc % 5)) : List.of("owner-" + (doc % 5));
    }

    private static Map<String, Map<String, Long>> byHand(IntPredicate matches) {
        var deals = new HashMap<String, Long>();
        var owners = new HashMap<String, Long>();
        for (int i = 0; i < DOCS; i++) {
            if (!matches.test(i)) continue;
            deals.merge(deal(i), 1L, Long::sum);
            for (var o : owners(i)) owners.merge(o, 1L, Long::sum);
        }
        return Map.of("deal", deals, "owner", owners);
    }

    private FacetCounts.Result count(Query query) throws IOException {
        return new IndexSearcher(reader).search(query, new FacetCounts(DIMENSIONS, null, Integer.MAX_VALUE));
    }

    @Test
    void aQueryMatchingFewDocumentsCountsEachValueItHolds() throws IOException {
        var result = count(new TermQuery(new Term("rare", "true")));
        assertEquals(DOCS / 10, result.total());
        assertEquals(byHand(i -> i % 10 == 0), withoutOrder(result.facets()));
    }

    @Test
    void aQueryMatchingEveryDocumentCountsEachValue() throws IOException {
        var result = count(new MatchAllDocsQuery());
        assertEquals(DOCS, result.total());
        assertEquals(byHand(i -> true), withoutOrder(result.facets()));
    }

    /** The other segments hold no match: their doc values are never opened, and nothing of them is counted. */
    @Test
    void segmentsWithoutMatchesCountNothing() throws IOException {
        assertEquals(DOCS / 1000, reader.leaves().size(), "one segment per thousand documents");
        var ids = new ArrayList<org.apache.lucene.util.BytesRef>();
        for (int i = 1000; i < 1100; i++) ids.add(new org.apache.lucene.util.BytesRef(Integer.toString(i)));
        var result = count(new org.apache.lucene.search.TermInSetQuery("id", ids));
        assertEquals(100, result.total());
        assertEquals(byHand(i -> i >= 1000 && i < 1100), withoutOrder(result.facets()));
    }

    @Test
    void theMostFrequentValuesComeFirstAndOnlyAsManyAsAsked() throws IOException {
        var result = new IndexSearcher(reader).search(new MatchAllDocsQuery(), new FacetCounts(DIMENSIONS, null, 2));
        var owners = new ArrayList<>(result.facets().get("owner").entrySet());
        var expected = byHand(i -> true).get("owner").entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).toList();
        assertEquals(expected, owners);
    }

    private static Map<String, Map<String, Long>> withoutOrder(Map<String, Map<String, Long>> facets) {
        var out = new HashMap<String, Map<String, Long>>();
        facets.forEach((dim, values) -> out.put(dim, new HashMap<>(values)));
        return out;
    }
}
