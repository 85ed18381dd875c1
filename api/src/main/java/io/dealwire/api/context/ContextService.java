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
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.store.Store;
import io.dealwire.core.activity.ActivityCalculator;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchRequest.Within;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the context of one message or address for a viewer. Blocking: call from a virtual thread.
 *
 * <p>The add-on asks for it beside every message it shows, so it reads no message bodies: the timeline, whether
 * a rep may see a deal and the deals' activity come from bounded, date-sorted reads of the search index
 * ({@link RecentMail}), kept until the index's generation moves; records (contact, company, deals, stage history)
 * from the store.
 */
public final class ContextService {
    private static final int TIMELINE = 10;
    private static final int EVIDENCE = 5;
    private static final int SNIPPET = 160;
    /** What the core's activity rules count: mail between us and the customer, written by a person. */
    static final String EXCHANGES = "is:inbound OR is:outbound -is:automated";

    /** Bounds the memory held by lookups nobody asks for again; the index generation decides what is current. */
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final Store store;
    private final RecentMail recent;
    private final Clock clock;
    private final KeptIndexReads<DealRead, Boolean> readableDeals;
    private final KeptIndexReads<TimelineRead, List<TimelineItem>> timelines;
    private final KeptIndexReads<DealRead, List<StoredMessage>> lastExchanges;

    /** One deal's messages as one viewer may read them. */
    private record DealRead(String dealId, Viewer viewer) {
    }

    private record TimelineRead(Set<String> dealIds, Set<String> conversationIds, Viewer viewer) {
    }

    /**
     * @param indexGeneration moves whenever what {@code recent} reads may have changed
     *                        ({@link io.dealwire.index.MessageIndex#generation()}): its answers are kept until then
     */
    public ContextService(Store store, RecentMail recent, LongSupplier indexGeneration, Clock clock) {
        this.store = store;
        this.recent = recent;
        this.clock = clock;
        this.readableDeals = new KeptIndexReads<>(indexGeneration, KEPT);
        this.timelines = new KeptIndexReads<>(indexGeneration, KEPT);
        this.lastExchanges = new KeptIndexReads<>(indexGeneration, KEPT);
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
                || readableDeals.get(new DealRead(d.id(), viewer),
                        () -> !recent.newest("", new Within(Set.of(d.id()), Set.of(), true), viewer, 1).isEmpty())).toList();

        var conversations = message != null && message.conversationId() != null ? Set.of(message.conversationId()) : Set.<String>of();
        var dealIds = visibleDeals.stream().map(Deal::id).collect(Collectors.toUnmodifiableSet());
        var timeline = timelines.get(new TimelineRead(dealIds, conversations, viewer),
                () -> recent.newest("", new Within(dealIds, conversations), viewer, TIMELINE).stream().map(ContextService::timelineItem).toList());

        var pipeline = store.pipelines().find(visibleDeals.isEmpty() ? "default" : visibleDeals.getFirst().pipelineId());
        boolean known = contact != null || company != null || !visibleDeals.isEmpty();
        return new ContextView(
                internal,
                known,
                contact == null ? null : new ContactView(contact.id(), contact.name(), contact.title(), contact.emails(), contact.phones(), contact.companyId()),
                company == null ? null : new CompanyView(company.id(), company.name(), company.domains()),
                visibleDeals.stream().map(d -> dealView(d, viewer)).toList(),
                message == null ? null : message.dealId(),
                message == null ? null : message.conversationId(),
                timeline,
                pipeline.map(p -> p.stages().stream().map(s -> new StageView(s.id(), s.name(), s.kind().name().toLowerCase(Locale.ROOT))).toList())
                        .orElse(List.of()));
    }

    private DealView dealView(Deal deal, Viewer viewer) {
        var pipeline = store.pipelines().find(deal.pipelineId());
        var stage = pipeline.flatMap(p -> p.stage(deal.stageId()))
                .map(s -> new StageView(s.id(), s.name(), s.kind().name().toLowerCase(Locale.ROOT)))
                .orElse(new StageView(deal.stageId(), deal.stageId(), "open"));
        var activity = pipeline.map(p -> activity(deal, p, viewer))
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

    /**
     * The core's activity rules applied to the deal's last exchange with the customer, the only message they
     * look at. It is read as the viewer with a manager's reach: every message of the deal counts except other
     * people's private conversations, which the context must not reveal even as a date.
     */
    private DealStatus.Activity activity(Deal deal, Pipeline pipeline, Viewer viewer) {
        var reach = new Viewer(viewer.userId(), Role.MANAGER, viewer.mailboxIds());
        var last = lastExchanges.get(new DealRead(deal.id(), reach),
                () -> recent.newest(EXCHANGES, new Within(Set.of(deal.id()), Set.of(), true), reach, 1).stream().map(ContextService::exchange).toList());
        var a = ActivityCalculator.compute(deal, pipeline, last, clock.instant());
        return new DealStatus.Activity(a.needsReply(), a.awaitingReply(), a.inactive(),
                a.lastActivity() == null ? null : a.daysSince(), a.lastActivity());
    }

    /** What the activity rules read of a message (date, direction, a person's mail), from its index entry. */
    private static StoredMessage exchange(Hit hit) {
        // the index keeps 0 for a message without a date, which the rules do not count
        var date = hit.date() == null || hit.date().toEpochMilli() == 0 ? null : hit.date();
        var mail = new MailMessage(hit.id(), hit.messageId(), null, List.of(), hit.subject(), null, List.of(), List.of(), date,
                null, null, null, null, List.of(), null, null, List.of(), null, 0);
        var direction = hit.direction() == null ? null : Direction.valueOf(hit.direction().toUpperCase(Locale.ROOT));
        return StoredMessage.of(mail).with(b -> b.direction = direction);
    }

    private static TimelineItem timelineItem(Hit hit) {
        return new TimelineItem(hit.messageId(), hit.conversationId(), hit.subject(), hit.from(), hit.date(), hit.direction(),
                snippet(hit.snippet()));
    }

    /**
     * The timelines' snippet of a preview ({@link Timelines#snippet(String, int)}: stripped, each run of blanks one
     * space, cut at {@link #SNIPPET} characters), in one pass that stops at the cut: the context shows ten of them
     * on every request, and the regular expression over each whole preview was a tenth of its CPU.
     */
    static String snippet(String preview) {
        int start = 0, end = preview.length();
        while (start < end && Character.isWhitespace(preview.charAt(start))) start++;
        while (end > start && Character.isWhitespace(preview.charAt(end - 1))) end--;
        var out = new StringBuilder(Math.min(end - start, SNIPPET + 1));
        boolean inBlanks = false;
        for (int i = start; i < end && out.length() <= SNIPPET; i++) {
            char c = preview.charAt(i);
            if (isRegexBlank(c)) {
                if (!inBlanks) out.append(' ');
                inBlanks = true;
            } else {
                out.append(c);
                inBlanks = false;
            }
        }
        return out.length() > SNIPPET ? out.substring(0, SNIPPET) + "…" : out.toString();
    }

    /** What {@code \s} matches in {@link Timelines#snippet(String, int)}'s expression. */
    private static boolean isRegexBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
