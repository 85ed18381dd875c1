package io.dealwire.core.company;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** In-memory {@link CompanyRepository}. Companies are indexed by domain, so that a message's company is found without reading them all. */
public final class InMemoryCompanyRepository implements CompanyRepository {
    private final ConcurrentHashMap<String, Company> byId = new ConcurrentHashMap<>();
    /** Domain as stored → ids of the companies listing it, smallest first (the one {@link #findByDomain} returns). */
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> idsByDomain = new ConcurrentHashMap<>();

    @Override
    public Optional<Company> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Company> findByDomain(String domain) {
        var d = domain.toLowerCase(Locale.ROOT);
        var ids = idsByDomain.get(d);
        if (ids == null) return Optional.empty();
        for (var id : ids) {
            var c = byId.get(id);
            if (c != null && c.domains().contains(d)) return Optional.of(c);
        }
        return Optional.empty();
    }

    @Override
    public List<Company> list(int offset, int limit) {
        return byId.values().stream().sorted(Comparator.comparing(Company::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Company save(Company company) {
        var old = byId.put(company.id(), company);
        if (old != null) unindex(old);
        for (var d : company.domains()) idsByDomain.computeIfAbsent(d, k -> new ConcurrentSkipListSet<>()).add(company.id());
        return company;
    }

    /** Saves them all under one lock, like {@link #save} one by one. */
    @Override
    public synchronized List<Company> saveAll(List<Company> companies) {
        for (var c : companies) save(c);
        return List.copyOf(companies);
    }

    @Override
    public synchronized void delete(String id) {
        var old = byId.remove(id);
        if (old != null) unindex(old);
    }

    private void unindex(Company company) {
        for (var d : company.domains()) {
            var ids = idsByDomain.get(d);
            if (ids == null) continue;
            ids.remove(company.id());
            if (ids.isEmpty()) idsByDomain.remove(d);
        }
    }

    @Override
    public long count() {
        return byId.size();
    }
}
