package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.company.Company;
import io.dealwire.core.company.CompanyRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.BsonValues;
import io.dealwire.store.mapping.CompanyMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.dealwire.store.mapping.CompanyMapping.DOMAIN_KEYS;

/** Companies in MongoDB, found by any of their domains (lower-cased). */
public final class MongoCompanyRepository implements CompanyRepository {
    public static final SecondaryKey BY_DOMAIN = new SecondaryKey("domain", List.of(DOMAIN_KEYS),
            d -> BsonValues.strings(d, DOMAIN_KEYS), v -> Filters.eq(DOMAIN_KEYS, v), List.of(DOMAIN_KEYS));
    public static final List<SecondaryKey> KEYS = List.of(BY_DOMAIN);

    private final KeyedCollection companies;
    private final StoreGuard guard;

    public MongoCompanyRepository(KeyedCollection companies, StoreGuard guard) {
        this.companies = companies;
        this.guard = guard;
    }

    @Override
    public Optional<Company> find(String id) {
        return guard.call(() -> companies.findByIds(List.of(id)).stream().findFirst().map(CompanyMapping::fromDocument));
    }

    @Override
    public Optional<Company> findByDomain(String domain) {
        return guard.call(() -> companies.find(BY_DOMAIN, CompanyMapping.domainKey(domain)).stream()
                .map(CompanyMapping::fromDocument).min(Comparator.comparing(Company::id)));
    }

    @Override
    public List<Company> list(int offset, int limit) {
        return guard.call(() -> companies.page(offset, limit).stream().map(CompanyMapping::fromDocument).toList());
    }

    @Override
    public Company save(Company company) {
        guard.run(() -> companies.replace(CompanyMapping.toDocument(company)));
        return company;
    }

    /** One bulk write (two on the embedded store: inserts of new ids, replaces of known ones). */
    @Override
    public List<Company> saveAll(List<Company> list) {
        if (list.isEmpty()) return List.of();
        guard.run(() -> companies.replaceAll(list.stream().map(CompanyMapping::toDocument).toList()));
        return List.copyOf(list);
    }

    @Override
    public void delete(String id) {
        guard.run(() -> companies.delete(id));
    }

    @Override
    public long count() {
        return guard.call(companies::count);
    }
}
