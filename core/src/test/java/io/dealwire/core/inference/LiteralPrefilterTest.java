package io.dealwire.core.inference;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralPrefilterTest {

    private static LiteralPrefilter filter(String regex) {
        return LiteralPrefilter.of(Pattern.compile(regex));
    }

    @Test
    void aTextWithoutAnyAlternativeCannotMatch() {
        var f = filter("\\b(?:signed|countersigned) (?:quote|order)\\b");
        assertTrue(f.mayMatch("we countersigned order 12"), "an alternative of each part occurs");
        assertFalse(f.mayMatch("we will send the invoice"), "no alternative of the pattern occurs");
        assertTrue(f.selective());
    }

    @Test
    void partsSeparatedByAWildcardAreEachRequired() {
        var f = filter("\\b(?:attached|enclosed)\\b.{0,40}?\\b(?:invoice|facture)\\b");
        assertTrue(f.mayMatch("attached is the invoice"));
        assertFalse(f.mayMatch("attached is the quote"), "the second part is missing");
        assertFalse(f.mayMatch("the invoice follows"), "the first part is missing");
    }

    @Test
    void optionalAndStarredPartsAreNotRequired() {
        var f = filter("(?:final )?quote(?:s)?x*");
        assertTrue(f.mayMatch("quote"));
        assertFalse(f.mayMatch("quota"));
        assertFalse(filter("a*|b?").selective(), "a pattern that matches the empty string requires nothing");
    }

    @Test
    void lookaroundsRequireNothingOfTheMatch() {
        var f = filter("proposition(?! de rendez)");
        assertTrue(f.mayMatch("une proposition de rendez vous"), "the filter does not decide the lookahead; the pattern does");
        assertFalse(f.mayMatch("un devis"));
    }

    @Test
    void simpleClassesAreEnumeratedAndOthersMeanAnything() {
        var f = filter("licen[cs]es");
        assertTrue(f.mayMatch("licences") && f.mayMatch("licenses"));
        assertFalse(f.mayMatch("licenxes"));
        var digits = filter("[0-9]+ users");
        assertTrue(digits.mayMatch("12 users"));
        assertFalse(digits.mayMatch("12 seats"));
    }

    @Test
    void patternsWithFlagsOrUnreadSyntaxAlwaysPass() {
        assertFalse(LiteralPrefilter.of(Pattern.compile("quote", Pattern.CASE_INSENSITIVE)).selective());
        assertFalse(filter("(?i)quote").selective());
        assertFalse(filter("\\Qquote\\E").selective());
        assertTrue(filter("(?i)quote").mayMatch("QUOTE"));
    }

    /**
     * The property that makes the filter safe: whenever the pattern finds a match, the filter says it may. Random
     * patterns over a small alphabet (alternations, groups, optional and repeated parts, classes, lookaheads,
     * boundaries) against random texts over the same alphabet, so that matches are frequent.
     */
    @Test
    void neverRejectsATextThePatternMatches() {
        var random = new Random(20260101);
        int matches = 0;
        for (int i = 0; i < 3000; i++) {
            var regex = randomRegex(random, 3);
            var pattern = Pattern.compile(regex);
            var f = LiteralPrefilter.of(pattern);
            for (int j = 0; j < 40; j++) {
                var text = randomText(random);
                if (pattern.matcher(text).find()) {
                    matches++;
                    assertTrue(f.mayMatch(text), () -> "/" + regex + "/ matches \"" + text + "\" but the filter " + f + " rejects it");
                }
            }
        }
        assertTrue(matches > 10_000, "the random texts match often enough to test something: " + matches);
    }

    /** Every rule's filter lets through every sentence of the labeled cases and of the rule tests that its pattern matches. */
    @Test
    void everyRuleFilterKeepsEveryLabeledSentenceItsPatternMatches() throws IOException {
        var texts = new ArrayList<String>();
        for (var dir : List.of(Path.of("../ingest/src/test/resources/stage-cases"), Path.of("src/test/java/io/dealwire/core/inference"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (var f : files.filter(Files::isRegularFile).toList()) texts.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        assertFalse(texts.isEmpty(), "no labeled texts found");
        int matched = 0;
        // quoted history repeats the same sentences across a case's messages: each distinct one once
        var sentences = new LinkedHashSet<String>();
        for (var text : texts) {
            // each string literal of a test and each paragraph of a mail on its own; encoded lines (base64) left out
            var plain = new StringBuilder();
            for (var line : text.replace("\\n", "\n").replace("\"", "\n\n").split("\n")) {
                if (line.length() <= 76 || line.indexOf(' ') >= 0) plain.append(line).append('\n');
            }
            for (var paragraph : plain.toString().split("\n\\s*\n")) {
                for (var sentence : Sentences.of(paragraph)) sentences.add(sentence.normalized());
            }
        }
        for (var sentence : sentences) {
            for (var rule : SignalRules.RULES) {
                if (rule.pattern().matcher(sentence).find()) {
                    matched++;
                    assertTrue(rule.literals().mayMatch(sentence), () -> rule.name() + " matches \"" + sentence + "\" but its filter rejects it");
                }
            }
        }
        assertTrue(matched > 300, "the labeled texts exercise the rules: " + matched + " matches");
    }

    @Test
    void everyRuleHasASelectiveFilter() {
        for (var rule : SignalRules.RULES) assertTrue(rule.literals().selective(), rule.name() + " has no required literal");
        assertEquals(SignalRules.RULES.size(), SignalRules.RULES.stream().filter(r -> r.literals().selective()).count());
    }

    private static final String[] WORDS = {"ab", "ba", "abc", "ca", "a", "b", "c", "cab", "bca"};

    static String randomRegex(Random r, int depth) {
        int parts = 1 + r.nextInt(3);
        var sb = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            int kind = depth == 0 ? r.nextInt(4) : r.nextInt(10);
            String atom = switch (kind) {
                case 0, 1 -> WORDS[r.nextInt(WORDS.length)];
                case 2 -> r.nextBoolean() ? "[ab]" : "[^a]";
                case 3 -> r.nextBoolean() ? "\\b" : (r.nextBoolean() ? "." : " ");
                case 4, 5 -> "(?:" + randomRegex(r, depth - 1) + "|" + randomRegex(r, depth - 1) + ")";
                case 6 -> "(" + randomRegex(r, depth - 1) + ")";
                case 7 -> "(?!" + randomRegex(r, depth - 1) + ")";
                case 8 -> "(?=" + randomRegex(r, depth - 1) + ")";
                default -> "\\s";
            };
            sb.append(atom);
            if (kind != 3 && kind != 7 && kind != 8 && r.nextInt(3) == 0) {
                sb.append(switch (r.nextInt(6)) {
                    case 0 -> "?";
                    case 1 -> "*";
                    case 2 -> "+";
                    case 3 -> "{0,2}";
                    case 4 -> "{1,3}?";
                    default -> "{2}";
                });
            }
        }
        return sb.toString();
    }

    static String randomText(Random r) {
        var sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) sb.append("abc  ".charAt(r.nextInt(5)));
        return sb.toString();
    }
}
