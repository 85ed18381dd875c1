package io.dealwire.core.inference;

import java.util.Set;

/**
 * Tells English from French by counting their most frequent short words in a normalized text. Enough for
 * business mail; "" when neither language shows.
 */
public final class LanguageDetector {
    /** Words counted at most: the first ones tell the language of a mail as well as all of them. */
    private static final int MAX_WORDS = 400;
    /** Characters of a message's text read by {@link #ofMessageText}. */
    static final int MESSAGE_CHARS = 4000;
    /** Characters normalized at a time: {@value #MAX_WORDS} words take about 2,500 characters of mail. */
    static final int SLICE_CHARS = 1000;
    /** No word of either list is longer: a longer run of letters is counted without being looked up. */
    private static final int LONGEST_LISTED = 12;
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
        return count(normalizedText, MAX_WORDS).language();
    }

    /**
     * The language of a message's text (its first {@value #MESSAGE_CHARS} characters, normalized): what the
     * intake stores with a message and the index analyses it by. Normalizing is most of the cost and only the
     * first {@value #MAX_WORDS} words count, so the text is normalized in slices cut at spaces until they are
     * found: normalization changes nothing across a space, so the words, and the answer, are those of the
     * whole text normalized at once.
     */
    public static String ofMessageText(String text) {
        if (text == null || text.isEmpty()) return "";
        var head = text.length() > MESSAGE_CHARS ? text.substring(0, MESSAGE_CHARS) : text;
        var total = new Count(0, 0, 0);
        int from = 0;
        while (from < head.length() && total.words() < MAX_WORDS) {
            int to = head.length();
            if (to - from > SLICE_CHARS) {
                int cut = lastSpace(head, from, from + SLICE_CHARS);
                if (cut > from) to = cut;
            }
            total = total.plus(count(TextNormalizer.normalize(head.substring(from, to)), MAX_WORDS - total.words()));
            from = to;
        }
        return total.language();
    }

    /** The last space in {@code (from, end]}, or -1. */
    private static int lastSpace(String s, int from, int end) {
        for (int i = end; i > from; i--) if (TextNormalizer.isSpace(s.charAt(i))) return i;
        return -1;
    }

    private record Count(int words, int english, int french) {
        Count plus(Count more) {
            return new Count(words + more.words, english + more.english, french + more.french);
        }

        String language() {
            if (english == 0 && french == 0) return "";
            return french > english ? "fr" : "en";
        }
    }

    /** The first {@code max} runs of a–z, and how many of them are English or French words. */
    private static Count count(String normalizedText, int max) {
        int en = 0;
        int fr = 0;
        int words = 0;
        int n = normalizedText.length();
        int i = 0;
        while (words < max) {
            while (i < n && !isLetter(normalizedText.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && isLetter(normalizedText.charAt(i))) i++;
            words++;
            if (i - start <= LONGEST_LISTED) {
                var w = normalizedText.substring(start, i);
                if (ENGLISH.contains(w)) en++;
                if (FRENCH.contains(w)) fr++;
            }
        }
        return new Count(words, en, fr);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
