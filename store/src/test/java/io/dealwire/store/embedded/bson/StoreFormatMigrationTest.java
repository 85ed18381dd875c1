package io.dealwire.store.embedded.bson;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.StoreContract;
import io.dealwire.store.MongoStore;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.embedded.EmbeddedMongo;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A data dir written by the library's own H2 format (earlier versions of Dealwire) opens with every document and
 * index as it was, is migrated once to BSON documents, and a migration interrupted after any of its commits
 * (a kill) leaves a file that opens complete.
 */
class StoreFormatMigrationTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aDataDirOfTheLibraryFormatOpensWithEveryDocumentAndIndexAndIsMigratedOnce() {
        Map<String, List<Document>> before = writeWithLibraryFormat(1_200);
        assertTrue(isLibraryFormat(), "the fixture must be written in the library's format");

        try (var store = StoreFactory.open(null, dataDir)) {
            assertEquals(before, snapshot(store));
            assertEquals(1_199, store.messages().count(), "m5 was deleted");
            assertEquals(List.of("m17"), store.messages().findByMessageId("id17@x").stream().map(StoredMessage::id).toList());
            assertEquals("Subject 1199", store.messages().find("m1199").orElseThrow().mail().subject());
            assertEquals(List.of("dana@acme.example"), store.contacts().find("p1").orElseThrow().emails());
            // the migrated store takes writes, and its unique _id index still refuses a second insert of an id
            writeMessages(store, 1_200, 1_250);
            store.contacts().save(contact("p2", "eve@acme.example"));
        }
        assertFalse(isLibraryFormat());
        assertTrue(libraryMaps().isEmpty(), "old maps left: " + libraryMaps());

        try (var store = StoreFactory.open(null, dataDir)) {
            assertEquals(1_249, store.messages().count());
            assertEquals("Subject 1249", store.messages().find("m1249").orElseThrow().mail().subject());
            assertTrue(store.contacts().find("p2").isPresent());
            var after = snapshot(store);
            assertEquals(before.get("messages indexes"), after.get("messages indexes"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreFormat.Step.class)
    void aMigrationKilledAfterAnyOfItsCommitsLeavesAFileThatOpensComplete(StoreFormat.Step killedAt) {
        Map<String, List<Document>> before = writeWithLibraryFormat(1_200);

        var mv = new MVStore.Builder().fileName(EmbeddedMongo.storeFile(dataDir).toString()).compress().autoCommitDisabled().open();
        var kill = new RuntimeException("killed");
        var thrown = assertThrows(RuntimeException.class, () -> StoreFormat.prepare(mv, 500, step -> {
            if (step == killedAt) throw kill;
        }));
        assertSame(kill, thrown, "the migration must reach " + killedAt);
        // a kill: nothing more is written, what the last commit wrote is what the file holds
        mv.closeImmediately();
        assertEquals(killedAt != StoreFormat.Step.MARKED, isLibraryFormat());

        try (var store = StoreFactory.open(null, dataDir)) {
            assertEquals(before, snapshot(store));
        }
        assertFalse(isLibraryFormat());
        assertTrue(libraryMaps().isEmpty(), "old maps left: " + libraryMaps());
    }

    @Test
    void aFileMarkedWithAnUnknownFormatIsRefusedWithAMessageSayingSo() throws Exception {
        Files.createDirectories(EmbeddedMongo.storeFile(dataDir).getParent());
        var mv = new MVStore.Builder().fileName(EmbeddedMongo.storeFile(dataDir).toString()).open();
        mv.<String, String>openMap(StoreFormat.MARKER_MAP).put(StoreFormat.FORMAT_KEY, "bson-99");
        mv.close();
        var e = assertThrows(StoreFormatException.class, () -> StoreFactory.open(null, dataDir));
        assertTrue(e.getMessage().contains("bson-99"), e.getMessage());
    }

    /** Writes messages, a contact and the default pipeline through the library's own backend; returns what the server holds. */
    private Map<String, List<Document>> writeWithLibraryFormat(int messages) {
        try {
            Files.createDirectories(EmbeddedMongo.storeFile(dataDir).getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var mv = new MVStore.Builder().fileName(EmbeddedMongo.storeFile(dataDir).toString()).compress().open();
        try (var store = StoreFactory.openEmbedded(EmbeddedMongo.serve(new H2Backend(mv)))) {
            store.pipelines().save(PipelineTemplates.defaultPipeline());
            writeMessages(store, 0, messages);
            store.contacts().save(contact("p1", "dana@acme.example"));
            store.messages().delete("m5");
            store.commit();
            var snapshot = snapshot(store);
            assertEquals(messages - 1, snapshot.get("messages").size());
            return snapshot;
        }
    }

    private boolean isLibraryFormat() {
        var mv = new MVStore.Builder().fileName(EmbeddedMongo.storeFile(dataDir).toString()).readOnly().open();
        try {
            return StoreFormat.isLibraryFormat(mv);
        } finally {
            mv.close();
        }
    }

    private List<String> libraryMaps() {
        var mv = new MVStore.Builder().fileName(EmbeddedMongo.storeFile(dataDir).toString()).readOnly().open();
        try {
            return mv.getMapNames().stream().filter(MapNames::isLibraryFormat).toList();
        } finally {
            mv.close();
        }
    }

    /** Every collection's documents by id and its indexes, as a client reads them. */
    private static Map<String, List<Document>> snapshot(MongoStore store) {
        try (var client = MongoClients.create(store.embedded().orElseThrow().connectionString())) {
            var db = client.getDatabase(MongoStore.DEFAULT_DATABASE);
            var out = new TreeMap<String, List<Document>>();
            for (String name : db.listCollectionNames()) {
                var documents = db.getCollection(name).find().into(new ArrayList<>());
                documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
                out.put(name, documents);
                var indexes = db.getCollection(name).listIndexes().into(new ArrayList<>());
                indexes.sort(Comparator.comparing(d -> d.getString("name")));
                out.put(name + " indexes", indexes);
            }
            return out;
        }
    }

    private static void writeMessages(MongoStore store, int from, int to) {
        var batch = new ArrayList<StoredMessage>();
        for (int i = from; i < to; i++) {
            batch.add(StoredMessage.of(StoreContract.mail("m" + i, "id" + i + "@x", "Subject " + i, T0.plusSeconds(i)))
                    .with(b -> b.conversationId = "c1")
                    .withLocation(new MessageLocation("mb1", "INBOX", 1, 1000 + i, false)));
        }
        store.messages().saveAll(batch);
    }

    private static Contact contact(String id, String email) {
        return new Contact(id, "Dana", List.of(email), "", List.of(), null, List.of(), "", T0);
    }
}
