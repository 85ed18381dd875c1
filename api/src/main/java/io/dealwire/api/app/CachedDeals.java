package io.dealwire.api.app;

import io.dealwire.api.cache.KeptReads;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.deal.StageChange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store's deals with the reads of the context kept decoded in memory: a deal by id, the deals of a company or
 * of a person, a deal's stage history. The add-on asks for the context beside every message it shows, and each
 * read decoded the same records from BSON again.
 *
 * <p>Every write through this repository (a deal or a history entry, one or many) drops everything kept; changes
 * made by another process, or lost when the embedded store reopens at its last commit, are seen after at most
 * {@link #MAX_AGE}. Lists are kept and handed out unmodifiable.
 */
final class CachedDeals implements DealRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final DealRepository store;
    private final KeptReads<String, Optional<Deal>> byId;
    private final KeptReads<String, List<Deal>> byCompany;
    private final KeptReads<String, List<Deal>> byPerson;
    private final KeptReads<String, List<StageChange>> changes;

    CachedDeals(DealRepository store) {
        this(store, MAX_AGE);
    }

    CachedDeals(DealRepository store, Duration maxAge) {
        this.store = store;
        this.byId = new KeptReads<>(maxAge);
        this.byCompany = new KeptReads<>(maxAge);
        this.byPerson = new KeptReads<>(maxAge);
        this.changes = new KeptReads<>(maxAge);
    }

    @Override
    public Optional<Deal> find(String id) {
        return byId.get(id, () -> store.find(id));
    }

    @Override
    public List<Deal> findByCompany(String companyId) {
        return byCompany.get(companyId, () -> List.copyOf(store.findByCompany(companyId)));
    }

    @Override
    public List<Deal> findByPerson(String contactId) {
        return byPerson.get(contactId, () -> List.copyOf(store.findByPerson(contactId)));
    }

    @Override
    public List<StageChange> changes(String dealId) {
        return changes.get(dealId, () -> List.copyOf(store.changes(dealId)));
    }

    @Override
    public List<Deal> list(int offset, int limit) {
        return store.list(offset, limit);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public Deal save(Deal deal) {
        return written(() -> store.save(deal));
    }

    @Override
    public List<Deal> saveAll(List<Deal> deals) {
        return written(() -> store.saveAll(deals));
    }

    @Override
    public void delete(String id) {
        written(() -> {
            store.delete(id);
            return null;
        });
    }

    @Override
    public StageChange saveChange(StageChange change) {
        return written(() -> store.saveChange(change));
    }

    @Override
    public List<StageChange> saveChanges(List<StageChange> changes) {
        return written(() -> store.saveChanges(changes));
    }

    /** Any write may change any read kept (a deal moves between companies, a history entry changes a deal's evidence). */
    private <T> T written(Supplier<T> write) {
        return byId.changed(() -> byCompany.changed(() -> byPerson.changed(() -> changes.changed(write))));
    }
}
