package io.dealwire.index.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage score (BM25 over the passage, boosted towards the start of the text), computed without
 * a hash table per passage. The default builds a {@code BytesRefHash} for every passage it scores, which takes a
 * 32 KB block on its first term: a third of all the bytes a search allocated, for passages of a handful of
 * matches. Distinct terms are found here by comparing each match with the ones before it, and are summed in the
 * same order with the same arithmetic, so passages score exactly as with the default.
 */
final class PassageScoring extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0d;
        for (int i = 0; i < matches; i++) {
            if (occursBefore(terms, i)) continue;
            int inPassage = 1;
            for (int j = i + 1; j < matches; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
            score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static boolean occursBefore(BytesRef[] terms, int i) {
        for (int j = 0; j < i; j++) if (terms[j].bytesEquals(terms[i])) return true;
        return false;
    }
}
