package io.dealwire.core.conversation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SubjectsTest {
    @Test
    void replyAndForwardPrefixesOfEveryClientAreRemoved() {
        assertEquals("Devis licences", Subjects.strip("RE: TR: Devis licences"));
        assertEquals("Devis licences", Subjects.strip("Re : Réf: Fwd: Devis licences"));
        assertEquals("Angebot", Subjects.strip("AW: WG: Angebot"));
        assertEquals("Quote", Subjects.strip("[EXTERNAL] RE[2]: FW: Quote"));
        assertEquals("Réunion: ordre du jour", Subjects.strip("RE: Réunion: ordre du jour"));
        assertEquals("Suite à notre échange", Subjects.strip("Réponse automatique : Suite à notre échange"));
        assertEquals("Cutting costs", Subjects.strip("Automatic reply: Cutting costs"));
    }

    @Test
    void normalisedSubjectsIgnoreCaseAccentsPunctuationAndSpacing() {
        assertEquals(Subjects.normalise("Proposition commerciale – module GMAO"), Subjects.normalise("RE :  proposition COMMERCIALE - module gmao"));
        assertEquals("devis", Subjects.normalise("TR: Dévis"));
        assertNotEquals(Subjects.normalise("Devis licences"), Subjects.normalise("Devis formation"));
        assertEquals("", Subjects.normalise("RE:"));
    }
}
