package io.dealwire.index.search;

import io.dealwire.core.message.Direction;
import io.dealwire.core.user.Role;
import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.IndexContext;
import io.dealwire.index.MessageIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link MessageIndex#newest}, the context's lookup, counts only as many matches as it returns: its hits are
 * exactly those of the same request through {@link MessageIndex#search}, which counts them all.
 */
class NewestHitsTest {
    private static final Viewer MANAGER = new Viewer("u-manager", Role.MANAGER, Set.of());

    @Test
    void theNewestHitsAreTheSearchsHitsWhateverTheLimit(@TempDir Path dir) {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            for (int i = 0; i < 60; i++) {
                var direction = i % 3 == 0 ? Direction.OUTBOUND : Direction.INBOUND;
                // a few share a date: the id order breaks the tie the same way in both
                var date = String.format("2024-%02d-%02dT10:00:00Z", 1 + i % 12, 1 + (i / 12) * 3);
                var deal = i % 2 == 0 ? "d1" : "d2";
                index.index(message("m" + i, "Message " + i, "Text " + i, "dana@acme.test", date).with(b -> {
                    b.dealId = deal;
                    b.direction = direction;
                    b.erased = direction == Direction.INBOUND && deal.equals("d2") && b.mail.subject().endsWith("7");
                }));
            }
            index.refresh();
            var withins = List.of(new SearchRequest.Within(Set.of("d1"), Set.of()), new SearchRequest.Within(Set.of("d1", "d2"), Set.of(), true),
                    new SearchRequest.Within(Set.of("d2"), Set.of()), new SearchRequest.Within(Set.of(), Set.of()));
            for (var within : withins) {
                for (var q : List.of("", "is:outbound")) {
                    for (int limit : new int[]{1, 3, 10, 100}) {
                        var request = SearchRequest.newest(q, within, limit);
                        var all = index.search(request, MANAGER);
                        var hits = index.newest(request, MANAGER);
                        assertEquals(all.hits(), hits, within + " " + q + " " + limit);
                        assertEquals(Math.min(limit, all.total()), hits.size());
                    }
                }
            }
            assertEquals(1, index.newest(SearchRequest.newest("", new SearchRequest.Within(Set.of("d1"), Set.of()), 1), MANAGER).size());
        }
    }

    @Test
    void aSearchWithoutWithinIsNotANewestLookup(@TempDir Path dir) {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            assertThrows(IllegalArgumentException.class, () -> index.newest(SearchRequest.of("offer"), MANAGER));
        }
    }
}
