package io.dealwire.api.company;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.company.Company;
import io.dealwire.core.company.RegistrableDomain;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.store.Store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Companies: list, read, create, change. Blocking. */
public final class CompanyService {
    private final Store store;
    private final Clock clock;
    private final IdGenerator ids;

    public CompanyService(Store store, Clock clock, IdGenerator ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** A company with the contacts and deal ids the viewer can see. */
    public record Detail(Company company, List<Contact> contacts, List<String> dealIds) {
    }

    public record Draft(String name, List<String> domains) {
    }

    public Page<Company> list(Scope scope, String q, int offset, int limit) {
        var needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        var matching = store.companies().list(0, Integer.MAX_VALUE).stream()
                .filter(c -> needle == null || c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || c.domains().stream().anyMatch(d -> d.contains(needle)))
                .filter(scope::company)
                .sorted(Comparator.comparing((Company c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(Company::id))
                .toList();
        return Page.of(matching, offset, limit);
    }

    public Detail get(Scope scope, String id) {
        return detail(scope, scope.requireCompany(id));
    }

    public Detail create(Scope scope, Draft d) {
        if (d.name() == null || d.name().isBlank()) throw ApiException.badRequest("name is required");
        var company = new Company(ids.next("company"), d.name(), domains(d.domains() == null ? List.of() : d.domains(), null), clock.instant());
        return detail(scope, store.companies().save(company));
    }

    public Detail update(Scope scope, String id, Draft d) {
        var c = scope.requireCompany(id);
        if (d.name() != null && d.name().isBlank()) throw ApiException.badRequest("name must not be blank");
        var updated = new Company(c.id(), d.name() == null ? c.name() : d.name(),
                d.domains() == null ? c.domains() : domains(d.domains(), c.id()), c.createdAt());
        return detail(scope, store.companies().save(updated));
    }

    /** Domains are kept registrable (mail.acme.co.uk → acme.co.uk) and belong to one company only. */
    private List<String> domains(List<String> given, String selfId) {
        var out = new ArrayList<String>();
        for (var raw : given) {
            var domain = raw.strip().toLowerCase(Locale.ROOT);
            if (!domain.matches("^[a-z0-9-]+(\\.[a-z0-9-]+)+$")) throw ApiException.badRequest("'" + raw + "' is not a domain name");
            var registrable = RegistrableDomain.of(domain);
            var owner = store.companies().findByDomain(registrable);
            if (owner.isPresent() && !owner.get().id().equals(selfId))
                throw ApiException.conflict("the domain " + registrable + " already belongs to the company " + owner.get().name());
            if (!out.contains(registrable)) out.add(registrable);
        }
        return out;
    }

    private Detail detail(Scope scope, Company c) {
        var contacts = store.contacts().findByCompany(c.id()).stream().filter(scope::contact).toList();
        var deals = store.deals().findByCompany(c.id()).stream().filter(scope::deal).map(d -> d.id()).toList();
        return new Detail(c, contacts, deals);
    }
}
