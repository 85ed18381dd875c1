package io.dealwire.api.app;

import io.dealwire.api.cache.KeptReads;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.contact.ContactRepository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The store's contacts with the reads of the context kept decoded in memory: a contact by id and by address (an
 * address that is no contact's too), the contacts of a company. The add-on asks for the context beside every
 * message it shows, and each read decoded the same contact again.
 *
 * <p>Every write through this repository (one contact or many, a deletion) drops everything kept; changes made by
 * another process, or lost when the embedded store reopens at its last commit, are seen after at most
 * {@link #MAX_AGE}. Lists are kept and handed out unmodifiable.
 */
final class CachedContacts implements ContactRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ContactRepository store;
    private final KeptReads<String, Optional<Contact>> byId;
    private final KeptReads<String, Optional<Contact>> byEmail;
    private final KeptReads<String, List<Contact>> byCompany;

    CachedContacts(ContactRepository store) {
        this(store, MAX_AGE);
    }

    CachedContacts(ContactRepository store, Duration maxAge) {
        this.store = store;
        this.byId = new KeptReads<>(maxAge);
        this.byEmail = new KeptReads<>(maxAge);
        this.byCompany = new KeptReads<>(maxAge);
    }

    @Override
    public Optional<Contact> find(String id) {
        return byId.get(id, () -> store.find(id));
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        return byEmail.get(email, () -> store.findByEmail(email));
    }

    @Override
    public List<Contact> findByCompany(String companyId) {
        return byCompany.get(companyId, () -> List.copyOf(store.findByCompany(companyId)));
    }

    @Override
    public List<Contact> list(int offset, int limit) {
        return store.list(offset, limit);
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public Contact save(Contact contact) {
        return byId.changed(() -> byEmail.changed(() -> byCompany.changed(() -> store.save(contact))));
    }

    @Override
    public List<Contact> saveAll(List<Contact> contacts) {
        return byId.changed(() -> byEmail.changed(() -> byCompany.changed(() -> store.saveAll(contacts))));
    }

    @Override
    public void delete(String id) {
        byId.changed(() -> byEmail.changed(() -> byCompany.changed(() -> store.delete(id))));
    }
}
