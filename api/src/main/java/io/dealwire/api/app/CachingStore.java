package io.dealwire.api.app;

import io.dealwire.api.auth.CachedUsers;
import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.correction.AuditLog;
import io.dealwire.core.correction.IgnoreRuleRepository;
import io.dealwire.core.correction.PinRepository;
import io.dealwire.core.deal.DealRepository;
import io.dealwire.core.message.MessageRepository;
import io.dealwire.core.pipeline.PipelineRepository;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.UserRepository;

/**
 * The store as the running service uses it: every repository of the underlying store, the mailboxes through
 * {@link CachedMailboxes}, the contacts, companies and deals through {@link CachedContacts}, {@link CachedCompanies} and
 * {@link CachedDeals}, the pipelines through {@link CachedPipelines}
 * and the users and tokens through {@link CachedUsers}. All in-process writes go through it, so the caches see them. Closing and committing stay
 * with the underlying store's owner.
 */
final class CachingStore implements Store {
    private final Store store;
    private final CachedMailboxes mailboxes;
    private final CachedContacts contacts;
    private final CachedCompanies companies;
    private final CachedDeals deals;
    private final CachedPipelines pipelines;
    private final CachedUsers users;

    CachingStore(Store store) {
        this.store = store;
        this.mailboxes = new CachedMailboxes(store.mailboxes());
        this.contacts = new CachedContacts(store.contacts());
        this.companies = new CachedCompanies(store.companies());
        this.deals = new CachedDeals(store.deals());
        this.pipelines = new CachedPipelines(store.pipelines());
        this.users = new CachedUsers(store.users());
    }

    @Override public MessageRepository messages() { return store.messages(); }
    @Override public ContactRepository contacts() { return contacts; }
    @Override public CompanyRepository companies() { return companies; }
    @Override public DealRepository deals() { return deals; }
    @Override public PipelineRepository pipelines() { return pipelines; }
    @Override public CachedMailboxes mailboxes() { return mailboxes; }
    @Override public UserRepository users() { return users; }
    @Override public PinRepository pins() { return store.pins(); }
    @Override public IgnoreRuleRepository ignoreRules() { return store.ignoreRules(); }
    @Override public AuditLog audit() { return store.audit(); }

    @Override
    public void commit() {
        store.commit();
    }

    @Override
    public void close() {
        store.close();
    }
}
