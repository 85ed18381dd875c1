package io.dealwire.core.inference;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlternativesSearchTest {

    @Test
    void splitsOnlyAtTheTopLevel() {
        assertEquals(List.of("\\ba (?:b|c)", "[|x]d", "e\\|f"), AlternativesSearch.topLevelAlternatives("\\ba (?:b|c)|[|x]d|e\\|f"));
        assertEquals(List.of("(?i)a|b"), AlternativesSearch.topLevelAlternatives("(?i)a|b"), "inline flags apply across alternatives");
        assertEquals(List.of("(a)\\1|b"), AlternativesSearch.topLevelAlternatives("(a)\\1|b"), "back references count groups across alternatives");
    }

    @Test
    void findsWhatTheWholePatternFinds() {
        var search = AlternativesSearch.of(Pattern.compile("\\bnew project\\b|\\bcould you (send|quote)|\\bappel d'offres?\\b"));
        assertEquals(3, search.size());
        assertTrue(search.find("hello, could you quote 3 units"));
        assertTrue(search.find("suite a votre appel d'offre"));
        assertFalse(search.find("could you call me"));
    }

    /** On random alternations and texts, the search answers exactly as the pattern's own find. */
    @Test
    void answersAsThePatternOnRandomInput() {
        var random = new Random(3);
        int found = 0;
        for (int i = 0; i < 3000; i++) {
            var regex = LiteralPrefilterTest.randomRegex(random, 2) + "|" + LiteralPrefilterTest.randomRegex(random, 2)
                    + "|" + LiteralPrefilterTest.randomRegex(random, 1);
            var pattern = Pattern.compile(regex);
            var search = AlternativesSearch.of(pattern);
            for (int j = 0; j < 30; j++) {
                var text = LiteralPrefilterTest.randomText(random);
                boolean expected = pattern.matcher(text).find();
                if (expected) found++;
                assertEquals(expected, search.find(text), () -> "/" + regex + "/ on \"" + text + "\"");
            }
        }
        assertTrue(found > 10_000, "matches: " + found);
    }
}
