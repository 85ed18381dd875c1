package io.dealwire.core.contact;

import java.util.List;
import java.util.Optional;

public interface ContactRepository {
    Optional<Contact> find(String id);

    /** The contact owning this address (compared lower-cased). */
    Optional<Contact> findByEmail(String email);

    List<Contact> findByCompany(String companyId);

    List<Contact> list(int offset, int limit);

    Contact save(Contact contact);

    /**
     * Saves every contact as {@link #save} would, in list order (a later copy of the same id wins). Adapters
     * override it to write them in one round trip: the intake writes a batch's contacts at once.
     */
    default List<Contact> saveAll(List<Contact> contacts) {
        return contacts.stream().map(this::save).toList();
    }

    void delete(String id);

    long count();
}
