package io.dealwire.api.app;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.deal.InMemoryDealRepository;
import io.dealwire.core.deal.StageChange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The context's deal reads come from memory, and never outlive a write made through the repository. */
class CachedDealsTest {
    /** Longer than any test runs: what is kept never ages out in the middle of a test, however slow the machine. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Instant AT = Instant.parse("2025-02-01T00:00:00Z");
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryDealRepository memory = new InMemoryDealRepository();
    /** The store's deals, counting the reads the cache makes (every method whose name starts with find or is changes). */
    private final DealRepository store = (DealRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DealRepository.class},
            (InvocationHandler) (proxy, method, args) -> {
                if (method.getName().startsWith("find") || method.getName().equals("changes")) reads.incrementAndGet();
                try {
                    return method.invoke(memory, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    private static Deal deal(String id, String companyId, String personId, String stage) {
        return new Deal(id, "Deal " + id, "default", stage, companyId, personId, "u-rita", 100, "EUR", AT, AT, false);
    }

    private static StageChange change(String id, String dealId, String toStage) {
        return new StageChange(id, dealId, "lead", toStage, AT, ChangeMode.AUTO, null, null, null);
    }

    private void readAll(CachedDeals deals) {
        deals.find("d-1");
        deals.findByCompany("co-acme");
        deals.findByPerson("ct-dana");
        deals.changes("d-1");
    }

    @Test
    void readsAreMadeOnceWhileNothingChanges() {
        var deals = new CachedDeals(store, KEEP);
        deals.save(deal("d-1", "co-acme", null, "lead"));
        deals.save(deal("d-2", null, "ct-dana", "lead"));
        deals.saveChange(change("c-1", "d-1", "qualified"));
        readAll(deals);
        int after = reads.get();
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.of(deal("d-1", "co-acme", null, "lead")), deals.find("d-1"));
            assertEquals(List.of(deal("d-1", "co-acme", null, "lead")), deals.findByCompany("co-acme"));
            assertEquals(List.of(deal("d-2", null, "ct-dana", "lead")), deals.findByPerson("ct-dana"));
            assertEquals(List.of(change("c-1", "d-1", "qualified")), deals.changes("d-1"));
        }
        assertEquals(after, reads.get(), "no store read while nothing changed");
    }

    @Test
    void everyKindOfWriteIsSeenAtOnce() {
        var deals = new CachedDeals(store, KEEP);
        deals.save(deal("d-1", "co-acme", null, "lead"));
        readAll(deals);

        deals.save(deal("d-1", "co-acme", null, "qualified"));
        assertEquals("qualified", deals.find("d-1").orElseThrow().stageId());
        assertEquals("qualified", deals.findByCompany("co-acme").getFirst().stageId());

        deals.saveAll(List.of(deal("d-1", "co-globex", null, "qualified"), deal("d-3", "co-acme", "ct-dana", "lead")));
        assertEquals(List.of("d-3"), deals.findByCompany("co-acme").stream().map(Deal::id).toList(), "a deal moved to another company");
        assertEquals(List.of("d-3"), deals.findByPerson("ct-dana").stream().map(Deal::id).toList());

        deals.saveChange(change("c-1", "d-1", "qualified"));
        assertEquals(List.of("c-1"), deals.changes("d-1").stream().map(StageChange::id).toList());
        deals.saveChanges(List.of(change("c-2", "d-1", "proposal")));
        assertEquals(List.of("c-1", "c-2"), deals.changes("d-1").stream().map(StageChange::id).toList());

        deals.delete("d-3");
        assertEquals(List.of(), deals.findByCompany("co-acme"));
        assertEquals(Optional.empty(), deals.find("d-3"));
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceWhatWasKeptIsTooOld() {
        // max age zero: nothing kept is ever fresh, the stand-in for "after MAX_AGE" without waiting for it
        var deals = new CachedDeals(store, Duration.ZERO);
        deals.save(deal("d-1", "co-acme", null, "lead"));
        readAll(deals);

        memory.save(deal("d-1", "co-acme", null, "won"));

        assertEquals("won", deals.find("d-1").orElseThrow().stageId());
        assertEquals("won", deals.findByCompany("co-acme").getFirst().stageId());
    }
}
