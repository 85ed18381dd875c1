package io.dealwire.api.context;

import io.dealwire.api.context.ContextView.CompanyView;
import io.dealwire.api.context.ContextView.ContactView;
import io.dealwire.api.context.ContextView.DealView;
import io.dealwire.api.context.ContextView.EvidenceView;
import io.dealwire.api.context.ContextView.StageView;
import io.dealwire.api.context.ContextView.SuggestionView;
import io.dealwire.api.context.ContextView.TimelineItem;
import io.dealwire.api.message.Timelines;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.store.Store;
import io.dealwire.core.visibility.Viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Builds the context of one message or address for a viewer. Blocking: call from a virtual thread. */
public final class ContextService {
    private static final int TIMELINE = 10;
    private static final int EVIDENCE = 5;
    private static final int SNIPPET = 160;

    private final Store store;
    private final DealStatus status;
    private final Clock clock;

    public ContextService(Store store, DealStatus status, Clock clock) {
        this.store = store;
        this.status = status;
        this.clock = clock;
    }

    /** Reply state and inactivity of a deal at a moment: computed by the core's activity rules. */
    public interface DealStatus {
        Activity of(Deal deal, Pipeline pipeline, java.time.Instant asOf);

        record Activity(boolean needsReply, boolean awaitingReply, boolean inactive, Long daysSinceActivity, java.time.Instant lastActivity) {
        }
    }

    /**
     * @param messageId a Message-ID header (with or without angle brackets), or null
     * @param email     an address, or null; with a messageId, the message's customer address is used
     * @param canSee    which stored messages the viewer may read
     */
    public ContextView context(String messageId, String email, Viewer viewer, Predicate<StoredMessage> canSee) {
        StoredMessage message = null;
        if (messageId != null) {
            var id = messageId.trim().replaceAll("^<|>$", "");
            message = store.messages().findByMessageId(id).stream().filter(canSee).findFirst().orElse(null);
        }
        String address = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        if (address == null && message != null) address = customerAddress(message);
        boolean internal = message != null ? message.direction() == Direction.INTERNAL : address == null;

        Contact contact = address == null ? null : store.contacts().findByEmail(address).orElse(null);
        Company company = null;
        if (contact != null && contact.companyId() != null) company = store.companies().find(contact.companyId()).orElse(null);
        if (company == null && message != null && message.companyId() != null) company = store.companies().find(message.companyId()).orElse(null);

        var deals = new LinkedHashMap<String, Deal>();
        if (message != null && message.dealId() != null) store.deals().find(message.dealId()).ifPresent(d -> deals.put(d.id(), d));
        if (company != null) store.deals().findByCompany(company.id()).forEach(d -> deals.putIfAbsent(d.id(), d));
        if (contact != null) store.deals().findByPerson(contact.id()).forEach(d -> deals.putIfAbsent(d.id(), d));

        // A rep sees a deal only when they can read at least one of its messages.
        var visibleDeals = deals.values().stream().filter(d -> viewer.role().seesEverything()
                || viewer.userId().equals(d.ownerId())
                || store.messages().findByDeal(d.id()).stream().anyMatch(canSee)).toList();

        var timeline = new ArrayList<StoredMessage>();
        for (var d : visibleDeals) timeline.addAll(store.messages().findByDeal(d.id()).stream().filter(canSee).toList());
        if (message != null && message.conversationId() != null)
            store.messages().findByConversation(message.conversationId()).stream().filter(canSee)
                    .filter(m -> timeline.stream().noneMatch(t -> t.id().equals(m.id()))).forEach(timeline::add);

        var pipeline = store.pipelines().find(visibleDeals.isEmpty() ? "default" : visibleDeals.getFirst().pipelineId());
        boolean known = contact != null || company != null || !visibleDeals.isEmpty();
        return new ContextView(
                internal,
                known,
                contact == null ? null : new ContactView(contact.id(), contact.name(), contact.title(), contact.emails(), contact.phones(), contact.companyId()),
                company == null ? null : new CompanyView(company.id(), company.name(), company.domains()),
                visibleDeals.stream().map(this::dealView).toList(),
                message == null ? null : message.dealId(),
                message == null ? null : message.conversationId(),
                timeline.stream().filter(m -> !m.erased())
                        .sorted(Comparator.comparing((StoredMessage m) -> m.mail().date(), Comparator.nullsLast(Comparator.reverseOrder())))
                        .limit(TIMELINE).map(ContextService::timelineItem).toList(),
                pipeline.map(p -> p.stages().stream().map(s -> new StageView(s.id(), s.name(), s.kind().name().toLowerCase(Locale.ROOT))).toList())
                        .orElse(List.of()));
    }

    private DealView dealView(Deal deal) {
        var pipeline = store.pipelines().find(deal.pipelineId());
        var stage = pipeline.flatMap(p -> p.stage(deal.stageId()))
                .map(s -> new StageView(s.id(), s.name(), s.kind().name().toLowerCase(Locale.ROOT)))
                .orElse(new StageView(deal.stageId(), deal.stageId(), "open"));
        var activity = pipeline.map(p -> status.of(deal, p, clock.instant()))
                .orElse(new DealStatus.Activity(false, false, false, null, null));
        var history = store.deals().changes(deal.id());
        var evidence = history.stream().filter(c -> c.status() == StageChange.Status.APPLIED)
                .sorted(Comparator.comparing(StageChange::at, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .limit(EVIDENCE)
                .map(c -> new EvidenceView(c.toStage(), c.evidence() == null ? "" : c.evidence().rule(),
                        c.evidence() == null ? "" : c.evidence().quote(), c.evidence() == null ? null : c.evidence().messageId(),
                        c.at(), c.evidence() == null ? 1 : c.evidence().confidence(), c.mode().name().toLowerCase(Locale.ROOT)))
                .toList();
        var suggestions = history.stream().filter(c -> c.status() == StageChange.Status.PENDING)
                .map(c -> new SuggestionView(c.id(), c.toStage(), c.evidence() == null ? "" : c.evidence().quote(), c.at()))
                .toList();
        return new DealView(deal.id(), deal.title(), deal.pipelineId(), stage, deal.ownerId(), deal.value(), deal.currency(),
                activity.needsReply(), activity.awaitingReply(), activity.inactive(), activity.daysSinceActivity(), activity.lastActivity(),
                evidence, suggestions);
    }

    private static TimelineItem timelineItem(StoredMessage m) {
        var snippet = Timelines.snippet(m, SNIPPET);
        return new TimelineItem(m.mail().messageId(), m.conversationId(), m.mail().subject(),
                Optional.ofNullable(m.mail().from()).map(EmailAddress::toString).orElse(""), m.mail().date(),
                m.direction() == null ? null : m.direction().name().toLowerCase(Locale.ROOT), snippet);
    }

    /** The customer's address in a message: the sender of inbound mail, else the first external recipient. */
    private String customerAddress(StoredMessage message) {
        var mail = message.mail();
        if (message.direction() == Direction.INBOUND && mail.from() != null) return mail.from().address();
        for (var contactId : message.contactIds()) {
            var c = store.contacts().find(contactId);
            if (c.isPresent()) return c.get().primaryEmail();
        }
        return mail.from() == null ? null : mail.from().address();
    }
}
