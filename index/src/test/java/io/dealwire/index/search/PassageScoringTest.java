package io.dealwire.index.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passages score exactly as with Lucene's default scorer, so the snippets chosen do not change. */
class PassageScoringTest {
    private static final String[] WORDS = {"pipeline", "pipelin", "gas", "natural", "contract", "devis", "offre"};

    @Test
    void scoresEveryPassageExactlyAsTheDefault() {
        var random = new Random(20261123L);
        var ours = new PassageScoring();
        var lucenes = new PassageScorer();
        int withRepeats = 0;
        for (int round = 0; round < 5_000; round++) {
            var passage = new Passage();
            int start = random.nextInt(2_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 500 + random.nextInt(500)); // matches lie within it: at most 12 of 38 characters
            int matches = random.nextInt(12);
            int offset = start;
            var seen = new java.util.HashSet<String>();
            boolean repeated = false;
            for (int m = 0; m < matches; m++) {
                var word = WORDS[random.nextInt(WORDS.length)];
                repeated |= !seen.add(word);
                offset += 1 + random.nextInt(30);
                // a fresh BytesRef each time, as the highlighter hands them: equal bytes, not the same object
                passage.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + random.nextInt(9));
                offset += word.length();
            }
            if (repeated) withRepeats++;
            int contentLength = passage.getEndOffset() + random.nextInt(5_000);
            assertEquals(lucenes.score(passage, contentLength), ours.score(passage, contentLength), "round " + round);
        }
        assertTrue(withRepeats > 1_000, "passages repeating a term were scored: " + withRepeats);
    }
}
