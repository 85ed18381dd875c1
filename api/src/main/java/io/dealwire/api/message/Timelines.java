package io.dealwire.api.message;

import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chronological timeline (newest first) of a deal, a contact or a company: every message the viewer may
 * read, erased messages left out. Contacts and companies are reached through their deals and conversations,
 * because the message repository is keyed by deal and conversation, not by person.
 */
public final class Timelines {
    private static final int SNIPPET = 200;
    private final Store store;

    public Timelines(Store store) {
        this.store = store;
    }

    public Page<TimelineItem> deal(Scope scope, String dealId, int offset, int limit) {
        var deal = scope.requireDeal(dealId);
        return page(scope, store.messages().findByDeal(deal.id()), offset, limit);
    }

    public Page<TimelineItem> contact(Scope scope, String contactId, int offset, int limit) {
        var contact = scope.requireContact(contactId);
        var addresses = contact.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        var deals = new java.util.ArrayList<Deal>(store.deals().findByPerson(contact.id()));
        if (contact.companyId() != null) deals.addAll(store.deals().findByCompany(contact.companyId()));
        var found = collect(deals, m -> m.contactIds().contains(contact.id()) || involves(m, addresses));
        return page(scope, found, offset, limit);
    }

    public Page<TimelineItem> company(Scope scope, String companyId, int offset, int limit) {
        var company = scope.requireCompany(companyId);
        var found = collect(store.deals().findByCompany(company.id()), m -> company.id().equals(m.companyId()) || m.dealId() != null);
        return page(scope, found, offset, limit);
    }

    /** Messages of these deals and of their conversations (which can hold mail linked nowhere yet) that pass {@code keep}. */
    private List<StoredMessage> collect(List<Deal> deals, java.util.function.Predicate<StoredMessage> keep) {
        var byId = new LinkedHashMap<String, StoredMessage>();
        var conversations = new java.util.HashSet<String>();
        for (var d : deals) {
            for (var m : store.messages().findByDeal(d.id())) {
                if (keep.test(m)) byId.putIfAbsent(m.id(), m);
                if (m.conversationId() != null) conversations.add(m.conversationId());
            }
        }
        for (var c : conversations)
            for (var m : store.messages().findByConversation(c))
                if (m.dealId() == null && keep.test(m)) byId.putIfAbsent(m.id(), m);
        return List.copyOf(byId.values());
    }

    private static boolean involves(StoredMessage m, Set<String> addresses) {
        return m.mail().participants().stream().map(EmailAddress::address).anyMatch(addresses::contains);
    }

    private static Page<TimelineItem> page(Scope scope, List<StoredMessage> messages, int offset, int limit) {
        var visible = messages.stream().filter(scope::message).filter(m -> !m.erased())
                .sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(StoredMessage::id))
                .toList();
        var page = Page.of(visible, offset, limit);
        return new Page<>(page.total(), offset, limit, page.items().stream().map(Timelines::item).toList());
    }

    /** The message's own new text (else its whole text) on one line, cut at {@code max} characters. */
    public static String snippet(StoredMessage m, int max) {
        var mail = m.mail();
        return snippet(mail.newText().isBlank() ? mail.text() : mail.newText(), max);
    }

    /** The text on one line, cut at {@code max} characters. */
    public static String snippet(String text, int max) {
        var snippet = text.strip().replaceAll("\\s+", " ");
        return snippet.length() > max ? snippet.substring(0, max) + "…" : snippet;
    }

    static TimelineItem item(StoredMessage m) {
        var mail = m.mail();
        var snippet = snippet(m, SNIPPET);
        return new TimelineItem(m.id(), mail.messageId(), m.conversationId(), mail.subject(),
                mail.from() == null ? "" : mail.from().toString(), mail.to().stream().map(EmailAddress::toString).toList(),
                mail.date(), m.direction() == null ? null : m.direction().name().toLowerCase(Locale.ROOT), m.dealId(), snippet,
                mail.attachments().size(), mail.isAutomated());
    }
}
