package io.dealwire.index.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Emits, after each token, its other forms at the same position and with the same offsets. A token that
 * {@code mayVary} rules out passes alone, read in place: most tokens of a text are such, and making a string of
 * each was a tenth of the bytes a search allocated.
 */
final class StackedVariantsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Predicate<CharSequence> mayVary;
    private final Function<String, List<String>> variants;
    private List<String> pending = List.of();
    private int next;
    private State state;

    /** @param variants a word's forms, the word itself first */
    StackedVariantsFilter(TokenStream input, Predicate<CharSequence> mayVary, Function<String, List<String>> variants) {
        super(input);
        this.mayVary = mayVary;
        this.variants = variants;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.size()) {
            restoreState(state);
            term.setEmpty().append(pending.get(next++));
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) return false;
        if (!mayVary.test(term)) {
            pending = List.of();
            next = 0;
            return true;
        }
        var forms = variants.apply(term.toString());
        // forms.get(0) is the token itself, already in the attributes
        pending = forms;
        next = 1;
        state = forms.size() > 1 ? captureState() : null; // a word with no other form needs no copy of its attributes
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = List.of();
        next = 0;
        state = null;
    }
}
