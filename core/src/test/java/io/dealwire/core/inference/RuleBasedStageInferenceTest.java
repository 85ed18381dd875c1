package io.dealwire.core.inference;

import io.dealwire.core.deal.ChangeMode;
import io.dealwire.core.deal.Deal;
import io.dealwire.core.deal.StageChange;
import io.dealwire.core.message.CalendarInvite;
import io.dealwire.core.message.Direction;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.pipeline.InferenceMode;
import io.dealwire.core.pipeline.Pipeline;
import io.dealwire.core.pipeline.PipelineTemplates;
import io.dealwire.core.store.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.INTERNAL;
import static io.dealwire.core.message.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBasedStageInferenceTest {
    private InMemoryStore store;
    private RuleBasedStageInference inference;
    private Deal deal;
    private int n;

    @BeforeEach
    void setUp() {
        store = new InMemoryStore();
        store.pipelines().save(PipelineTemplates.defaultPipeline());
        inference = new RuleBasedStageInference(store, Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC));
        deal = store.deals().save(new Deal("d1", "Acme CRM", "default", "prospect", "c1", null, "u1", 12000, "EUR",
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"), false));
    }

    /** Stores the message (as intake does) and lets inference read it. */
    private String feed(Direction d, String text) {
        return feed(Mails.message("m" + (++n), d, "2025-03-%02dT09:00:00Z".formatted(n + 1), text));
    }

    private String feed(StoredMessage m) {
        store.messages().save(m);
        deal = store.deals().save(inference.onLinkedMessage(deal, m));
        return deal.stageId();
    }

    @Test
    void followsAnOutboundDealThroughEveryStage() {
        assertEquals("contacted", feed(OUTBOUND, "Bonjour Claire, je me permets de vous contacter au sujet de votre CRM."));
        assertEquals("contacted", feed(INBOUND, "Bonjour, merci pour votre message. Pouvez-vous m'en dire plus ?"));
        assertEquals("qualified", feed(Mails.message("m" + (++n), OUTBOUND, "2025-03-04T12:00:00Z", "Invitation", List.of(),
                new CalendarInvite("REQUEST", Instant.parse("2025-03-12T10:00:00Z"), "Démo Northwind"), null)));
        assertEquals("proposal", feed(OUTBOUND, "Suite à notre démo, vous trouverez ci-joint notre proposition commerciale."));
        assertEquals("proposal", feed(INBOUND, "Nous n'avons pas encore validé le devis, notre DAF doit le relire."));
        assertEquals("won", feed(INBOUND, "Bon pour accord : ci-joint le devis signé."));
        var changes = store.deals().changes("d1");
        assertEquals(List.of("contacted", "qualified", "proposal", "won"), changes.stream().map(StageChange::toStage).toList());
        var won = changes.getLast();
        assertEquals(ChangeMode.AUTO, won.mode());
        assertEquals("proposal", won.fromStage());
        assertEquals("m6", won.evidence().messageId());
        assertTrue(won.evidence().quote().contains("devis signé"), won.evidence().quote());
        assertTrue(won.evidence().confidence() >= 0.8);
    }

    @Test
    void aFirstMailCanBeAPurchaseOrder() {
        assertEquals("won", feed(Mails.message("m1", INBOUND, "2025-03-02T09:00:00Z", "Hello, please find our purchase order attached.",
                List.of("PO-2025-118.pdf"), null, null)));
    }

    @Test
    void aRequestForAProposalIsAtMostQualified() {
        feed(OUTBOUND, "Hi Claire, following up on our chat at the trade show.");
        assertEquals("qualified", feed(INBOUND, "Could you send us a proposal for 25 seats?"));
        assertEquals("qualified", feed(INBOUND, "Also, could you send the contract draft?"));
    }

    @Test
    void aStatedNeedInAFirstInquiryIsNotYetQualification() {
        assertEquals("contacted", feed(INBOUND, "Hello, we are looking for a CRM for our 30 sales reps. Our budget is around 20k."));
        assertEquals("contacted", feed(OUTBOUND, "Thanks Claire, happy to help. What does your current process look like?"));
        assertEquals("qualified", feed(INBOUND, "We need to go live by September and our budget is approved at 20k."));
    }

    @Test
    void fridgeAndReopening() {
        feed(OUTBOUND, "Hi Claire, here is our proposal, attached.");
        assertEquals("proposal", deal.stageId());
        assertEquals("fridge", feed(INBOUND, "It's not the right time for us, please reach out again in September."));
        assertEquals("fridge", feed(OUTBOUND, "Understood, I will get back to you in September."));
        assertEquals("fridge", feed(INBOUND, "Thanks!"));
        assertEquals("qualified", feed(INBOUND, "Hi, we are ready to restart the project, is your offer still valid?"));
        assertEquals("reopened.re-engaged", store.deals().changes("d1").getLast().evidence().rule());
    }

    @Test
    void aQuebecSoumissionIsAProposalAndAPoliteOtherDirectionLosesTheDeal() {
        assertEquals("contacted", feed(INBOUND, "Bonjour, pourriez-vous nous faire parvenir une soumission pour l'entretien de nos 9 chariots ?"));
        assertEquals("proposal", feed(OUTBOUND, "Bonjour Madame Tremblay, veuillez trouver ci-joint notre soumission pour l'entretien préventif."));
        assertEquals("proposal", feed(INBOUND, "Merci pour votre soumission, nous l'étudions."));
        assertEquals("lost", feed(INBOUND, "Thank you for the proposal. After careful consideration, we've decided to go in a different direction."));
        var lost = store.deals().changes("d1").getLast();
        assertEquals("lost.other-direction", lost.evidence().rule());
        assertTrue(lost.evidence().quote().contains("different direction"), lost.evidence().quote());
    }

    @Test
    void indirectNotNowPutsTheProposalInTheFridgeInBothLanguages() {
        feed(OUTBOUND, "Bonjour, vous trouverez ci-joint notre devis pour le site du gîte.");
        assertEquals("fridge", feed(INBOUND, "Merci. Avec la saison qui commence, revenez vers nous après les congés d'été."));
        setUp();
        n = 0;
        feed(OUTBOUND, "Please find attached our quote for the three plants.");
        assertEquals("fridge", feed(INBOUND, "Thanks for the quote. Budget is frozen until Q3, let's touch base again in July."));
        setUp();
        n = 0;
        feed(OUTBOUND, "Veuillez trouver ci-joint notre proposition de formation.");
        assertEquals("proposal", feed(INBOUND, "Nous reprenons contact avec vous demain pour en parler."));
        assertEquals("fridge", feed(INBOUND, "Le projet est mis en pause ; on reprend contact à la rentrée."));
    }

    @Test
    void lostOnlyOnExplicitSignals() {
        feed(OUTBOUND, "Please find attached our quote.");
        assertEquals("proposal", feed(INBOUND, "We are comparing several offers and will decide next month."));
        assertEquals("lost", feed(INBOUND, "Unfortunately we decided to go with another vendor."));
        assertEquals("lost", feed(OUTBOUND, "Thanks for letting me know. Here is our updated quote, attached, in case things change."));
    }

    @Test
    void internalAndAutomatedMailNeverMoveAStage() {
        assertEquals("prospect", feed(INTERNAL, "Please find attached the proposal for Acme, signed off by me."));
        assertEquals("prospect", feed(Mails.message("m9", INBOUND, "2025-03-20T09:00:00Z", "I am out of office until Monday. We accept your proposal.",
                List.of(), null, "auto-reply")));
        assertTrue(store.deals().changes("d1").isEmpty());
    }

    @Test
    void aPersonsStageWinsOverOlderMailAndNewerStrongEvidenceIsOnlySuggested() {
        deal = store.deals().save(deal.withStage("qualified", Instant.parse("2025-03-15T00:00:00Z"), true));
        var older = Mails.message("old", INBOUND, "2025-03-10T09:00:00Z", "We accept your proposal.");
        assertEquals("qualified", feed(older));
        assertTrue(store.deals().changes("d1").isEmpty());

        var newer = Mails.message("new", INBOUND, "2025-03-20T09:00:00Z", "We accept your proposal, let's go.");
        assertEquals("qualified", feed(newer));
        var suggestion = store.deals().changes("d1").getFirst();
        assertEquals(ChangeMode.SUGGESTED, suggestion.mode());
        assertEquals(StageChange.Status.PENDING, suggestion.status());
        assertEquals("won", suggestion.toStage());
        assertTrue(deal.stageSetByPerson());
    }

    @Test
    void aSuggestPipelineOnlySuggests() {
        var p = PipelineTemplates.defaultPipeline();
        store.pipelines().save(new Pipeline(p.id(), p.name(), p.model(), p.stages(), InferenceMode.SUGGEST));
        assertEquals("prospect", feed(OUTBOUND, "Please find attached our proposal."));
        var c = store.deals().changes("d1").getFirst();
        assertEquals(ChangeMode.SUGGESTED, c.mode());
        assertEquals("proposal", c.toStage());
    }

    @Test
    void olderMailDoesNotPullADealBack() {
        deal = store.deals().save(deal.withStage("proposal", Instant.parse("2025-03-20T00:00:00Z"), false));
        assertEquals("proposal", feed(Mails.message("x", INBOUND, "2025-03-10T09:00:00Z", "Not interested, thanks.")));
        assertFalse(store.deals().changes("d1").stream().anyMatch(c -> c.toStage().equals("lost")));
    }

    @Test
    void findsItsMilestonesInOtherTemplates() {
        store.pipelines().save(PipelineTemplates.buyerJourney());
        deal = store.deals().save(new Deal("d1", "t", "buyer-journey", "pre-funnel", "c1", null, "u1", 0, "EUR", null, null, false));
        assertEquals("recognises-problem", feed(OUTBOUND, "Hello Claire, a quick introduction."));
        assertEquals("evaluates-alternatives", feed(OUTBOUND, "Please find attached our proposal."));
        assertEquals("won", feed(INBOUND, "We accept the proposal."));
    }
}
