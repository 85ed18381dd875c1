package io.dealwire.core.deal;

import java.util.List;
import java.util.Optional;

/** Deals and their stage history. */
public interface DealRepository {
    Optional<Deal> find(String id);

    List<Deal> findByCompany(String companyId);

    List<Deal> findByPerson(String contactId);

    List<Deal> list(int offset, int limit);

    Deal save(Deal deal);

    /**
     * Saves every deal as {@link #save} would, in list order (a later copy of the same id wins). Adapters
     * override it to write them in one round trip: the intake writes a batch's deals at once.
     */
    default List<Deal> saveAll(List<Deal> deals) {
        return deals.stream().map(this::save).toList();
    }

    void delete(String id);

    long count();

    /** Inserts or replaces a history entry by id. */
    StageChange saveChange(StageChange change);

    /** Saves every history entry as {@link #saveChange} would, in list order; adapters write them in one round trip. */
    default List<StageChange> saveChanges(List<StageChange> changes) {
        return changes.stream().map(this::saveChange).toList();
    }

    /** The deal's history, oldest first. */
    List<StageChange> changes(String dealId);
}
