package io.dealwire.core.inference;

import io.dealwire.core.message.CalendarInvite;
import io.dealwire.core.message.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.dealwire.core.message.Direction.INBOUND;
import static io.dealwire.core.message.Direction.OUTBOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalExtractorTest {
    private final SignalExtractor extractor = new SignalExtractor();

    private Set<Milestone> milestones(Direction d, String text) {
        var m = Mails.message("m", d, "2025-03-03T09:00:00Z", text);
        return extractor.read(m.mail(), d).signals().stream().map(Signal::milestone).collect(Collectors.toSet());
    }

    private Set<Milestone> milestonesOf(io.dealwire.core.message.StoredMessage m, Direction d) {
        return extractor.read(m.mail(), d).signals().stream().map(Signal::milestone).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "OUTBOUND | Please find attached our proposal for the 40 licences. | PROPOSAL",
            "OUTBOUND | Here's the updated quote as discussed. | PROPOSAL",
            "OUTBOUND | Bonjour Claire, ci-joint notre devis pour le déploiement. | PROPOSAL",
            "OUTBOUND | Vous trouverez en pièce jointe notre proposition commerciale. | PROPOSAL",
            "OUTBOUND | Voici l’offre tarifaire révisée. | PROPOSAL",
            "INBOUND | Thanks for the proposal, we are reviewing it internally. | PROPOSAL",
            "INBOUND | Nous avons bien reçu votre devis, nous revenons vers vous rapidement. | PROPOSAL",
            "INBOUND | Could you send us a proposal for 25 users? | QUALIFIED",
            "INBOUND | Pourriez-vous nous envoyer un devis ? | QUALIFIED",
            "INBOUND | Merci de nous transmettre une offre pour 3 sites. | QUALIFIED",
            "OUTBOUND | Thanks for your time on the call today. | QUALIFIED",
            "INBOUND | Tuesday at 10am works for me. | QUALIFIED",
            "INBOUND | Je vous confirme notre rendez-vous de jeudi 14h. | QUALIFIED",
            "INBOUND | Mardi 10h me convient parfaitement. | QUALIFIED",
            "INBOUND | We accept your proposal, please send the contract. | WON",
            "INBOUND | Please find attached the signed contract. | WON",
            "INBOUND | Ci-joint le bon de commande signé. | WON",
            "INBOUND | Bon pour accord, nous validons le devis. | WON",
            "INBOUND | Let's go ahead with the order. | WON",
            "INBOUND | Nous avons décidé de retenir votre proposition. | WON",
            "INBOUND | Unfortunately we decided to go with another vendor. | LOST",
            "INBOUND | Nous ne donnerons pas suite à votre proposition. | LOST",
            "INBOUND | Nous ne sommes pas intéressés. | LOST",
            "INBOUND | Nous avons finalement retenu un autre prestataire. | LOST",
            "INBOUND | It's not the right time for us, maybe next quarter. | FRIDGE",
            "INBOUND | Ce n'est pas le bon moment, recontactez-nous en septembre. | FRIDGE",
            "INBOUND | The project is on hold until further notice. | FRIDGE",
            "INBOUND | Not interested at the moment, let's talk again next year. | FRIDGE",
            "INBOUND | Could you check back with me in the new year? | FRIDGE",
            "OUTBOUND | Just following up on the proposal I sent last week. | PROPOSAL",
            "INBOUND | Revenez vers moi en janvier, nous aurons plus de visibilité. | FRIDGE",
            "INBOUND | We are freezing all new projects until Q3. | FRIDGE",
            "INBOUND | Approved on our side, we're good to go. | WON",
            "INBOUND | C'est validé de notre côté, nous partons sur votre offre. | WON",
            "INBOUND | Je vous donne mon accord pour le lancement. | WON",
            "INBOUND | We will go with the premium plan. | WON",
            "OUTBOUND | Thanks for signing! Next step is onboarding. | WON",
            "OUTBOUND | Merci de nous avoir choisis, nous planifions le démarrage. | WON",
            "INBOUND | We've decided to stay with our current provider. | LOST",
            "INBOUND | Nous avons décidé de ne pas poursuivre. | LOST",
            "INBOUND | Nous allons rester avec notre prestataire actuel. | LOST",
            "INBOUND | Unfortunately the budget was rejected by the board. | LOST",
            "INBOUND | Our season starts in May so I'd need it live before then. | QUALIFIED",
            "INBOUND | Je vous propose mardi 14h dans nos locaux. | QUALIFIED",
            "INBOUND | I'm the one deciding, and I could pay up to $600 a year. | QUALIFIED",
    })
    void recognises(Direction d, String text, Milestone expected) {
        assertTrue(milestones(d, text).contains(expected), () -> text + " gave " + milestones(d, text));
    }

    @ParameterizedTest(name = "{0} {1} is not {2}")
    @CsvSource(delimiter = '|', value = {
            "INBOUND | Could you send a proposal? | PROPOSAL",
            "OUTBOUND | Would you like me to send you a proposal? | PROPOSAL",
            "OUTBOUND | I will send the quote tomorrow. | PROPOSAL",
            "INBOUND | Pourriez-vous nous envoyer un devis ? | PROPOSAL",
            "INBOUND | We have not signed yet. | WON",
            "INBOUND | We haven't signed the contract yet, legal is reviewing it. | WON",
            "INBOUND | Nous n'avons pas encore validé le devis. | WON",
            "INBOUND | Le devis n'est pas encore signé. | WON",
            "INBOUND | We signed the NDA yesterday. | WON",
            "INBOUND | Ci-joint l'accord de confidentialité signé. | WON",
            "INBOUND | If we sign before Friday, can we get the discount? | WON",
            "INBOUND | Si nous signons avant la fin du mois, la remise s'applique-t-elle ? | WON",
            "INBOUND | Have you received the signed contract? | WON",
            "INBOUND | We are waiting for the green light from our CFO. | WON",
            "INBOUND | We are not interested in the premium option, only the base plan. | LOST",
            "INBOUND | Je reste en attente de votre retour. | FRIDGE",
            "INBOUND | We would like to start in September. | FRIDGE",
            "INBOUND | I will get back to you next week. | FRIDGE",
            "INBOUND | Merci pour votre proposition de rendez-vous. | PROPOSAL",
            "INBOUND | Does Tuesday at 10 work for you? | QUALIFIED",
            "INBOUND | If the price does not come down we will go with another vendor. | LOST",
            "INBOUND | We have not chosen another vendor yet. | LOST",
            "INBOUND | We will not go with the premium plan. | WON",
            "INBOUND | Is the quote still valid if we sign next month? | WON",
            "OUTBOUND | Thanks for your time today, as promised I will send the proposal by Friday. | PROPOSAL",
            "OUTBOUND | Voici la suite : je vous enverrai notre devis demain. | PROPOSAL",
            "INBOUND | Any news on the quote? | PROPOSAL",
    })
    void doesNotMistake(Direction d, String text, Milestone notExpected) {
        assertTrue(!milestones(d, text).contains(notExpected), () -> text + " gave " + milestones(d, text));
    }

    @Test
    void readsAttachmentNames() {
        var out = Mails.message("m", OUTBOUND, "2025-03-03T09:00:00Z", "Bonjour, voir PJ.", List.of("Proposition_Commerciale_v2.pdf"), null, null);
        assertEquals(Set.of(Milestone.PROPOSAL), milestonesOf(out, OUTBOUND));
        var in = Mails.message("m", INBOUND, "2025-03-03T09:00:00Z", "Hello,", List.of("PO-4711.pdf"), null, null);
        assertEquals(Set.of(Milestone.WON), milestonesOf(in, INBOUND));
        var signedDevis = Mails.message("m", INBOUND, "2025-03-03T09:00:00Z", "Bonjour,", List.of("Devis 2025-031 signé.pdf"), null, null);
        assertEquals(Set.of(Milestone.WON), milestonesOf(signedDevis, INBOUND));
        var nda = Mails.message("m", INBOUND, "2025-03-03T09:00:00Z", "Hello,", List.of("NDA_signed.pdf"), null, null);
        assertEquals(Set.of(), milestonesOf(nda, INBOUND));
    }

    @Test
    void aCalendarRequestIsAMeetingBooked() {
        var m = Mails.message("m", OUTBOUND, "2025-03-03T09:00:00Z", "", List.of(),
                new CalendarInvite("REQUEST", Instant.parse("2025-03-05T10:00:00Z"), "Demo Dealwire"), null);
        var signals = extractor.read(m.mail(), OUTBOUND).signals();
        assertEquals(1, signals.size());
        assertEquals(Milestone.QUALIFIED, signals.getFirst().milestone());
        assertTrue(signals.getFirst().quote().contains("Demo Dealwire"));
    }

    @Test
    void quotesTheSentenceAsWritten() {
        var m = Mails.message("m", INBOUND, "2025-03-03T09:00:00Z", "Bonjour Paul,\n\nMerci pour votre retour.\nNous validons le devis n°42, vous pouvez lancer.\n\nCordialement");
        var won = extractor.read(m.mail(), INBOUND).signals().stream().filter(s -> s.milestone() == Milestone.WON).findFirst().orElseThrow();
        assertEquals("Nous validons le devis n°42, vous pouvez lancer.", won.quote());
        assertEquals("fr", extractor.read(m.mail(), INBOUND).language());
    }
}
