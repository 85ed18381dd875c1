package io.dealwire.core.intake;

import io.dealwire.core.correction.IgnoreRule;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.fixture.TestMail;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.inference.StageInference;
import io.dealwire.core.mailbox.Mailbox;
import io.dealwire.core.mailbox.Security;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.MailMessage;
import io.dealwire.core.message.MessageLocation;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.party.OwnDomains;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Realistic threads, in English and French, through the whole intake: direction, threading, contacts, companies, deals. */
class IntakeLinkingTest {
    private static final String PAUL = "Paul Girard <paul@northwind-logiciels.fr>";
    private static final String SOPHIE = "Sophie Leroy <sophie@northwind-logiciels.fr>";
    private static final String JANE = "Jane Cooper <jane@brightdesk.io>";

    private InMemoryStore store;
    private MessageIntake intake;
    private final List<String> inferred = new ArrayList<>();
    private int uid;

    @BeforeEach
    void setUp() {
        store = new InMemoryStore();
        store.mailboxes().save(new Mailbox("mb-paul", "Paul", "imap.northwind-logiciels.fr", 993, Security.TLS,
                "paul@northwind-logiciels.fr", "enc", List.of(), null, "u-paul", false, false, null, null, null, null, Instant.EPOCH));
        var own = OwnDomains.of(Set.of("northwind-logiciels.fr", "brightdesk.io"), Set.of("paul@northwind-logiciels.fr"));
        StageInference recording = (deal, message) -> {
            inferred.add(deal.id() + ":" + message.id());
            return deal.stageId().equals("prospect") ? deal.withStage("contacted", message.mail().date(), false) : deal;
        };
        intake = new MessageIntake(store, CrmSettings.of(own), recording, Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC),
                IdGenerator.sequential());
    }

    private StoredMessage accept(MailMessage mail) {
        return intake.accept(mail, new MessageLocation("mb-paul", "INBOX", 1, ++uid, false));
    }

    private Deal deal(StoredMessage m) {
        assertNotNull(m.dealId(), "message " + m.id() + " should be linked to a deal");
        return store.deals().find(m.dealId()).orElseThrow();
    }

    @Test
    void everyStoredMessageCarriesTheLanguageOfItsNewText() {
        var french = accept(TestMail.id("lang-fr").from(PAUL).to("Claire Martin <claire.martin@acme-industrie.fr>")
                .subject("Votre devis").at("2025-03-03T09:00:00Z")
                .text("Bonjour Madame Martin,\nNous vous envoyons le devis pour vos ateliers. Cordialement").build());
        var english = accept(TestMail.id("lang-en").from(JANE).to("Bob <bob@globex.com>")
                .subject("Pricing").at("2025-03-04T09:00:00Z")
                .text("Hi Bob,\nthanks for the call, here is the pricing we discussed for your team.").build());
        var internal = accept(TestMail.id("lang-int").from(PAUL).to(SOPHIE)
                .subject("Point").at("2025-03-05T09:00:00Z").text("Sophie, peux-tu relire le devis avant que je l'envoie ?").build());
        var none = accept(TestMail.id("lang-none").from(JANE).to("Bob <bob@globex.com>")
                .subject("Figures").at("2025-03-06T09:00:00Z").text("12 34 56").build());
        assertEquals("fr", french.language());
        assertEquals("en", english.language());
        assertEquals("fr", internal.language(), "internal mail is indexed too: it carries its language");
        assertEquals("", none.language(), "no word of either language: left for the index to treat as unknown");
        assertEquals("fr", store.messages().find("lang-fr").orElseThrow().language(), "the language is stored with the message");
    }

    @Test
    void outboundFirstMailOpensADealAndTheCustomersReplyJoinsIt() {
        var cold = TestMail.id("fr1").from(PAUL).to("Claire Martin <claire.martin@acme-industrie.fr>")
                .subject("Logiciel de planification pour vos ateliers").at("2025-03-03T09:00:00Z")
                .text("Bonjour Madame Martin,\nNous aidons les industriels à planifier leurs ateliers. Auriez-vous 20 minutes la semaine prochaine ?")
                .signature("Paul Girard\nIngénieur commercial\nNorthwind Logiciels\n01 84 60 12 34").build();
        var first = accept(cold);
        assertEquals(Direction.OUTBOUND, first.direction());
        var deal = deal(first);
        var company = store.companies().find(deal.companyId()).orElseThrow();
        assertEquals(List.of("acme-industrie.fr"), company.domains());
        assertEquals("Acme Industrie", company.name());
        assertTrue(deal.title().startsWith("Acme Industrie – Logiciel de planification"), deal.title());
        assertEquals("u-paul", deal.ownerId());
        assertEquals("default", deal.pipelineId());
        assertEquals(PipelineTemplates.defaultPipeline(), store.pipelines().find("default").orElseThrow());
        assertEquals("contacted", deal.stageId(), "the deal stage inference returned is saved");
        assertEquals(List.of(deal.id() + ":fr1"), inferred);

        var reply = accept(TestMail.id("fr2").from("Claire Martin <claire.martin@acme-industrie.fr>").to(PAUL)
                .subject("RE: Logiciel de planification pour vos ateliers").at("2025-03-04T14:10:00Z").replyTo(cold)
                .text("Bonjour Monsieur Girard,\nVolontiers, jeudi 10h me convient.")
                .signature("Claire Martin\nDirectrice des opérations\nAcme Industrie SAS\nTél. : 01 23 45 67 89\nwww.acme-industrie.fr").build());
        assertEquals(Direction.INBOUND, reply.direction());
        assertEquals(first.conversationId(), reply.conversationId());
        assertEquals(deal.id(), reply.dealId());
        assertEquals(1, store.deals().count());
        var claire = store.contacts().findByEmail("claire.martin@acme-industrie.fr").orElseThrow();
        assertEquals("Claire Martin", claire.name());
        assertEquals("Directrice des opérations", claire.title());
        assertEquals(List.of("+33123456789"), claire.phones());
        assertEquals("www.acme-industrie.fr", claire.website());
        assertEquals("Acme Industrie SAS", store.companies().find(deal.companyId()).orElseThrow().name(), "the signature's company name beats the domain's");
        assertEquals(List.of(claire.id()), reply.contactIds());
        assertTrue(store.contacts().findByEmail("paul@northwind-logiciels.fr").isEmpty(), "colleagues are never contacts");
    }

    @Test
    void twoPurchasesFromOneCompanyAreTwoDealsAndFollowUpsFindTheirOwn() {
        var licences = accept(TestMail.id("a1").from("Tom Baker <tom.baker@globex.co.uk>").to(JANE)
                .subject("Quote for 40 helpdesk seats").at("2025-02-03T10:00:00Z")
                .text("Hi Jane,\nWe are looking for a helpdesk tool for our 40 support agents. Could you send us a quote?\nThanks,\nTom").build());
        var training = accept(TestMail.id("a2").from("Tom Baker <tom.baker@globex.co.uk>").to(JANE)
                .subject("Onboarding workshop for the Leeds warehouse team").at("2025-02-10T10:00:00Z")
                .text("Hi Jane,\nSeparate topic: we would also need an onboarding workshop for the Leeds warehouse team. Can you send a proposal?\nTom").build());
        assertNotEquals(licences.dealId(), training.dealId(), "a new inquiry on another topic is a second deal");
        assertEquals(2, store.deals().count());
        assertEquals(deal(licences).companyId(), deal(training).companyId());

        var followUp = accept(TestMail.id("a3").from(JANE).to("Tom Baker <tom.baker@globex.co.uk>")
                .subject("Leeds warehouse workshop: agenda").at("2025-02-12T09:00:00Z")
                .text("Hi Tom,\nHere is a draft agenda for the Leeds warehouse workshop, two half days.\nJane").build());
        assertEquals(training.dealId(), followUp.dealId(), "a new thread about the workshop goes to the workshop deal");
        assertFalse(followUp.needsReview());
        assertTrue(followUp.linkConfidence() >= 0.5);

        var seats = accept(TestMail.id("a4").from("Tom Baker <tom.baker@globex.co.uk>").to(JANE)
                .subject("Helpdesk seats - SSO question").at("2025-02-13T09:00:00Z")
                .text("Jane, one more thing about the helpdesk seats: does the tool support SSO with Azure AD?").build());
        assertEquals(licences.dealId(), seats.dealId());
        assertEquals(2, store.deals().count());
    }

    @Test
    void aCustomerOnFreeMailIsAPersonAccount() {
        var m = accept(TestMail.id("g1").from("Marc Dubois <marc.dubois62@orange.fr>").to(PAUL)
                .subject("Demande de devis pour mon cabinet").at("2025-04-01T08:30:00Z")
                .text("Bonjour,\nJe suis kinésithérapeute et je cherche un logiciel de prise de rendez-vous. Pourriez-vous m'envoyer un devis ?\nMarc Dubois\n06 12 34 56 78").build());
        var deal = deal(m);
        var marc = store.contacts().findByEmail("marc.dubois62@orange.fr").orElseThrow();
        assertNull(deal.companyId());
        assertEquals(marc.id(), deal.personContactId());
        assertNull(marc.companyId());
        assertEquals(0, store.companies().count(), "orange.fr is free mail, never a company");
        assertEquals(List.of("+33612345678"), marc.phones());
        assertTrue(deal.title().startsWith("Marc Dubois – Demande de devis"), deal.title());

        var again = accept(TestMail.id("g2").from("Marc Dubois <marc.dubois62@orange.fr>").to(PAUL)
                .subject("Rendez-vous en ligne").at("2025-04-03T08:30:00Z").text("Bonjour, avez-vous pu regarder ma demande ?").build());
        assertEquals(m.dealId(), again.dealId(), "the person account's only open deal");
    }

    @Test
    void aColleagueInCcAndANewPersonAtTheCustomer() {
        var q = TestMail.id("c1").from("Dana Smith <dana.smith@initech.com>").to(JANE)
                .subject("Pricing for the analytics add-on").at("2025-05-05T09:00:00Z")
                .text("Hello Jane,\nWe are interested in the analytics add-on for 25 users. What would the pricing be?\nDana").build();
        var first = accept(q);
        var answer = TestMail.id("c2").from(JANE).to("Dana Smith <dana.smith@initech.com>").cc("Bob Lee <bob@brightdesk.io>")
                .subject("Re: Pricing for the analytics add-on").at("2025-05-05T15:00:00Z").replyTo(q)
                .text("Hi Dana,\nBob from our solutions team is in copy; our list price is 12 USD per user per month.").build();
        var second = accept(answer);
        assertEquals(first.dealId(), second.dealId());
        assertTrue(store.contacts().findByEmail("bob@brightdesk.io").isEmpty(), "a colleague in Cc is not a contact");

        var third = accept(TestMail.id("c3").from("Raj Patel <raj.patel@initech.com>").to(JANE).cc("Dana Smith <dana.smith@initech.com>")
                .subject("Re: Pricing for the analytics add-on").at("2025-05-07T09:00:00Z").replyTo(answer)
                .text("Hi Jane, I handle procurement at Initech. Can we get an annual price?").build());
        assertEquals(first.dealId(), third.dealId());
        var raj = store.contacts().findByEmail("raj.patel@initech.com").orElseThrow();
        assertEquals(deal(first).companyId(), raj.companyId(), "the new person joins the customer's company");
        assertEquals(1, store.deals().count());
    }

    @Test
    void anOutlookReplyWithoutReferencesJoinsItsConversationBySubject() {
        var q = accept(TestMail.id("o1").from(PAUL).to("Hélène Roux <h.roux@batiplus.fr>")
                .subject("Proposition commerciale – module GMAO").at("2025-03-10T09:00:00Z")
                .text("Bonjour Madame Roux,\nVeuillez trouver ci-joint notre proposition pour le module GMAO.").build());
        var r = accept(TestMail.id("o2").from("Hélène Roux <h.roux@batiplus.fr>").to(PAUL).noMessageId()
                .subject("RE : Proposition commerciale - module GMAO").at("2025-03-12T11:00:00Z")
                .text("Bonjour,\nMerci, nous revenons vers vous après le comité de direction.").build());
        assertEquals(q.conversationId(), r.conversationId());
        assertEquals(q.dealId(), r.dealId());
        var unrelated = accept(TestMail.id("o3").from("Hélène Roux <h.roux@batiplus.fr>").to(PAUL)
                .subject("RE: Proposition commerciale – module GMAO").at("2025-07-20T11:00:00Z").text("Bonjour, où en sommes-nous ?").build());
        assertNotEquals(q.conversationId(), unrelated.conversationId(), "outside the time window the subject alone does not thread");
        var colleague = accept(TestMail.id("o4").from("Yves Roux <y.roux@batiplus.fr>").to(PAUL).cc("Hélène Roux <h.roux@batiplus.fr>").noMessageId()
                .subject("RE: Proposition commerciale – module GMAO").at("2025-03-13T11:00:00Z")
                .text("Bonjour, je suis le DAF de Batiplus : pouvez-vous préciser les conditions de paiement ?").build());
        assertEquals(q.conversationId(), colleague.conversationId(), "a new person at the customer, in copy of the thread");
    }

    @Test
    void automatedMailNeverCreatesContactsOrDeals() {
        var ours = TestMail.id("x1").from(PAUL).to("Luc Bernard <luc.bernard@ferroval.fr>")
                .subject("Suite à notre échange").at("2025-03-03T09:00:00Z").text("Bonjour Luc, voici la documentation promise.").build();
        var first = accept(ours);
        var autoReply = accept(TestMail.id("x2").from("Luc Bernard <luc.bernard@ferroval.fr>").to(PAUL).automated("auto-reply")
                .subject("Réponse automatique : Suite à notre échange").at("2025-03-03T09:01:00Z").replyTo(ours)
                .text("Je suis absent jusqu'au 10 mars. Pour toute urgence, contactez ma collègue Anne Petit : anne.petit@ferroval.fr").build());
        assertEquals(first.dealId(), autoReply.dealId(), "an auto-reply stays in its conversation");
        assertTrue(store.contacts().findByEmail("anne.petit@ferroval.fr").isEmpty(), "a colleague named in an auto-reply is not a contact");

        var newsletter = accept(TestMail.id("x3").from("Ferroval <newsletter@ferroval.fr>").to(PAUL).automated("list")
                .subject("Ferroval Infos – mars 2025").at("2025-03-05T07:00:00Z").text("Découvrez nos nouveautés du mois.").build());
        assertNull(newsletter.dealId(), "a customer's newsletter is not deal activity");
        assertTrue(store.contacts().findByEmail("newsletter@ferroval.fr").isEmpty());
        var noReply = accept(TestMail.id("x4").from("Acme Billing <no-reply@acme-corp.com>").to(PAUL)
                .subject("Your invoice").at("2025-03-06T07:00:00Z").text("Your invoice is available.").build());
        assertNull(noReply.dealId());
        assertEquals(1, store.deals().count());
        assertEquals(1, store.contacts().count());
    }

    @Test
    void internalMailIsNeitherContactNorDeal() {
        var m = accept(TestMail.id("i1").from(PAUL).to(SOPHIE).cc("Jane Cooper <jane@brightdesk.io>")
                .subject("Point pipeline vendredi").at("2025-03-07T08:00:00Z").text("Sophie, on fait le point sur les devis en cours vendredi ?").build());
        assertEquals(Direction.INTERNAL, m.direction());
        assertNull(m.dealId());
        assertEquals(0, store.contacts().count());
        assertEquals(0, store.deals().count());
        assertTrue(inferred.isEmpty());
    }

    @Test
    void aForwardedThreadFromTheCustomerJoinsTheirOpenDeal() {
        var first = accept(TestMail.id("f1").from(JANE).to("Kim Nguyen <kim@umbrella-labs.com>")
                .subject("Brightdesk trial for Umbrella Labs").at("2025-03-03T09:00:00Z").text("Hi Kim, your trial is set up.").build());
        var fwd = accept(TestMail.id("f2").from("Kim Nguyen <kim@umbrella-labs.com>").to(JANE)
                .subject("Fwd: budget approval").at("2025-03-10T09:00:00Z")
                .text("Jane, see below: our CFO approved the budget.\n\n---------- Forwarded message ---------\nFrom: Alex <alex@umbrella-labs.com>\nApproved for Q2.").build());
        assertEquals(first.dealId(), fwd.dealId());
        assertEquals(1, store.deals().count());
    }

    @Test
    void aNewPurchaseAfterAWonDealIsANewDealButRepliesStayOnTheWonOne() {
        var order = TestMail.id("w1").from("Nina Weber <nina@hollow-tech.de>").to(JANE)
                .subject("Our order for 10 licences").at("2025-01-10T09:00:00Z").text("Hi Jane, please find our signed order attached.").build();
        var first = accept(order);
        store.deals().save(deal(first).withStage("won", Instant.parse("2025-01-10T10:00:00Z"), true));
        var thanks = accept(TestMail.id("w2").from(JANE).to("Nina Weber <nina@hollow-tech.de>")
                .subject("Re: Our order for 10 licences").at("2025-01-10T11:00:00Z").replyTo(order).text("Thank you Nina!").build());
        assertEquals(first.dealId(), thanks.dealId(), "a reply in the won deal's conversation stays on it");
        var again = accept(TestMail.id("w3").from("Nina Weber <nina@hollow-tech.de>").to(JANE)
                .subject("Additional licences for the Munich office").at("2025-06-02T09:00:00Z")
                .text("Hi Jane, we would like to order 15 more licences for the Munich office. Could you send a quote?").build());
        assertNotEquals(first.dealId(), again.dealId(), "a new purchase is a new deal, not a reopening");
        assertEquals("won", store.deals().find(first.dealId()).orElseThrow().stageId());
    }

    @Test
    void mailOfAnIgnoredSenderLeavesNoTrace() {
        store.ignoreRules().save(new IgnoreRule("r1", IgnoreRule.Kind.DOMAIN, "famille-girard.fr", "u-paul", Instant.EPOCH));
        var m = accept(TestMail.id("p1").from("Maman <maman@famille-girard.fr>").to(PAUL)
                .subject("Dimanche").at("2025-03-08T18:00:00Z").text("Tu viens déjeuner dimanche ?").build());
        assertTrue(m.ignored());
        assertNull(m.dealId());
        assertEquals(0, store.contacts().count());
        assertEquals(0, store.companies().count());
    }

    @Test
    void acceptingTheSameMessageTwiceKeepsOneCopyAndItsLink() {
        var mail = TestMail.id("d1").from("Dana Smith <dana.smith@initech.com>").to(JANE).subject("Pricing").text("Hi, could you send a quote?").build();
        var first = accept(mail);
        var second = intake.accept(mail, new MessageLocation("mb-paul", "Archive", 1, 99, false));
        assertEquals(first.dealId(), second.dealId());
        assertEquals(2, second.locations().size());
        assertEquals(1, store.deals().count());
        assertEquals(1, inferred.size());
    }

    @Test
    void aCustomerComingBackToTheOfferOfALostDealReopensIt() {
        var proposal = TestMail.id("l1").from(JANE).to("Sean Holloway <sean@hollowayvets.com>")
                .subject("Brightdesk proposal - Holloway Veterinary").at("2025-03-03T09:00:00Z")
                .text("Hi Sean, attached is our proposal for the four clinics.").build();
        var first = accept(proposal);
        store.deals().save(deal(first).withStage("lost", Instant.parse("2025-03-20T09:00:00Z"), false));
        var back = accept(TestMail.id("l2").from("Sean Holloway <sean@hollowayvets.com>").to(JANE)
                .subject("Is your March offer still on the table?").at("2025-05-12T09:00:00Z")
                .text("Hi Jane, the other tool did not work out. We'd like to accept your offer from March if it still stands.").build());
        assertEquals(first.dealId(), back.dealId(), "coming back to a declined offer reopens that deal");
        assertEquals(1, store.deals().count());
    }

    @Test
    void aPurchaseOrderQuotingTheNumberOfALostQuoteJoinsThatDeal() {
        var quote = TestMail.id("q1").from(PAUL).to("Céline Rivière <celine@ambulances-riviere.fr>")
                .subject("Téléphonie pour vos 3 sites").at("2025-02-03T09:00:00Z")
                .text("Bonjour Madame Rivière,\nVous trouverez ci-joint notre devis DV-2025-0412 pour vos trois sites.").build();
        var first = accept(quote);
        store.deals().save(deal(first).withStage("lost", Instant.parse("2025-02-20T09:00:00Z"), false));
        var order = accept(TestMail.id("q2").from("Céline Rivière <celine@ambulances-riviere.fr>").to(PAUL)
                .subject("Bon de commande").at("2025-04-14T09:00:00Z")
                .text("Bonjour,\nFinalement nous souhaitons retenir votre proposition : voici notre bon de commande signé pour le devis DV-2025-0412.").build());
        assertEquals(first.dealId(), order.dealId());
    }

    @Test
    void aSecondSiteAfterAWonDealIsANewDealEvenOnTheSameProduct() {
        var order = TestMail.id("s1").from("Marie Jouan <direction.nantes@residences-glycines.fr>").to(PAUL)
                .subject("GMAO - Résidence de Nantes : bon de commande").at("2025-01-06T09:00:00Z")
                .text("Bonjour, voici notre bon de commande signé pour la GMAO de la résidence de Nantes.").build();
        var first = accept(order);
        store.deals().save(deal(first).withStage("won", Instant.parse("2025-01-06T10:00:00Z"), false));
        var angers = accept(TestMail.id("s2").from("Paul Texier <direction.angers@residences-glycines.fr>").to(PAUL)
                .subject("GMAO pour la résidence d'Angers").at("2025-03-03T09:00:00Z")
                .text("Bonjour, ma collègue est très satisfaite de votre GMAO à Nantes. Nous envisageons la même chose pour la résidence d'Angers.").build());
        assertNotEquals(first.dealId(), angers.dealId());
        assertEquals(deal(first).companyId(), deal(angers).companyId());
        var invoice = accept(TestMail.id("s3").from("Marie Jouan <direction.nantes@residences-glycines.fr>").to(PAUL)
                .subject("GMAO Nantes : facture").at("2025-03-10T09:00:00Z").text("Bonjour, pourriez-vous renvoyer la facture de la GMAO de Nantes au service comptable ?").build());
        assertNotEquals(angers.dealId(), invoice.dealId(), "a follow-up on the Nantes order does not land on the Angers deal");
    }

    @Test
    void aRequestForAnOfferOnAnotherProductInANewThreadIsASecondDealEvenFromTheSamePerson() {
        var claire = "Claire Martin <claire.martin@acme-industrie.fr>";
        var ask = accept(TestMail.id("p1").from(claire).to(PAUL).subject("Logiciel de planification des équipes")
                .at("2025-03-03T09:00:00Z").text("Bonjour Paul,\nNous cherchons un logiciel pour planifier les équipes de nos ateliers. "
                        + "Pourriez-vous nous faire une proposition ?\nBonne journée,\nClaire").build());
        var quote = accept(TestMail.id("p2").from(PAUL).to(claire).subject("RE: Logiciel de planification des équipes")
                .at("2025-03-06T09:00:00Z").replyTo(ask.mail()).text("Bonjour Claire,\nVous trouverez ci-joint notre devis DV-2025-0188 pour la planification "
                        + "des équipes de vos ateliers, avec le paramétrage et la formation.\nBonne journée,\nPaul").build());
        assertEquals(ask.dealId(), quote.dealId());
        var badges = accept(TestMail.id("p3").from(claire).to(PAUL).subject("Bornes de pointage pour l'entrepôt de Villepinte")
                .at("2025-03-12T09:00:00Z").text("Bonjour Paul,\nAutre sujet : pour notre nouvel entrepôt de Villepinte, nous aurions besoin de six bornes "
                        + "de pointage par badge. Pourriez-vous nous faire une proposition ?\nBonne journée,\nClaire").build());
        assertNotEquals(ask.dealId(), badges.dealId(), "a request for an offer on another product is a second deal");
        assertEquals(deal(ask).companyId(), deal(badges).companyId());

        var sameQuote = accept(TestMail.id("p4").from("Comptabilité Acme <compta@acme-industrie.fr>").to(PAUL).subject("Devis DV-2025-0188")
                .at("2025-03-14T09:00:00Z").text("Bonjour,\nPourriez-vous nous envoyer le devis DV-2025-0188 au format Excel ?\nMerci").build());
        assertEquals(ask.dealId(), sameQuote.dealId(), "a new thread quoting the number of the first quote stays on its deal");
        var revised = accept(TestMail.id("p5").from(claire).to(PAUL).subject("Planification : devis pour 3 ateliers")
                .at("2025-03-17T09:00:00Z").text("Bonjour Paul,\nPourriez-vous nous envoyer un devis révisé pour la planification des équipes, "
                        + "avec trois ateliers au lieu de deux ?\nClaire").build());
        assertEquals(ask.dealId(), revised.dealId(), "a revised offer for the same purchase stays on its deal");
        assertEquals(2, store.deals().count());
    }

    @Test
    void namesInTheGreetingAndSignOffDoNotMakeAnotherPurchaseLookLikeTheOpenDeal() {
        var claire = "Claire Martin <claire.martin@acme-industrie.fr>";
        var ask = accept(TestMail.id("n1").from(claire).to(PAUL).subject("Planification des équipes")
                .at("2025-03-03T09:00:00Z").text("Bonjour Paul,\nPourriez-vous nous faire une proposition pour planifier les équipes de nos ateliers ?\nClaire").build());
        var audit = accept(TestMail.id("n2").from(claire).to(PAUL).subject("Audit énergétique du site de Villepinte")
                .at("2025-03-05T09:00:00Z").text("Bonjour Paul,\nPourriez-vous nous faire une offre pour un audit énergétique du site de Villepinte ?\nClaire").build());
        assertNotEquals(ask.dealId(), audit.dealId(), "greeting the same people is not a shared topic");
        var planning = accept(TestMail.id("n3").from(claire).to(PAUL).subject("Planification : question")
                .at("2025-03-06T09:00:00Z").text("Bonjour Paul,\nLa planification des équipes gère-t-elle les absences ?\nClaire").build());
        assertEquals(ask.dealId(), planning.dealId());
    }

    @Test
    void aSeparateCapexPurchaseFromAPlantAlreadyInADealIsASecondDeal() {
        var mike = "Mike Sullivan <m.sullivan@hartwell-mfg.com>";
        var inquiry = accept(TestMail.id("c1").from(mike).to(JANE).subject("Conveyor retrofit - Line 3")
                .at("2025-04-01T13:00:00Z").text("Hi Jane,\nWe need to retrofit the conveyor on Line 3 (about 60 m, new drives and guarding). "
                        + "Could you send us a quote for the equipment and the installation?\nThanks,\nMike").build());
        accept(TestMail.id("c2").from(JANE).to(mike).subject("RE: Conveyor retrofit - Line 3").at("2025-04-08T09:00:00Z")
                .replyTo(inquiry.mail()).text("Hi Mike,\nPlease find attached our quote Q-25-0412 for the Line 3 conveyor retrofit: equipment, "
                        + "installation over two weekends and commissioning. The new drives have a two-year warranty.\nBest,\nJane").build());
        var capex = accept(TestMail.id("c3").from(mike).to(JANE).subject("Air compressor replacement - paint shop")
                .at("2025-04-15T13:00:00Z").text("Hi Jane,\nSeparate purchase: our capex request for a replacement air compressor in the paint shop "
                        + "was approved. Could you quote a 55 kW variable speed unit, installed, with the dryer?\nThanks,\nMike").build());
        assertNotEquals(inquiry.dealId(), capex.dealId(), "a separate capex purchase is a second deal");
        var chase = accept(TestMail.id("c4").from(mike).to(JANE).subject("Line 3 conveyor - timing")
                .at("2025-04-22T13:00:00Z").text("Hi Jane,\nOn the Line 3 conveyor retrofit: could the installation weekends move to June? "
                        + "The drives lead time is fine.\nMike").build());
        assertEquals(inquiry.dealId(), chase.dealId(), "a new thread about the conveyor goes to the conveyor deal");
        assertEquals(2, store.deals().count());
        var press = accept(TestMail.id("c5").from(mike).to(JANE).subject("Hydraulic press replacement")
                .at("2025-04-29T13:00:00Z").text("Hi Jane,\nSeparate matter: the hydraulic press replacement we talked about at the trade fair "
                        + "is in next year's capex plan. Check back in November.\nMike").build());
        assertNotEquals(inquiry.dealId(), press.dealId(), "another capex purchase, even without a request for a quote, is another deal");
        assertNotEquals(capex.dealId(), press.dealId());
        assertEquals(3, store.deals().count());
    }

    @Test
    void anAmbiguousMessageBetweenTwoOpenDealsIsLinkedButPutOnTheReviewList() {
        accept(TestMail.id("v1").from("Tom Baker <tom.baker@globex.co.uk>").to(JANE).subject("Quote for 40 helpdesk seats")
                .at("2025-02-03T10:00:00Z").text("Hi Jane, we are looking for a helpdesk tool for 40 agents. Could you send a quote?").build());
        accept(TestMail.id("v2").from("Tom Baker <tom.baker@globex.co.uk>").to(JANE).subject("Onboarding workshop for Leeds")
                .at("2025-02-03T11:00:00Z").text("Hi Jane, we would also need an onboarding workshop for the Leeds team.").build());
        assertEquals(2, store.deals().count());
        var vague = accept(TestMail.id("v3").from("Amy Ward <amy.ward@globex.co.uk>").to(JANE).subject("Quick question")
                .at("2025-02-04T09:00:00Z").text("Hi Jane, Tom asked me to get in touch. When could we talk?").build());
        assertNotNull(vague.dealId());
        assertTrue(vague.needsReview(), "nothing tells the two deals apart");
        assertTrue(vague.linkConfidence() < 0.5);
        assertEquals(2, store.deals().count());
    }

    @Test
    void whenWeAreOnlyBlindCopiedOnlyTheSenderBecomesAContact() {
        accept(TestMail.id("b1").from("Kim Nguyen <kim@umbrella-labs.com>").to("Lee Park <lee@supplier-one.com>")
                .subject("Introduction: Brightdesk").at("2025-03-03T09:00:00Z")
                .text("Lee, I am copying Jane from Brightdesk (in Bcc) who could help with your helpdesk project.").build());
        assertTrue(store.contacts().findByEmail("kim@umbrella-labs.com").isPresent());
        assertTrue(store.contacts().findByEmail("lee@supplier-one.com").isEmpty(), "a stranger we were Bcc'd about is not a contact");
        assertTrue(store.companies().findByDomain("supplier-one.com").isEmpty());
    }

    @Test
    void aFailingStageInferenceLeavesTheMessageStoredAndLinked() {
        var failing = new MessageIntake(store, CrmSettings.of(OwnDomains.of(Set.of("brightdesk.io"), Set.of())),
                (deal, message) -> { throw new IllegalStateException("rule crashed"); }, Clock.systemUTC(), IdGenerator.sequential());
        var m = failing.accept(TestMail.id("z1").from("Dana Smith <dana.smith@initech.com>").to(JANE).subject("Pricing")
                .text("Could you send a quote?").build(), new MessageLocation("mb-paul", "INBOX", 1, 1, false));
        assertNotNull(store.messages().find("z1").orElseThrow().dealId());
        assertEquals("prospect", deal(m).stageId());
    }
}
