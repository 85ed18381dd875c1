package io.dealwire.core.intake;

import io.dealwire.core.conversation.ConversationThreader;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.LanguageDetector;
import io.dealwire.core.inference.RuleBasedStageInference;
import io.dealwire.core.inference.StageInference;
import io.dealwire.core.linking.DealFactory;
import io.dealwire.core.linking.DealLinker;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.MachineAddresses;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.party.Parties;
import io.dealwire.core.party.PartyResolver;
import io.dealwire.core.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores a message with its location and reads it into the CRM: its direction (ours, theirs, internal),
 * its conversation, its contacts and company, its deal; then lets stage inference read it. What was
 * already known about a message (links, corrections) is kept when it is accepted again.
 * Internal mail, automated mail and mail of ignored senders never create contacts or deals.
 */
public class MessageIntake implements Intake {
    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);

    /** The store as the intake's parts see it: the store, with the writes of the batch being read. */
    protected final Store store;
    private final StagedStore staged;
    private final CrmSettings settings;
    private final StageInference inference;
    private final Clock clock;
    private final ConversationThreader threader;
    private final PartyResolver parties;
    private final DealLinker linker;
    private final DealFactory dealFactory;

    /**
     * @param inference built over the store it is given: the intake's view, in which the writes of a batch
     *                  being read are visible before they are written
     */
    public MessageIntake(Store store, CrmSettings settings, Function<Store, StageInference> inference, Clock clock, IdGenerator ids) {
        this.staged = new StagedStore(store);
        this.store = staged;
        this.settings = settings;
        this.inference = inference.apply(this.store);
        this.clock = clock;
        this.threader = new ConversationThreader(this.store, settings.ownDomains(), settings.threadWindow());
        this.parties = new PartyResolver(this.store, settings.ownDomains(), settings.freeMail(), ids);
        this.linker = new DealLinker(this.store, settings.ownDomains(), settings.reviewThreshold());
        this.dealFactory = new DealFactory(this.store, ids);
    }

    /** An intake with an inference that reads no messages from the store. */
    public MessageIntake(Store store, CrmSettings settings, StageInference inference, Clock clock, IdGenerator ids) {
        this(store, settings, view -> inference, clock, ids);
    }

    /**
     * The intake Dealwire reads mail with: linking plus rule-based stage inference. IMAP ingestion and the
     * labeled-case replay ({@code eval-stages}) both build theirs here, so they judge mail the same way.
     */
    public static MessageIntake withStageRules(Store store, CrmSettings settings, Clock clock, IdGenerator ids) {
        return new MessageIntake(store, settings, view -> new RuleBasedStageInference(view, clock), clock, ids);
    }

    /** An intake that knows no own domain and infers no stage: every participant counts as a customer. */
    public MessageIntake(Store store) {
        this(store, CrmSettings.of(OwnDomains.none()), StageInference.NONE, Clock.systemUTC(), IdGenerator.random());
    }

    @Override
    public synchronized StoredMessage accept(MailMessage mail, MessageLocation location) {
        var read = read(mail, location);
        if (read.newOnDeal()) infer(read.message());
        return read.message();
    }

    /**
     * Reads a batch as {@link #accept} reads each message, in order, and writes what the batch changed at the end,
     * one bulk write per kind of record (companies, contacts, deals, stage changes, messages). A message that cannot
     * be read fails the batch (nothing of it is written) with a {@link BatchItemException} naming it.
     */
    @Override
    public synchronized List<StoredMessage> acceptAll(List<Incoming> batch) {
        staged.begin();
        boolean flushed = false;
        try {
            var reads = new ArrayList<Read>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                var item = batch.get(i);
                try {
                    var read = read(item.mail(), item.location());
                    if (read.newOnDeal()) infer(read.message());
                    reads.add(read);
                } catch (RuntimeException e) {
                    throw BatchItemException.of(i, e);
                }
            }
            var saved = new HashMap<String, StoredMessage>();
            for (var m : staged.flush()) saved.put(m.id(), m);
            flushed = true;
            // the version written (with its seq), or, for a copy already stored at that slot, the one read
            return reads.stream().map(r -> saved.getOrDefault(r.message().id(), r.message())).toList();
        } finally {
            if (!flushed) staged.discard();
        }
    }

    /** What reading one message did: the message as saved (or as it already was), and whether it is new on a deal. */
    private record Read(StoredMessage message, boolean newOnDeal) {
    }

    private Read read(MailMessage mail, MessageLocation location) {
        var existing = store.messages().find(mail.id());
        if (existing.isPresent()) {
            var known = existing.get();
            boolean hasSlot = known.locations().stream().anyMatch(l -> l.sameSlot(location) && l.gone() == location.gone());
            return new Read(hasSlot ? known : store.messages().save(known.withLocation(location)), false);
        }
        var fresh = StoredMessage.of(mail).withLocation(location);
        var saved = store.messages().save(process(fresh, true));
        return new Read(saved, saved.dealId() != null);
    }

    /** The CRM's reading of a new message: direction, conversation, privacy, contacts, company and deal. */
    protected StoredMessage process(StoredMessage message, boolean isNew) {
        var mail = message.mail();
        var direction = settings.ownDomains().directionOf(mail);
        var known = parties.find(mail, direction);
        var conversation = threader.conversationOf(mail, () -> threader.messagesOfDeals(knownDealIds(mail), mail.date()));
        boolean privateConversation = store.messages().findByConversation(conversation).stream()
                .anyMatch(StoredMessage::privateConversation);
        var base = message.with(b -> {
            b.conversationId = conversation;
            b.direction = direction;
            b.privateConversation = privateConversation;
            // detected once here and stored: the index analyses the text by it without detecting again
            if (b.language.isEmpty()) b.language = LanguageDetector.ofMessageText(mail.newText());
        });
        if (direction == Direction.INTERNAL) return base;
        if (isIgnored(mail)) {
            return base.with(b -> b.ignored = true);
        }
        boolean personsMail = !mail.isAutomated() && mail.from() != null && !MachineAddresses.isMachine(mail.from());
        var at = mail.date() != null ? mail.date() : clock.instant();
        Parties who = personsMail ? parties.resolve(mail, direction, at) : known;
        var decision = linker.decide(base, who, personsMail);
        String dealId = decision.dealId();
        if (decision.createDeal()) {
            dealId = dealFactory.create(who, mail, ownerOf(message), at).id();
            log.debug("message {} opened deal {} ({})", mail.id(), dealId, decision.reason());
        }
        final String linkedDeal = dealId;
        return base.with(b -> {
            b.companyId = who.companyId();
            b.contactIds = who.contactIds();
            b.dealId = linkedDeal;
            b.linkSource = linkedDeal == null ? null : decision.source();
            b.linkConfidence = linkedDeal == null ? 0 : decision.confidence();
            b.needsReview = linkedDeal != null && decision.needsReview();
        });
    }

    private void infer(StoredMessage message) {
        Optional<Deal> deal = store.deals().find(message.dealId());
        if (deal.isEmpty()) return;
        Deal after;
        try {
            after = inference.onLinkedMessage(deal.get(), message);
        } catch (RuntimeException e) {
            // the message is stored and linked; one message the inference cannot read must not stop a mailbox's sync
            log.error("stage inference failed on message {} of deal {}; the deal keeps its stage", message.id(), deal.get().id(), e);
            return;
        }
        if (after != null && !after.equals(deal.get())) store.deals().save(after);
    }

    /** The deals of the customers already known among the external participants: where an Outlook reply may belong. */
    private List<String> knownDealIds(MailMessage mail) {
        var ids = new LinkedHashSet<String>();
        for (var a : mail.participants()) {
            if (settings.ownDomains().isOurs(a)) continue;
            store.contacts().findByEmail(a.address()).ifPresent(c -> {
                if (c.companyId() != null) store.deals().findByCompany(c.companyId()).forEach(d -> ids.add(d.id()));
                store.deals().findByPerson(c.id()).forEach(d -> ids.add(d.id()));
            });
        }
        return new ArrayList<>(ids);
    }

    /** Personal mail: the sender is ignored, or, for our mail, a recipient is. */
    private boolean isIgnored(MailMessage mail) {
        return store.ignoreRules().list().stream().anyMatch(r -> r.appliesTo(mail, settings.ownDomains()));
    }

    private String ownerOf(StoredMessage message) {
        for (var l : message.locations()) {
            var owner = store.mailboxes().find(l.mailboxId()).map(Mailbox::ownerId).orElse(null);
            if (owner != null) return owner;
        }
        return null;
    }

    @Override
    public synchronized Optional<StoredMessage> gone(MessageLocation location) {
        return store.messages().findByMailbox(location.mailboxId(), location.folder()).stream()
                .filter(m -> m.locations().stream().anyMatch(l -> l.sameSlot(location) && !l.gone()))
                .findFirst()
                .map(m -> store.messages().save(m.withLocation(location.markGone())));
    }
}
