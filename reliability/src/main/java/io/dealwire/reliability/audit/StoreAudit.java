package io.dealwire.reliability.audit;

import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import io.dealwire.reliability.imap.ServerInventory;
import io.dealwire.store.StoreFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a stopped service's store and index with what the IMAP server holds. Each server message is a slot
 * (folder, UIDVALIDITY, UID); it must be a location of exactly one stored message whose Message-ID is the
 * server's. The index must hold one document for every stored message that is not ignored, and be committed
 * up to the store's last write.
 */
public final class StoreAudit {
    /** Commit user data key under which the index records the store position it is complete up to. */
    private static final String INDEX_SEQ_KEY = "dealwire.seq";

    private StoreAudit() {
    }

    /**
     * @param serverMessages  slots on the server
     * @param stored          distinct stored messages with a location in the mailbox
     * @param duplicates      slots held by more than one stored message, plus stored messages that repeat another
     *                        (same Message-ID and content hash) instead of adding a location to it
     * @param missing         server slots no stored message holds
     * @param wrongMessageId  slots whose stored message has another Message-ID than the server's copy
     * @param indexDocuments  documents in the index
     * @param indexable       stored messages that are not ignored (all mailboxes)
     * @param indexedSeq      store position the index is committed at
     * @param storeSeq        the store's last position
     * @param mailboxState    the mailbox's sync state as stored
     */
    public record Result(long serverMessages, long stored, long duplicates, long missing, long wrongMessageId,
                         long indexDocuments, long indexable, long indexedSeq, long storeSeq, String mailboxState,
                         List<String> examples) {
        public boolean indexMatchesStore() {
            return indexDocuments == indexable && indexedSeq >= storeSeq;
        }

        public boolean exact() {
            return duplicates == 0 && missing == 0 && wrongMessageId == 0;
        }
    }

    /** Opens the store (embedded in the data dir, or at the MongoDB URI) and the index of the data dir. */
    public static Result audit(String mongoUriOrNull, Path dataDir, String mailboxId, ServerInventory server) {
        try (var store = StoreFactory.open(mongoUriOrNull, dataDir)) {
            var r = auditStore(store, mailboxId, server);
            var index = readIndex(dataDir.resolve("index"));
            return new Result(r.serverMessages, r.stored, r.duplicates, r.missing, r.wrongMessageId,
                    index[0], r.indexable, index[1], r.storeSeq, r.mailboxState, r.examples);
        }
    }

    /**
     * Documents and committed store position of the index, read with Lucene alone and read-only: opening it
     * through the index module would rewrite an index of another schema version instead of measuring it.
     */
    static long[] readIndex(Path dir) {
        try (var directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) return new long[]{0, 0};
            var seq = SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(INDEX_SEQ_KEY, "0");
            try (var reader = DirectoryReader.open(directory)) {
                return new long[]{reader.numDocs(), Long.parseLong(seq)};
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    static Result auditStore(Store store, String mailboxId, ServerInventory server) {
        var examples = new ArrayList<String>();
        var holders = new HashMap<String, List<StoredMessage>>();
        var sameMessage = new HashMap<String, Integer>();
        var stored = store.messages().findByMailbox(mailboxId, null);
        for (var m : stored) {
            for (var loc : m.locations()) {
                if (!loc.mailboxId().equals(mailboxId)) continue;
                holders.computeIfAbsent(slot(loc.folder(), loc.uidValidity(), loc.uid()), k -> new ArrayList<>()).add(m);
            }
            sameMessage.merge(m.mail().messageId() + "\u0000" + m.mail().contentHash(), 1, Integer::sum);
        }
        long duplicates = 0;
        for (var e : holders.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicates += e.getValue().size() - 1;
                if (examples.size() < 5) examples.add("slot " + e.getKey() + " held by " + e.getValue().size() + " messages");
            }
        }
        for (var e : sameMessage.entrySet()) {
            if (e.getValue() > 1) {
                duplicates += e.getValue() - 1;
                if (examples.size() < 5) examples.add("stored " + e.getValue() + " times: " + e.getKey().replace('\u0000', ' '));
            }
        }
        long missing = 0, wrong = 0;
        var seen = new HashSet<String>();
        for (var f : server.folders().entrySet()) {
            for (var u : f.getValue().messageIdByUid().entrySet()) {
                var key = slot(f.getKey(), f.getValue().uidValidity(), u.getKey());
                seen.add(key);
                var held = holders.get(key);
                if (held == null) {
                    missing++;
                    if (examples.size() < 10) examples.add("missing " + key + " " + u.getValue());
                } else if (u.getValue() != null && held.stream().noneMatch(m -> sameId(m.mail().messageId(), u.getValue()))) {
                    wrong++;
                    if (examples.size() < 10) examples.add("slot " + key + " holds " + held.getFirst().mail().messageId() + ", server has " + u.getValue());
                }
            }
        }
        long indexable = 0, seq = 0;
        while (true) {
            var batch = store.messages().changedSince(seq, 2000);
            if (batch.isEmpty()) break;
            for (var m : batch) {
                if (!m.ignored()) indexable++;
                seq = Math.max(seq, m.seq());
            }
        }
        var state = store.mailboxes().find(mailboxId).map(m -> m.state().name().toLowerCase(java.util.Locale.ROOT)).orElse("absent");
        return new Result(server.messageCount(), stored.size(), duplicates, missing, wrong, -1, indexable, -1,
                store.messages().lastSeq(), state, examples);
    }

    private static String slot(String folder, long uidValidity, long uid) {
        return folder + "/" + uidValidity + "/" + uid;
    }

    private static boolean sameId(String a, String b) {
        return Objects.equals(strip(a), strip(b));
    }

    private static String strip(String id) {
        if (id == null) return null;
        var s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        return s;
    }
}
