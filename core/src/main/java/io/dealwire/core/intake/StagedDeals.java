package io.dealwire.core.intake;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.deal.StageChange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deal repository as the intake sees it while it reads a batch: deals and stage changes are held back and
 * written with one {@link DealRepository#saveAll} and one {@link DealRepository#saveChanges} when the batch ends,
 * and every read answers as if they had been written (a deal opened by the first message of a batch takes the
 * second one's stage change). Outside a batch every call goes straight to the store. Not thread-safe: the intake
 * serialises its calls.
 */
final class StagedDeals implements DealRepository {
    private static final Comparator<Deal> BY_ID = Comparator.comparing(Deal::id);
    private static final Comparator<StageChange> HISTORY_ORDER = Comparator
            .comparing(StageChange::at, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(StageChange::id);

    private final DealRepository store;
    private final StagedWrites<Deal> deals = new StagedWrites<>(Deal::id);
    private final StagedWrites<StageChange> changes = new StagedWrites<>(StageChange::id);

    StagedDeals(DealRepository store) {
        this.store = store;
    }

    void begin() {
        deals.begin();
        changes.begin();
    }

    /** Writes the held deals, then their held history entries, one batch each; ends the batch. */
    void flush() {
        try {
            deals.flush(store::saveAll);
            changes.flush(store::saveChanges);
        } finally {
            // when the deals could not be written, their history is dropped with them (the batch is read again)
            discard();
        }
    }

    void discard() {
        deals.discard();
        changes.discard();
    }

    @Override
    public Optional<Deal> find(String id) {
        return deals.find(id, store::find);
    }

    @Override
    public List<Deal> findByCompany(String companyId) {
        return deals.merged(store.findByCompany(companyId), d -> companyId.equals(d.companyId()), BY_ID);
    }

    @Override
    public List<Deal> findByPerson(String contactId) {
        return deals.merged(store.findByPerson(contactId), d -> contactId.equals(d.personContactId()), BY_ID);
    }

    @Override
    public List<Deal> list(int offset, int limit) {
        return deals.page(store::list, offset, limit, BY_ID);
    }

    @Override
    public Deal save(Deal deal) {
        return deals.save(deal, store::save);
    }

    @Override
    public List<Deal> saveAll(List<Deal> list) {
        return deals.saveAll(list, store::saveAll);
    }

    @Override
    public void delete(String id) {
        deals.remove(id);
        changes.removeIf(c -> c.dealId().equals(id));
        store.delete(id);
    }

    @Override
    public long count() {
        return store.count() + deals.unknownTo(store::find);
    }

    @Override
    public StageChange saveChange(StageChange change) {
        return changes.save(change, store::saveChange);
    }

    @Override
    public List<StageChange> saveChanges(List<StageChange> list) {
        return changes.saveAll(list, store::saveChanges);
    }

    @Override
    public List<StageChange> changes(String dealId) {
        return changes.merged(store.changes(dealId), c -> dealId.equals(c.dealId()), HISTORY_ORDER);
    }
}
