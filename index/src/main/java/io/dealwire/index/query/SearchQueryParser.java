package io.dealwire.index.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the mail-client search syntax:
 * <pre>
 *   words "a phrase" -excluded a OR b (grouped words)
 *   from: to: cc: subject: company: deal: stage: owner: mailbox: filename: (value or "quoted value")
 *   has:attachment  is:inbound|outbound|internal|automated|private  lang:en|fr
 *   before:/after:/on: YYYY-MM-DD or YYYY-MM (UTC; after: includes the period, before: excludes it)
 * </pre>
 * Words next to each other must all match; {@code OR} binds tighter than that, so {@code a OR b c} is
 * {@code (a OR b) AND c}. Every mistake raises a {@link QuerySyntaxException} naming the column.
 */
public final class SearchQueryParser {
    public static final Set<String> TEXT_OPERATORS = Set.of("from", "to", "cc", "subject", "company", "deal", "stage",
            "owner", "mailbox", "filename");
    public static final Set<String> DATE_OPERATORS = Set.of("before", "after", "on");
    private static final Set<String> IS_VALUES = Set.of("inbound", "outbound", "internal", "automated", "private");
    private static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern OPERATOR_NAME = Pattern.compile("[A-Za-z]+");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final String KNOWN = "from, to, cc, subject, company, deal, stage, owner, mailbox, filename, has, is, "
            + "lang, before, after, on";

    private enum Kind { WORD, PHRASE, NOT, OR, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int position, String operator, boolean quotedValue) {
    }

    private final String input;
    private final List<Token> tokens;
    private int next;

    private SearchQueryParser(String input) {
        this.input = input;
        this.tokens = lex(input);
    }

    public static QueryNode parse(String query) {
        if (query == null || query.isBlank()) return new QueryNode.All();
        var parser = new SearchQueryParser(query);
        var node = parser.parseAnd(false);
        var end = parser.peek();
        if (end.kind != Kind.END) throw new QuerySyntaxException("unexpected '" + end.text + "'", end.position);
        return node;
    }

    // ---- grammar ----

    private QueryNode parseAnd(boolean inParentheses) {
        var nodes = new ArrayList<QueryNode>();
        while (true) {
            var t = peek();
            if (t.kind == Kind.END) break;
            if (t.kind == Kind.CLOSE) {
                if (!inParentheses) throw new QuerySyntaxException("')' without a matching '('", t.position);
                break;
            }
            nodes.add(parseOr());
        }
        if (nodes.isEmpty()) return new QueryNode.All();
        return nodes.size() == 1 ? nodes.getFirst() : new QueryNode.And(nodes);
    }

    private QueryNode parseOr() {
        var first = peek();
        if (first.kind == Kind.OR) throw new QuerySyntaxException("OR needs a term before it", first.position);
        var nodes = new ArrayList<QueryNode>();
        nodes.add(parseUnary());
        while (peek().kind == Kind.OR) {
            var or = take();
            var after = peek();
            if (after.kind == Kind.END || after.kind == Kind.CLOSE || after.kind == Kind.OR) {
                throw new QuerySyntaxException("OR needs a term after it", or.position);
            }
            nodes.add(parseUnary());
        }
        return nodes.size() == 1 ? nodes.getFirst() : new QueryNode.Or(nodes);
    }

    private QueryNode parseUnary() {
        var t = peek();
        if (t.kind == Kind.NOT) {
            take();
            var operand = peek();
            if (operand.kind == Kind.OR || operand.kind == Kind.CLOSE || operand.kind == Kind.END) {
                throw new QuerySyntaxException("'-' must be followed by the word or operator to exclude", t.position);
            }
            return new QueryNode.Not(parseUnary());
        }
        return parsePrimary();
    }

    private QueryNode parsePrimary() {
        var t = take();
        return switch (t.kind) {
            case OPEN -> {
                if (peek().kind == Kind.CLOSE) throw new QuerySyntaxException("empty parentheses", t.position);
                var inner = parseAnd(true);
                if (peek().kind != Kind.CLOSE) throw new QuerySyntaxException("'(' is never closed", t.position);
                take();
                yield inner;
            }
            case PHRASE -> new QueryNode.Phrase(t.text);
            case WORD -> t.operator == null ? new QueryNode.Word(t.text) : operator(t);
            default -> throw new QuerySyntaxException("unexpected '" + t.text + "'", t.position);
        };
    }

    private QueryNode operator(Token t) {
        var name = t.operator;
        var value = t.text;
        int valueAt = t.position + name.length() + 1;
        if (value.isEmpty()) throw new QuerySyntaxException(name + ": needs a value", t.position);
        if (TEXT_OPERATORS.contains(name)) return new QueryNode.Operator(name, value, t.quotedValue);
        var v = value.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "has" -> {
                if (!v.equals("attachment") && !v.equals("attachments")) {
                    throw new QuerySyntaxException("has: accepts only 'attachment', not '" + value + "'", valueAt);
                }
                yield new QueryNode.Operator(name, "attachment", false);
            }
            case "is" -> {
                if (!IS_VALUES.contains(v)) {
                    throw new QuerySyntaxException("is: accepts inbound, outbound, internal, automated or private, not '"
                            + value + "'", valueAt);
                }
                yield new QueryNode.Operator(name, v, false);
            }
            case "lang" -> {
                if (!LANGUAGES.contains(v)) throw new QuerySyntaxException("lang: accepts en or fr, not '" + value + "'", valueAt);
                yield new QueryNode.Operator(name, v, false);
            }
            default -> dateRange(name, value, valueAt);
        };
    }

    private static QueryNode dateRange(String name, String value, int at) {
        try {
            if (DAY.matcher(value).matches()) {
                var day = LocalDate.parse(value);
                return new QueryNode.DateRange(name, day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (MONTH.matcher(value).matches()) {
                var month = YearMonth.parse(value);
                return new QueryNode.DateRange(name, month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        } catch (DateTimeException e) {
            throw new QuerySyntaxException(name + ": '" + value + "' is not a real date", at);
        }
        throw new QuerySyntaxException(name + ": expects a date as YYYY-MM-DD or YYYY-MM, not '" + value + "'", at);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        var t = tokens.get(next);
        if (t.kind != Kind.END) next++;
        return t;
    }

    // ---- lexer ----

    private static List<Token> lex(String s) {
        var out = new ArrayList<Token>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, "(", i++, null, false));
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, ")", i++, null, false));
            } else if (c == '"') {
                int end = closingQuote(s, i);
                var text = s.substring(i + 1, end).strip();
                if (text.isEmpty()) throw new QuerySyntaxException("empty phrase", i);
                out.add(new Token(Kind.PHRASE, text, i, null, false));
                i = end + 1;
            } else if (c == '-' && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)))) {
                throw new QuerySyntaxException("'-' must be followed by the word or operator to exclude", i);
            } else if (c == '-' && (out.isEmpty() || startsTerm(s, i))) {
                out.add(new Token(Kind.NOT, "-", i++, null, false));
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "()\"".indexOf(s.charAt(i)) < 0) i++;
                var word = s.substring(start, i);
                if (word.equals("OR")) {
                    out.add(new Token(Kind.OR, word, start, null, false));
                    continue;
                }
                int colon = word.indexOf(':');
                var prefix = colon > 0 ? word.substring(0, colon) : "";
                if (colon > 0 && OPERATOR_NAME.matcher(prefix).matches() && !word.startsWith("//", colon + 1)) {
                    var name = prefix.toLowerCase(Locale.ROOT);
                    if (!TEXT_OPERATORS.contains(name) && !DATE_OPERATORS.contains(name)
                            && !name.equals("has") && !name.equals("is") && !name.equals("lang")) {
                        throw new QuerySyntaxException("unknown operator '" + prefix + ":'; known operators are " + KNOWN, start);
                    }
                    var value = word.substring(colon + 1);
                    boolean quoted = false;
                    if (value.isEmpty() && i < n && s.charAt(i) == '"') {
                        int end = closingQuote(s, i);
                        value = s.substring(i + 1, end).strip();
                        if (value.isEmpty()) throw new QuerySyntaxException(name + ": has an empty quoted value", i);
                        quoted = true;
                        i = end + 1;
                    }
                    out.add(new Token(Kind.WORD, value, start, name, quoted));
                } else {
                    out.add(new Token(Kind.WORD, word, start, null, false));
                }
            }
        }
        out.add(new Token(Kind.END, "end of query", n, null, false));
        return out;
    }

    /** A '-' negates when it starts a term (after a space or '('), not inside a word like {@code e-mail}. */
    private static boolean startsTerm(String s, int i) {
        return i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
    }

    private static int closingQuote(String s, int open) {
        int end = s.indexOf('"', open + 1);
        if (end < 0) throw new QuerySyntaxException("the quote opened here is never closed", open);
        return end;
    }

    @Override
    public String toString() {
        return input;
    }
}
