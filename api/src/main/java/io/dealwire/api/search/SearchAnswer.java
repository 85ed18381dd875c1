package io.dealwire.api.search;

import io.dealwire.core.store.Store;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A search result as the API answers it: the index's result plus {@code labels}, the readable name of every
 * company, deal and owner facet value (facets count record ids; people read names). Only values the
 * caller's facets already hold are named, so labels show nothing the viewer could not see.
 */
public record SearchAnswer(long total, List<Hit> hits, Map<String, Map<String, Long>> facets,
                           Map<String, Map<String, String>> labels, String next) {

    static SearchAnswer of(SearchResult result, Store store) {
        var labels = new LinkedHashMap<String, Map<String, String>>();
        labels.put("company", name(result.facets().get("company"), id -> store.companies().find(id).map(c -> c.name()).orElse(null)));
        labels.put("deal", name(result.facets().get("deal"), id -> store.deals().find(id).map(d -> d.title()).orElse(null)));
        labels.put("owner", name(result.facets().get("owner"), id -> store.users().find(id).map(u -> u.name()).orElse(null)));
        return new SearchAnswer(result.total(), result.hits(), result.facets(), labels, result.next());
    }

    private static Map<String, String> name(Map<String, Long> values, Function<String, String> lookup) {
        var out = new LinkedHashMap<String, String>();
        if (values == null) return out;
        for (var id : values.keySet()) {
            var label = lookup.apply(id);
            if (label != null && !label.isBlank()) out.put(id, label);
        }
        return out;
    }
}
