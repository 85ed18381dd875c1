package io.dealwire.core.intake;

import io.dealwire.core.contact.Contact;
import io.dealwire.core.contact.ContactRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The contact repository as the intake sees it while it reads a batch: saves are held back and written with one
 * {@link ContactRepository#saveAll} when the batch ends, and every read answers as if they had been written (the
 * second message of a sender finds the contact the first one created). Outside a batch every call goes straight
 * to the store. Not thread-safe: the intake serialises its calls.
 */
final class StagedContacts implements ContactRepository {
    private static final Comparator<Contact> BY_ID = Comparator.comparing(Contact::id);

    private final ContactRepository store;
    private final StagedWrites<Contact> staged = new StagedWrites<>(Contact::id);

    StagedContacts(ContactRepository store) {
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
    public Optional<Contact> find(String id) {
        return staged.find(id, store::find);
    }

    /** The contact with the smallest id listing the email, among the held ones and the stored ones not held. */
    @Override
    public Optional<Contact> findByEmail(String email) {
        var key = email.toLowerCase(Locale.ROOT);
        return staged.first(store.findByEmail(email), c -> lists(c, key), BY_ID, store::list);
    }

    private static boolean lists(Contact contact, String address) {
        for (var e : contact.emails()) if (e.toLowerCase(Locale.ROOT).equals(address)) return true;
        return false;
    }

    @Override
    public List<Contact> findByCompany(String companyId) {
        return staged.merged(store.findByCompany(companyId), c -> companyId.equals(c.companyId()), BY_ID);
    }

    @Override
    public List<Contact> list(int offset, int limit) {
        return staged.page(store::list, offset, limit, BY_ID);
    }

    @Override
    public Contact save(Contact contact) {
        return staged.save(contact, store::save);
    }

    @Override
    public List<Contact> saveAll(List<Contact> contacts) {
        return staged.saveAll(contacts, store::saveAll);
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
