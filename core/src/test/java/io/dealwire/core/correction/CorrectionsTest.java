package io.dealwire.core.correction;

import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.StageInference;
import io.dealwire.core.intake.CrmSettings;
import io.dealwire.core.intake.MessageIntake;
import io.dealwire.core.message.LinkSource;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Each correction, and that the automatic linker honours it for the mail that comes after. */
class CorrectionsTest {
    private static final String JANE = "Jane Cooper <jane@brightdesk.io>";
    private static final String TOM = "Tom Baker <tom.baker@globex.co.uk>";

    private InMemoryStore store;
    private MessageIntake intake;
    private Corrections corrections;
    private int uid;

    @BeforeEach
    void setUp() {
        store = new InMemoryStore();
        var settings = CrmSettings.of(OwnDomains.of(Set.of("brightdesk.io"), Set.of()));
        var clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        var ids = IdGenerator.sequential();
        intake = new MessageIntake(store, settings, StageInference.NONE, clock, ids);
        corrections = new Corrections(store, settings, StageInference.NONE, clock, ids);
    }

    private StoredMessage accept(MailMessage mail) {
        return intake.accept(mail, new MessageLocation("mb1", "INBOX", 1, ++uid, false));
    }

    private StoredMessage reload(StoredMessage m) {
        return store.messages().find(m.id()).orElseThrow();
    }

    @Test
    void relinkingAConversationPinsItAndLaterRepliesFollow() {
        var q = TestMail.id("r1").from(TOM).to(JANE).subject("Helpdesk seats").at("2025-02-03T10:00:00Z")
                .text("We are looking for a helpdesk tool for 40 agents.").build();
        var first = accept(q);
        var other = accept(TestMail.id("r2").from(TOM).to(JANE).subject("Onboarding workshop").at("2025-02-04T10:00:00Z")
                .text("We would also need an onboarding workshop for our warehouse staff.").build());
        assertNotEquals(first.dealId(), other.dealId());

        var moved = corrections.relinkConversation(first.conversationId(), other.dealId(), "u1");
        assertEquals(LinkSource.PERSON, moved.getFirst().linkSource());
        assertEquals(other.dealId(), reload(first).dealId());
        var reply = accept(TestMail.id("r3").from(JANE).to(TOM).subject("Re: Helpdesk seats").at("2025-02-05T10:00:00Z").replyTo(q)
                .text("Hi Tom, here are the options.").build());
        assertEquals(other.dealId(), reply.dealId(), "the linker never undoes a person's link");
    }

    @Test
    void relinkingAMessageToANewDealTakesTheRestOfItsConversation() {
        var q = TestMail.id("n1").from(TOM).to(JANE).subject("Helpdesk seats").at("2025-02-03T10:00:00Z").text("Need 40 seats.").build();
        var first = accept(q);
        var a = TestMail.id("n2").from(JANE).to(TOM).subject("Re: Helpdesk seats").at("2025-02-04T10:00:00Z").replyTo(q).text("Sure.").build();
        accept(a);
        var b = accept(TestMail.id("n3").from(TOM).to(JANE).subject("Re: Helpdesk seats").at("2025-02-06T10:00:00Z").replyTo(a)
                .text("Separately, our Leeds site wants a workshop.").build());
        var deal = corrections.relinkMessageToNewDeal(b.id(), "u1");
        assertNotEquals(first.dealId(), deal.id());
        assertEquals(deal.companyId(), store.deals().find(first.dealId()).orElseThrow().companyId());
        assertEquals(first.dealId(), reload(first).dealId(), "earlier messages keep their deal");
        assertEquals(deal.id(), reload(b).dealId());
        assertEquals("u1", deal.ownerId());
    }

    @Test
    void splittingAConversationKeepsRepliesWithTheSplitPart() {
        var q = TestMail.id("s1").from(TOM).to(JANE).subject("Questions").at("2025-02-03T10:00:00Z").text("About the seats.").build();
        var first = accept(q);
        var second = TestMail.id("s2").from(TOM).to(JANE).subject("Re: Questions").at("2025-02-08T10:00:00Z").replyTo(q)
                .text("Another thing: the workshop in Leeds.").build();
        accept(second);
        var fresh = corrections.splitConversation("s2", "u1");
        assertNotEquals(first.conversationId(), fresh);
        assertEquals(first.conversationId(), reload(first).conversationId());
        var reply = accept(TestMail.id("s3").from(JANE).to(TOM).subject("Re: Questions").at("2025-02-09T10:00:00Z").replyTo(second)
                .text("For Leeds, two half days.").build());
        assertEquals(fresh, reply.conversationId());
        assertThrows(InvalidCorrectionException.class, () -> corrections.splitConversation("s1", "u1"));
    }

    @Test
    void mergingContactsKeepsEveryAddressAndTheCompanyHistory() {
        var old = accept(TestMail.id("m1").from("Dana Smith <dana@initech.com>").to(JANE).subject("Pricing").at("2025-01-03T10:00:00Z")
                .text("Could you send a quote?").build());
        var moved = accept(TestMail.id("m2").from("Dana Smith <dana.smith@hooli.com>").to(JANE).subject("New job, same need").at("2025-05-03T10:00:00Z")
                .text("Hi Jane, I moved to Hooli and we are looking for the same tool here.").build());
        var oldContact = store.contacts().findByEmail("dana@initech.com").orElseThrow();
        var newContact = store.contacts().findByEmail("dana.smith@hooli.com").orElseThrow();
        var merged = corrections.mergeContacts(oldContact.id(), newContact.id());
        assertEquals(List.of("dana@initech.com", "dana.smith@hooli.com"), merged.emails());
        assertEquals(newContact.companyId(), merged.companyId(), "the later address tells where she works now");
        assertEquals(List.of(oldContact.companyId()), merged.formerCompanyIds());
        assertTrue(store.contacts().find(newContact.id()).isEmpty());
        assertEquals(List.of(oldContact.id()), reload(moved).contactIds());
        assertEquals(List.of(oldContact.id()), reload(old).contactIds());
        assertThrows(InvalidCorrectionException.class, () -> corrections.mergeContacts(oldContact.id(), oldContact.id()));
        assertThrows(UnknownRecordException.class, () -> corrections.mergeContacts(oldContact.id(), "nobody"));
    }

    @Test
    void mergingCompaniesMovesPeopleDealsAndMessages() {
        var a = accept(TestMail.id("c1").from("Ana Costa <ana@acme.fr>").to(JANE).subject("Devis").at("2025-01-03T10:00:00Z").text("Bonjour, un devis ?").build());
        var b = accept(TestMail.id("c2").from("Luc Morel <luc@acme-group.com>").to(JANE).subject("Licences").at("2025-01-04T10:00:00Z").text("Bonjour, des licences ?").build());
        var kept = store.companies().findByDomain("acme.fr").orElseThrow();
        var gone = store.companies().findByDomain("acme-group.com").orElseThrow();
        var result = corrections.mergeCompanies(kept.id(), gone.id());
        assertEquals(List.of("acme.fr", "acme-group.com"), result.domains());
        assertEquals(1, store.companies().count());
        assertEquals(kept.id(), store.contacts().findByEmail("luc@acme-group.com").orElseThrow().companyId());
        assertEquals(kept.id(), store.deals().find(b.dealId()).orElseThrow().companyId());
        assertEquals(kept.id(), reload(b).companyId());
        assertEquals(2, store.deals().findByCompany(kept.id()).size());
        assertNotNull(a.dealId());
    }

    @Test
    void ignoringADomainTakesItsMailOutOfTheCrmAndKeepsItOut() {
        var personal = accept(TestMail.id("i1").from("Marie <marie@famille-cooper.net>").to(JANE).subject("Dinner on Sunday?")
                .at("2025-03-01T10:00:00Z").text("Are you coming for dinner on Sunday?").build());
        assertNotNull(personal.dealId(), "before the rule it looked like a customer");
        var customer = accept(TestMail.id("i2").from(TOM).to(JANE).subject("Seats").at("2025-03-01T11:00:00Z").text("Could you send a quote?").build());
        corrections.ignoreDomain("famille-cooper.net", "u1");
        var after = reload(personal);
        assertTrue(after.ignored());
        assertNull(after.dealId());
        assertTrue(store.deals().find(personal.dealId()).isEmpty(), "the deal made of personal mail only is gone");
        assertTrue(store.contacts().findByEmail("marie@famille-cooper.net").isEmpty());
        assertTrue(store.companies().findByDomain("famille-cooper.net").isEmpty());
        assertFalse(reload(customer).ignored());
        var later = accept(TestMail.id("i3").from(JANE).to("Marie <marie@famille-cooper.net>").subject("Re: Dinner on Sunday?")
                .at("2025-03-01T12:00:00Z").text("Yes!").build());
        assertTrue(later.ignored());
        assertNull(later.dealId());
        corrections.ignoreSender("friend@gmail.com", "u1");
        assertEquals(2, store.ignoreRules().list().size());
    }

    @Test
    void aPrivateConversationStaysPrivateForLaterMessages() {
        var q = TestMail.id("p1").from(TOM).to(JANE).subject("Confidential: restructuring").at("2025-03-01T10:00:00Z").text("Between us.").build();
        var first = accept(q);
        corrections.markPrivate(first.conversationId(), true);
        assertTrue(reload(first).privateConversation());
        var reply = accept(TestMail.id("p2").from(JANE).to(TOM).subject("Re: Confidential: restructuring").at("2025-03-02T10:00:00Z")
                .replyTo(q).text("Understood.").build());
        assertTrue(reply.privateConversation());
    }

    @Test
    void erasingAContactEmptiesTheirMessagesAndLeavesAnAnonymousAuditRecord() {
        var q = TestMail.id("e1").from("Marc Dubois <marc.dubois62@orange.fr>").to(JANE).subject("Demande de devis")
                .at("2025-04-01T08:30:00Z").text("Bonjour, je cherche un logiciel. Marc Dubois, 06 12 34 56 78").signature("Marc Dubois\n06 12 34 56 78").build();
        var first = accept(q);
        accept(TestMail.id("e2").from(JANE).to("Marc Dubois <marc.dubois62@orange.fr>").subject("Re: Demande de devis")
                .at("2025-04-02T08:30:00Z").replyTo(q).text("Bonjour Marc, voici notre offre.").build());
        var marc = store.contacts().findByEmail("marc.dubois62@orange.fr").orElseThrow();
        var record = corrections.eraseContact(marc.id(), "u-admin");

        assertTrue(store.contacts().find(marc.id()).isEmpty());
        assertTrue(store.contacts().findByEmail("marc.dubois62@orange.fr").isEmpty());
        for (var id : List.of("e1", "e2")) {
            var m = store.messages().find(id).orElseThrow();
            assertTrue(m.erased());
            assertEquals("", m.mail().subject());
            assertEquals("", m.mail().text());
            assertEquals("", m.mail().newText());
            assertEquals("", m.mail().signature());
            assertEquals("", m.mail().html());
            assertTrue(m.mail().participants().stream().noneMatch(a -> a.address().contains("marc")), "addresses are blanked");
            assertFalse(m.contactIds().contains(marc.id()));
        }
        var deal = store.deals().find(first.dealId()).orElseThrow();
        assertFalse(deal.title().contains("Marc"));
        assertEquals(List.of(record), store.audit().list());
        assertEquals("contact.erased", record.action());
        assertEquals("messages=2", record.detail());
        var recordText = record.toString().toLowerCase();
        assertFalse(recordText.contains("marc") || recordText.contains("dubois") || recordText.contains("orange.fr"));
        assertThrows(UnknownRecordException.class, () -> corrections.eraseContact(marc.id(), "u-admin"));
    }
}
