package io.dealwire.index.feed;

import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.message.StoredMessage;

import java.util.List;
import java.util.Optional;

/** A message repository that forwards every call: tests override the one they make behave differently. */
class ForwardingMessages implements MessageRepository {
    private final MessageRepository delegate;

    ForwardingMessages(MessageRepository delegate) {
        this.delegate = delegate;
    }

    @Override public Optional<StoredMessage> find(String id) { return delegate.find(id); }
    @Override public List<StoredMessage> findByMessageId(String messageId) { return delegate.findByMessageId(messageId); }
    @Override public List<StoredMessage> findByConversation(String conversationId) { return delegate.findByConversation(conversationId); }
    @Override public List<StoredMessage> findByDeal(String dealId) { return delegate.findByDeal(dealId); }
    @Override public List<StoredMessage> findByMailbox(String mailboxId, String folder) { return delegate.findByMailbox(mailboxId, folder); }
    @Override public StoredMessage save(StoredMessage message) { return delegate.save(message); }
    @Override public List<StoredMessage> changedSince(long seq, int limit) { return delegate.changedSince(seq, limit); }
    @Override public long lastSeq() { return delegate.lastSeq(); }
    @Override public long count() { return delegate.count(); }
    @Override public void delete(String id) { delegate.delete(id); }
}
