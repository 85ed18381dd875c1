package io.dealwire.api.scope;

import io.dealwire.api.http.Access;
import io.dealwire.api.http.ApiException;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;

import java.util.HashSet;
import java.util.Set;

/**
 * What one request's user may see among deals, contacts and companies, derived from the messages they may
 * read ({@link Access#canSee()}, the core's visibility policy for messages). Managers and admins see every
 * deal, contact and company (message bodies stay guarded by {@code canSee}); a rep sees the deals they own
 * and whatever appears in mail they can read. Anything else answers 404, never 403, so ids do not leak.
 * Blocking: build and use it on a virtual thread.
 */
public final class Scope {
    private final Store store;
    private final Access access;
    private Reach reach;

    private Scope(Store store, Access access) {
        this.store = store;
        this.access = access;
    }

    public static Scope of(Store store, Access access) {
        return new Scope(store, access);
    }

    public User user() {
        return access.user();
    }

    public boolean seesEverything() {
        return access.viewer().role().seesEverything();
    }

    /** A message is shown when the policy lets this user read it and it is not personal mail kept out of the CRM. */
    public boolean message(StoredMessage m) {
        return !m.ignored() && access.canSee().test(m);
    }

    public boolean deal(Deal d) {
        return seesEverything() || user().id().equals(d.ownerId()) || reach().deals.contains(d.id());
    }

    public boolean contact(Contact c) {
        return seesEverything() || reach().contacts.contains(c.id());
    }

    public boolean company(Company c) {
        return seesEverything() || reach().companies.contains(c.id());
    }

    public Deal requireDeal(String id) {
        return store.deals().find(id).filter(this::deal).orElseThrow(() -> ApiException.notFound("no deal " + id));
    }

    public Contact requireContact(String id) {
        return store.contacts().find(id).filter(this::contact).orElseThrow(() -> ApiException.notFound("no contact " + id));
    }

    public Company requireCompany(String id) {
        return store.companies().find(id).filter(this::company).orElseThrow(() -> ApiException.notFound("no company " + id));
    }

    public StoredMessage requireMessage(String id) {
        return store.messages().find(id).filter(this::message).orElseThrow(() -> ApiException.notFound("no message " + id));
    }

    /** Ids a rep reaches through readable mail and owned deals; computed once per request, on first need. */
    private Reach reach() {
        if (reach != null) return reach;
        var r = new Reach(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (var mailboxId : access.viewer().mailboxIds()) {
            for (var m : store.messages().findByMailbox(mailboxId, null)) {
                if (!message(m)) continue;
                if (m.dealId() != null) r.deals.add(m.dealId());
                if (m.companyId() != null) r.companies.add(m.companyId());
                r.contacts.addAll(m.contactIds());
            }
        }
        var me = user().id();
        for (var d : store.deals().list(0, Integer.MAX_VALUE)) {
            if (me.equals(d.ownerId()) || r.deals.contains(d.id())) {
                r.deals.add(d.id());
                if (d.companyId() != null) r.companies.add(d.companyId());
                if (d.personContactId() != null) r.contacts.add(d.personContactId());
            }
        }
        reach = r;
        return r;
    }

    private record Reach(Set<String> deals, Set<String> contacts, Set<String> companies) {
    }
}
