package io.dealwire.core.deal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link DealRepository}. */
public final class InMemoryDealRepository implements DealRepository {
    private final ConcurrentHashMap<String, Deal> deals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StageChange> changes = new ConcurrentHashMap<>();

    @Override
    public Optional<Deal> find(String id) {
        return Optional.ofNullable(deals.get(id));
    }

    @Override
    public List<Deal> findByCompany(String companyId) {
        return deals.values().stream().filter(d -> companyId.equals(d.companyId())).sorted(Comparator.comparing(Deal::id)).toList();
    }

    @Override
    public List<Deal> findByPerson(String contactId) {
        return deals.values().stream().filter(d -> contactId.equals(d.personContactId())).sorted(Comparator.comparing(Deal::id)).toList();
    }

    @Override
    public List<Deal> list(int offset, int limit) {
        return deals.values().stream().sorted(Comparator.comparing(Deal::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public Deal save(Deal deal) {
        deals.put(deal.id(), deal);
        return deal;
    }

    @Override
    public void delete(String id) {
        deals.remove(id);
        changes.values().removeIf(c -> c.dealId().equals(id));
    }

    @Override
    public long count() {
        return deals.size();
    }

    @Override
    public StageChange saveChange(StageChange change) {
        changes.put(change.id(), change);
        return change;
    }

    @Override
    public List<StageChange> changes(String dealId) {
        return changes.values().stream().filter(c -> c.dealId().equals(dealId))
                .sorted(Comparator.comparing(StageChange::at, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(StageChange::id))
                .toList();
    }
}
