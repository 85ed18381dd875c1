package io.dealwire.core.company;

import java.util.List;
import java.util.Optional;

public interface CompanyRepository {
    Optional<Company> find(String id);

    Optional<Company> findByDomain(String domain);

    List<Company> list(int offset, int limit);

    Company save(Company company);

    void delete(String id);

    long count();
}
