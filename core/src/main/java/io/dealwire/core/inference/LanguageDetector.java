package io.dealwire.core.inference;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells English from French by counting their most frequent short words in a normalized text. Enough for
 * business mail; "" when neither language shows.
 */
public final class LanguageDetector {
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Set<String> ENGLISH = Set.of("the", "and", "to", "of", "is", "are", "we", "you", "for", "with",
            "this", "that", "have", "will", "our", "your", "be", "it", "on", "in", "would", "could", "please", "thanks",
            "thank", "hi", "regards", "best", "not", "can", "at", "as", "from", "let", "us", "me", "my", "i");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "de", "des", "du", "et", "est", "nous", "vous",
            "pour", "avec", "une", "un", "ce", "cette", "que", "qui", "pas", "sur", "dans", "au", "aux", "votre", "notre",
            "bonjour", "merci", "cordialement", "je", "ne", "en", "sont", "avons", "avez", "bien", "d", "l", "j", "n", "qu");

    private LanguageDetector() {
    }

    /** "en", "fr" or "" for a text already passed through {@link TextNormalizer}. */
    public static String detect(String normalizedText) {
        int en = 0;
        int fr = 0;
        var m = WORD.matcher(normalizedText);
        int words = 0;
        while (m.find() && words < 400) {
            words++;
            var w = m.group();
            if (ENGLISH.contains(w)) en++;
            if (FRENCH.contains(w)) fr++;
        }
        if (en == 0 && fr == 0) return "";
        return fr > en ? "fr" : "en";
    }
}
