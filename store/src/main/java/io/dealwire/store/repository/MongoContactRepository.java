package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.ContactMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.dealwire.store.mapping.ContactMapping.*;

/** Contacts in MongoDB, found by any of their addresses (lower-cased) or by company. */
public final class MongoContactRepository implements ContactRepository {
    public static final SecondaryKey BY_EMAIL = new SecondaryKey("email", List.of(EMAIL_KEYS),
            ContactMapping::emailKeys, v -> Filters.eq(EMAIL_KEYS, v), List.of(EMAIL_KEYS));
    public static final SecondaryKey BY_COMPANY = new SecondaryKey("company", List.of(COMPANY),
            d -> MongoMessageRepository.optional(d.getString(COMPANY)), v -> Filters.eq(COMPANY, v), List.of(COMPANY));
    public static final List<SecondaryKey> KEYS = List.of(BY_EMAIL, BY_COMPANY);

    private final KeyedCollection contacts;
    private final StoreGuard guard;

    public MongoContactRepository(KeyedCollection contacts, StoreGuard guard) {
        this.contacts = contacts;
        this.guard = guard;
    }

    @Override
    public Optional<Contact> find(String id) {
        return guard.call(() -> contacts.findByIds(List.of(id)).stream().findFirst().map(ContactMapping::fromDocument));
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        return guard.call(() -> contacts.find(BY_EMAIL, emailKey(email)).stream().map(ContactMapping::fromDocument)
                .min(Comparator.comparing(Contact::id)));
    }

    @Override
    public List<Contact> findByCompany(String companyId) {
        return guard.call(() -> contacts.find(BY_COMPANY, companyId).stream().map(ContactMapping::fromDocument)
                .sorted(Comparator.comparing(Contact::id)).toList());
    }

    @Override
    public List<Contact> list(int offset, int limit) {
        return guard.call(() -> contacts.page(offset, limit).stream().map(ContactMapping::fromDocument).toList());
    }

    @Override
    public Contact save(Contact contact) {
        guard.run(() -> contacts.replace(ContactMapping.toDocument(contact)));
        return contact;
    }

    /** One bulk write (two on the embedded store: inserts of new ids, replaces of known ones). */
    @Override
    public List<Contact> saveAll(List<Contact> list) {
        if (list.isEmpty()) return List.of();
        guard.run(() -> contacts.replaceAll(list.stream().map(ContactMapping::toDocument).toList()));
        return List.copyOf(list);
    }

    @Override
    public void delete(String id) {
        guard.run(() -> contacts.delete(id));
    }

    @Override
    public long count() {
        return guard.call(contacts::count);
    }
}
