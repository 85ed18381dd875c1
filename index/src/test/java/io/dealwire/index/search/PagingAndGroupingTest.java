package io.dealwire.index.search;

import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

class PagingAndGroupingTest {
    static final Viewer ADMIN = new Viewer("u-admin", Role.ADMIN, Set.of());
    static final int MESSAGES = 57;

    @TempDir
    Path dir;
    MessageIndex index;

    @BeforeEach
    void seed() {
        index = MessageIndex.open(dir, IndexContext.NONE);
        for (int i = 0; i < MESSAGES; i++) {
            int n = i;
            // "quote" once in most messages, many times in every tenth: relevance differs from date order
            var text = (i % 10 == 0 ? "quote quote quote quote " : "a quote ") + "for item " + i + " and more words about shipping";
            index.index(message(String.format("m%02d", i), "Item " + i, text, "a@b.com",
                    String.format("2024-%02d-%02dT10:00:00Z", 1 + i % 12, 1 + i % 28)).with(b -> b.conversationId = "conv-" + (n % 7)));
        }
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    List<Hit> all(SearchRequest first) {
        var out = new ArrayList<Hit>();
        var r = index.search(first, ADMIN);
        out.addAll(r.hits());
        int pages = 1;
        while (r.next() != null) {
            assertTrue(pages++ < 100, "pagination never ends");
            r = index.search(first.withCursor(r.next()), ADMIN);
            out.addAll(r.hits());
        }
        return out;
    }

    @Test
    void dateOrderPagesCoverEveryHitOnceNewestFirst() {
        var hits = all(new SearchRequest("quote", 10, null, SearchRequest.Sort.DATE, false));
        assertEquals(MESSAGES, hits.size());
        assertEquals(MESSAGES, new HashSet<>(hits.stream().map(Hit::id).toList()).size());
        for (int i = 1; i < hits.size(); i++) assertFalse(hits.get(i).date().isAfter(hits.get(i - 1).date()));
    }

    @Test
    void relevancePagesCoverEveryHitOnceBestFirst() {
        var first = index.search(new SearchRequest("quote", 10, null, SearchRequest.Sort.RELEVANCE, false), ADMIN);
        assertEquals(MESSAGES, first.total());
        assertEquals(10, first.hits().size());
        // the six messages repeating the word come first
        assertEquals(Set.of("m00", "m10", "m20", "m30", "m40", "m50"),
                Set.copyOf(first.hits().subList(0, 6).stream().map(Hit::id).toList()));
        var hits = all(new SearchRequest("quote", 10, null, SearchRequest.Sort.RELEVANCE, false));
        assertEquals(MESSAGES, new HashSet<>(hits.stream().map(Hit::id).toList()).size());
        for (int i = 1; i < hits.size(); i++) assertTrue(hits.get(i).score() <= hits.get(i - 1).score());
    }

    @Test
    void theLastPageHasNoCursor() {
        var r = index.search(new SearchRequest("quote", 100, null, SearchRequest.Sort.DATE, false), ADMIN);
        assertEquals(MESSAGES, r.hits().size());
        assertNull(r.next());
        var exact = index.search(new SearchRequest("quote", 57, null, SearchRequest.Sort.DATE, false), ADMIN);
        assertNull(exact.next());
    }

    @Test
    void limitIsCappedAtOneHundred() {
        assertEquals(100, new SearchRequest("x", 1000, null, null, false).limit());
        assertEquals(SearchRequest.DEFAULT_LIMIT, new SearchRequest("x", 0, null, null, false).limit());
    }

    @Test
    void groupingGivesEachConversationOnceAcrossPages() {
        for (var sort : SearchRequest.Sort.values()) {
            var first = index.search(new SearchRequest("quote", 3, null, sort, true), ADMIN);
            assertEquals(7, first.total());
            var hits = all(new SearchRequest("quote", 3, null, sort, true));
            assertEquals(7, hits.size(), sort.name());
            assertEquals(7, new HashSet<>(hits.stream().map(Hit::conversationId).toList()).size(), sort.name());
            assertEquals(MESSAGES, hits.stream().mapToInt(Hit::conversationMatches).sum(), sort.name());
        }
        // by date, a conversation is represented by its newest matching message
        var byDate = all(new SearchRequest("quote", 3, null, SearchRequest.Sort.DATE, true));
        var everything = all(new SearchRequest("quote", 100, null, SearchRequest.Sort.DATE, false));
        for (var hit : byDate) {
            var newest = everything.stream().filter(h -> h.conversationId().equals(hit.conversationId())).findFirst().orElseThrow();
            assertEquals(newest.id(), hit.id());
        }
    }

    @Test
    void facetsCountEveryMatchNotJustThePage() {
        var r = index.search(new SearchRequest("quote", 5, null, SearchRequest.Sort.DATE, false), ADMIN);
        assertEquals(MESSAGES, r.facets().get("month").values().stream().mapToLong(Long::longValue).sum());
        assertEquals(12, r.facets().get("month").size());
        assertEquals(5L, r.facets().get("month").get("2024-01"));
    }

    @Test
    void aCursorFromAnotherSearchIsRefused() {
        var r = index.search(new SearchRequest("quote", 5, null, SearchRequest.Sort.DATE, false), ADMIN);
        assertThrows(InvalidCursorException.class,
                () -> index.search(new SearchRequest("shipping", 5, r.next(), SearchRequest.Sort.DATE, false), ADMIN));
        assertThrows(InvalidCursorException.class,
                () -> index.search(new SearchRequest("quote", 5, r.next(), SearchRequest.Sort.RELEVANCE, false), ADMIN));
        assertThrows(InvalidCursorException.class,
                () -> index.search(new SearchRequest("quote", 5, "not-a-cursor!", SearchRequest.Sort.DATE, false), ADMIN));
        assertThrows(InvalidCursorException.class,
                () -> index.search(new SearchRequest("quote", 5, "YWJj", SearchRequest.Sort.DATE, false), ADMIN));
    }
}
