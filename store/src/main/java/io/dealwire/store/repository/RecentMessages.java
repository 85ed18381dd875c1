package io.dealwire.store.repository;

import io.dealwire.core.message.StoredMessage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages read or written most recently, decoded, up to a memory budget. Reading mail into the CRM
 * asks for the same messages again and again (a deal's earlier mail for every new message of that deal, the
 * message just written for the index); decoding them from the embedded server each time cost more than
 * everything else the intake does. Only valid while this process is the only writer (the embedded store):
 * every write goes through {@link #put} or {@link #forget}.
 *
 * <p>A message's weight is an estimate of its size in memory (its texts plus a fixed overhead); the least
 * recently used are dropped past the budget. A version is never replaced by an older one (lower seq), so a
 * read racing a write cannot put back what the write replaced.
 */
final class RecentMessages {
    /** Records, lists, addresses and map entry: what a message costs beyond its texts. */
    private static final int OVERHEAD = 1024;

    private final long budget;
    private long weight;
    private final LinkedHashMap<String, StoredMessage> byId = new LinkedHashMap<>(1024, 0.75f, true);

    RecentMessages(long budgetBytes) {
        this.budget = budgetBytes;
    }

    synchronized StoredMessage get(String id) {
        return byId.get(id);
    }

    synchronized void put(StoredMessage m) {
        var previous = byId.get(m.id());
        if (previous != null) {
            if (previous.seq() > m.seq()) return;
            weight -= weightOf(previous);
        }
        byId.put(m.id(), m);
        weight += weightOf(m);
        var it = byId.entrySet().iterator();
        while (weight > budget && it.hasNext()) {
            Map.Entry<String, StoredMessage> eldest = it.next();
            if (eldest.getKey().equals(m.id())) continue;
            weight -= weightOf(eldest.getValue());
            it.remove();
        }
    }

    synchronized void putAll(Collection<StoredMessage> messages) {
        for (var m : messages) put(m);
    }

    /** The store no longer vouches for these versions (a failed write, a delete). */
    synchronized void forget(Collection<String> ids) {
        for (var id : ids) {
            var m = byId.remove(id);
            if (m != null) weight -= weightOf(m);
        }
    }

    /** Everything (the store reopened and lost what was not committed). */
    synchronized void clear() {
        byId.clear();
        weight = 0;
    }

    synchronized int size() {
        return byId.size();
    }

    private static long weightOf(StoredMessage m) {
        var mail = m.mail();
        return OVERHEAD + mail.text().length() + (mail.newText() == mail.text() ? 0 : mail.newText().length())
                + mail.html().length() + mail.signature().length() + mail.subject().length();
    }
}
