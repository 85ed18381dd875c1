package io.dealwire.api.app;

import io.dealwire.api.cache.KeptReads;
import io.dealwire.core.company.Company;
import io.dealwire.core.company.CompanyRepository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The store's companies with the reads of the context kept decoded in memory: a company by id and by domain. The
 * add-on asks for the context beside every message it shows, and each read decoded the same company again.
 *
 * <p>Every write through this repository drops everything kept; changes made by another process, or lost when
 * the embedded store reopens at its last commit, are seen after at most {@link #MAX_AGE}.
 */
final class CachedCompanies implements CompanyRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final CompanyRepository store;
    private final KeptReads<String, Optional<Company>> byId;
    private final KeptReads<String, Optional<Company>> byDomain;

    CachedCompanies(CompanyRepository store) {
        this(store, MAX_AGE);
    }

    CachedCompanies(CompanyRepository store, Duration maxAge) {
        this.store = store;
        this.byId = new KeptReads<>(maxAge);
        this.byDomain = new KeptReads<>(maxAge);
    }

    @Override
    public Optional<Company> find(String id) {
        return byId.get(id, () -> store.find(id));
    }

    @Override
    public Optional<Company> findByDomain(String domain) {
        return byDomain.get(domain, () -> store.findByDomain(domain));
    }

    @Override
    public List<Company> list(int offset, int limit) {
        return store.list(offset, limit);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public Company save(Company company) {
        return byId.changed(() -> byDomain.changed(() -> store.save(company)));
    }

    @Override
    public List<Company> saveAll(List<Company> companies) {
        return byId.changed(() -> byDomain.changed(() -> store.saveAll(companies)));
    }

    @Override
    public void delete(String id) {
        byId.changed(() -> byDomain.changed(() -> store.delete(id)));
    }
}
