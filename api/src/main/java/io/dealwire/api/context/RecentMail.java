package io.dealwire.api.context;

import io.dealwire.core.visibility.Viewer;
import io.dealwire.index.search.Hit;
import io.dealwire.index.search.SearchRequest;

import java.util.List;

/**
 * The newest messages of some deals and conversations, as the search index holds them: a bounded read of
 * metadata (no message bodies), filtered by the index's visibility filter, which is the core policy's.
 */
@FunctionalInterface
public interface RecentMail {
    /**
     * @param q      a query in the search syntax that the messages must also match; blank for all
     * @param within the deals and conversations, and whether erased messages count
     * @param limit  at most this many, newest first
     * @return hits whose {@code snippet} is the plain start of the message's own text
     */
    List<Hit> newest(String q, SearchRequest.Within within, Viewer viewer, int limit);
}
