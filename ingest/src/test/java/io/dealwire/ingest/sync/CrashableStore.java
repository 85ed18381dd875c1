package io.dealwire.ingest.sync;

import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.mailbox.FolderSync;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.MailboxRepository;
import io.dealwire.core.mailbox.SyncState;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.UserRepository;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A store with the durability of the embedded one: message and mailbox writes only survive a
 * {@link #commit()}. {@link #crash()} drops everything written since the last commit, as a SIGKILL
 * would; {@link #crashAtWrite(int)} makes the n-th write from now throw, to stop the sync at that point.
 */
final class CrashableStore implements Store {
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash(int write) {
            super("simulated crash at write " + write);
        }
    }

    private final InMemoryStore base = new InMemoryStore();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final MessageRepository messages = new Messages();
    private final MailboxRepository mailboxes = new Mailboxes();
    private int writes;
    private int crashAt = -1;
    private boolean crashAtCommitOfMessages;
    private int uncommittedMessages;
    private int commits;

    /** The sync wraps failures with the message they hit: look through the causes. */
    static boolean isCrash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof SimulatedCrash) return true;
        return false;
    }

    void crashAtWrite(int n) {
        writes = 0;
        crashAt = n;
    }

    /** The next commit that would make message writes durable throws instead, as a SIGKILL just before it would. */
    void crashAtCommitOfMessages() {
        crashAtCommitOfMessages = true;
    }

    void noCrash() {
        crashAt = -1;
        crashAtCommitOfMessages = false;
    }

    /** Message writes since the last commit (what a commit now would make durable). */
    synchronized int uncommittedMessages() {
        return uncommittedMessages;
    }

    /** Commits made so far. */
    synchronized int commits() {
        return commits;
    }

    synchronized void crash() {
        while (!undo.isEmpty()) undo.pop().run();
        crashAt = -1;
        crashAtCommitOfMessages = false;
        uncommittedMessages = 0;
    }

    private synchronized void write(Runnable undoIt) {
        writes++;
        if (crashAt >= 0 && writes >= crashAt) throw new SimulatedCrash(writes);
        undo.push(undoIt);
    }

    @Override public MessageRepository messages() { return messages; }
    @Override public ContactRepository contacts() { return base.contacts(); }
    @Override public CompanyRepository companies() { return base.companies(); }
    @Override public DealRepository deals() { return base.deals(); }
    @Override public PipelineRepository pipelines() { return base.pipelines(); }
    @Override public MailboxRepository mailboxes() { return mailboxes; }
    @Override public UserRepository users() { return base.users(); }
    @Override public io.dealwire.core.correction.PinRepository pins() { return base.pins(); }
    @Override public io.dealwire.core.correction.IgnoreRuleRepository ignoreRules() { return base.ignoreRules(); }
    @Override public io.dealwire.core.correction.AuditLog audit() { return base.audit(); }

    @Override
    public synchronized void commit() {
        if (crashAtCommitOfMessages && uncommittedMessages > 0) throw new SimulatedCrash(writes);
        undo.clear();
        uncommittedMessages = 0;
        commits++;
    }

    @Override
    public void close() {
    }

    private final class Messages implements MessageRepository {
        private final MessageRepository m = base.messages();

        @Override public Optional<StoredMessage> find(String id) { return m.find(id); }
        @Override public List<StoredMessage> findByMessageId(String id) { return m.findByMessageId(id); }
        @Override public List<StoredMessage> findByConversation(String id) { return m.findByConversation(id); }
        @Override public List<StoredMessage> findByDeal(String id) { return m.findByDeal(id); }
        @Override public List<StoredMessage> findByMailbox(String mb, String f) { return m.findByMailbox(mb, f); }
        @Override public List<StoredMessage> changedSince(long seq, int limit) { return m.changedSince(seq, limit); }
        @Override public long lastSeq() { return m.lastSeq(); }
        @Override public long count() { return m.count(); }

        @Override
        public StoredMessage save(StoredMessage message) {
            Optional<StoredMessage> previous = m.find(message.id());
            write(() -> previous.ifPresentOrElse(m::save, () -> m.delete(message.id())));
            synchronized (CrashableStore.this) {
                uncommittedMessages++;
            }
            return m.save(message);
        }

        @Override
        public void delete(String id) {
            Optional<StoredMessage> previous = m.find(id);
            write(() -> previous.ifPresent(m::save));
            m.delete(id);
        }
    }

    private final class Mailboxes implements MailboxRepository {
        private final MailboxRepository r = base.mailboxes();

        @Override public Optional<Mailbox> find(String id) { return r.find(id); }
        @Override public List<Mailbox> list() { return r.list(); }

        private void remember(String id) {
            Optional<Mailbox> previous = r.find(id);
            write(() -> previous.ifPresentOrElse(r::save, () -> r.delete(id)));
        }

        @Override
        public Mailbox save(Mailbox mailbox) {
            remember(mailbox.id());
            return r.save(mailbox);
        }

        @Override
        public void saveFolder(String mailboxId, FolderSync sync) {
            remember(mailboxId);
            r.saveFolder(mailboxId, sync);
        }

        @Override
        public void saveState(String mailboxId, SyncState state, String lastError) {
            remember(mailboxId);
            r.saveState(mailboxId, state, lastError);
        }

        @Override
        public void delete(String id) {
            remember(id);
            r.delete(id);
        }
    }
}
