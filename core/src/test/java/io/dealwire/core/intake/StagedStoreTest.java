package io.dealwire.core.intake;

import io.dealwire.core.company.Company;
import io.dealwire.core.contact.Contact;
import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.store.StoreContract;
import io.dealwire.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** While a batch is open, the intake's view of the store holds writes back and reads them; at its end one bulk write per kind. */
class StagedStoreTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private static Contact contact(String id, String companyId, String... emails) {
        return new Contact(id, id, List.of(emails), "", List.of(), companyId, List.of(), "", AT);
    }

    private static Deal deal(String id, String companyId, String personId) {
        return new Deal(id, id, "default", "contacted", companyId, personId, "u1", 0, "EUR", AT, AT, false);
    }

    private static StageChange change(String id, String dealId, Instant at) {
        return new StageChange(id, dealId, "contacted", "qualified", at, ChangeMode.AUTO, null, null, null);
    }

    @Test
    void readsDuringABatchSeeItsWritesAndNothingReachesTheStoreBeforeTheFlush() {
        var store = new RecordingStore();
        store.inner.contacts().save(contact("p2", "co1", "bob@acme.example"));
        store.inner.companies().save(new Company("co1", "Acme", List.of("acme.example"), AT));
        store.inner.deals().save(deal("d2", "co1", null));
        store.inner.deals().saveChange(change("s2", "d2", AT.plusSeconds(60)));
        var staged = new StagedStore(store);

        staged.begin();
        staged.contacts().save(contact("p1", "co1", "Dana@Acme.example"));
        staged.contacts().save(contact("p2", "co2", "bob@acme.example", "b@acme.example"));
        staged.companies().save(new Company("co2", "Acme SA", List.of("acme.fr"), AT));
        staged.deals().save(deal("d1", "co1", null));
        staged.deals().save(deal("d3", null, "p1"));
        staged.deals().saveChange(change("s1", "d2", AT));
        staged.messages().save(StoredMessage.of(StoreContract.mail("m1", "m1@x", "Hello", AT)).with(b -> b.dealId = "d1"));

        assertEquals(List.of(), store.writes, "held back");
        assertEquals("p1", staged.contacts().findByEmail("dana@acme.example").orElseThrow().id());
        assertEquals("co2", staged.contacts().findByEmail("b@acme.example").orElseThrow().companyId(), "the held version wins");
        assertEquals(List.of("p1"), staged.contacts().findByCompany("co1").stream().map(Contact::id).toList(), "p2 left co1");
        assertEquals(2, staged.contacts().count());
        assertEquals(List.of("p1", "p2"), staged.contacts().list(0, 10).stream().map(Contact::id).toList());
        assertEquals(List.of("p2"), staged.contacts().list(1, 1).stream().map(Contact::id).toList());
        assertEquals("co2", staged.companies().findByDomain("ACME.fr").orElseThrow().id());
        assertEquals("co1", staged.companies().findByDomain("acme.example").orElseThrow().id());
        assertEquals(2, staged.companies().count());
        assertEquals(List.of("d1", "d2"), staged.deals().findByCompany("co1").stream().map(Deal::id).toList());
        assertEquals(List.of("d3"), staged.deals().findByPerson("p1").stream().map(Deal::id).toList());
        assertEquals(3, staged.deals().count());
        assertEquals(List.of("s1", "s2"), staged.deals().changes("d2").stream().map(StageChange::id).toList(), "history order");
        assertEquals(List.of("m1"), staged.messages().findByDeal("d1").stream().map(StoredMessage::id).toList());
        assertTrue(store.contacts().findByEmail("dana@acme.example").isEmpty(), "the store itself has nothing yet");

        staged.flush();
        assertEquals(List.of("companies.saveAll", "contacts.saveAll", "deals.saveAll", "deals.saveChanges", "messages.saveAll"),
                store.writes, "one bulk write per kind, what messages refer to first");
        assertEquals("co2", store.contacts().find("p2").orElseThrow().companyId());
        assertEquals(List.of("s1", "s2"), store.deals().changes("d2").stream().map(StageChange::id).toList());
        assertEquals(3, store.deals().count());

        staged.contacts().save(contact("p4", null, "eve@mail.example"));
        assertEquals("contacts.save", store.writes.getLast(), "outside a batch, writes go straight to the store");
    }

    @Test
    void aStoredAnswerThatLostTheAddressInTheBatchGivesWayToTheNextStoredContact() {
        var store = new RecordingStore();
        store.inner.contacts().save(contact("p1", null, "shared@acme.example"));
        store.inner.contacts().save(contact("p2", null, "shared@acme.example"));
        store.inner.companies().save(new Company("co1", "Acme", List.of("acme.example"), AT));
        store.inner.companies().save(new Company("co2", "Acme 2", List.of("acme.example"), AT));
        var staged = new StagedStore(store);
        staged.begin();
        staged.contacts().save(contact("p1", null, "other@acme.example"));
        staged.companies().save(new Company("co1", "Acme", List.of("acme.fr"), AT));
        assertEquals("p2", staged.contacts().findByEmail("shared@acme.example").orElseThrow().id());
        assertEquals("co2", staged.companies().findByDomain("acme.example").orElseThrow().id());
        staged.discard();
    }

    @Test
    void aFailedFlushWritesNothingAfterTheFailureAndTheNextBatchStartsClean() {
        var store = new RecordingStore();
        var staged = new StagedStore(store);
        staged.begin();
        staged.contacts().save(contact("p1", null, "dana@acme.example"));
        staged.deals().save(deal("d1", null, "p1"));
        staged.deals().saveChange(change("s1", "d1", AT));
        staged.messages().save(StoredMessage.of(StoreContract.mail("m1", "m1@x", "Hello", AT)).with(b -> b.dealId = "d1"));
        store.failing = "deals.saveAll";
        assertThrows(StoreUnavailableException.class, staged::flush);
        assertEquals(List.of("contacts.saveAll"), store.writes, "nothing after the failed write");
        assertEquals(0, store.messages().count());
        assertTrue(staged.deals().changes("d1").isEmpty(), "what was held is dropped");

        store.failing = null;
        staged.begin();
        staged.deals().save(deal("d1", null, "p1"));
        staged.flush();
        assertEquals(Set.of("d1"), Set.copyOf(store.deals().list(0, 10).stream().map(Deal::id).toList()));
    }
}
