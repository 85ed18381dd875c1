package io.dealwire.core.deal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The company and person indexes stay true to the deals as they are saved, moved and deleted. */
class InMemoryDealRepositoryTest {
    private final InMemoryDealRepository deals = new InMemoryDealRepository();

    private static Deal deal(String id, String companyId, String personId) {
        return new Deal(id, id, "default", "contacted", companyId, personId, null, 0, "EUR", Instant.EPOCH, null, false);
    }

    private static List<String> ids(List<Deal> list) {
        return list.stream().map(Deal::id).toList();
    }

    @Test
    void aCustomersDealsComeByIdAndFollowMovesAndDeletion() {
        deals.save(deal("d3", "co1", null));
        deals.save(deal("d1", "co1", null));
        deals.save(deal("d2", null, "p1"));
        assertEquals(List.of("d1", "d3"), ids(deals.findByCompany("co1")));
        assertEquals(List.of("d2"), ids(deals.findByPerson("p1")));

        deals.save(deal("d3", "co2", null));
        deals.save(deal("d2", "co2", null));
        assertEquals(List.of("d1"), ids(deals.findByCompany("co1")));
        assertEquals(List.of("d2", "d3"), ids(deals.findByCompany("co2")));
        assertEquals(List.of(), ids(deals.findByPerson("p1")));

        deals.delete("d2");
        assertEquals(List.of("d3"), ids(deals.findByCompany("co2")));
        assertEquals("contacted", deals.findByCompany("co1").getFirst().stageId());
    }
}
