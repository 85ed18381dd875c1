package io.dealwire.api.app;

import io.dealwire.core.company.Company;
import io.dealwire.core.company.CompanyRepository;
import io.dealwire.core.company.InMemoryCompanyRepository;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.contact.ContactRepository;
import io.dealwire.core.contact.InMemoryContactRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The context's contact and company reads come from memory, and never outlive a write made through the repository. */
class CachedContactsAndCompaniesTest {
    /** Longer than any test runs: what is kept never ages out in the middle of a test, however slow the machine. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Instant AT = Instant.parse("2025-02-01T00:00:00Z");
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryContactRepository contactMemory = new InMemoryContactRepository();
    private final InMemoryCompanyRepository companyMemory = new InMemoryCompanyRepository();
    private final ContactRepository contactStore = counting(ContactRepository.class, contactMemory);
    private final CompanyRepository companyStore = counting(CompanyRepository.class, companyMemory);

    /** The repository, counting the reads the cache makes (every method whose name starts with find). */
    @SuppressWarnings("unchecked")
    private <R> R counting(Class<R> type, R memory) {
        return (R) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, (InvocationHandler) (proxy, method, args) -> {
            if (method.getName().startsWith("find")) reads.incrementAndGet();
            try {
                return method.invoke(memory, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static Contact contact(String id, String email, String companyId, String name) {
        return new Contact(id, name, List.of(email), "", List.of(), companyId, List.of(), "", AT);
    }

    @Test
    void contactReadsAreMadeOnceWhileNothingChanges() {
        var contacts = new CachedContacts(contactStore, KEEP);
        contacts.save(contact("ct-dana", "dana@acme.example", "co-acme", "Dana"));
        for (int i = 0; i < 10; i++) {
            assertEquals("ct-dana", contacts.findByEmail("dana@acme.example").orElseThrow().id());
            assertEquals(Optional.empty(), contacts.findByEmail("nobody@acme.example"), "an address of no contact is kept too");
            assertEquals("Dana", contacts.find("ct-dana").orElseThrow().name());
            assertEquals(List.of("ct-dana"), contacts.findByCompany("co-acme").stream().map(Contact::id).toList());
        }
        assertEquals(4, reads.get(), "one store read per distinct read");
    }

    @Test
    void everyKindOfContactWriteIsSeenAtOnce() {
        var contacts = new CachedContacts(contactStore, KEEP);
        assertEquals(Optional.empty(), contacts.findByEmail("dana@acme.example"));
        contacts.save(contact("ct-dana", "dana@acme.example", "co-acme", "Dana"));
        assertEquals("ct-dana", contacts.findByEmail("dana@acme.example").orElseThrow().id(), "a new contact for a kept unknown address");

        contacts.saveAll(List.of(contact("ct-dana", "dana@acme.example", "co-globex", "Dana Smith")));
        assertEquals("Dana Smith", contacts.find("ct-dana").orElseThrow().name());
        assertEquals(List.of(), contacts.findByCompany("co-acme"), "she moved to another company");

        contacts.delete("ct-dana");
        assertEquals(Optional.empty(), contacts.findByEmail("dana@acme.example"));
        assertEquals(Optional.empty(), contacts.find("ct-dana"));
    }

    @Test
    void companyReadsAreMadeOnceAndEveryWriteIsSeenAtOnce() {
        var companies = new CachedCompanies(companyStore, KEEP);
        companies.save(new Company("co-acme", "Acme", List.of("acme.example"), AT));
        for (int i = 0; i < 10; i++) {
            assertEquals("Acme", companies.find("co-acme").orElseThrow().name());
            assertEquals("co-acme", companies.findByDomain("acme.example").orElseThrow().id());
        }
        assertEquals(2, reads.get());

        companies.save(new Company("co-acme", "Acme Corp", List.of("acme.example"), AT));
        assertEquals("Acme Corp", companies.find("co-acme").orElseThrow().name());
        companies.saveAll(List.of(new Company("co-acme", "Acme Corp", List.of("acme.test"), AT)));
        assertEquals(Optional.empty(), companies.findByDomain("acme.example"));
        companies.delete("co-acme");
        assertEquals(Optional.empty(), companies.find("co-acme"));
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceWhatWasKeptIsTooOld() {
        // max age zero: nothing kept is ever fresh, the stand-in for "after MAX_AGE" without waiting for it
        var contacts = new CachedContacts(contactStore, Duration.ZERO);
        var companies = new CachedCompanies(companyStore, Duration.ZERO);
        contacts.save(contact("ct-dana", "dana@acme.example", "co-acme", "Dana"));
        companies.save(new Company("co-acme", "Acme", List.of("acme.example"), AT));
        contacts.findByEmail("dana@acme.example");
        companies.find("co-acme");

        contactMemory.save(contact("ct-dana", "dana@acme.example", "co-acme", "Dana Smith"));
        companyMemory.save(new Company("co-acme", "Acme Corp", List.of("acme.example"), AT));

        assertEquals("Dana Smith", contacts.findByEmail("dana@acme.example").orElseThrow().name());
        assertEquals("Acme Corp", companies.find("co-acme").orElseThrow().name());
    }
}
