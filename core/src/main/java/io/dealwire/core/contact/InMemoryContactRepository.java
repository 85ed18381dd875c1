package io.dealwire.core.contact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * In-memory {@link ContactRepository}, for tests and labeled-case replays. Contacts are indexed by address, so that
 * finding the sender of each new message does not read every contact.
 */
public final class InMemoryContactRepository implements ContactRepository {
    private final ConcurrentHashMap<String, Contact> byId = new ConcurrentHashMap<>();
    /** Address as stored → ids of the contacts listing it, smallest first (the one {@link #findByEmail} returns). */
    private final ConcurrentHashMap<String, ConcurrentSkipListSet<String>> idsByEmail = new ConcurrentHashMap<>();

    @Override
    public Optional<Contact> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Contact> findByEmail(String email) {
        var e = email.toLowerCase(Locale.ROOT);
        var ids = idsByEmail.get(e);
        if (ids == null) return Optional.empty();
        for (var id : ids) {
            var c = byId.get(id);
            if (c != null && c.emails().contains(e)) return Optional.of(c);
        }
        return Optional.empty();
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
    public synchronized Contact save(Contact contact) {
        var old = byId.put(contact.id(), contact);
        if (old != null) unindex(old);
        for (var e : contact.emails()) idsByEmail.computeIfAbsent(e, k -> new ConcurrentSkipListSet<>()).add(contact.id());
        return contact;
    }

    /** Saves them all under one lock: a reader sees none or all of them indexed by address. */
    @Override
    public synchronized List<Contact> saveAll(List<Contact> contacts) {
        for (var c : contacts) save(c);
        return List.copyOf(contacts);
    }

    @Override
    public synchronized void delete(String id) {
        var old = byId.remove(id);
        if (old != null) unindex(old);
    }

    private void unindex(Contact contact) {
        for (var e : contact.emails()) {
            var ids = idsByEmail.get(e);
            if (ids == null) continue;
            ids.remove(contact.id());
            if (ids.isEmpty()) idsByEmail.remove(e);
        }
    }

    @Override
    public long count() {
        return byId.size();
    }
}
