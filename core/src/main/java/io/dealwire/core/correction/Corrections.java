package io.dealwire.core.correction;

import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.StageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.linking.DealFactory;
import io.dealwire.core.message.Attachment;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.Parties;
import io.dealwire.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What people change by hand: links, conversations, duplicates, personal mail, privacy and erasure.
 * Every link made here is a {@link LinkSource#PERSON} link, and conversations moved here are pinned, so
 * the automatic linker never undoes a correction and later messages of the conversation follow it.
 */
public final class Corrections {
    private static final Logger log = LoggerFactory.getLogger(Corrections.class);
    private static final int SCAN_PAGE = 1000;
    static final EmailAddress ERASED = new EmailAddress("erased@erased.invalid", "");

    private final Store store;
    private final CrmSettings settings;
    private final StageInference inference;
    private final Clock clock;
    private final IdGenerator ids;
    private final DealFactory dealFactory;

    public Corrections(Store store, CrmSettings settings, StageInference inference, Clock clock, IdGenerator ids) {
        this.store = store;
        this.settings = settings;
        this.inference = inference;
        this.clock = clock;
        this.ids = ids;
        this.dealFactory = new DealFactory(store, ids);
    }

    // ---- links -------------------------------------------------------------------------------------------

    /**
     * Links one message to {@code dealId}, with the later messages of its conversation (those already
     * stored that no person linked elsewhere, and those still to come).
     */
    public StoredMessage relinkMessage(String messageId, String dealId, String byUserId) {
        var message = message(messageId);
        var deal = deal(dealId);
        pin(message.conversationId(), deal.id(), byUserId);
        return linkByPerson(fromMessageOn(message), deal).getFirst();
    }

    /** Links one message and the later messages of its conversation to a new deal of its customer. */
    public Deal relinkMessageToNewDeal(String messageId, String byUserId) {
        var message = message(messageId);
        var deal = newDealFor(message, byUserId);
        pin(message.conversationId(), deal.id(), byUserId);
        linkByPerson(fromMessageOn(message), deal);
        return store.deals().find(deal.id()).orElse(deal);
    }

    /** The message, then the later messages of its conversation not linked by a person. */
    private List<StoredMessage> fromMessageOn(StoredMessage message) {
        var out = new ArrayList<StoredMessage>();
        out.add(message);
        if (message.conversationId() == null) return out;
        var all = conversation(message.conversationId());
        boolean after = false;
        for (var m : all) {
            if (m.id().equals(message.id())) { after = true; continue; }
            if (after && m.linkSource() != LinkSource.PERSON) out.add(m);
        }
        return out;
    }

    /** Links every message of a conversation, and those still to come, to {@code dealId}. */
    public List<StoredMessage> relinkConversation(String conversationId, String dealId, String byUserId) {
        var messages = conversation(conversationId);
        var deal = deal(dealId);
        pin(conversationId, deal.id(), byUserId);
        return linkByPerson(messages, deal);
    }

    /** Links every message of a conversation, and those still to come, to a new deal of its customer. */
    public Deal relinkConversationToNewDeal(String conversationId, String byUserId) {
        var messages = conversation(conversationId);
        var deal = newDealFor(messages.getFirst(), byUserId);
        pin(conversationId, deal.id(), byUserId);
        linkByPerson(messages, deal);
        return store.deals().find(deal.id()).orElse(deal);
    }

    /**
     * Cuts a conversation before {@code messageId}: that message and the later ones form a new conversation
     * (named after the message), keeping their deals. Replies to them thread into the new conversation.
     *
     * @return the new conversation's id
     */
    public String splitConversation(String messageId, String byUserId) {
        var at = message(messageId);
        var old = at.conversationId();
        var fresh = at.mail().messageId() != null ? at.mail().messageId() : at.id();
        if (fresh.equals(old)) fresh = "split:" + at.id();
        var messages = conversation(old);
        var first = messages.stream().filter(m -> m.id().equals(at.id())).findFirst().orElseThrow();
        if (messages.getFirst().id().equals(first.id())) {
            throw new InvalidCorrectionException("message " + messageId + " already starts its conversation: there is nothing to split off");
        }
        var later = messages.subList(messages.indexOf(first), messages.size());
        final var id = fresh;
        for (var m : later) store.messages().save(m.with(b -> b.conversationId = id));
        log.info("{} split conversation {} at message {}: {} messages moved to {}", byUserId, old, messageId, later.size(), id);
        return id;
    }

    // ---- duplicates ----------------------------------------------------------------------------------------

    /**
     * Merges {@code mergedId} into {@code keptId}: one person with all their addresses, phones and messages.
     * When the two worked for different companies, the contact created later tells the current one; the
     * other goes to {@code formerCompanyIds}.
     */
    public Contact mergeContacts(String keptId, String mergedId) {
        if (keptId.equals(mergedId)) throw new InvalidCorrectionException("a contact cannot be merged into itself");
        var kept = store.contacts().find(keptId).orElseThrow(() -> new UnknownRecordException("contact", keptId));
        var merged = store.contacts().find(mergedId).orElseThrow(() -> new UnknownRecordException("contact", mergedId));
        var emails = new LinkedHashSet<>(kept.emails());
        emails.addAll(merged.emails());
        var phones = new LinkedHashSet<>(kept.phones());
        phones.addAll(merged.phones());
        boolean mergedIsNewer = merged.createdAt() != null && kept.createdAt() != null && merged.createdAt().isAfter(kept.createdAt());
        String company = kept.companyId();
        var former = new LinkedHashSet<>(kept.formerCompanyIds());
        former.addAll(merged.formerCompanyIds());
        if (merged.companyId() != null && !merged.companyId().equals(kept.companyId())) {
            if (kept.companyId() == null || mergedIsNewer) {
                if (kept.companyId() != null) former.add(kept.companyId());
                company = merged.companyId();
            } else {
                former.add(merged.companyId());
            }
        }
        if (company != null) former.remove(company);
        var result = new Contact(kept.id(), kept.name().isEmpty() ? merged.name() : kept.name(), List.copyOf(emails),
                kept.title().isEmpty() || mergedIsNewer && !merged.title().isEmpty() ? merged.title() : kept.title(),
                List.copyOf(phones), company, List.copyOf(former), kept.website().isEmpty() ? merged.website() : kept.website(),
                earliest(kept.createdAt(), merged.createdAt()));
        for (var m : scan(m -> m.contactIds().contains(mergedId))) {
            var contactIds = new ArrayList<String>();
            for (var c : m.contactIds()) {
                var replaced = c.equals(mergedId) ? keptId : c;
                if (!contactIds.contains(replaced)) contactIds.add(replaced);
            }
            store.messages().save(m.with(b -> b.contactIds = contactIds));
        }
        for (var d : store.deals().findByPerson(mergedId)) store.deals().save(withCustomer(d, d.companyId(), keptId));
        store.contacts().delete(mergedId);
        return store.contacts().save(result);
    }

    /** Merges {@code mergedId} into {@code keptId}: one company with both domains, people, deals and messages. */
    public Company mergeCompanies(String keptId, String mergedId) {
        if (keptId.equals(mergedId)) throw new InvalidCorrectionException("a company cannot be merged into itself");
        var kept = store.companies().find(keptId).orElseThrow(() -> new UnknownRecordException("company", keptId));
        var merged = store.companies().find(mergedId).orElseThrow(() -> new UnknownRecordException("company", mergedId));
        var domains = new LinkedHashSet<>(kept.domains());
        domains.addAll(merged.domains());
        for (var c : store.contacts().findByCompany(mergedId)) {
            store.contacts().save(new Contact(c.id(), c.name(), c.emails(), c.title(), c.phones(), keptId,
                    c.formerCompanyIds().stream().map(f -> f.equals(mergedId) ? keptId : f).filter(f -> !f.equals(keptId)).distinct().toList(),
                    c.website(), c.createdAt()));
        }
        for (var d : store.deals().findByCompany(mergedId)) store.deals().save(withCustomer(d, keptId, d.personContactId()));
        for (var m : scan(m -> mergedId.equals(m.companyId()))) store.messages().save(m.with(b -> b.companyId = keptId));
        store.companies().delete(mergedId);
        return store.companies().save(new Company(kept.id(), kept.name().isEmpty() ? merged.name() : kept.name(), List.copyOf(domains),
                earliest(kept.createdAt(), merged.createdAt())));
    }

    // ---- personal mail and privacy ---------------------------------------------------------------------------

    public IgnoreRule ignoreSender(String address, String byUserId) {
        return ignore(new IgnoreRule(ids.next("ignore"), IgnoreRule.Kind.SENDER, address, byUserId, clock.instant()));
    }

    public IgnoreRule ignoreDomain(String domain, String byUserId) {
        return ignore(new IgnoreRule(ids.next("ignore"), IgnoreRule.Kind.DOMAIN, domain, byUserId, clock.instant()));
    }

    /**
     * Stores the rule and takes the mail it covers out of the CRM: the messages are marked ignored and
     * unlinked, deals the linker opened only for that mail are deleted, and so are contacts (and, for a
     * domain, companies) left with no other mail.
     */
    private IgnoreRule ignore(IgnoreRule rule) {
        store.ignoreRules().save(rule);
        var affected = scan(m -> !m.ignored() && rule.appliesTo(m.mail(), settings.ownDomains()));
        var deals = new LinkedHashSet<String>();
        var contacts = new LinkedHashSet<String>();
        var companies = new LinkedHashSet<String>();
        for (var m : affected) {
            if (m.dealId() != null) deals.add(m.dealId());
            contacts.addAll(m.contactIds());
            if (m.companyId() != null) companies.add(m.companyId());
            store.messages().save(m.with(b -> {
                b.ignored = true;
                b.dealId = null;
                b.linkSource = null;
                b.linkConfidence = 0;
                b.needsReview = false;
            }));
        }
        for (var dealId : deals) {
            var deal = store.deals().find(dealId);
            if (deal.isPresent() && !deal.get().stageSetByPerson() && store.messages().findByDeal(dealId).isEmpty()
                    && store.pins().findByDeal(dealId).isEmpty()) {
                store.deals().delete(dealId);
            }
        }
        var stillUsed = new LinkedHashSet<String>();
        var companiesUsed = new LinkedHashSet<String>();
        for (var m : scan(m -> !m.ignored())) {
            stillUsed.addAll(m.contactIds());
            if (m.companyId() != null) companiesUsed.add(m.companyId());
        }
        for (var c : contacts) {
            var contact = store.contacts().find(c);
            if (contact.isEmpty() || stillUsed.contains(c) || !store.deals().findByPerson(c).isEmpty()) continue;
            if (contact.get().emails().stream().anyMatch(e -> rule.matches(EmailAddress.of(e)))) store.contacts().delete(c);
        }
        if (rule.kind() == IgnoreRule.Kind.DOMAIN) {
            for (var c : companies) {
                var company = store.companies().find(c);
                if (company.isEmpty() || companiesUsed.contains(c) || !store.deals().findByCompany(c).isEmpty()
                        || !store.contacts().findByCompany(c).isEmpty()) continue;
                if (company.get().domains().stream().allMatch(d -> rule.matches(EmailAddress.of("x@" + d)))) store.companies().delete(c);
            }
        }
        log.info("ignore rule {} ({} {}): {} messages taken out of the CRM", rule.id(), rule.kind(), rule.value(), affected.size());
        return rule;
    }

    /** Marks a conversation private (visible to the owners of its mailboxes only), or public again; later messages follow. */
    public List<StoredMessage> markPrivate(String conversationId, boolean privateConversation) {
        var out = new ArrayList<StoredMessage>();
        for (var m : conversation(conversationId)) out.add(store.messages().save(m.with(b -> b.privateConversation = privateConversation)));
        return out;
    }

    // ---- erasure -----------------------------------------------------------------------------------------------

    /**
     * Erases a person (GDPR): the content of every message they wrote or received is removed (subject,
     * text, HTML, signature, attachment names, invite) and their addresses are blanked from the headers; the
     * contact is deleted; deals of their person account lose their name. An audit record without personal
     * data remains.
     */
    public AuditRecord eraseContact(String contactId, String byUserId) {
        var contact = store.contacts().find(contactId).orElseThrow(() -> new UnknownRecordException("contact", contactId));
        Set<String> addresses = Set.copyOf(contact.emails());
        var messages = scan(m -> m.contactIds().contains(contactId)
                || m.mail().participants().stream().anyMatch(a -> addresses.contains(a.address())));
        for (var m : messages) {
            var contactIds = m.contactIds().stream().filter(c -> !c.equals(contactId)).toList();
            store.messages().save(m.with(b -> {
                b.mail = erase(m.mail(), addresses);
                b.erased = true;
                b.contactIds = contactIds;
            }));
        }
        for (var d : store.deals().findByPerson(contactId)) {
            store.deals().save(new Deal(d.id(), "Erased customer", d.pipelineId(), d.stageId(), d.companyId(), null, d.ownerId(),
                    d.value(), d.currency(), d.createdAt(), d.stageChangedAt(), d.stageSetByPerson()));
        }
        store.contacts().delete(contactId);
        var record = store.audit().append(new AuditRecord(ids.next("audit"), "contact.erased", contactId, byUserId, clock.instant(),
                "messages=" + messages.size()));
        log.info("contact {} erased by {}: {} messages emptied", contactId, byUserId, messages.size());
        return record;
    }

    private static MailMessage erase(MailMessage mail, Set<String> addresses) {
        var attachments = mail.attachments().stream().map(a -> new Attachment("", a.contentType(), a.size(), a.sha256())).toList();
        return new MailMessage(mail.id(), mail.messageId(), mail.inReplyTo(), mail.references(), "", blank(mail.from(), addresses),
                mail.to().stream().map(a -> blank(a, addresses)).toList(), mail.cc().stream().map(a -> blank(a, addresses)).toList(),
                mail.date(), "", "", "", "", attachments, null, mail.automated(), mail.warnings(), mail.contentHash(), mail.size());
    }

    private static EmailAddress blank(EmailAddress a, Set<String> addresses) {
        return a != null && addresses.contains(a.address()) ? ERASED : a;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private List<StoredMessage> linkByPerson(List<StoredMessage> messages, Deal deal) {
        var out = new ArrayList<StoredMessage>();
        var current = deal;
        for (var m : messages) {
            var saved = store.messages().save(m.with(b -> {
                b.dealId = deal.id();
                b.linkSource = LinkSource.PERSON;
                b.linkConfidence = 1;
                b.needsReview = false;
            }));
            out.add(saved);
            if (!saved.ignored() && saved.direction() != Direction.INTERNAL) {
                var after = inference.onLinkedMessage(current, saved);
                if (after != null && !after.equals(current)) current = store.deals().save(after);
            }
        }
        return out;
    }

    private Deal newDealFor(StoredMessage message, String byUserId) {
        String person = null;
        String name = "";
        if (message.companyId() != null) {
            name = store.companies().find(message.companyId()).map(Company::name).orElse("");
        } else if (!message.contactIds().isEmpty()) {
            person = message.contactIds().getFirst();
            name = store.contacts().find(person).map(Contact::name).orElse("");
        }
        var parties = new Parties(message.contactIds(), message.companyId(), person, name, "");
        if (!parties.hasCustomer()) {
            throw new InvalidCorrectionException("message " + message.id() + " has no customer (internal or automated mail): link it to an existing deal instead");
        }
        var at = message.mail().date() != null ? message.mail().date() : clock.instant();
        return dealFactory.create(parties, message.mail(), byUserId, at);
    }

    private void pin(String conversationId, String dealId, String byUserId) {
        if (conversationId != null) store.pins().save(new ConversationPin(conversationId, dealId, byUserId, clock.instant()));
    }

    private StoredMessage message(String id) {
        return store.messages().find(id).orElseThrow(() -> new UnknownRecordException("message", id));
    }

    private Deal deal(String id) {
        return store.deals().find(id).orElseThrow(() -> new UnknownRecordException("deal", id));
    }

    /** The conversation's messages, oldest first. */
    private List<StoredMessage> conversation(String conversationId) {
        var messages = store.messages().findByConversation(conversationId);
        if (messages.isEmpty()) throw new UnknownRecordException("conversation", conversationId);
        return messages.stream().sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(StoredMessage::id)).toList();
    }

    /** Every stored message matching {@code filter}, read in pages; corrections that need it are rare. */
    private List<StoredMessage> scan(Predicate<StoredMessage> filter) {
        var out = new ArrayList<StoredMessage>();
        long after = 0;
        long last = store.messages().lastSeq();
        while (after < last) {
            var page = store.messages().changedSince(after, SCAN_PAGE);
            if (page.isEmpty()) break;
            for (var m : page) if (m.seq() <= last && filter.test(m)) out.add(m);
            after = page.getLast().seq();
        }
        return out;
    }

    private static Deal withCustomer(Deal d, String companyId, String personContactId) {
        return new Deal(d.id(), d.title(), d.pipelineId(), d.stageId(), companyId, personContactId, d.ownerId(), d.value(), d.currency(),
                d.createdAt(), d.stageChangedAt(), d.stageSetByPerson());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
