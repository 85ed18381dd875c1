package io.dealwire.index.analysis;

import io.dealwire.index.mapping.MessageFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyzers of the message index, one per field family:
 * <ul>
 *   <li>{@code *_en}: Lucene's English analyzer (stop words, Porter stemmer: <i>signed</i> and <i>signing</i> meet);</li>
 *   <li>{@code *_fr}: Lucene's French analyzer (elisions, stop words, light stemmer: <i>l'offre</i>, <i>offres</i>);</li>
 *   <li>{@code *_fold}: words lower-cased and accent-folded without stemming, queried alongside whatever the
 *       language, so <i>devis</i> finds <i>Devis</i> and <i>dévis</i> even in a message detected as English;</li>
 *   <li>participant, company and file-name fields: split on anything but letters and digits, folded, so
 *       {@code from:dasovich} and {@code filename:pdf} match parts of addresses and names.</li>
 * </ul>
 * The {@link #highlighting} analyzer stacks every form of a word at one position so that the highlighter
 * finds the stemmed and folded query terms in one stored text.
 */
public final class MessageAnalyzers {
    private static final int MAX_CACHED_VARIANTS = 200_000;

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer french = new FrenchAnalyzer();
    private final Analyzer folded = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };
    private final Analyzer parts = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };
    private final Analyzer keyword = new KeywordAnalyzer();
    private final ConcurrentHashMap<String, List<String>> variantCache = new ConcurrentHashMap<>();
    private final Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return forField(fieldName);
        }
    };
    /** The analyzer for each field of {@link MessageFields}, for indexing and for query building. */
    public Analyzer perField() {
        return perField;
    }

    /**
     * For re-analysing a stored preview when highlighting {@code terms} (the query's terms, in whatever field's
     * analysis): every form of each word at one position, so that stemmed and folded query terms are found.
     *
     * <p>Only words that may be one of the terms get their forms looked up: every form is the word with its
     * ending changed (stemmers only touch suffixes) and accents folded, so a word whose folded first letters
     * start no term cannot match and passes as it is. On a preview of a thousand characters that skips almost
     * every word. One analyzer per search: it holds that search's terms.
     */
    public Analyzer highlighting(java.util.Collection<String> terms) {
        var candidates = new Candidates(terms);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES));
                return new TokenStreamComponents(source, new StackedVariantsFilter(stream, candidates::mayMatch, MessageAnalyzers.this::variants));
            }
        };
    }

    /**
     * The folded leading letters of a search's terms, to tell at once the words that cannot be one of them. A word is
     * read where it lies (the token's own buffer): its first letters, packed in a number, are looked up in the
     * sorted numbers of the terms' first letters; only a word whose first letters carry accents is copied to fold them.
     */
    private static final class Candidates {
        private static final int PREFIX = 3;
        private final long[] prefixes;
        private final boolean shortTerms;

        Candidates(java.util.Collection<String> terms) {
            prefixes = terms.stream().map(Candidates::head).mapToLong(h -> key(h, h.length())).distinct().sorted().toArray();
            shortTerms = terms.stream().anyMatch(t -> head(t).length() < PREFIX);
        }

        boolean mayMatch(CharSequence word) {
            int n = Math.min(word.length(), PREFIX);
            for (int i = 0; i < n; i++) if (word.charAt(i) >= 0x80) return mayMatchHead(head(word.toString()));
            return mayMatchHead(word);
        }

        /** {@code head}: a word whose first {@value #PREFIX} letters (or all, if fewer) are folded. */
        private boolean mayMatchHead(CharSequence head) {
            if (head.length() < PREFIX) return true; // too short to tell: look its forms up
            if (known(key(head, PREFIX))) return true;
            // a term shorter than the prefix ("ai", stem of "aie") starts words of any length
            if (shortTerms) for (int n = 1; n < PREFIX; n++) if (known(key(head, n))) return true;
            return false;
        }

        private boolean known(long key) {
            return java.util.Arrays.binarySearch(prefixes, key) >= 0;
        }

        /** The first {@code n} (at most {@value #PREFIX}) characters and their count, packed: 16 bits each. */
        private static long key(CharSequence s, int n) {
            long key = n;
            for (int i = 0; i < n; i++) key = (key << 16) | s.charAt(i);
            return key;
        }

        /** The first {@value #PREFIX} letters of a word, accents folded (most words have none: no copy then). */
        private static String head(String word) {
            int n = Math.min(word.length(), PREFIX);
            for (int i = 0; i < n; i++) {
                if (word.charAt(i) >= 0x80) {
                    var folded = fold(word.substring(0, Math.min(word.length(), PREFIX * 2)));
                    return folded.substring(0, Math.min(folded.length(), PREFIX));
                }
            }
            return word.substring(0, n);
        }

        private static String fold(String s) {
            var in = s.toCharArray();
            var out = new char[in.length * 4];
            int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
            return new String(out, 0, n);
        }
    }

    Analyzer forField(String field) {
        if (field.endsWith(MessageFields.EN)) return english;
        if (field.endsWith(MessageFields.FR)) return french;
        if (field.endsWith(MessageFields.FOLD) || field.equals(MessageFields.FULL)) return folded;
        if (MessageFields.PARTS_FIELDS.contains(field)) return parts;
        return keyword;
    }

    /**
     * Every indexed form of one lower-cased word (folded, English stem, French stem), cached because the
     * highlighter asks for the same common words on every search.
     */
    List<String> variants(String word) {
        var cached = variantCache.get(word);
        if (cached != null) return cached;
        var forms = new LinkedHashSet<String>();
        forms.add(word);
        analyze(folded, word, forms);
        analyze(english, word, forms);
        analyze(french, word, forms);
        var list = List.copyOf(forms);
        if (variantCache.size() >= MAX_CACHED_VARIANTS) variantCache.clear();
        variantCache.put(word, list);
        return list;
    }

    private static void analyze(Analyzer analyzer, String text, java.util.Set<String> out) {
        try (var stream = analyzer.tokenStream("", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) out.add(term.toString());
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse a word in memory", e);
        }
    }
}
