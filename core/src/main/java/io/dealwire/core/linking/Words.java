package io.dealwire.core.linking;

import io.dealwire.core.inference.TextNormalizer;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Content words of a subject or a text, in English and French: folded to lower case without accents,
 * elisions split (l'offre → offre), stop words and the vocabulary every sales thread shares (quote, devis,
 * offer…) removed, so that what is left says what a deal is about.
 */
final class Words {
    private static final Set<String> STOP = java.util.stream.Stream.of(
            // English
            "the", "and", "for", "you", "your", "our", "are", "was", "were", "with", "this", "that", "these", "those", "have", "has",
            "had", "will", "would", "could", "should", "can", "not", "but", "from", "about", "into", "out", "all", "any", "some",
            "just", "let", "know", "please", "thanks", "thank", "regards", "best", "kind", "hello", "dear", "hi", "also", "more",
            "what", "when", "where", "which", "who", "how", "there", "here", "then", "than", "they", "them", "their", "its", "his",
            "her", "she", "him", "been", "being", "did", "does", "doing", "may", "might", "must", "shall", "very", "much", "get",
            "got", "like", "look", "looking", "forward", "week", "today", "tomorrow", "next", "last", "call", "meeting", "time",
            "attached", "find", "see", "send", "sent", "reply", "question", "questions", "update", "follow", "following", "up",
            // French
            "les", "des", "une", "pour", "avec", "dans", "sur", "par", "pas", "plus", "vous", "nous", "votre", "vos", "notre",
            "nos", "est", "sont", "qui", "que", "quoi", "dont", "mais", "ou", "donc", "car", "aux", "ces", "cette", "cet", "ses",
            "leur", "leurs", "son", "sa", "mes", "mon", "ma", "bonjour", "bonsoir", "merci", "cordialement", "bien", "madame",
            "monsieur", "salut", "tres", "avons", "avez", "etre", "avoir", "fait", "faire", "comme", "tout", "tous", "toute",
            "toutes", "aussi", "encore", "deja", "suite", "retour", "semaine", "demain", "aujourd", "hui", "prochaine",
            "prochain", "appel", "reunion", "ci", "joint", "jointe", "trouverez", "envoyer", "envoye", "question", "questions",
            "point", "concernant", "sujet", "objet", "demande",
            // sales vocabulary every thread shares
            "quote", "quotation", "proposal", "offer", "pricing", "price", "prices", "order", "purchase", "contract", "invoice",
            "request", "devis", "soumission", "offre", "proposition", "tarif", "tarifs", "commande", "contrat", "facture", "prix", "achat",
            "re", "fw", "fwd", "tr", "aw").collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Words() {
    }

    static Set<String> of(String text) {
        var out = new LinkedHashSet<String>();
        if (text == null || text.isEmpty()) return out;
        var folded = TextNormalizer.withoutAccents(text).toLowerCase(Locale.ROOT);
        for (var token : folded.split("[^\\p{L}\\p{N}]+")) {
            if (token.length() < 3 || STOP.contains(token) || token.chars().allMatch(Character::isDigit)) continue;
            out.add(stem(token));
        }
        return out;
    }

    /** Crude plural folding, enough for overlap: licences → licence, licenses → license. */
    private static String stem(String token) {
        if (token.length() > 4 && token.endsWith("s") && !token.endsWith("ss")) return token.substring(0, token.length() - 1);
        if (token.length() > 4 && token.endsWith("x")) return token.substring(0, token.length() - 1);
        return token;
    }

    /**
     * Quote, order and file numbers (AQ-2025-1187, PO-88412, Q1042): letters and digits together, five characters or more.
     * What {@link #REFERENCE} matches, found in one pass instead of two lookaheads at every position.
     */
    static Set<String> references(String text) {
        var out = new LinkedHashSet<String>();
        if (text == null || text.isEmpty()) return out;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            // a reference starts at a letter or digit that follows none
            if (!alnum(c) || i > 0 && alnum(text.codePointBefore(i))) {
                i += Character.charCount(c);
                continue;
            }
            // the lookaheads: a digit and a letter before the first character that is neither nor - / _
            boolean digit = false, letter = false;
            for (int j = i; j < n; ) {
                int d = text.codePointAt(j);
                if (!alnum(d) && d != '-' && d != '/' && d != '_') break;
                digit |= isNumber(d);
                letter |= Character.isLetter(d);
                j += Character.charCount(d);
            }
            int end = alnumRunEnd(text, i);
            if (!digit || !letter) {
                i = end;
                continue;
            }
            // letters and digits, then any number of one separator followed by more of them
            while (end < n && (text.charAt(end) == '-' || text.charAt(end) == '/' || text.charAt(end) == '_')
                    && end + 1 < n && alnum(text.codePointAt(end + 1))) {
                end = alnumRunEnd(text, end + 1);
            }
            var token = text.substring(i, end).toUpperCase(Locale.ROOT);
            if (token.replaceAll("[-/_]", "").length() >= 5) out.add(token);
            i = end;
        }
        return out;
    }

    /** The pattern {@link #references} implements, kept as its specification (tests compare the two). */
    static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}/_-]*\\p{N})(?=[\\p{L}\\p{N}/_-]*\\p{L})[\\p{L}\\p{N}]+(?:[-/_][\\p{L}\\p{N}]+)*(?![\\p{L}\\p{N}])");

    private static boolean alnum(int c) {
        return Character.isLetter(c) || isNumber(c);
    }

    /** {@code \\p{N}}: any numeric character, not only decimal digits (², ½, Ⅻ). */
    private static boolean isNumber(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static int alnumRunEnd(String text, int from) {
        int j = from;
        while (j < text.length()) {
            int d = text.codePointAt(j);
            if (!alnum(d)) break;
            j += Character.charCount(d);
        }
        return j;
    }

    /** |a ∩ b| / min(|a|, |b|): 1 when the smaller set is contained in the other, 0 when disjoint or empty. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        var small = a.size() <= b.size() ? a : b;
        var large = small == a ? b : a;
        long common = small.stream().filter(large::contains).count();
        return (double) common / small.size();
    }
}
