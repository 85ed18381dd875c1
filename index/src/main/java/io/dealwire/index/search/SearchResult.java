package io.dealwire.index.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total  messages matching (conversations when grouped), counted over what the viewer may see
 * @param facets dimension (company, deal, stage, owner, month) → value id → count, most frequent first
 * @param next   cursor of the next page, or null on the last page
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, String next) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
