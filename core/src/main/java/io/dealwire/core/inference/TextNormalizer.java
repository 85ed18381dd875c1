package io.dealwire.core.inference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings mail text to the one form the rules match on: lower case, accents folded (é → e, œ → oe), typographic
 * quotes and dashes made plain, French elisions split ({@code l'offre} → {@code l offre}, {@code qu'il} →
 * {@code qu il}) and English contractions expanded ({@code haven't} → {@code have not}), so that a rule
 * written once matches every spelling.
 */
public final class TextNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_CONTRACTION = Pattern.compile("n't\\b");
    private static final Pattern CANT = Pattern.compile("\\bcan not\\b|\\bca not\\b");
    private static final Pattern WONT = Pattern.compile("\\bwo not\\b");
    private static final Pattern LETS = Pattern.compile("\\blet's\\b");
    private static final Pattern IS_CONTRACTION = Pattern.compile("\\b(here|there|that|it|what|who|he|she|where)'s\\b");
    private static final Pattern ENGLISH_CONTRACTION = Pattern.compile("'(re|ve|ll|m|d)\\b");
    private static final Pattern FRENCH_ELISION = Pattern.compile("\\b(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'");
    /** The specification of {@link #separated} (the tests compare the two). */
    static final Pattern SEPARATORS = Pattern.compile("['\\-_/]+|\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = fold(text).toLowerCase(Locale.ROOT);
        if (s.indexOf('\'') >= 0) {
            s = NOT_CONTRACTION.matcher(s).replaceAll(" not");
            s = CANT.matcher(s).replaceAll("cannot");
            s = WONT.matcher(s).replaceAll("will not");
            s = LETS.matcher(s).replaceAll("let us");
            s = IS_CONTRACTION.matcher(s).replaceAll("$1 is");
            s = ENGLISH_CONTRACTION.matcher(s).replaceAll(" '$1");
            s = s.replace(" 're", " are").replace(" 've", " have").replace(" 'll", " will").replace(" 'm", " am").replace(" 'd", " would");
            s = FRENCH_ELISION.matcher(s).replaceAll("$1 ");
        }
        return separated(s).trim();
    }

    /**
     * What {@code SEPARATORS.matcher(s).replaceAll(" ")} gives, in one pass: each run of {@code ' - _ /} and each run of
     * {@code \\s} whitespace becomes one space (a run of one kind next to a run of the other makes two).
     */
    static String separated(String s) {
        var sb = new StringBuilder(s.length());
        int previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int kind = c == '\'' || c == '-' || c == '_' || c == '/' ? 1 : isSpace(c) ? 2 : 0;
            if (kind == 0) sb.append(c);
            else if (kind != previous) sb.append(' ');
            previous = kind;
        }
        return sb.toString();
    }

    /** {@code \\s} of java.util.regex without flags: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The text decomposed (NFD) with its combining marks removed: "é" → "e", case and everything else kept. Plain
     * ASCII, most mail, comes back as it is without being decomposed.
     */
    public static String withoutAccents(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        }
        return text;
    }

    /** Accents folded and typographic punctuation made plain; case kept. */
    static String fold(String text) {
        var sb = new StringBuilder(text.length());
        boolean needsNfd = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u2019', '\u2018', '\u02bc', '\u00b4', '`' -> sb.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> sb.append('-');
                case '\u00a0', '\u202f', '\u2009' -> sb.append(' ');
                case '\u0153' -> sb.append("oe");
                case '\u0152' -> sb.append("OE");
                case '\u00e6' -> sb.append("ae");
                case '\u00c6' -> sb.append("AE");
                case '\u00df' -> sb.append("ss");
                case '\u00ab', '\u00bb', '\u201c', '\u201d' -> sb.append('"');
                case '\u2026' -> sb.append("...");
                default -> {
                    if (c > 0x7f) needsNfd = true;
                    sb.append(c);
                }
            }
        }
        String s = sb.toString();
        return needsNfd ? MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("") : s;
    }
}
