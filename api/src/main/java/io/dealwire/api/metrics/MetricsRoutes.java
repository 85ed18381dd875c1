package io.dealwire.api.metrics;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.scope.Scopes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** {@code GET /api/metrics?pipeline=&owner=&from=&to=&target=}: funnel, win rate, cycle, velocity, RTV, GAP, funnel factor. */
public final class MetricsRoutes {
    private final MetricsService service;
    private final Scopes scopes;
    private final Blocking blocking;

    public MetricsRoutes(MetricsService service, Scopes scopes, Blocking blocking) {
        this.service = service;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/metrics").handler(this::metrics);
    }

    private void metrics(RoutingContext ctx) {
        var pipeline = Fields.param(ctx, "pipeline") == null ? "default" : Fields.param(ctx, "pipeline");
        var user = Responses.user(ctx);
        var owner = "me".equals(Fields.param(ctx, "owner")) ? user.id() : Fields.param(ctx, "owner");
        var from = date(Fields.param(ctx, "from"), "from");
        var to = date(Fields.param(ctx, "to"), "to");
        if (from != null && to != null && to.isBefore(from)) throw ApiException.badRequest("to (" + to + ") is before from (" + from + ")");
        var target = target(Fields.param(ctx, "target"));
        Responses.reply(ctx, blocking.run(() -> service.compute(scopes.of(user), pipeline, owner, from, to, target)));
    }

    private static LocalDate date(String raw, String name) {
        if (raw == null) return null;
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date as YYYY-MM-DD, got '" + raw + "'");
        }
    }

    private static Double target(String raw) {
        if (raw == null) return null;
        try {
            double t = Double.parseDouble(raw);
            if (t >= 0 && Double.isFinite(t)) return t;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("target must be a number ≥ 0, got '" + raw + "'");
    }
}
