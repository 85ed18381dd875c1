package io.dealwire.index;

import io.dealwire.index.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.dealwire.index.Messages.message;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The index's generation moves whenever what searches see changed, and only then: a reader may keep what it
 * derived from a search for as long as the generation it read before the search stays the same.
 */
class IndexGenerationTest {
    @TempDir
    Path dir;

    @Test
    void movesWhenWritesBecomeSearchableAndStaysPutOtherwise() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            index.index(message("m1", "Renewal", "The renewal of the contract.", "dana@acme.com", "2024-03-05T10:00:00Z"));
            index.refresh();
            long first = index.generation();
            index.refresh();
            assertEquals(first, index.generation(), "a refresh with nothing new changes nothing searches see");
            index.commit(1);
            index.refresh();
            assertEquals(first, index.generation(), "nor does one after a commit that wrote nothing new (the feeder commits every few seconds)");

            index.index(message("m2", "Offer", "Our offer.", "dana@acme.com", "2024-03-06T10:00:00Z"));
            index.refresh();
            long second = index.generation();
            assertTrue(second > first, "a new message became searchable");
            assertEquals(List.of("m2", "m1"), ids(index));

            index.delete("m1");
            index.refresh();
            assertTrue(index.generation() > second, "a deletion became searchable");
            assertEquals(List.of("m2"), ids(index));
        }
    }

    @Test
    void aSearchAfterReadingAGenerationSeesEverythingThatGenerationHolds() {
        try (var index = MessageIndex.open(dir, IndexContext.NONE)) {
            long start = index.generation();
            index.index(message("m1", "Renewal", "The renewal of the contract.", "dana@acme.com", "2024-03-05T10:00:00Z"));
            // no explicit refresh: the index's own periodic one makes the write searchable and moves the generation
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (index.generation() == start) {
                if (System.nanoTime() > deadline) fail("the generation did not move within 60 s of a write");
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertEquals(List.of("m1"), ids(index), "once the generation moved, searches see the write");
        }
    }

    private static List<String> ids(MessageIndex index) {
        return index.search(new SearchRequest("", 10, null, SearchRequest.Sort.DATE, false), MessageIndexTest.MANAGER)
                .hits().stream().map(io.dealwire.index.search.Hit::id).toList();
    }
}
