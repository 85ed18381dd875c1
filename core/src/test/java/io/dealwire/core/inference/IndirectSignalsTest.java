package io.dealwire.core.inference;

import io.dealwire.core.message.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polite and indirect ways customers say no, not now, or that we sent a quote: "a different direction",
 * "revenez vers nous après l'été", "budget is frozen until Q3", a Québec "soumission".
 */
class IndirectSignalsTest {
    private final SignalExtractor extractor = new SignalExtractor();

    private Set<Milestone> milestones(Direction d, String text) {
        return milestones(d, text, List.of());
    }

    private Set<Milestone> milestones(Direction d, String text, List<String> attachments) {
        var m = Mails.message("m", d, "2025-06-03T09:00:00Z", text, attachments, null, null);
        return extractor.read(m.mail(), d).signals().stream().map(Signal::milestone).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // polite losses
            "INBOUND | After careful consideration, we've decided to go in a different direction. | LOST",
            "INBOUND | We have decided to take the project in another direction. | LOST",
            "INBOUND | Management chose to go a different way for this project. | LOST",
            "INBOUND | We've chosen another provider for this project. | LOST",
            "INBOUND | We will not be moving forward with your proposal. | LOST",
            "INBOUND | We have decided to keep this in house. | LOST",
            "INBOUND | We opted for an in-house solution in the end. | LOST",
            "INBOUND | Nous avons retenu une autre solution. | LOST",
            "INBOUND | Après réflexion, notre choix s'est porté sur un autre prestataire. | LOST",
            "INBOUND | Nous avons fait le choix d'une autre solution. | LOST",
            "INBOUND | Nous nous sommes orientés vers une autre offre. | LOST",
            "INBOUND | Nous avons décidé de partir dans une autre direction. | LOST",
            "INBOUND | La direction a préféré internaliser le projet. | LOST",
            // fridge, said indirectly
            "INBOUND | Revenez vers nous après l'été. | FRIDGE",
            "INBOUND | N'hésitez pas à revenir vers nous après les congés d'été. | FRIDGE",
            "INBOUND | Revenez vers nous à la rentrée, nous y verrons plus clair. | FRIDGE",
            "INBOUND | On reprend contact à la rentrée. | FRIDGE",
            "INBOUND | Reprenons contact en fin d'année. | FRIDGE",
            "INBOUND | Le projet est mis en pause. | FRIDGE",
            "INBOUND | Le budget est gelé jusqu'en septembre. | FRIDGE",
            "INBOUND | Budget is frozen until Q3. | FRIDGE",
            "INBOUND | Our budget has been frozen until next year. | FRIDGE",
            "INBOUND | Let's touch base again in July. | FRIDGE",
            "INBOUND | Could we circle back after the holidays? | FRIDGE",
            "INBOUND | Please check back in November. | FRIDGE",
            "INBOUND | Feel free to reach out again after the summer. | FRIDGE",
            "INBOUND | Let's pick this up again in the new year. | FRIDGE",
            "INBOUND | We'll revisit this in the autumn. | FRIDGE",
            "INBOUND | Nous reviendrons vers vous cet automne. | FRIDGE",
            "INBOUND | Relancez-moi fin août, nous aurons les arbitrages budgétaires. | FRIDGE",
            "INBOUND | Please reach out again in early September. | FRIDGE",
            "INBOUND | On en reparle après septembre. | FRIDGE",
            // Québec French: a soumission is a quote
            "OUTBOUND | Veuillez trouver ci-joint notre soumission pour l'entretien de vos équipements. | PROPOSAL",
            "OUTBOUND | Voici la soumission révisée, comme discuté. | PROPOSAL",
            "INBOUND | Pourriez-vous nous faire parvenir une soumission pour 12 postes ? | QUALIFIED",
            "INBOUND | Merci pour votre soumission, nous l'étudions. | PROPOSAL",
            "INBOUND | Nous acceptons votre soumission, vous pouvez procéder. | WON",
            "INBOUND | Nous avons retenu votre soumission. | WON",
    })
    void recognises(Direction d, String text, Milestone expected) {
        assertTrue(milestones(d, text).contains(expected), () -> text + " gave " + milestones(d, text));
    }

    @ParameterizedTest(name = "{0} {1} is not {2}")
    @CsvSource(delimiter = '|', value = {
            "INBOUND | We are moving in the right direction with the pilot. | LOST",
            "INBOUND | The direction of the project is clear, please send the quote. | LOST",
            "INBOUND | Notre direction a validé le budget. | LOST",
            "INBOUND | La direction souhaite une autre démonstration. | LOST",
            "INBOUND | We'd like to go live in July. | FRIDGE",
            "INBOUND | Je vous recontacte demain. | FRIDGE",
            "INBOUND | The budget is approved for Q3. | FRIDGE",
            "INBOUND | Let's touch base on Tuesday at 10. | FRIDGE",
            "INBOUND | We need the system live by early September, can we talk on Monday? | FRIDGE",
            "INBOUND | Nous reprenons contact avec vous demain pour la signature. | FRIDGE",
            "OUTBOUND | Je vous enverrai la soumission demain. | PROPOSAL",
            "INBOUND | Pourriez-vous nous faire parvenir une soumission ? | PROPOSAL",
    })
    void doesNotMistake(Direction d, String text, Milestone notExpected) {
        assertFalse(milestones(d, text).contains(notExpected), () -> text + " gave " + milestones(d, text));
    }

    @Test
    void aSoumissionAttachedIsAProposalAndASignedOneIsAWin() {
        assertEquals(Set.of(Milestone.PROPOSAL), milestones(OUTBOUND, "Bonjour,", List.of("Soumission_2025-114.pdf")));
        assertEquals(Set.of(Milestone.WON), milestones(INBOUND, "Bonjour,", List.of("Soumission_2025-114_signee.pdf")));
    }

    @Test
    void tellsARequestForAnOfferFromOtherMail() {
        assertTrue(SignalExtractor.asksForOffer("Hi Jane,\nCould you quote a 55 kW variable speed unit, installed?\nMike"));
        assertTrue(SignalExtractor.asksForOffer("Bonjour,\nPourriez-vous nous faire parvenir une soumission pour 12 postes ?"));
        assertFalse(SignalExtractor.asksForOffer("Hi Jane,\nThanks for the quote, we are reviewing it."));
        assertFalse(SignalExtractor.asksForOffer("We do not need a quote for the dryer."));
    }
}
