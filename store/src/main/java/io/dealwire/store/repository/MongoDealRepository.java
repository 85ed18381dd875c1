package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.deal.StageChange;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.DealMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.dealwire.store.mapping.DealMapping.*;
import static io.dealwire.store.repository.MongoMessageRepository.optional;

/** Deals in {@code deals}, their stage history in {@code stageChanges} (deleted with the deal). */
public final class MongoDealRepository implements DealRepository {
    public static final SecondaryKey BY_COMPANY = new SecondaryKey("company", List.of(COMPANY),
            d -> optional(d.getString(COMPANY)), v -> Filters.eq(COMPANY, v), List.of(COMPANY));
    public static final SecondaryKey BY_PERSON = new SecondaryKey("person", List.of(PERSON),
            d -> optional(d.getString(PERSON)), v -> Filters.eq(PERSON, v), List.of(PERSON));
    public static final List<SecondaryKey> KEYS = List.of(BY_COMPANY, BY_PERSON);
    public static final SecondaryKey CHANGE_BY_DEAL = new SecondaryKey("deal", List.of(CHANGE_DEAL),
            d -> optional(d.getString(CHANGE_DEAL)), v -> Filters.eq(CHANGE_DEAL, v), List.of(CHANGE_DEAL));
    public static final List<SecondaryKey> CHANGE_KEYS = List.of(CHANGE_BY_DEAL);

    private static final Comparator<StageChange> HISTORY_ORDER = Comparator
            .comparing(StageChange::at, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(StageChange::id);

    private final KeyedCollection deals;
    private final KeyedCollection changes;
    private final StoreGuard guard;

    public MongoDealRepository(KeyedCollection deals, KeyedCollection changes, StoreGuard guard) {
        this.deals = deals;
        this.changes = changes;
        this.guard = guard;
    }

    @Override
    public Optional<Deal> find(String id) {
        return guard.call(() -> deals.findByIds(List.of(id)).stream().findFirst().map(DealMapping::fromDocument));
    }

    @Override
    public List<Deal> findByCompany(String companyId) {
        return byKey(BY_COMPANY, companyId);
    }

    @Override
    public List<Deal> findByPerson(String contactId) {
        return byKey(BY_PERSON, contactId);
    }

    @Override
    public List<Deal> list(int offset, int limit) {
        return guard.call(() -> deals.page(offset, limit).stream().map(DealMapping::fromDocument).toList());
    }

    @Override
    public Deal save(Deal deal) {
        guard.run(() -> deals.replace(DealMapping.toDocument(deal)));
        return deal;
    }

    /** One bulk write (two on the embedded store: inserts of new ids, replaces of known ones). */
    @Override
    public List<Deal> saveAll(List<Deal> list) {
        if (list.isEmpty()) return List.of();
        guard.run(() -> deals.replaceAll(list.stream().map(DealMapping::toDocument).toList()));
        return List.copyOf(list);
    }

    @Override
    public void delete(String id) {
        guard.run(() -> {
            deals.delete(id);
            changes.deleteWhere(CHANGE_BY_DEAL, id);
        });
    }

    @Override
    public long count() {
        return guard.call(deals::count);
    }

    @Override
    public StageChange saveChange(StageChange change) {
        guard.run(() -> changes.replace(DealMapping.toDocument(change)));
        return change;
    }

    @Override
    public List<StageChange> saveChanges(List<StageChange> list) {
        if (list.isEmpty()) return List.of();
        guard.run(() -> changes.replaceAll(list.stream().map(DealMapping::toDocument).toList()));
        return List.copyOf(list);
    }

    @Override
    public List<StageChange> changes(String dealId) {
        return guard.call(() -> changes.find(CHANGE_BY_DEAL, dealId).stream().map(DealMapping::changeFromDocument)
                .sorted(HISTORY_ORDER).toList());
    }

    private List<Deal> byKey(SecondaryKey key, String value) {
        return guard.call(() -> deals.find(key, value).stream().map(DealMapping::fromDocument)
                .sorted(Comparator.comparing(Deal::id)).toList());
    }
}
