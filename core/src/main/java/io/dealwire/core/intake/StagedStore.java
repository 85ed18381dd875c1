package io.dealwire.core.intake;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.UserRepository;

import java.util.List;

/**
 * The store as the intake and its parts see it: while a batch is read ({@link #begin()} to {@link #flush()}),
 * the writes of messages, contacts, companies, deals and stage changes are held back and every read answers as if
 * they had been written; {@link #flush()} then writes each kind with one bulk write. Every such write was one
 * store round trip per message before; a batch is what IMAP fetches anyway, and nothing of it is durable before
 * the sync's commit, so holding its writes until then loses nothing. Pipelines, mailboxes and the rest are
 * written rarely and go straight to the store.
 *
 * <p>Not thread-safe: the intake serialises its calls.
 */
final class StagedStore implements Store {
    private final Store store;
    private final StagedMessages messages;
    private final StagedContacts contacts;
    private final StagedCompanies companies;
    private final StagedDeals deals;

    StagedStore(Store store) {
        this.store = store;
        this.messages = new StagedMessages(store.messages());
        this.contacts = new StagedContacts(store.contacts());
        this.companies = new StagedCompanies(store.companies());
        this.deals = new StagedDeals(store.deals());
    }

    /** Starts holding writes back. */
    void begin() {
        messages.begin();
        contacts.begin();
        companies.begin();
        deals.begin();
    }

    /**
     * Writes what was held back and ends the batch. Records a message refers to are written before the messages,
     * so that a reader finding a new message (the index feeder, a request) finds its company, contacts and deal.
     * When a write fails the rest is dropped: the batch is read again, and every write is an idempotent replace.
     *
     * @return the messages written, with their seqs
     */
    List<StoredMessage> flush() {
        try {
            companies.flush();
            contacts.flush();
            deals.flush();
            return messages.flush();
        } finally {
            discard();
        }
    }

    /** Drops what was held back (the batch failed: it is fetched and read again). */
    void discard() {
        messages.discard();
        contacts.discard();
        companies.discard();
        deals.discard();
    }

    @Override public MessageRepository messages() { return messages; }
    @Override public ContactRepository contacts() { return contacts; }
    @Override public CompanyRepository companies() { return companies; }
    @Override public DealRepository deals() { return deals; }
    @Override public PipelineRepository pipelines() { return store.pipelines(); }
    @Override public MailboxRepository mailboxes() { return store.mailboxes(); }
    @Override public UserRepository users() { return store.users(); }
    @Override public PinRepository pins() { return store.pins(); }
    @Override public IgnoreRuleRepository ignoreRules() { return store.ignoreRules(); }
    @Override public AuditLog audit() { return store.audit(); }
    @Override public void commit() { store.commit(); }
    @Override public void close() { store.close(); }
}
