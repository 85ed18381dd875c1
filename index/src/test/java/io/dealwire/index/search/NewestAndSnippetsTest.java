package io.dealwire.index.search;

import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

/** Timeline lookups ({@link SearchRequest.Within}), phrases in forwarded history and what snippets mark. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewestAndSnippetsTest {
    private static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of("mb-1"));
    MessageIndex index;

    @BeforeAll
    void seed(@TempDir Path dir) {
        index = MessageIndex.open(dir, IndexContext.NONE);
        index.index(onDeal(message("m1", "Kick-off", "First call notes: a < b", "dana@acme.test", "2024-01-10T10:00:00Z"), "d1", Direction.INBOUND));
        index.index(onDeal(message("m2", "Offer", "Here is our offer.", "rep@dealwire.test", "2024-03-10T10:00:00Z"), "d1", Direction.OUTBOUND));
        index.index(message("m3", "Side thread", "Unlinked reply in the thread.", "dana@acme.test", "2024-02-10T10:00:00Z")
                .with(b -> b.conversationId = "conv-side"));
        index.index(onDeal(message("m4", "Other deal", "Another customer.", "gus@globex.test", "2024-05-10T10:00:00Z"), "d2", Direction.INBOUND));
        index.index(onDeal(message("m5", "Erased", "Gone for good.", "dana@acme.test", "2024-04-10T10:00:00Z"), "d1", Direction.INBOUND)
                .with(b -> b.erased = true));
        index.index(forwarded("fw1", "FYI", """
                FYI

                -----Original Message-----
                Trading is driven by the company's strength in the North American natural
                gas and power markets."""));
        index.index(forwarded("fw2", "FYI", """
                FYI

                -----Original Message-----
                Natural resources, and gas."""));
        index.index(message("s1", "Signature", "We are signing the contract; gasoline and gas prices. Le Dévis est prêt.",
                "dana@acme.test", "2024-06-10T10:00:00Z"));
        index.refresh();
    }

    @AfterAll
    void close() {
        index.close();
    }

    private static StoredMessage onDeal(StoredMessage m, String deal, Direction direction) {
        return m.with(b -> {
            b.dealId = deal;
            b.direction = direction;
        });
    }

    /** A message whose own text is one line, the rest quoted history. */
    private static StoredMessage forwarded(String id, String newText, String text) {
        var m = message(id, "Fwd", text, "kal@acme.test", "2024-06-01T10:00:00Z");
        var mail = m.mail();
        return m.with(b -> b.mail = new MailMessage(mail.id(), mail.messageId(), null, List.of(), mail.subject(), mail.from(), mail.to(),
                mail.cc(), mail.date(), text, newText, "", "", List.of(), null, null, List.of(), "", text.length()));
    }

    private List<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::id).toList();
    }

    @Test
    void newestListsTheMessagesOfDealsAndConversationsNewestFirstWithoutErasedOnes() {
        var within = new SearchRequest.Within(Set.of("d1"), Set.of("conv-side"));
        var all = index.search(SearchRequest.newest("", within, 10), ADMIN);
        assertEquals(List.of("m2", "m3", "m1"), ids(all));
        assertEquals(3, all.total());
        assertEquals(java.util.Map.of(), all.facets());

        var two = index.search(SearchRequest.newest("", within, 2), ADMIN);
        assertEquals(List.of("m2", "m3"), ids(two));
        assertEquals(3, two.total(), "the total counts beyond the limit");

        assertEquals(List.of("m2"), ids(index.search(SearchRequest.newest("is:outbound", within, 10), ADMIN)), "the query narrows it");
        assertEquals(List.of("m4"), ids(index.search(SearchRequest.newest("", new SearchRequest.Within(Set.of("d2"), Set.of()), 10), ADMIN)));
        assertEquals(List.of(), ids(index.search(SearchRequest.newest("", new SearchRequest.Within(Set.of(), Set.of()), 10), ADMIN)));
        assertEquals(List.of("m5", "m2", "m1"), ids(index.search(SearchRequest.newest("", new SearchRequest.Within(Set.of("d1"), Set.of(), true), 10), ADMIN)),
                "an erased message when asked for: its date and direction are still activity");
    }

    @Test
    void aTimelineHitCarriesThePlainStartOfTheTextAndTheMetadata() {
        var hit = index.search(SearchRequest.newest("", new SearchRequest.Within(Set.of("d1"), Set.of()), 10), ADMIN).hits().getLast();
        assertEquals("m1", hit.id());
        assertEquals("First call notes: a < b", hit.snippet(), "plain text, not HTML");
        assertEquals("m1@example.test", hit.messageId());
        assertEquals("inbound", hit.direction());
        assertEquals("Kick-off", hit.subject());
        assertEquals(java.time.Instant.parse("2024-01-10T10:00:00Z"), hit.date());
    }

    @Test
    void aPhraseInForwardedHistoryIsFoundAcrossALineBreakButNotAcrossOtherWords() {
        var r = index.search(SearchRequest.of("\"natural gas\""), ADMIN);
        assertEquals(List.of("fw1"), ids(r));
        assertEquals(List.of("fw1", "fw2"), ids(index.search(new SearchRequest("natural gas", 10, null, SearchRequest.Sort.RELEVANCE, false), ADMIN))
                .stream().sorted().toList(), "as words, both");
    }

    @Test
    void snippetsMarkStemmedAndFoldedFormsAndNotWordsThatOnlyStartAlike() {
        var signed = index.search(SearchRequest.of("signed"), ADMIN).hits();
        assertEquals(List.of("s1"), signed.stream().map(Hit::id).toList());
        assertTrue(signed.getFirst().snippet().contains("<mark>signing</mark>"), signed.getFirst().snippet());

        var gas = index.search(SearchRequest.of("gas"), ADMIN).hits().stream().filter(h -> h.id().equals("s1")).findFirst().orElseThrow();
        assertTrue(gas.snippet().contains("and <mark>gas</mark> prices"), gas.snippet());
        assertFalse(gas.snippet().contains("<mark>gasoline</mark>"), gas.snippet());

        var devis = index.search(SearchRequest.of("devis"), ADMIN).hits();
        assertEquals(List.of("s1"), devis.stream().map(Hit::id).toList());
        assertTrue(devis.getFirst().snippet().contains("<mark>Dévis</mark>"), devis.getFirst().snippet());
    }

    @Test
    void aTermShorterThanThreeLettersMarksTheLongerWordsItIsTheStemOf() {
        index.index(message("st1", "Plans", "We are going ahead with the renewal. Golf is on Friday.", "dana@acme.test", "2024-06-13T10:00:00Z"));
        index.refresh();
        var hit = index.search(SearchRequest.of("go"), ADMIN).hits().stream().filter(h -> h.id().equals("st1")).findFirst().orElseThrow();
        assertTrue(hit.snippet().contains("<mark>going</mark> ahead"), hit.snippet());
        assertFalse(hit.snippet().contains("<mark>Golf</mark>"), hit.snippet());
    }

    @Test
    void aPhraseIsHighlightedWordByWordWhereverItsWordsStandInThePreview() {
        index.index(message("ph1", "Desk", "Our natural gas desk is open. Gas storage is full.", "dana@acme.test", "2024-06-12T10:00:00Z"));
        index.refresh();
        var hit = index.search(SearchRequest.of("\"natural gas\""), ADMIN).hits().stream().filter(h -> h.id().equals("ph1")).findFirst().orElseThrow();
        // the highlighter matches the preview's tokens against the query's words: the phrase's words are marked
        // one by one, and also where they stand outside the phrase
        assertTrue(hit.snippet().contains("<mark>natural</mark> <mark>gas</mark> desk"), hit.snippet());
        assertTrue(hit.snippet().contains("<mark>Gas</mark> storage"), hit.snippet());
    }

    @Test
    void aMessageIndexedAgainShowsItsNewFieldsOnceRefreshedThoughItsOldOnesWereReadBefore() {
        var within = new SearchRequest.Within(Set.of("d9"), Set.of());
        index.index(onDeal(message("c1", "First subject", "Text one.", "dana@acme.test", "2024-07-10T10:00:00Z"), "d9", Direction.INBOUND));
        index.refresh();
        for (int i = 0; i < 2; i++) {
            assertEquals("First subject", index.search(SearchRequest.newest("", within, 10), ADMIN).hits().getFirst().subject());
            assertEquals("First subject", index.search(SearchRequest.of("one"), ADMIN).hits().getFirst().subject());
        }
        index.index(onDeal(message("c1", "Second subject", "Text one.", "dana@acme.test", "2024-07-10T10:00:00Z"), "d9", Direction.INBOUND));
        index.refresh();
        assertEquals(List.of("Second subject"), index.search(SearchRequest.newest("", within, 10), ADMIN).hits().stream().map(Hit::subject).toList());
        assertEquals("Second subject", index.search(SearchRequest.of("one"), ADMIN).hits().getFirst().subject());
    }

    @Test
    void aTextPaddedWithBlanksStillShowsItsWordsInTheTimelineAndTheSnippet() {
        var padded = "**ATTENTION SUBSCRIBERS**" + " ".repeat(1500) + "\n\n\n   \n" + "Commencing January 2 the daily index is distributed at 13:30.";
        index.index(onDeal(message("pad1", "Bulletin", padded, "feedback@intcx.test", "2024-08-10T10:00:00Z"), "d-pad", Direction.INBOUND));
        index.refresh();
        var hit = index.search(SearchRequest.newest("", new SearchRequest.Within(Set.of("d-pad"), Set.of()), 1), ADMIN).hits().getFirst();
        assertEquals("**ATTENTION SUBSCRIBERS**\nCommencing January 2 the daily index is distributed at 13:30.", hit.snippet());
        var found = index.search(SearchRequest.of("commencing"), ADMIN).hits().getFirst();
        assertTrue(found.snippet().contains("<mark>Commencing</mark> January 2"), found.snippet());
    }
}
