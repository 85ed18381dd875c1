package io.dealwire.core.intake;

import io.dealwire.core.deal.Deal;
import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.intake.Intake.Incoming;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.Store;
import io.dealwire.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A batch read with {@link MessageIntake#acceptAll} ends exactly as the same messages accepted one by one, with one write. */
class BatchIntakeTest {
    private static final String PAUL = "Paul Girard <paul@northwind-logiciels.fr>";
    private static final String CLAIRE = "Claire Martin <claire.martin@acme-industrie.fr>";
    private static final String BOB = "Bob Stone <bob@globex-corp.com>";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    private static RecordingStore store() {
        return prepared(new RecordingStore());
    }

    private static <S extends Store> S prepared(S store) {
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        store.mailboxes().save(new Mailbox("mb-paul", "Paul", "imap.example", 993, Security.TLS, "paul", "enc", List.of(), null,
                "u-paul", false, false, null, null, null, null, Instant.EPOCH));
        return store;
    }

    private static MessageIntake intake(Store store) {
        var own = OwnDomains.of(Set.of("northwind-logiciels.fr"), Set.of("paul@northwind-logiciels.fr"));
        return MessageIntake.withStageRules(store, CrmSettings.of(own), CLOCK, IdGenerator.sequential());
    }

    /** Two customers, replies that name their parent, an Outlook reply without headers, a copy seen twice, a proposal. */
    private static List<MailMessage> threads() {
        var a1 = TestMail.id("a1").from(PAUL).to(CLAIRE).subject("Planification des ateliers").at("2025-03-03T09:00:00Z")
                .text("Bonjour Madame Martin,\nAuriez-vous 20 minutes la semaine prochaine pour en parler ?").build();
        var a2 = TestMail.id("a2").from(CLAIRE).to(PAUL).replyTo(a1).at("2025-03-04T10:00:00Z")
                .text("Bonjour,\nOui, avec plaisir. Pouvez-vous nous envoyer un devis pour 40 postes ?").build();
        var b1 = TestMail.id("b1").from(BOB).to(PAUL).subject("Scheduling software for our plants").at("2025-03-05T08:00:00Z")
                .text("Hi Paul,\nWe are looking for a scheduling tool for three plants. Can we talk this week?").build();
        var a3 = TestMail.id("a3").from(PAUL).to(CLAIRE).replyTo(a2).at("2025-03-06T11:00:00Z")
                .text("Bonjour Claire,\nVeuillez trouver ci-joint notre devis pour 40 postes.").build();
        var b2 = TestMail.id("b2").from(PAUL).to(BOB).subject("RE: Scheduling software for our plants").noMessageId()
                .at("2025-03-06T15:00:00Z").text("Hi Bob,\nSure, Thursday at 10 works for me.").build();
        var b3 = TestMail.id("b3").from(BOB).to(PAUL).replyTo(b2).at("2025-03-07T09:00:00Z")
                .text("Great, talk to you Thursday.").build();
        return List.of(a1, a2, b1, a3, b2, b3);
    }

    @Test
    void aBatchEndsAsTheSameMessagesAcceptedOneByOne() {
        var mails = new ArrayList<>(threads());
        mails.add(mails.get(1)); // the same copy again, at another UID

        var oneByOne = store();
        var single = intake(oneByOne);
        int uid = 0;
        for (var m : mails) single.accept(m, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false));

        var batched = store();
        var batch = intake(batched);
        uid = 0;
        var incoming = new ArrayList<Incoming>();
        for (var m : mails) incoming.add(new Incoming(m, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false)));
        var returned = batch.acceptAll(incoming);

        assertEquals(mails.size(), returned.size());
        for (int i = 0; i < mails.size(); i++) assertEquals(mails.get(i).id(), returned.get(i).id(), "answers in batch order");
        assertEquals(oneByOne.messages().count(), batched.messages().count());
        for (var m : mails) {
            var a = oneByOne.messages().find(m.id()).orElseThrow();
            var b = batched.messages().find(m.id()).orElseThrow();
            assertEquals(a.withSeq(0), b.withSeq(0), "message " + m.id() + " is read the same in a batch");
        }
        assertEquals(deals(oneByOne), deals(batched));
        assertEquals(oneByOne.contacts().list(0, 1000), batched.contacts().list(0, 1000));
        assertEquals(oneByOne.companies().list(0, 1000), batched.companies().list(0, 1000));
        assertEquals(2, deals(batched).size(), "one deal per customer");
        assertEquals(oneByOne.deals().changes(deals(oneByOne).getFirst().id()), batched.deals().changes(deals(batched).getFirst().id()));
        assertEquals(0, batched.count("messages.save"), "no message is written one at a time");
        assertEquals(1, batched.count("messages.saveAll"), "the batch is written at once");
    }

    @Test
    void aBatchWritesEachKindOfRecordWithOneBulkWriteAndNothingOneAtATime() {
        var store = store();
        store.writes.clear();
        intake(store).acceptAll(incoming(threads()));
        assertEquals(List.of("companies.saveAll", "contacts.saveAll", "deals.saveAll", "deals.saveChanges", "messages.saveAll"),
                store.writes);
        assertEquals(2, store.deals().count());
        assertEquals(6, store.messages().count());
    }

    @Test
    void aReplyInTheSameBatchJoinsItsParentsConversationAndDeal() {
        var store = store();
        var mails = threads();
        var incoming = new ArrayList<Incoming>();
        int uid = 0;
        for (var m : mails) incoming.add(new Incoming(m, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false)));
        intake(store).acceptAll(incoming);
        var a1 = store.messages().find("a1").orElseThrow();
        var a3 = store.messages().find("a3").orElseThrow();
        var b2 = store.messages().find("b2").orElseThrow();
        var b1 = store.messages().find("b1").orElseThrow();
        assertEquals(a1.conversationId(), a3.conversationId());
        assertEquals(a1.dealId(), a3.dealId());
        assertEquals(b1.conversationId(), b2.conversationId(), "the reply without headers is threaded by subject within the batch");
        assertNotEquals(a1.dealId(), b1.dealId());
        assertEquals("proposal", store.deals().find(a1.dealId()).orElseThrow().stageId(), "the devis sent moved the deal");
    }

    @Test
    void anInferenceFailureKeepsTheMessageAndTheBatch() {
        var store = store();
        var failing = new MessageIntake(store, CrmSettings.of(OwnDomains.of(Set.of("northwind-logiciels.fr"), Set.of())),
                view -> (deal, message) -> {
                    if (message.id().equals("a3")) throw new IllegalStateException("inference broke");
                    return deal;
                }, CLOCK, IdGenerator.sequential());
        assertEquals(6, failing.acceptAll(incoming(threads())).size());
        assertEquals(6, store.messages().count());
        assertNotNull(store.messages().find("a3").orElseThrow().dealId());
    }

    @Test
    void aMessageThatCannotBeReadFailsTheBatchNamingItAndNothingOfTheBatchIsWritten() {
        var store = store();
        var intake = intake(store);
        var mails = threads();
        var batch = new ArrayList<>(incoming(mails).subList(0, 3));
        batch.add(new Incoming(mails.get(3), null)); // no location: cannot be stored
        var e = assertThrows(BatchItemException.class, () -> intake.acceptAll(batch));
        assertEquals(3, e.index());
        assertEquals(0, store.messages().count(), "nothing of a failed batch is written");
        assertEquals(0, store.contacts().count(), "not even the contacts its first messages created");
        assertEquals(0, store.companies().count());
        assertEquals(0, store.deals().count());

        // the batch read again without the broken message is accepted whole, as if the first attempt never happened
        assertEquals(3, intake.acceptAll(batch.subList(0, 3)).size());
        assertEquals(3, store.messages().count());
        assertEquals(0, store.count("messages.save"));
    }

    @Test
    void aStoreThatIsAwayFailsTheBatchAsUnavailableNotAsABadMessage() {
        var store = store();
        var intake = intake(store);
        store.down = true;
        assertThrows(StoreUnavailableException.class, () -> intake.acceptAll(incoming(threads())));
        store.down = false;
        assertEquals(0, store.messages().count());
        assertEquals(6, intake.acceptAll(incoming(threads())).size(), "the same batch, once the store is back");
    }

    @Test
    void acceptingTheSameBatchAgainChangesNothing() {
        var store = store();
        var intake = intake(store);
        var incoming = new ArrayList<Incoming>();
        int uid = 0;
        for (var m : threads()) incoming.add(new Incoming(m, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false)));
        intake.acceptAll(incoming);
        long seq = store.messages().lastSeq();
        var deals = deals(store);
        intake.acceptAll(incoming);
        assertEquals(seq, store.messages().lastSeq(), "nothing rewritten");
        assertEquals(deals, deals(store));
    }

    private static List<Incoming> incoming(List<MailMessage> mails) {
        var out = new ArrayList<Incoming>();
        int uid = 0;
        for (var m : mails) out.add(new Incoming(m, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false)));
        return out;
    }

    private static List<Deal> deals(Store store) {
        return store.deals().list(0, 1000).stream().sorted(Comparator.comparing(Deal::id)).toList();
    }
}
