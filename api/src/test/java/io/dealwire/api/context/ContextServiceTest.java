package io.dealwire.api.context;

import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.EmailAddress;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import io.dealwire.index.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The context beside a message, read from the store and a real index: a bounded timeline, newest first, of
 * what the viewer may read; a deal shown to a rep only when they own it or can read one of its messages; the
 * deal's reply state from its last exchange with the customer, never from someone else's private mail.
 */
class ContextServiceTest {
    private static final Instant DAY_0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of("box-rita", "box-remy"));
    private static final Viewer RITA = new Viewer("u-rita", Role.REP, Set.of("box-rita"));
    private static final Viewer REMY = new Viewer("u-remy", Role.REP, Set.of("box-remy"));
    private static final Map<String, String> OWNERS = Map.of("box-rita", "u-rita", "box-remy", "u-remy");

    private final InMemoryStore store = new InMemoryStore();
    private MessageIndex index;
    private ContextService service;

    @BeforeEach
    void seed(@TempDir Path dir) {
        index = MessageIndex.open(dir, new IndexContext() {
            @Override
            public String mailboxOwner(String mailboxId) {
                return OWNERS.getOrDefault(mailboxId, "");
            }
        });
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        store.companies().save(new Company("co-acme", "Acme", List.of("acme.example"), DAY_0));
        store.contacts().save(new Contact("ct-dana", "Dana Smith", List.of("dana@acme.example"), "", List.of(), "co-acme", List.of(), "", DAY_0));
        store.deals().save(new Deal("d1", "Acme licences", "default", "contacted", "co-acme", null, "u-rita", 1000, "EUR", DAY_0, DAY_0, false));
        for (int day = 1; day <= 12; day++) {
            var direction = day % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
            save(message("m" + day, day, direction, "box-rita", "Message of day " + day + ". " + "Details ".repeat(40)));
        }
        save(message("auto13", 13, Direction.INBOUND, "box-rita", "Out of office").with(b -> b.mail = automated(b.mail)));
        save(message("int14", 14, Direction.INTERNAL, "box-rita", "Between colleagues"));
        save(message("erased15", 15, Direction.INBOUND, "box-rita", "Erased").with(b -> b.erased = true));
        save(message("priv16", 16, Direction.OUTBOUND, "box-rita", "Private offer").with(b -> b.privateConversation = true));
        index.refresh();
        var recent = (RecentMail) (q, within, viewer, limit) -> index.search(SearchRequest.newest(q, within, limit), viewer).hits();
        service = new ContextService(store, recent, index::generation, Clock.fixed(DAY_0.plusSeconds(20 * 86400), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private void save(StoredMessage m) {
        index.index(store.messages().save(m));
    }

    private static StoredMessage message(String id, int day, Direction direction, String mailbox, String text) {
        var from = direction == Direction.INBOUND ? new EmailAddress("dana@acme.example", "Dana Smith") : EmailAddress.of("rita@northwind.example");
        var mail = new MailMessage(id, id + "@test.example", null, List.of(), "Day " + day, from, List.of(), List.of(),
                DAY_0.plusSeconds(day * 86400L), text, text, "", "", List.of(), null, null, List.of(), id, text.length());
        return new StoredMessage(mail, "conv-" + id, direction, "en", "co-acme", List.of("ct-dana"), "d1", null, 1, false, false,
                false, false, List.of(new MessageLocation(mailbox, "INBOX", 1, day, false)), 0);
    }

    private static MailMessage automated(MailMessage m) {
        return new MailMessage(m.id(), m.messageId(), null, List.of(), m.subject(), m.from(), m.to(), m.cc(), m.date(), m.text(),
                m.newText(), "", "", List.of(), null, "auto-reply", List.of(), m.contentHash(), m.size());
    }

    private static List<String> subjects(ContextView view) {
        return view.timeline().stream().map(ContextView.TimelineItem::subject).toList();
    }

    @Test
    void aManagerSeesTheTenNewestReadableMessagesAndTheReplyStateOfTheLastExchange() {
        var view = service.context(null, "dana@acme.example", ADMIN, m -> true);
        assertEquals(List.of("d1"), view.deals().stream().map(ContextView.DealView::id).toList());
        assertEquals(List.of("Day 13", "Day 12", "Day 11", "Day 10", "Day 9", "Day 8", "Day 7", "Day 6", "Day 5", "Day 4"), subjects(view),
                "no erased message, no internal or private mail of someone else");
        var deal = view.deals().getFirst();
        assertTrue(deal.needsReply(), "the customer wrote last (day 15, erased since), the automated reply of day 13 does not count");
        assertFalse(deal.awaitingReply());
        assertEquals(DAY_0.plusSeconds(15 * 86400L), deal.lastActivity());
        var rules = io.dealwire.core.activity.ActivityCalculator.compute(store.deals().find("d1").orElseThrow(),
                PipelineTemplates.defaultPipeline(), store.messages().findByDeal("d1").stream().filter(m -> !m.privateConversation()).toList(),
                DAY_0.plusSeconds(20 * 86400));
        assertEquals(rules.daysSince(), deal.daysSinceActivity(), "the core's rules over every message the manager may read");
        assertEquals(rules.lastActivity(), deal.lastActivity());
        assertEquals(rules.inactive(), deal.inactive());
    }

    @Test
    void theOwnerOfAPrivateConversationSeesItInTheTimelineAndInTheReplyState() {
        var view = service.context(null, "dana@acme.example", RITA, m -> true);
        assertEquals(List.of("Day 16", "Day 14", "Day 13", "Day 12"), subjects(view).subList(0, 4));
        var deal = view.deals().getFirst();
        assertTrue(deal.awaitingReply(), "her private offer of day 16 was the last exchange");
        assertFalse(deal.needsReply());
        assertEquals(DAY_0.plusSeconds(16 * 86400L), deal.lastActivity());
    }

    @Test
    void aRepWhoCanReadNoneOfADealsMessagesDoesNotSeeTheDeal() {
        var view = service.context(null, "dana@acme.example", REMY, m -> true);
        assertEquals(List.of(), view.deals());
        assertEquals(List.of(), view.timeline());
        assertTrue(view.known(), "the contact is known");

        save(message("remy20", 20, Direction.INBOUND, "box-remy", "Hello Remy"));
        index.refresh();
        var after = service.context(null, "dana@acme.example", REMY, m -> true);
        assertEquals(List.of("d1"), after.deals().stream().map(ContextView.DealView::id).toList());
        assertEquals(List.of("Day 20"), subjects(after), "only what he may read");
    }

    @Test
    void aNewMessageOfTheDealShowsInTheNextContextOnceTheIndexHasIt() {
        var before = service.context(null, "dana@acme.example", ADMIN, m -> true);
        assertEquals("Day 13", subjects(before).getFirst());
        assertTrue(before.deals().getFirst().needsReply());

        // no explicit refresh: the index makes it searchable by itself, and the kept lookups must not hide it
        save(message("m19", 19, Direction.OUTBOUND, "box-rita", "Our offer"));
        var after = awaitContext(ADMIN, v -> subjects(v).getFirst().equals("Day 19"));
        var deal = after.deals().getFirst();
        assertFalse(deal.needsReply(), "we wrote last");
        assertTrue(deal.awaitingReply());
        assertEquals(DAY_0.plusSeconds(19 * 86400L), deal.lastActivity());
    }

    @Test
    void lookupsAreKeptPerViewerUntilTheIndexChangesWhileStoreWritesShowAtOnce() {
        var lookups = new java.util.concurrent.atomic.AtomicInteger();
        RecentMail counted = (q, within, viewer, limit) -> {
            lookups.incrementAndGet();
            return index.search(SearchRequest.newest(q, within, limit), viewer).hits();
        };
        var kept = new ContextService(store, counted, index::generation, Clock.fixed(DAY_0.plusSeconds(20 * 86400), ZoneOffset.UTC));
        var first = kept.context(null, "dana@acme.example", ADMIN, m -> true);
        assertTrue(lookups.get() > 0);
        assertEquals(first, withoutIndexReads(lookups, () -> kept.context(null, "dana@acme.example", ADMIN, m -> true)),
                "the index did not change: nothing read again");

        var rita = kept.context(null, "dana@acme.example", RITA, m -> true);
        assertEquals("Day 16", subjects(rita).getFirst(), "another viewer gets her own answer, her private offer included");
        assertFalse(subjects(kept.context(null, "dana@acme.example", ADMIN, m -> true)).contains("Day 16"));

        store.deals().save(store.deals().find("d1").orElseThrow().withStage("qualified", DAY_0.plusSeconds(19 * 86400L), true));
        assertEquals("qualified", withoutIndexReads(lookups, () -> kept.context(null, "dana@acme.example", ADMIN, m -> true))
                .deals().getFirst().stage().id(), "a store write shows in the next answer, and needs no index read");
        int beforeNewMessage = lookups.get();

        save(message("m19", 19, Direction.INBOUND, "box-rita", "Any news?"));
        index.refresh();
        assertEquals("Day 19", subjects(kept.context(null, "dana@acme.example", ADMIN, m -> true)).getFirst());
        assertTrue(lookups.get() > beforeNewMessage, "a refresh that changed the index drops what was kept");
    }

    /**
     * The context, asserting it read nothing from the index, when the index's generation stayed put meanwhile; asked
     * again when it moved (a background merge of the seeded segments may land at any time on a slow machine), which
     * rightly drops what was kept.
     */
    private ContextView withoutIndexReads(java.util.concurrent.atomic.AtomicInteger lookups, java.util.function.Supplier<ContextView> context) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            long generation = index.generation();
            int before = lookups.get();
            var view = context.get();
            if (index.generation() == generation) {
                assertEquals(before, lookups.get(), "no index read while the index is unchanged");
                return view;
            }
            if (System.nanoTime() > deadline) fail("the index kept changing for 60 s");
        }
    }

    /** The context once {@code done} holds of it, polled: the index makes new writes searchable in the background. */
    private ContextView awaitContext(Viewer viewer, java.util.function.Predicate<ContextView> done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            var view = service.context(null, "dana@acme.example", viewer, m -> true);
            if (done.test(view)) return view;
            if (System.nanoTime() > deadline) fail("the context did not show the change within 60 s: " + subjects(view));
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    @Test
    void timelineItemsCarryTheMessageIdAndTheStartOfTheTextOnOneLine() {
        var item = service.context(null, "dana@acme.example", ADMIN, m -> true).timeline().get(1);
        assertEquals("m12@test.example", item.messageId());
        assertEquals("conv-m12", item.conversationId());
        assertEquals("inbound", item.direction());
        assertEquals("Dana Smith <dana@acme.example>", item.from());
        assertTrue(item.snippet().startsWith("Message of day 12. Details Details"), item.snippet());
        assertEquals(161, item.snippet().length(), "160 characters and an ellipsis");
        assertTrue(item.snippet().endsWith("…"));
    }

    @Test
    void aMessageOutsideAnyDealBringsItsConversation() {
        var first = message("x0", 17, Direction.INBOUND, "box-rita", "Question").with(b -> {
            b.dealId = null;
            b.conversationId = "conv-x";
        });
        var reply = message("x1", 18, Direction.INBOUND, "box-rita", "Follow-up").with(b -> {
            b.dealId = null;
            b.conversationId = "conv-x";
        });
        save(first);
        save(reply);
        index.refresh();
        var view = service.context("<x1@test.example>", null, ADMIN, m -> true);
        assertEquals("conv-x", view.conversationId());
        assertEquals(List.of("Day 18", "Day 17", "Day 13"), subjects(view).subList(0, 3), "the conversation and the contact's deal, merged by date");
    }

    @Test
    void aSnippetIsTheSameWhetherThePreviewIsLongOrMostlyBlank() {
        var words = "word ".repeat(400);
        assertEquals(io.dealwire.api.message.Timelines.snippet(words, 160), ContextService.snippet(words));
        var blank = "a" + " ".repeat(900) + "b " + "c".repeat(300);
        assertEquals(io.dealwire.api.message.Timelines.snippet(blank, 160), ContextService.snippet(blank));
        assertEquals("a b " + "c".repeat(156) + "…", ContextService.snippet(blank));
        assertEquals("short text", ContextService.snippet("  short\n text "));
    }

    @Test
    void aSnippetIsTheTimelinesSnippetOfThePreview() {
        var previews = List.of("", " ", "\t\n", "x", "  a\t\tb\r\n c  ", "\u2003lead and trail\u2003", "keeps\u00a0no-break\u2003em \u2003 spaces",
                "\u000b\fvertical\u000b\ftab", "é".repeat(159) + "  z", "y".repeat(160), "y".repeat(161), " ".repeat(5) + "y".repeat(160) + " ",
                "y".repeat(159) + " \n\t end", "😀".repeat(100), "ab " + "😀".repeat(100));
        for (var p : previews) assertEquals(io.dealwire.api.message.Timelines.snippet(p, 160), ContextService.snippet(p), p);
    }
}
