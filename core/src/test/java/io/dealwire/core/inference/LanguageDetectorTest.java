package io.dealwire.core.inference;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageDetectorTest {
    private static final String[] ENGLISH = ("Hi Paul, thanks for the call. We would like to see the pricing for our team "
            + "and we will let you know next week. Can't wait, it's great! Regards").split(" ");
    private static final String[] FRENCH = ("Bonjour, merci pour votre retour. Nous sommes intéressés par l'offre et nous "
            + "vous répondrons dès que possible. Qu'en pensez-vous ? Cordialement, Œuvre — à bientôt").split(" ");
    private static final String[] NEITHER = "12 34 gas-pipeline EOL\u00a0MW/h 2001-05 __ fyi ===".split(" ");

    /** What the index computed before the intake stored the language: normalize the first 4000 characters, then detect. */
    private static String reference(String text) {
        return LanguageDetector.detect(TextNormalizer.normalize(text.length() > 4000 ? text.substring(0, 4000) : text));
    }

    @Test
    void tellsEnglishFromFrenchAndNeither() {
        assertEquals("en", LanguageDetector.ofMessageText("Hi Bob, thanks for the pricing, we will sign this week."));
        assertEquals("fr", LanguageDetector.ofMessageText("Bonjour, merci pour votre devis, nous le signerons cette semaine."));
        assertEquals("", LanguageDetector.ofMessageText("12 34 56"));
        assertEquals("", LanguageDetector.ofMessageText(""));
        assertEquals("", LanguageDetector.ofMessageText(null));
    }

    @Test
    void aLongTextIsJudgedByItsFirstWordsLikeTheWholeNormalizedText() {
        // English first, then a long French part: only the first 400 words count, so the answer is English
        var text = new StringBuilder();
        for (int i = 0; i < 60; i++) text.append(String.join(" ", ENGLISH)).append('\n');
        for (int i = 0; i < 200; i++) text.append(String.join(" ", FRENCH)).append('\n');
        assertEquals("en", LanguageDetector.ofMessageText(text.toString()));
        assertEquals(reference(text.toString()), LanguageDetector.ofMessageText(text.toString()));
    }

    @Test
    void agreesWithNormalizingTheWholeHeadOnMixedTextsOfEveryLength() {
        var random = new Random(42);
        String[][] vocabularies = {ENGLISH, FRENCH, NEITHER};
        for (int t = 0; t < 2000; t++) {
            var text = new StringBuilder();
            int words = random.nextInt(1400);
            // runs of one vocabulary, so that the language may change around the first slice's end
            String[] vocabulary = vocabularies[random.nextInt(3)];
            for (int w = 0; w < words; w++) {
                if (random.nextInt(40) == 0) vocabulary = vocabularies[random.nextInt(3)];
                text.append(vocabulary[random.nextInt(vocabulary.length)]);
                text.append(random.nextInt(12) == 0 ? "\n" : random.nextInt(30) == 0 ? "  " : " ");
            }
            var s = text.toString();
            assertEquals(reference(s), LanguageDetector.ofMessageText(s), "text " + t + " of " + s.length() + " chars");
        }
    }
}
