package io.dealwire.api.scope;

import io.dealwire.api.http.Access;
import io.dealwire.api.http.ApiException;
import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;

import io.dealwire.core.visibility.VisibilityPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one request's user may see, decided by the core's {@link VisibilityPolicy}: messages through
 * {@link Access#canSee()}, deals and contacts through the policy's rules (whoever can see one of their
 * messages, or owns the deal). Companies are not covered by the policy: a company is visible with one of its
 * deals or with a readable message linked to it. Anything else answers 404, never 403, so ids do not leak.
 * Blocking: build and use it on a virtual thread.
 */
public final class Scope {
    private final Store store;
    private final Access access;
    private final VisibilityPolicy policy;
    private Reach reach;

    private Scope(Store store, Access access, VisibilityPolicy policy) {
        this.store = store;
        this.access = access;
        this.policy = policy;
    }

    public static Scope of(Store store, Access access, VisibilityPolicy policy) {
        return new Scope(store, access, policy);
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
        // The policy answers owners and those who see everything without reading the deal's messages.
        boolean direct = seesEverything() || user().id().equals(d.ownerId());
        return policy.canSeeDeal(access.viewer(), d, direct ? List.of() : store.messages().findByDeal(d.id()));
    }

    public boolean contact(Contact c) {
        if (seesEverything()) return true;
        var deals = new ArrayList<Deal>(store.deals().findByPerson(c.id()));
        if (c.companyId() != null) deals.addAll(store.deals().findByCompany(c.companyId()));
        return policy.canSeeContact(access.viewer(), reach().messagesByContact.getOrDefault(c.id(), List.of()), deals);
    }

    public boolean company(Company c) {
        if (seesEverything() || reach().companies.contains(c.id())) return true;
        return store.deals().findByCompany(c.id()).stream().anyMatch(this::deal);
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

    /** Readable messages by contact, and companies of readable messages: computed once per request, on first need. */
    private Reach reach() {
        if (reach != null) return reach;
        var r = new Reach(new HashMap<>(), new HashSet<>());
        for (var mailboxId : access.viewer().mailboxIds()) {
            for (var m : store.messages().findByMailbox(mailboxId, null)) {
                if (!message(m)) continue;
                if (m.companyId() != null) r.companies.add(m.companyId());
                for (var c : m.contactIds()) r.messagesByContact.computeIfAbsent(c, k -> new ArrayList<>()).add(m);
            }
        }
        reach = r;
        return r;
    }

    private record Reach(Map<String, List<StoredMessage>> messagesByContact, Set<String> companies) {
    }
}
