package io.dealwire.core.deal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * In-memory {@link DealRepository}. Deals are indexed by company and by person account, so that finding a
 * customer's deals for each new message does not read every deal.
 */
public final class InMemoryDealRepository implements DealRepository {
    private final ConcurrentHashMap<String, Deal> deals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> idsByCompany = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> idsByPerson = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StageChange> changes = new ConcurrentHashMap<>();

    @Override
    public Optional<Deal> find(String id) {
        return Optional.ofNullable(deals.get(id));
    }

    @Override
    public List<Deal> findByCompany(String companyId) {
        return lookup(idsByCompany, companyId, d -> companyId.equals(d.companyId()));
    }

    @Override
    public List<Deal> findByPerson(String contactId) {
        return lookup(idsByPerson, contactId, d -> contactId.equals(d.personContactId()));
    }

    /** The deals an index lists under a key, by id, checked against the deal as it is now. */
    private List<Deal> lookup(ConcurrentHashMap<String, ConcurrentSkipListSet<String>> index, String key, Predicate<Deal> belongs) {
        var ids = index.get(key);
        if (ids == null) return List.of();
        var out = new ArrayList<Deal>(ids.size());
        for (var id : ids) {
            var d = deals.get(id);
            if (d != null && belongs.test(d)) out.add(d);
        }
        return List.copyOf(out);
    }

    private static void add(ConcurrentHashMap<String, ConcurrentSkipListSet<String>> index, String key, String id) {
        if (key != null) index.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>()).add(id);
    }

    private static void remove(ConcurrentHashMap<String, ConcurrentSkipListSet<String>> index, String key, String id) {
        if (key == null) return;
        var ids = index.get(key);
        if (ids == null) return;
        ids.remove(id);
        if (ids.isEmpty()) index.remove(key);
    }

    @Override
    public List<Deal> list(int offset, int limit) {
        return deals.values().stream().sorted(Comparator.comparing(Deal::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Deal save(Deal deal) {
        var old = deals.put(deal.id(), deal);
        if (old != null) {
            remove(idsByCompany, old.companyId(), old.id());
            remove(idsByPerson, old.personContactId(), old.id());
        }
        add(idsByCompany, deal.companyId(), deal.id());
        add(idsByPerson, deal.personContactId(), deal.id());
        return deal;
    }

    /** Saves them all under one lock, like {@link #save} one by one. */
    @Override
    public synchronized List<Deal> saveAll(List<Deal> deals) {
        for (var d : deals) save(d);
        return List.copyOf(deals);
    }

    @Override
    public synchronized void delete(String id) {
        var old = deals.remove(id);
        if (old != null) {
            remove(idsByCompany, old.companyId(), old.id());
            remove(idsByPerson, old.personContactId(), old.id());
        }
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
    public List<StageChange> saveChanges(List<StageChange> changes) {
        for (var c : changes) this.changes.put(c.id(), c);
        return List.copyOf(changes);
    }

    @Override
    public List<StageChange> changes(String dealId) {
        return changes.values().stream().filter(c -> c.dealId().equals(dealId))
                .sorted(Comparator.comparing(StageChange::at, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(StageChange::id))
                .toList();
    }
}
