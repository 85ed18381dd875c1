package io.dealwire.core.contact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ContactRepository}, for tests and labeled-case replays. */
public final class InMemoryContactRepository implements ContactRepository {
    private final ConcurrentHashMap<String, Contact> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Contact> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        var e = email.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(c -> c.emails().contains(e)).min(Comparator.comparing(Contact::id));
    }

    @Override
    public List<Contact> findByCompany(String companyId) {
        return byId.values().stream().filter(c -> companyId.equals(c.companyId()))
                .sorted(Comparator.comparing(Contact::id)).toList();
    }

    @Override
    public List<Contact> list(int offset, int limit) {
        return byId.values().stream().sorted(Comparator.comparing(Contact::id)).skip(offset).limit(limit).toList();
    }

    @Override
    public Contact save(Contact contact) {
        byId.put(contact.id(), contact);
        return contact;
    }

    @Override
    public void delete(String id) {
        byId.remove(id);
    }

    @Override
    public long count() {
        return byId.size();
    }
}
