package io.dealwire.core.conversation;

import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Gives a message its conversation id. In order: the conversation of its nearest known parent
 * (In-Reply-To, then References from the newest), so a split conversation keeps its replies; the root of
 * its References; its In-Reply-To; then, for clients that drop those headers (Outlook), an earlier message
 * with the same subject (prefixes removed) and at least one external participant in common within
 * {@code window}; else a new conversation named after the message itself. Deterministic.
 */
public final class ConversationThreader {
    private final Store store;
    private final OwnDomains ownDomains;
    private final Duration window;

    public ConversationThreader(Store store, OwnDomains ownDomains, Duration window) {
        this.store = store;
        this.ownDomains = ownDomains;
        this.window = window;
    }

    /**
     * @param candidates earlier messages that may share a subject with this one (those of the deals of its
     *                   participants, see {@link #messagesOfDeals}); only read when the message names no parent
     */
    public String conversationOf(MailMessage mail, Supplier<? extends Collection<StoredMessage>> candidates) {
        var parents = new ArrayList<String>();
        if (mail.inReplyTo() != null) parents.add(mail.inReplyTo());
        for (var ref : mail.references().reversed()) if (!parents.contains(ref)) parents.add(ref);
        for (var parent : parents) {
            if (parent.equals(mail.messageId())) continue;
            for (var known : store.messages().findByMessageId(parent)) {
                if (known.conversationId() != null && !known.id().equals(mail.id())) return known.conversationId();
            }
        }
        if (!mail.references().isEmpty()) return mail.references().getFirst();
        if (mail.inReplyTo() != null) return mail.inReplyTo();
        var bySubject = bySubject(mail, candidates);
        if (bySubject != null) return bySubject;
        return mail.messageId() != null ? mail.messageId() : mail.id();
    }

    private String bySubject(MailMessage mail, Supplier<? extends Collection<StoredMessage>> candidates) {
        var key = Subjects.normalise(mail.subject());
        if (key.isEmpty() || mail.date() == null) return null;
        var external = externalAddresses(mail);
        if (external.isEmpty()) return null;
        var unique = new LinkedHashMap<String, StoredMessage>();
        for (var c : candidates.get()) unique.putIfAbsent(c.id(), c);
        return unique.values().stream()
                .filter(c -> c.conversationId() != null && c.mail().date() != null && !c.id().equals(mail.id()))
                .filter(c -> Duration.between(c.mail().date(), mail.date()).abs().compareTo(window) <= 0)
                .filter(c -> c.mail().participants().stream().anyMatch(a -> external.contains(a.address())))
                .filter(c -> key.equals(Subjects.normalise(c.mail().subject())))
                .max(Comparator.comparing((StoredMessage c) -> c.mail().date()).thenComparing(StoredMessage::id))
                .map(StoredMessage::conversationId)
                .orElse(null);
    }

    private Set<String> externalAddresses(MailMessage mail) {
        return mail.participants().stream().filter(a -> !ownDomains.isOurs(a)).map(EmailAddress::address)
                .collect(Collectors.toSet());
    }

    /**
     * The messages of the given deals dated within the window around {@code date}: the only ones that may share a
     * conversation by subject (reading a long-running account's whole history would make every message slower to
     * thread than the one before).
     */
    public List<StoredMessage> messagesOfDeals(Collection<String> dealIds, Instant date) {
        var from = date.minus(window);
        var to = date.plus(window);
        var out = new ArrayList<StoredMessage>();
        for (var id : dealIds) out.addAll(store.messages().findByDealBetween(id, from, to));
        return out;
    }
}
