package io.dealwire.index;

import io.dealwire.core.message.InMemoryMessageRepository;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.feed.IndexFeeder;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchRequest;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

class MessageIndexTest {
    static final Viewer MANAGER = new Viewer("u-manager", Role.MANAGER, Set.of());

    @TempDir
    Path dir;

    static List<String> ids(io.dealwire.index.search.SearchResult r) {
        return r.hits().stream().map(Hit::id).sorted().toList();
    }

    List<String> find(MessageIndex index, String q) {
        return ids(index.search(SearchRequest.of(q), MANAGER));
    }

    void seed(MessageIndex index) {
        index.index(message("m1", "Renewal of the Acme contract", "Dana promised a discount on the renewal.",
                "Dana Scully <dana@acme.com>", "2024-03-05T10:00:00Z"));
        index.index(message("m2", "Devis pour l'installation", "Veuillez trouver notre devis et nos offres.",
                "Jean Dupont <jean@client.fr>", "2024-03-07T10:00:00Z"));
        index.index(message("m3", "Lunch", "Natural gas prices went up, see the pipeline report.",
                "jeff.dasovich@enron.com", "2001-02-01T10:00:00Z"));
        index.refresh();
    }

    @Test
    void findsMessagesByWordPhraseAndSender() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            seed(index);
            assertEquals(List.of("m1"), find(index, "discount"));
            assertEquals(List.of("m3"), find(index, "\"natural gas\""));
            assertEquals(List.of(), find(index, "\"gas natural\""));
            assertEquals(List.of("m3"), find(index, "from:jeff.dasovich@enron.com"));
            assertEquals(List.of("m3"), find(index, "from:dasovich"));
            assertEquals(List.of("m1"), find(index, "from:\"Dana Scully\""));
            assertEquals(List.of("m1", "m2", "m3"), find(index, ""));
        }
    }

    @Test
    void hitCarriesTheStoredFieldsAndAnEscapedHighlightedSnippet() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("x", "Quote <b>", "Our price is <5% above & the discount applies.",
                    "Dana <dana@acme.com>", "2024-03-05T10:00:00Z"));
            index.refresh();
            var hit = index.search(SearchRequest.of("discount"), MANAGER).hits().getFirst();
            assertEquals("x", hit.id());
            assertEquals("conv-x", hit.conversationId());
            assertEquals("Quote <b>", hit.subject());
            assertEquals("Dana <dana@acme.com>", hit.from());
            assertEquals(java.time.Instant.parse("2024-03-05T10:00:00Z"), hit.date());
            assertEquals("inbound", hit.direction());
            assertTrue(hit.snippet().contains("<mark>discount</mark>"), hit.snippet());
            assertTrue(hit.snippet().contains("&lt;5%"), hit.snippet());
            assertFalse(hit.snippet().contains("<5%"), hit.snippet());
        }
    }

    @Test
    void indexingTwiceKeepsOneDocumentAndDeleteRemovesIt() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            seed(index);
            index.index(message("m1", "Renewal", "New wording about the extension.", "dana@acme.com", "2024-03-05T10:00:00Z"));
            index.refresh();
            assertEquals(3, index.documentCount());
            assertEquals(List.of(), find(index, "discount"));
            assertEquals(List.of("m1"), find(index, "extension"));
            index.delete("m1");
            index.refresh();
            assertEquals(List.of(), find(index, "extension"));
        }
    }

    @Test
    void anErasedMessageKeepsItsMetadataButNoContent() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("e1", "Secret subject", "private words", "dana@acme.com", "2024-03-05T10:00:00Z")
                    .with(b -> { b.erased = true; b.companyId = "c-acme"; }));
            index.refresh();
            assertEquals(List.of(), find(index, "private"));
            assertEquals(List.of(), find(index, "secret"));
            assertEquals(List.of(), find(index, "from:dana@acme.com"));
            var hit = index.search(SearchRequest.of("company:c-acme"), MANAGER).hits().getFirst();
            assertEquals("e1", hit.id());
            assertEquals("", hit.subject());
            assertEquals("", hit.snippet());
        }
    }

    @Test
    void anIgnoredMessageIsKeptOutOfTheIndex() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            seed(index);
            index.index(message("m1", "Renewal", "discount", "dana@acme.com", "2024-03-05T10:00:00Z").with(b -> b.ignored = true));
            index.refresh();
            assertEquals(List.of(), find(index, "discount"));
            assertEquals(2, index.documentCount());
        }
    }

    @Test
    void commitRecordsTheStorePositionAcrossRestarts() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertEquals(0, index.lastIndexedSeq());
            seed(index);
            index.commit(42);
            assertEquals(42, index.lastIndexedSeq());
        }
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertFalse(index.wasReset());
            assertEquals(42, index.lastIndexedSeq());
            assertEquals(List.of("m1"), find(index, "discount"));
        }
    }

    @Test
    void anIndexFromAnotherSchemaVersionIsWipedNotRead() throws Exception {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            seed(index);
            index.commit(7);
        }
        try (var directory = FSDirectory.open(dir);
             var writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of(MessageIndex.SEQ_KEY, "7", MessageIndex.SCHEMA_KEY, "0").entrySet());
            writer.commit();
        }
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertTrue(index.wasReset());
            assertEquals(0, index.lastIndexedSeq());
            assertEquals(0, index.documentCount());
        }
    }

    @Test
    void aStoredMessageBecomesSearchableThroughTheFeedersPoll() throws Exception {
        // no poke: only the feeder's periodic poll can index it (how fast is for the benchmarks, not a unit test)
        var store = new InMemoryMessageRepository();
        try (var index = MessageIndex.open(dir, IndexContext.NONE); var feeder = new IndexFeeder(store, index)) {
            feeder.catchUp();
            feeder.runEvery(Duration.ofMillis(200), Thread.ofVirtual().factory());
            store.save(message("late", "Signed order", "The customer signed the order form.", "a@b.com", "2024-05-01T10:00:00Z"));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (find(index, "order").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of("late"), find(index, "order"));
        }
    }
}
