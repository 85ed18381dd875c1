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

    void delete(String id);

    long count();

    /** Inserts or replaces a history entry by id. */
    StageChange saveChange(StageChange change);

    /** The deal's history, oldest first. */
    List<StageChange> changes(String dealId);
}
