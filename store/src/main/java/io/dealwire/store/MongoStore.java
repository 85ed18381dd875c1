package io.dealwire.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.UserRepository;
import io.dealwire.store.embedded.EmbeddedMongo;
import io.dealwire.store.lookup.CachedLookupCollection;
import io.dealwire.store.lookup.IndexedCollection;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.CompanyMapping;
import io.dealwire.store.mapping.ContactMapping;
import io.dealwire.store.mapping.CorrectionMapping;
import io.dealwire.store.mapping.DealMapping;
import io.dealwire.store.mapping.MailboxMapping;
import io.dealwire.store.mapping.MessageMapping;
import io.dealwire.store.mapping.PipelineMapping;
import io.dealwire.store.mapping.UserMapping;
import io.dealwire.store.repository.MongoCompanyRepository;
import io.dealwire.store.repository.MongoContactRepository;
import io.dealwire.store.repository.MongoAuditLog;
import io.dealwire.store.repository.MongoDealRepository;
import io.dealwire.store.repository.MongoIgnoreRuleRepository;
import io.dealwire.store.repository.MongoPinRepository;
import io.dealwire.store.repository.MongoMailboxRepository;
import io.dealwire.store.repository.MongoMessageRepository;
import io.dealwire.store.repository.MongoPipelineRepository;
import io.dealwire.store.repository.MongoUserRepository;
import io.dealwire.store.repository.SeqCounter;
import io.dealwire.store.repository.StoreGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Store} on MongoDB through the official sync driver: one collection per repository,
 * documents mapped by hand. The same code serves a real MongoDB and the embedded server; they differ in
 * how lookups are answered (server indexes, or in-process lookups for the embedded server, which ignores
 * non-unique indexes) and in what {@link #commit()} does. Open one with {@link StoreFactory}.
 */
public final class MongoStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);
    public static final String DEFAULT_DATABASE = "dealwire";

    private final MongoClient client;
    private final EmbeddedMongo embedded;
    private final StoreGuard guard;
    private final MongoMessageRepository messages;
    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final MongoMailboxRepository mailboxes;
    private final UserRepository users;
    private final PinRepository pins;
    private final IgnoreRuleRepository ignoreRules;
    private final AuditLog audit;
    /** The embedded store's in-process lookups by collection name, reloaded after a reopen (ADR 0002). */
    private final java.util.Map<String, CachedLookupCollection> lookups = new java.util.LinkedHashMap<>();
    private volatile long lostMessagesAtLastReopen;

    /**
     * Memory for decoded messages on the embedded store (a tenth of the heap, at most 64 MB): a deal's recent
     * mail, read for every new message of the deal, and what the index feeder reads just after it was written.
     */
    static final long RECENT_MESSAGES_BYTES = Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 10);

    private MongoStore(MongoClient client, MongoDatabase db, EmbeddedMongo embedded, StoreGuard guard) {
        this.client = client;
        this.embedded = embedded;
        this.guard = guard;
        boolean processLookups = embedded != null;
        var seq = new SeqCounter(db.getCollection(SeqCounter.COLLECTION), MessageMapping.COLLECTION);
        this.messages = new MongoMessageRepository(
                keyed(db, MessageMapping.COLLECTION, MongoMessageRepository.KEYS, MessageMapping.SEQ, processLookups), seq, guard,
                processLookups ? RECENT_MESSAGES_BYTES : 0, () -> ensureAvailable(embedded));
        this.contacts = new MongoContactRepository(keyed(db, ContactMapping.COLLECTION, MongoContactRepository.KEYS, null, processLookups), guard);
        this.companies = new MongoCompanyRepository(keyed(db, CompanyMapping.COLLECTION, MongoCompanyRepository.KEYS, null, processLookups), guard);
        this.deals = new MongoDealRepository(
                keyed(db, DealMapping.COLLECTION, MongoDealRepository.KEYS, null, processLookups),
                keyed(db, DealMapping.CHANGES_COLLECTION, MongoDealRepository.CHANGE_KEYS, null, processLookups), guard);
        this.pipelines = new MongoPipelineRepository(keyed(db, PipelineMapping.COLLECTION, List.of(), null, processLookups), guard);
        this.mailboxes = new MongoMailboxRepository(keyed(db, MailboxMapping.COLLECTION, List.of(), null, processLookups), guard, processLookups);
        this.users = new MongoUserRepository(
                keyed(db, UserMapping.COLLECTION, MongoUserRepository.KEYS, null, processLookups),
                keyed(db, UserMapping.TOKENS_COLLECTION, MongoUserRepository.TOKEN_KEYS, null, processLookups), guard);
        this.pins = new MongoPinRepository(keyed(db, CorrectionMapping.PINS_COLLECTION, MongoPinRepository.KEYS, null, processLookups), guard);
        this.ignoreRules = new MongoIgnoreRuleRepository(keyed(db, CorrectionMapping.IGNORE_RULES_COLLECTION, List.of(), null, processLookups), guard);
        this.audit = new MongoAuditLog(keyed(db, CorrectionMapping.AUDIT_COLLECTION, List.of(), null, processLookups),
                new SeqCounter(db.getCollection(SeqCounter.COLLECTION), CorrectionMapping.AUDIT_COLLECTION), guard);
        if (embedded != null) embedded.onReopen(this::recover);
    }

    /**
     * After the embedded store reopened its file, on the private server it hands out: reloads every lookup
     * (writes acknowledged after the last commit are gone) and moves the seq counters past every seq handed
     * out before, so that a seq the index has seen is never given to another message.
     */
    private void recover(String connectionString) {
        try (var client = com.mongodb.client.MongoClients.create(connectionString)) {
            var db = client.getDatabase(DEFAULT_DATABASE);
            var counters = db.getCollection(SeqCounter.COLLECTION);
            for (var e : lookups.entrySet()) {
                var lookup = e.getValue();
                long highestBefore = lookup.highestOrderKnown();
                lookup.reload(db.getCollection(e.getKey()));
                if (e.getKey().equals(MessageMapping.COLLECTION)) messages.forgetRecent();
                if (e.getKey().equals(MailboxMapping.COLLECTION)) mailboxes.forgetDecoded();
                // only collections ordered by a seq counter named after them (messages, audit) have an order
                if (highestBefore == 0) continue;
                var seq = new SeqCounter(counters, e.getKey());
                long committed = seq.current();
                if (highestBefore > committed) {
                    seq.atLeast(highestBefore);
                    if (e.getKey().equals(MessageMapping.COLLECTION)) lostMessagesAtLastReopen = highestBefore - committed;
                    log.warn("{}: {} seqs of {} handed out after the last commit were lost with the reopen; counter moved past them",
                            guard.store(), highestBefore - committed, e.getKey());
                }
            }
            log.info("{}: reloaded the lookups of {} collections after the reopen", guard.store(), lookups.size());
        }
    }
    /** Throws while the embedded store refuses commands (stopped, or its file closed after a failed write). */
    private static void ensureAvailable(EmbeddedMongo embedded) {
        if (embedded == null) return;
        var status = embedded.status();
        if (!status.available()) throw new io.dealwire.core.store.StoreUnavailableException(status.problem());
    }

    /**
     * A store on a real MongoDB: lookups are queries answered by indexes created here. {@link #commit()} does
     * nothing: the client is expected to write with a journaled majority write concern ({@link StoreFactory} does).
     */
    public static MongoStore onServer(MongoClient client, String database, String description) {
        var guard = new StoreGuard(description);
        return guard.call(() -> new MongoStore(client, client.getDatabase(database), null, guard));
    }

    /**
     * A store on the embedded server, whose only client is this store: lookups are answered in process,
     * {@link #commit()} commits the server's file, and {@link #close()} closes the client and the server.
     */
    public static MongoStore onEmbedded(EmbeddedMongo embedded, MongoClient client) {
        var guard = new StoreGuard(embedded.description());
        return guard.call(() -> new MongoStore(client, client.getDatabase(DEFAULT_DATABASE), embedded, guard));
    }

    /** Collections written with partial updates or too big to hold: the embedded store keeps only their lookups in memory. */
    private static final Set<String> LOOKUPS_ONLY = Set.of(MessageMapping.COLLECTION, MailboxMapping.COLLECTION, CorrectionMapping.AUDIT_COLLECTION);

    private KeyedCollection keyed(MongoDatabase db, String name, List<SecondaryKey> keys, String orderField, boolean processLookups) {
        var server = new IndexedCollection(db.getCollection(name), keys, orderField);
        if (processLookups) {
            var cached = CachedLookupCollection.load(server, !LOOKUPS_ONLY.contains(name));
            lookups.put(name, cached);
            return cached;
        }
        server.ensureIndexes();
        return server;
    }

    @Override public MessageRepository messages() { return messages; }
    @Override public ContactRepository contacts() { return contacts; }
    @Override public CompanyRepository companies() { return companies; }
    @Override public DealRepository deals() { return deals; }
    @Override public PipelineRepository pipelines() { return pipelines; }
    @Override public MailboxRepository mailboxes() { return mailboxes; }
    @Override public UserRepository users() { return users; }
    @Override public PinRepository pins() { return pins; }
    @Override public IgnoreRuleRepository ignoreRules() { return ignoreRules; }
    @Override public AuditLog audit() { return audit; }

    /** The embedded server under this store, if it runs on one (backups use it). */
    public Optional<EmbeddedMongo> embedded() {
        return Optional.ofNullable(embedded);
    }

    /**
     * The store's state for the health check: {@code state} "ok" or "unavailable" (the embedded store closed
     * after a failed write and reopens by itself), with the problem, since when, and how many reopens.
     */
    public java.util.Map<String, Object> health() {
        var m = new java.util.LinkedHashMap<String, Object>();
        if (embedded == null) {
            m.put("state", "ok");
            return m;
        }
        var status = embedded.status();
        m.put("state", status.available() ? "ok" : "unavailable");
        if (!status.available()) {
            m.put("problem", status.problem());
            if (status.downSince() != null) m.put("since", status.downSince().toString());
        }
        if (status.reopens() > 0) {
            m.put("reopens", status.reopens());
            m.put("lastReopen", String.valueOf(status.lastReopen()));
            m.put("messagesLostAtLastReopen", lostMessagesAtLastReopen);
        }
        return m;
    }

    /** What this store is, for messages: the embedded store's file or the MongoDB's hosts and database. */
    public String description() {
        return guard.store();
    }

    @Override
    public void commit() {
        if (embedded != null) guard.run(embedded::commit);
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (embedded != null) embedded.close();
        }
        log.info("closed {}", guard.store());
    }
}
