package io.dealwire.core.inference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a regular expression to find a match: the literal strings any match must
 * contain, as an and/or formula over substring tests, read from the pattern's source (the way RE2's prefilter
 * does). {@link #mayMatch} is false only when the pattern cannot match, so a caller that skips the pattern then
 * gets the very result the pattern would have given, at the cost of a few {@code indexOf} calls instead of trying
 * a large alternation at every position.
 * <p>
 * The analysis is conservative: what it does not understand (classes with ranges, {@code .}, {@code \w}, inline
 * flags, back references) counts as "anything", and a pattern compiled with flags or written in a syntax it does
 * not parse gets a filter that always says yes.
 */
public final class LiteralPrefilter {
    /** Above this many alternatives a set of exact strings is turned into a formula over its members. */
    private static final int MAX_EXACT = 64;
    private static final LiteralPrefilter ALWAYS = new LiteralPrefilter(Formula.TRUE);

    private final Formula formula;

    private LiteralPrefilter(Formula formula) {
        this.formula = formula;
    }

    /** The filter of {@code pattern}; one that always says yes when the pattern uses flags or syntax it does not read. */
    public static LiteralPrefilter of(Pattern pattern) {
        if (pattern.flags() != 0) return ALWAYS;
        try {
            var parser = new Parser(pattern.pattern());
            var info = parser.alternation();
            if (parser.pos != parser.src.length()) return ALWAYS;
            return new LiteralPrefilter(info.formula().simplify());
        } catch (Unsupported e) {
            return ALWAYS;
        }
    }

    /** False only when the pattern can find no match in {@code text}. */
    public boolean mayMatch(String text) {
        return formula.holds(text);
    }

    /** Whether the filter can ever say no (a pattern it could not read, or with no required literal, never can). */
    public boolean selective() {
        return formula != Formula.TRUE;
    }

    @Override
    public String toString() {
        return formula.toString();
    }

    /** An and/or formula over "the text contains this string". */
    private sealed interface Formula {
        Formula TRUE = new And(List.of());

        boolean holds(String text);

        Formula simplify();

        static Formula anyOf(Set<String> strings) {
            var atoms = new ArrayList<Formula>();
            for (var s : strings) {
                if (s.isEmpty()) return TRUE; // the empty string is in every text
                atoms.add(new Contains(s));
            }
            return new Or(atoms);
        }
    }

    private record Contains(String literal) implements Formula {
        @Override
        public boolean holds(String text) {
            return text.contains(literal);
        }

        @Override
        public Formula simplify() {
            return this;
        }

        @Override
        public String toString() {
            return '"' + literal + '"';
        }
    }

    private record And(List<Formula> parts) implements Formula {
        @Override
        public boolean holds(String text) {
            for (var p : parts) if (!p.holds(text)) return false;
            return true;
        }

        @Override
        public Formula simplify() {
            var out = new ArrayList<Formula>();
            for (var p : parts) {
                var s = p.simplify();
                if (s == TRUE) continue;
                if (s instanceof And and) out.addAll(and.parts());
                else out.add(s);
            }
            if (out.isEmpty()) return TRUE;
            return out.size() == 1 ? out.getFirst() : new And(List.copyOf(out));
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "TRUE" : "(" + String.join(" & ", parts.stream().map(Object::toString).toList()) + ")";
        }
    }

    private record Or(List<Formula> parts) implements Formula {
        @Override
        public boolean holds(String text) {
            for (var p : parts) if (p.holds(text)) return true;
            return false;
        }

        @Override
        public Formula simplify() {
            var out = new ArrayList<Formula>();
            for (var p : parts) {
                var s = p.simplify();
                if (s == TRUE) return TRUE;
                if (s instanceof Or or) out.addAll(or.parts());
                else out.add(s);
            }
            // an empty disjunction cannot be satisfied; it comes from no input and is kept as "anything" to stay safe
            if (out.isEmpty()) return TRUE;
            return out.size() == 1 ? out.getFirst() : new Or(List.copyOf(out));
        }

        @Override
        public String toString() {
            return "(" + String.join(" | ", parts.stream().map(Object::toString).toList()) + ")";
        }
    }

    /**
     * What a part of the pattern tells: either the exact, finite set of strings it can match, or (exact == null)
     * a formula every string it matches satisfies.
     */
    private record Info(Set<String> exact, Formula match) {
        static final Info ANY = new Info(null, Formula.TRUE);
        static final Info EMPTY = new Info(Set.of(""), null);

        static Info exact(Set<String> strings) {
            return strings.size() > MAX_EXACT ? new Info(null, Formula.anyOf(strings)) : new Info(strings, null);
        }

        Formula formula() {
            return exact != null ? Formula.anyOf(exact) : match;
        }

        Info concat(Info next) {
            if (exact != null && next.exact != null && (long) exact.size() * next.exact.size() <= MAX_EXACT) {
                var out = new LinkedHashSet<String>();
                for (var a : exact) for (var b : next.exact) out.add(a + b);
                return new Info(out, null);
            }
            return new Info(null, new And(List.of(formula(), next.formula())));
        }

        Info or(Info other) {
            if (exact != null && other.exact != null) {
                var out = new LinkedHashSet<>(exact);
                out.addAll(other.exact);
                return exact(out);
            }
            return new Info(null, new Or(List.of(formula(), other.formula())));
        }

        Info optional() {
            return exact != null ? or(EMPTY) : ANY;
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** A recursive-descent reader of the part of java.util.regex syntax the filter understands. */
    private static final class Parser {
        final String src;
        int pos;

        Parser(String src) {
            this.src = src;
        }

        Info alternation() {
            var info = sequence();
            while (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                info = info.or(sequence());
            }
            return info;
        }

        /** A concatenation: runs of exact parts are joined into longer strings, the rest are and-ed. */
        Info sequence() {
            var required = new ArrayList<Formula>();
            var run = Info.EMPTY;
            while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                var next = quantified(atom());
                if (next.exact() != null && (long) run.exact().size() * next.exact().size() <= MAX_EXACT) {
                    run = run.concat(next);
                } else if (next.exact() != null) {
                    required.add(run.formula());
                    run = next;
                } else {
                    required.add(run.formula());
                    required.add(next.formula());
                    run = Info.EMPTY;
                }
            }
            if (required.isEmpty()) return run;
            required.add(run.formula());
            return new Info(null, new And(List.copyOf(required)));
        }

        Info quantified(Info atom) {
            if (pos >= src.length()) return atom;
            char c = src.charAt(pos);
            Info out;
            if (c == '?') {
                pos++;
                out = atom.optional();
            } else if (c == '*') {
                pos++;
                out = Info.ANY;
            } else if (c == '+') {
                pos++;
                out = new Info(null, atom.formula());
            } else if (c == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) throw new Unsupported("unclosed {");
                var range = src.substring(pos + 1, close);
                pos = close + 1;
                int min;
                try {
                    min = Integer.parseInt(range.split(",", -1)[0].trim());
                } catch (NumberFormatException e) {
                    throw new Unsupported("repetition " + range);
                }
                out = min == 0 ? Info.ANY : new Info(null, atom.formula());
            } else {
                return atom;
            }
            // lazy and possessive forms match the same strings
            if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) pos++;
            return out;
        }

        Info atom() {
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    return charClass();
                }
                case '\\' -> {
                    return escape();
                }
                case '^', '$' -> {
                    pos++;
                    return Info.EMPTY;
                }
                case '.' -> {
                    pos++;
                    return Info.ANY;
                }
                case '*', '+', '?', '{' -> throw new Unsupported("dangling quantifier");
                default -> {
                    pos++;
                    return new Info(Set.of(String.valueOf(c)), null);
                }
            }
        }

        Info group() {
            pos++; // (
            boolean zeroWidth = false;
            if (src.startsWith("?:", pos) || src.startsWith("?>", pos)) {
                pos += 2;
            } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
                pos += 3;
                zeroWidth = true;
            } else if (src.startsWith("?<", pos)) {
                int close = src.indexOf('>', pos);
                if (close < 0) throw new Unsupported("named group");
                pos = close + 1;
            } else if (pos < src.length() && src.charAt(pos) == '?') {
                throw new Unsupported("inline flags");
            }
            var inner = alternation();
            if (pos >= src.length() || src.charAt(pos) != ')') throw new Unsupported("unclosed group");
            pos++;
            // a lookaround consumes nothing of the match
            return zeroWidth ? Info.EMPTY : inner;
        }

        Info charClass() {
            int start = ++pos;
            var chars = new LinkedHashSet<String>();
            boolean simple = pos < src.length() && src.charAt(pos) != '^';
            int depth = 1;
            while (depth > 0) {
                if (pos >= src.length()) throw new Unsupported("unclosed class");
                char c = src.charAt(pos);
                if (c == '\\') {
                    if (pos + 1 >= src.length()) throw new Unsupported("trailing backslash");
                    char e = src.charAt(pos + 1);
                    if (Character.isLetterOrDigit(e)) simple = false;
                    else chars.add(String.valueOf(e));
                    pos += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    simple = false;
                } else if (c == ']' && pos > start) {
                    depth--;
                } else if (c == ']') {
                    simple = false; // a leading ]: leave such classes to the regex engine
                } else if (c == '-' || c == '&') {
                    simple = false;
                } else if (depth == 1 && c != ']') {
                    chars.add(String.valueOf(c));
                }
                pos++;
            }
            return simple && !chars.isEmpty() && chars.size() <= 8 ? new Info(chars, null) : Info.ANY;
        }

        Info escape() {
            if (pos + 1 >= src.length()) throw new Unsupported("trailing backslash");
            char e = src.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 'b', 'B', 'A', 'G', 'Z', 'z' -> {
                    return Info.EMPTY;
                }
                case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V', 'R', 'X' -> {
                    return Info.ANY;
                }
                case 'p', 'P' -> {
                    if (pos < src.length() && src.charAt(pos) == '{') {
                        int close = src.indexOf('}', pos);
                        if (close < 0) throw new Unsupported("unclosed \\p{");
                        pos = close + 1;
                    } else {
                        pos++;
                    }
                    return Info.ANY;
                }
                default -> {
                    if (Character.isLetterOrDigit(e)) throw new Unsupported("escape \\" + e);
                    return new Info(Set.of(String.valueOf(e)), null);
                }
            }
        }
    }
}
