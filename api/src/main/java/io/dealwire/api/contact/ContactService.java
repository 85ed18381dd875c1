package io.dealwire.api.contact;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.listing.Page;
import io.dealwire.api.scope.Scope;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.store.Store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Contacts: list, read, create, change. Blocking. */
public final class ContactService {
    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    private final Store store;
    private final Clock clock;
    private final IdGenerator ids;

    public ContactService(Store store, Clock clock, IdGenerator ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    /** A contact with the ids of the deals the viewer can see for it. */
    public record Detail(Contact contact, String companyName, List<String> dealIds) {
    }

    public record Draft(String name, List<String> emails, String title, List<String> phones, String companyId, String website) {
    }

    public Page<Contact> list(Scope scope, String q, String companyId, int offset, int limit) {
        var needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        var source = companyId != null ? store.contacts().findByCompany(companyId) : store.contacts().list(0, Integer.MAX_VALUE);
        var matching = source.stream()
                .filter(c -> needle == null || c.name().toLowerCase(Locale.ROOT).contains(needle)
                        || c.emails().stream().anyMatch(e -> e.contains(needle)))
                .filter(scope::contact)
                .sorted(Comparator.comparing((Contact c) -> c.name().toLowerCase(Locale.ROOT)).thenComparing(Contact::id))
                .toList();
        return Page.of(matching, offset, limit);
    }

    public Detail get(Scope scope, String id) {
        return detail(scope, scope.requireContact(id));
    }

    public Detail create(Scope scope, Draft d) {
        if (d.name() == null || d.name().isBlank()) throw ApiException.badRequest("name is required");
        var emails = emails(d.emails() == null ? List.of() : d.emails(), null);
        if (d.companyId() != null) scope.requireCompany(d.companyId());
        var contact = new Contact(ids.next("contact"), d.name(), emails, d.title(), d.phones(), d.companyId(), List.of(), d.website(), clock.instant());
        return detail(scope, store.contacts().save(contact));
    }

    public Detail update(Scope scope, String id, Draft d) {
        var c = scope.requireContact(id);
        if (d.name() != null && d.name().isBlank()) throw ApiException.badRequest("name must not be blank");
        var emails = d.emails() == null ? c.emails() : emails(d.emails(), c.id());
        var companyId = c.companyId();
        var former = new ArrayList<>(c.formerCompanyIds());
        if (d.companyId() != null && !d.companyId().equals(c.companyId())) {
            companyId = scope.requireCompany(d.companyId()).id();
            // A person who moves keeps their history with the former company.
            if (c.companyId() != null && !former.contains(c.companyId())) former.add(c.companyId());
        }
        var updated = new Contact(c.id(), d.name() == null ? c.name() : d.name(), emails, d.title() == null ? c.title() : d.title(),
                d.phones() == null ? c.phones() : d.phones(), companyId, former, d.website() == null ? c.website() : d.website(), c.createdAt());
        return detail(scope, store.contacts().save(updated));
    }

    private List<String> emails(List<String> given, String selfId) {
        var out = new ArrayList<String>();
        for (var e : given) {
            var email = e.strip().toLowerCase(Locale.ROOT);
            if (!email.matches(EMAIL)) throw ApiException.badRequest("'" + e + "' is not an email address");
            var owner = store.contacts().findByEmail(email);
            if (owner.isPresent() && !owner.get().id().equals(selfId))
                throw ApiException.conflict("the address " + email + " already belongs to another contact");
            if (!out.contains(email)) out.add(email);
        }
        return out;
    }

    private Detail detail(Scope scope, Contact c) {
        var companyName = c.companyId() == null ? null : store.companies().find(c.companyId()).map(co -> co.name()).orElse(null);
        var deals = new ArrayList<String>();
        store.deals().findByPerson(c.id()).stream().filter(scope::deal).forEach(d -> deals.add(d.id()));
        if (c.companyId() != null) store.deals().findByCompany(c.companyId()).stream().filter(scope::deal).forEach(d -> deals.add(d.id()));
        return new Detail(c, companyName, deals);
    }
}
