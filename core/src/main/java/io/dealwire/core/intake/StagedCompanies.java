package io.dealwire.core.intake;

import io.dealwire.core.company.Company;
import io.dealwire.core.company.CompanyRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The company repository as the intake sees it while it reads a batch: saves are held back and written with one
 * {@link CompanyRepository#saveAll} when the batch ends, and every read answers as if they had been written.
 * Outside a batch every call goes straight to the store. Not thread-safe: the intake serialises its calls.
 */
final class StagedCompanies implements CompanyRepository {
    private static final Comparator<Company> BY_ID = Comparator.comparing(Company::id);

    private final CompanyRepository store;
    private final StagedWrites<Company> staged = new StagedWrites<>(Company::id);

    StagedCompanies(CompanyRepository store) {
        this.store = store;
    }

    void begin() {
        staged.begin();
    }

    /** Writes what was held back in one batch; ends the batch. */
    void flush() {
        staged.flush(store::saveAll);
    }

    void discard() {
        staged.discard();
    }

    @Override
    public Optional<Company> find(String id) {
        return staged.find(id, store::find);
    }

    /** The company with the smallest id listing the domain, among the held ones and the stored ones not held. */
    @Override
    public Optional<Company> findByDomain(String domain) {
        var key = domain.toLowerCase(Locale.ROOT);
        return staged.first(store.findByDomain(domain), c -> lists(c, key), BY_ID, store::list);
    }

    private static boolean lists(Company company, String domain) {
        for (var d : company.domains()) if (d.toLowerCase(Locale.ROOT).equals(domain)) return true;
        return false;
    }

    @Override
    public List<Company> list(int offset, int limit) {
        return staged.page(store::list, offset, limit, BY_ID);
    }

    @Override
    public Company save(Company company) {
        return staged.save(company, store::save);
    }

    @Override
    public List<Company> saveAll(List<Company> companies) {
        return staged.saveAll(companies, store::saveAll);
    }

    @Override
    public void delete(String id) {
        staged.remove(id);
        store.delete(id);
    }

    @Override
    public long count() {
        return store.count() + staged.unknownTo(store::find);
    }
}
