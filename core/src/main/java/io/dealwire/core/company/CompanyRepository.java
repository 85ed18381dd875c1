package io.dealwire.core.company;

import java.util.List;
import java.util.Optional;

public interface CompanyRepository {
    Optional<Company> find(String id);

    Optional<Company> findByDomain(String domain);

    List<Company> list(int offset, int limit);

    Company save(Company company);

    /**
     * Saves every company as {@link #save} would, in list order (a later copy of the same id wins). Adapters
     * override it to write them in one round trip: the intake writes a batch's companies at once.
     */
    default List<Company> saveAll(List<Company> companies) {
        return companies.stream().map(this::save).toList();
    }

    void delete(String id);

    long count();
}
