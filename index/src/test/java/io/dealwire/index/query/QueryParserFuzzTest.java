package io.dealwire.index.query;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dealwire.index.analysis.MessageAnalyzers;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text typed in the search box: {@link SearchQueryParser#parse} either gives a query tree that the
 * Lucene builder turns into a query, or raises a {@link QuerySyntaxException} with a position inside the
 * input. Every other exception is a finding. Regression inputs live under {@code QueryParserFuzzTestInputs/}.
 */
class QueryParserFuzzTest {
    private static final int MAX_QUERY_CHARS = 4096;
    private static final LuceneQueryBuilder BUILDER = new LuceneQueryBuilder(new MessageAnalyzers());

    @FuzzTest(maxDuration = "5m")
    void parseAcceptsOrNamesTheMistake(FuzzedDataProvider data) {
        var query = data.consumeRemainingAsString();
        if (query.length() > MAX_QUERY_CHARS) return;
        QueryNode node;
        try {
            node = SearchQueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            assertNotNull(e.getMessage(), "a syntax error says what is wrong");
            assertTrue(e.position() >= 0 && e.position() <= query.length(),
                    () -> "position " + e.position() + " outside a query of " + query.length() + " chars");
            return;
        }
        assertNotNull(node, "parse returned null");
        assertNotNull(BUILDER.build(node), "no Lucene query built");
    }
}
