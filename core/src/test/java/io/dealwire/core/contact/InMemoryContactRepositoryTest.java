package io.dealwire.core.contact;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The address index stays true to the contacts as they are saved, changed and deleted. */
class InMemoryContactRepositoryTest {
    private final InMemoryContactRepository contacts = new InMemoryContactRepository();

    private static Contact contact(String id, String... emails) {
        return new Contact(id, id, List.of(emails), "", List.of(), null, List.of(), "", Instant.EPOCH);
    }

    @Test
    void aChangedAddressIsFoundUnderItsNewValueOnly() {
        contacts.save(contact("c1", "ann@acme.example"));
        contacts.save(contact("c1", "ann.lee@acme.example"));
        assertTrue(contacts.findByEmail("ann@acme.example").isEmpty());
        assertEquals("c1", contacts.findByEmail("Ann.Lee@acme.example").orElseThrow().id());
    }

    @Test
    void anAddressTwoContactsShareGoesToTheSmallestIdUntilItIsDeleted() {
        contacts.save(contact("c2", "info@acme.example"));
        contacts.save(contact("c1", "sales@acme.example", "info@acme.example"));
        assertEquals("c1", contacts.findByEmail("info@acme.example").orElseThrow().id());
        contacts.delete("c1");
        assertEquals("c2", contacts.findByEmail("info@acme.example").orElseThrow().id());
        assertTrue(contacts.findByEmail("sales@acme.example").isEmpty());
        contacts.delete("c2");
        assertTrue(contacts.findByEmail("info@acme.example").isEmpty());
    }
}
