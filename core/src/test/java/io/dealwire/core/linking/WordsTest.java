package io.dealwire.core.linking;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordsTest {

    @Test
    void referencesAreLettersAndDigitsTogether() {
        assertEquals(List.of("AQ-2025-1187", "PO-88412", "Q1042X"),
                List.copyOf(Words.references("Re: quote AQ-2025-1187 and po-88412, also q1042x; not 2025, not ABC-DE, not A1")));
        assertEquals(Set.of(), Words.references("Devis n° 12345 du 3 mars"));
    }

    /** The one-pass scanner finds exactly what the pattern finds, on random text of letters, digits and separators. */
    @Test
    void referencesAreWhatThePatternFinds() {
        var random = new Random(11);
        String alphabet = "aZé1²9-/_ .,\n";
        for (int i = 0; i < 50_000; i++) {
            var sb = new StringBuilder();
            int n = random.nextInt(24);
            for (int j = 0; j < n; j++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            var text = sb.toString();
            assertEquals(byPattern(text), List.copyOf(Words.references(text)), () -> "\"" + text + "\"");
        }
    }

    private static List<String> byPattern(String text) {
        var out = new LinkedHashSet<String>();
        var m = Words.REFERENCE.matcher(text);
        while (m.find()) {
            var token = m.group().toUpperCase(Locale.ROOT);
            if (token.replaceAll("[-/_]", "").length() >= 5) out.add(token);
        }
        return List.copyOf(out);
    }
}
