package io.dealwire.core.company;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link CompanyRepository}. */
public final class InMemoryCompanyRepository implements CompanyRepository {
    private final ConcurrentHashMap<String, Company> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Company> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Company> findByDomain(String domain) {
        var d = domain.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(c -> c.domains().contains(d)).min(Comparator.comparing(Company::id));
    }

    @Override
    public List<Company> list(int offset, int limit) {
        return byId.values().stream().sorted(Comparator.comparing(Company::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public Company save(Company company) {
        byId.put(company.id(), company);
        return company;
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }

    @Override
    public long count() {
        return byId.size();
    }
}
