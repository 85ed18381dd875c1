package io.dealwire.ingest.mime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplySplitterTest {

    private static ReplySplitter.Split split(String text) {
        return ReplySplitter.split(text);
    }

    @Test
    void englishAttribution() {
        var s = split("Works for us.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Alice <alice@acme.test> wrote:\n> Shall we sign?\n");
        assertEquals("Works for us.", s.newText());
    }

    @Test
    void attributionWrappedOverTwoLines() {
        var s = split("Agreed.\n\nOn Mon, Mar 2, 2026 at 10:00 AM Alice Martin <\nalice@acme.test> wrote:\n> Shall we sign?\n");
        assertEquals("Agreed.", s.newText());
    }

    @Test
    void frenchAttribution() {
        var s = split("C'est d'accord.\n\nLe lun. 2 mars 2026 à 10:00, Alice <alice@acme.test> a écrit :\n> On signe ?\n");
        assertEquals("C'est d'accord.", s.newText());
    }

    @Test
    void outlookHeaderBlocks() {
        var en = split("Please call me.\n\n________________________________\nFrom: Alice <alice@acme.test>\nSent: Monday, March 2, 2026 10:00\nTo: Bob\nSubject: quote\n\nOld text");
        assertEquals("Please call me.", en.newText());
        var fr = split("Merci.\n\nDe : Alice <alice@acme.test>\nEnvoyé : lundi 2 mars 2026 10:00\nÀ : Bob\nObjet : devis\n\nAncien texte");
        assertEquals("Merci.", fr.newText());
        var original = split("See my answer.\n-----Original Message-----\nFrom: x\nOld");
        assertEquals("See my answer.", original.newText());
    }

    @Test
    void quotedLinesAreDroppedInterleavedRepliesKept() {
        var s = split("> Price?\n40 per seat.\n> Start date?\nApril.\n");
        assertEquals("40 per seat.\nApril.", s.newText());
    }

    @Test
    void signatureAfterDelimiter() {
        var s = split("We can start Monday.\n-- \nBob Martin\nSales, Acme\n+33 1 23 45 67 89");
        assertEquals("We can start Monday.", s.newText());
        assertEquals("-- \nBob Martin\nSales, Acme\n+33 1 23 45 67 89".strip(), s.signature());
    }

    @Test
    void signOffFollowedByAShortBlock() {
        var s = split("Le devis est validé.\n\nCordialement,\nJean Dupont\nDirecteur achats\n");
        assertEquals("Le devis est validé.", s.newText());
        assertEquals("Cordialement,\nJean Dupont\nDirecteur achats", s.signature());
        var en = split("Send the contract.\n\nBest regards,\nAnn\n\nOn Tue, Mar 3, 2026 Bob wrote:\n> hi");
        assertEquals("Send the contract.", en.newText());
    }

    @Test
    void aSignOffWordInTheMiddleOfALongTextIsNotASignature() {
        String body = "Thanks\n" + "This paragraph is long enough to be real content and not a signature block at all.\n".repeat(10);
        assertEquals(body.strip(), split(body).newText());
        assertEquals("", split(body).signature());
    }

    /** A line the first-character check turns away is one its pattern would not have matched, alone or joined to the next. */
    @Test
    void theFirstCharacterCheckNeverTurnsAwayALineThePatternMatches() {
        var random = new java.util.Random(5);
        String[] pieces = {"On ", "Le ", "Am ", "El ", "From: ", "De : ", "*Von:* ", "-----Original Message-----", "Begin forwarded message:",
                "Début du message réexpédié :", " ", "\t", "\u001C", "\u00a0", "x", "wrote:", " a écrit :", " schrieb:", "Mon, 2 Mar", "Alice <a@b.c>", ">", "é"};
        int matched = 0;
        for (int i = 0; i < 30_000; i++) {
            var sb = new StringBuilder();
            int n = 1 + random.nextInt(5);
            for (int j = 0; j < n; j++) sb.append(pieces[random.nextInt(pieces.length)]);
            var line = sb.toString();
            var next = pieces[random.nextInt(pieces.length)] + pieces[random.nextInt(pieces.length)];
            boolean separator = ReplySplitter.SEPARATOR.matcher(line).matches();
            boolean attribution = ReplySplitter.ATTRIBUTION.matcher(line).matches()
                    || ReplySplitter.ATTRIBUTION.matcher(line.stripTrailing() + " " + next.strip()).matches();
            boolean header = ReplySplitter.HEADER_FROM.matcher(line).matches();
            if (separator || attribution || header) matched++;
            if (separator) org.junit.jupiter.api.Assertions.assertTrue(ReplySplitter.mayStartWith(line, ReplySplitter.SEPARATOR_LEADS), line);
            if (attribution) org.junit.jupiter.api.Assertions.assertTrue(ReplySplitter.mayStartWith(line, ReplySplitter.ATTRIBUTION_LEADS), line);
            if (header) org.junit.jupiter.api.Assertions.assertTrue(ReplySplitter.mayStartWith(line, ReplySplitter.HEADER_FROM_LEADS), line);
        }
        org.junit.jupiter.api.Assertions.assertTrue(matched > 1000, "matches: " + matched);
    }
}
