package io.dealwire.api.search;

import io.dealwire.api.app.Search;
import io.dealwire.api.http.Access;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.core.store.Store;
import io.dealwire.index.query.QuerySyntaxException;
import io.dealwire.index.search.SearchRequest;
import io.dealwire.index.search.SearchRequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

/** {@code GET /api/search}: mail-client syntax, filtered by what the caller may see. */
public final class SearchRoutes {
    private static final int MAX_QUERY = 2000;
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private final Search search;
    private final Store store;
    private final Access.Resolver access;
    private final Blocking blocking;

    public SearchRoutes(Search search, Store store, Access.Resolver access, Blocking blocking) {
        this.search = search;
        this.store = store;
        this.access = access;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/search").handler(this::search);
    }

    private void search(RoutingContext ctx) {
        var params = ctx.queryParams();
        var q = params.get("q") == null ? "" : params.get("q");
        if (q.length() > MAX_QUERY) throw ApiException.badRequest("the query is longer than " + MAX_QUERY + " characters");
        int limit = io.dealwire.api.http.ApiLimits.pageSize(params.get("limit"));
        var sortParam = params.get("sort") == null ? "relevance" : params.get("sort").toLowerCase(Locale.ROOT);
        var sort = switch (sortParam) {
            case "relevance" -> SearchRequest.Sort.RELEVANCE;
            case "date" -> SearchRequest.Sort.DATE;
            default -> throw ApiException.badRequest("sort must be 'relevance' or 'date', got '" + sortParam + "'");
        };
        boolean group = "conversation".equals(params.get("group")) || "true".equals(params.get("group"));
        var request = new SearchRequest(q, limit, params.get("cursor"), sort, group);
        var user = Responses.user(ctx);
        // The answer is encoded on the virtual thread, next to the search: the event loop, which serves every
        // connection of its share, only writes the bytes (encoding twenty hits with snippets and facets was a
        // few percent of a search's CPU, spent on the thread all the other requests wait for).
        blocking.run(() -> {
            try {
                return Buffer.buffer(Json.writeBytes(SearchAnswer.of(search.search(request, access.apply(user).viewer()), store)));
            } catch (QuerySyntaxException e) {
                throw ApiException.badRequest("the query is malformed at position " + e.position() + ": " + e.problem());
            } catch (SearchRequestException e) {
                throw ApiException.badRequest(e.getMessage());
            }
        }).onSuccess(body -> {
            if (!ctx.response().ended()) ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(body);
        }).onFailure(ctx::fail);
    }
}
