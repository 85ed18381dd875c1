package io.dealwire.core.linking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewPurchaseSignalsTest {

    @Test
    void readsNewPurchasesInBothLanguagesWithOrWithoutAccents() {
        assertTrue(NewPurchaseSignals.opensNewPurchase("Inquiry", "Hello, we're looking for 20 more licences."));
        assertTrue(NewPurchaseSignals.opensNewPurchase("Demande", "Nous aurions besoin d'un devis pour le site de Lyon."));
        assertTrue(NewPurchaseSignals.opensNewPurchase("Projet", "Intéressée par votre offre"));
        assertTrue(NewPurchaseSignals.opensNewPurchase("Appel d’offres 2026", ""));
        assertFalse(NewPurchaseSignals.opensNewPurchase("Lunch", "See you at noon."));
    }

    @Test
    void readsSeparateMattersRevisionsAndEarlierOffers() {
        assertTrue(NewPurchaseSignals.separateMatter("Autre sujet", "Par ailleurs, une question."));
        assertFalse(NewPurchaseSignals.separateMatter("Re: planning", "Merci, à jeudi."));
        assertTrue(NewPurchaseSignals.revisesOffer("Quote", "Could you send a revised version of the quote?"));
        assertTrue(NewPurchaseSignals.revisesOffer("Devis", "Le devis mis à jour, svp."));
        assertFalse(NewPurchaseSignals.revisesOffer("Quote", "Thanks for the quote."));
        assertTrue(NewPurchaseSignals.refersToEarlierOffer("Retour", "Nous revenons vers vous au sujet de votre devis."));
        assertFalse(NewPurchaseSignals.refersToEarlierOffer("Hello", "How are you?"));
    }

    @Test
    void askingTheSameMessageAgainGivesTheSameAnswer() {
        var subject = "New project";
        var text = "We would like a quote for the Paris office.";
        boolean first = NewPurchaseSignals.opensNewPurchase(subject, text);
        assertTrue(first);
        assertTrue(NewPurchaseSignals.opensNewPurchase(subject, text));
        assertFalse(NewPurchaseSignals.opensNewPurchase("Lunch", "Thanks, see you soon."), "another message is folded again");
    }

    @Test
    void everyPatternSkipsTextsWithoutItsLiterals() {
        for (var f : List.of(NewPurchaseSignals.NEW_PURCHASE_LITERALS, NewPurchaseSignals.EARLIER_OFFER_LITERALS,
                NewPurchaseSignals.SEPARATE_MATTER_LITERALS, NewPurchaseSignals.REVISION_LITERALS)) {
            assertTrue(f.selective(), f::toString);
        }
    }
}
