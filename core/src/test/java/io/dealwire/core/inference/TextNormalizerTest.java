package io.dealwire.core.inference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextNormalizerTest {

    @Test
    void foldsAccentsAndCase() {
        assertEquals("nous avons bien recu le devis signe", TextNormalizer.normalize("Nous avons bien reçu le Devis SIGNÉ"));
        assertEquals("coeur de metier", TextNormalizer.normalize("Cœur de métier"));
    }

    @Test
    void splitsFrenchElisionsWithEitherApostrophe() {
        assertEquals("nous n avons pas encore valide l offre", TextNormalizer.normalize("Nous n'avons pas encore validé l’offre"));
        assertEquals("qu il faut un bon d achat", TextNormalizer.normalize("qu'il faut un bon d'achat"));
    }

    @Test
    void expandsEnglishContractions() {
        assertEquals("we have not signed yet", TextNormalizer.normalize("We haven't signed yet"));
        assertEquals("i will send it, we are ready, let us go", TextNormalizer.normalize("I'll send it, we're ready, let's go"));
        assertEquals("we cannot and will not", TextNormalizer.normalize("We can't and won't"));
        assertEquals("here is the quote", TextNormalizer.normalize("Here's the quote"));
    }

    @Test
    void hyphensAndTypographicSpacesBecomeSpaces() {
        assertEquals("ci joint notre proposition commerciale", TextNormalizer.normalize("Ci-joint notre proposition\u00a0commerciale"));
        assertEquals("pourriez vous nous envoyer un devis ?", TextNormalizer.normalize("Pourriez-vous nous envoyer un devis\u202f?"));
    }

    @Test
    void detectsLanguage() {
        assertEquals("fr", LanguageDetector.detect(TextNormalizer.normalize("Bonjour, merci pour votre retour. Nous sommes intéressés par votre offre.")));
        assertEquals("en", LanguageDetector.detect(TextNormalizer.normalize("Hi Paul, thanks for the call. We would like to see the pricing for our team.")));
        assertEquals("", LanguageDetector.detect("12 34"));
    }

    /** The one-pass replacements give what their patterns give, on any mix of letters, separators and whitespace. */
    @Test
    void onePassSeparatorsAndSpacesAreThePatterns() {
        var random = new java.util.Random(13);
        String alphabet = "ab'-_/ \t\n\r\u000B\f\u00a0é.";
        for (int i = 0; i < 30_000; i++) {
            var sb = new StringBuilder();
            int n = random.nextInt(14);
            for (int j = 0; j < n; j++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            var text = sb.toString();
            org.junit.jupiter.api.Assertions.assertEquals(TextNormalizer.SEPARATORS.matcher(text).replaceAll(" "), TextNormalizer.separated(text), text);
            org.junit.jupiter.api.Assertions.assertEquals(Sentences.SPACES.matcher(text).replaceAll(" "), Sentences.joined(text), text);
        }
    }
}
