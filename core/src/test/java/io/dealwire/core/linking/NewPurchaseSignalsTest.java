package io.dealwire.core.linking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Searching alternative by alternative answers as the whole pattern does, on the labeled cases' mail. */
    @Test
    void theSearchesAnswerAsTheirPatterns() throws java.io.IOException {
        var dir = java.nio.file.Path.of("../ingest/src/test/resources/stage-cases");
        assertTrue(java.nio.file.Files.isDirectory(dir), "the labeled cases are beside this module, in " + dir);
        var pairs = List.of(
                java.util.Map.entry(NewPurchaseSignals.NEW_PURCHASE, NewPurchaseSignals.NEW_PURCHASE_SEARCH),
                java.util.Map.entry(NewPurchaseSignals.EARLIER_OFFER, NewPurchaseSignals.EARLIER_OFFER_SEARCH),
                java.util.Map.entry(NewPurchaseSignals.SEPARATE_MATTER, NewPurchaseSignals.SEPARATE_MATTER_SEARCH),
                java.util.Map.entry(NewPurchaseSignals.REVISION, NewPurchaseSignals.REVISION_SEARCH));
        int found = 0;
        try (var files = java.nio.file.Files.walk(dir)) {
            for (var f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                var raw = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
                for (var paragraph : raw.split("\n\\s*\n")) {
                    for (var pair : pairs) {
                        boolean expected = pair.getKey().matcher(paragraph).find();
                        if (expected) found++;
                        assertEquals(expected, pair.getValue().find(paragraph), paragraph);
                    }
                }
            }
        }
        assertTrue(found > 50, "the cases exercise the patterns: " + found);
    }
}
