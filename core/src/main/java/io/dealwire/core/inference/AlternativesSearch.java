package io.dealwire.core.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A yes/no search for a pattern written as a long alternation of phrases (A|B|C…): each top-level alternative
 * becomes a pattern of its own, tried only when the text holds the literals it needs ({@link LiteralPrefilter}).
 * A|B finds a match in a text exactly when A or B does, so the answer is the whole pattern's; where the match lies
 * is not told. Mail usually holds the literals of one or two alternatives, so the engine no longer tries every
 * alternative at every position of a long text.
 */
public final class AlternativesSearch {
    private final List<Pattern> alternatives;
    private final List<LiteralPrefilter> literals;

    private AlternativesSearch(List<Pattern> alternatives) {
        this.alternatives = alternatives;
        this.literals = alternatives.stream().map(LiteralPrefilter::of).toList();
    }

    /** The search of {@code pattern}; one that runs it whole when its alternatives cannot be told apart safely. */
    public static AlternativesSearch of(Pattern pattern) {
        var parts = topLevelAlternatives(pattern.pattern());
        if (parts.size() < 2) return new AlternativesSearch(List.of(pattern));
        return new AlternativesSearch(parts.stream().map(p -> Pattern.compile(p, pattern.flags())).toList());
    }

    /** Whether the pattern finds a match in {@code text}. */
    public boolean find(String text) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (literals.get(i).mayMatch(text) && alternatives.get(i).matcher(text).find()) return true;
        }
        return false;
    }

    int size() {
        return alternatives.size();
    }

    /**
     * The regex split at its top-level {@code |}; the regex alone when it holds inline flags or back references,
     * whose meaning depends on the rest of the pattern.
     */
    static List<String> topLevelAlternatives(String regex) {
        var out = new ArrayList<String>();
        int depth = 0, start = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length() && Character.isDigit(regex.charAt(i + 1))) return List.of(regex);
                if (i + 1 < regex.length() && (regex.charAt(i + 1) == 'Q' || regex.charAt(i + 1) == 'k')) return List.of(regex);
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
                if (c == '[') return List.of(regex); // nested classes: leave the pattern whole
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') i++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^' && i + 2 < regex.length() && regex.charAt(i + 2) == ']') i += 2;
            } else if (c == '(') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                    char k = i + 2 < regex.length() ? regex.charAt(i + 2) : ')';
                    if (k != ':' && k != '=' && k != '!' && k != '<' && k != '>') return List.of(regex); // inline flags
                }
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return depth == 0 && !inClass ? out : List.of(regex);
    }
}
