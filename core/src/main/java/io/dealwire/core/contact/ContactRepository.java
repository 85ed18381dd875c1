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

    void delete(String id);

    long count();
}
