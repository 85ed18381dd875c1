package io.dealwire.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the new text of a message into sentences, each kept twice: as written (to quote as evidence) and
 * normalized (to match rules on). Line wraps inside a paragraph are joined; blank lines, list items and
 * sentence punctuation end a sentence.
 */
public final class Sentences {
    /** Sales signals sit at the top of a reply: text beyond this is not read. */
    static final int MAX_CHARS = 4000;
    private static final int MAX_QUOTE = 300;
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|\\n\\s*(?=[-*\u2022]\\s)|\\n(?=\\s*(?:bonjour|hello|hi|dear|madame|monsieur|cordialement|regards|best|thanks|merci)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+|(?<=[!?])(?=\\p{L})");
    /** The specification of {@link #joined} (the tests compare the two). */
    static final Pattern SPACES = Pattern.compile("\\s+");

    /** One sentence: as written and normalized; {@code question} when it ends with a question mark. */
    public record Sentence(String original, String normalized, boolean question) {
    }

    private Sentences() {
    }

    /** The last text cut on this thread, by identity: linking and stage inference read the same message's new text. */
    private record Memo(String text, List<Sentence> sentences) {
    }

    private static final ThreadLocal<Memo> LAST = new ThreadLocal<>();

    /** The sentences of {@code text}, as an unmodifiable list. */
    public static List<Sentence> of(String text) {
        var memo = LAST.get();
        if (memo != null && memo.text() == text) return memo.sentences();
        var sentences = cut(text);
        LAST.set(new Memo(text, sentences));
        return sentences;
    }

    /** What {@code SPACES.matcher(paragraph).replaceAll(" ")} gives, in one pass: each run of whitespace one space. */
    static String joined(String paragraph) {
        var sb = new StringBuilder(paragraph.length());
        boolean inRun = false;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            boolean space = TextNormalizer.isSpace(c);
            if (!space) sb.append(c);
            else if (!inRun) sb.append(' ');
            inRun = space;
        }
        return sb.toString();
    }

    private static List<Sentence> cut(String text) {
        if (text == null || text.isBlank()) return List.of();
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        var out = new ArrayList<Sentence>();
        for (var paragraph : PARAGRAPH.split(t)) {
            String joined = joined(paragraph).trim();
            if (joined.isEmpty()) continue;
            for (var part : SENTENCE_END.split(joined)) {
                String original = part.trim();
                if (original.isEmpty()) continue;
                String normalized = TextNormalizer.normalize(original);
                if (normalized.isEmpty()) continue;
                if (original.length() > MAX_QUOTE) original = original.substring(0, MAX_QUOTE) + "\u2026";
                out.add(new Sentence(original, normalized, original.endsWith("?") || normalized.endsWith("?")));
            }
        }
        return List.copyOf(out);
    }
}
