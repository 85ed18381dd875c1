package io.dealwire.index.analysis;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fallback when a message arrives without a detected language: counts the most frequent English and
 * French function words. Returns "en", "fr", or "" when the text gives no clear answer (the message is
 * then analysed both ways).
 */
public final class LanguageGuesser {
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "you", "we", "of", "to", "for",
            "with", "this", "that", "have", "will", "please", "thanks", "be", "on", "it", "our", "your");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "et", "est", "vous", "nous", "de", "des",
            "pour", "avec", "ce", "cette", "une", "un", "merci", "sur", "du", "je", "bonjour", "votre", "notre");
    private static final int SAMPLE_CHARS = 4000;

    private LanguageGuesser() {
    }

    public static String guess(String text) {
        if (text == null || text.isBlank()) return "";
        var m = WORD.matcher(text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text);
        int en = 0;
        int fr = 0;
        while (m.find()) {
            var w = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(w)) en++;
            if (FRENCH.contains(w)) fr++;
        }
        if (en >= 2 && en > 2 * fr) return "en";
        if (fr >= 2 && fr > 2 * en) return "fr";
        return "";
    }
}
