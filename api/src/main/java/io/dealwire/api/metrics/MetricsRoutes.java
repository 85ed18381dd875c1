package io.dealwire.api.metrics;

import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.scope.Scopes;
import io.dealwire.core.metrics.MetricsQuery;
import io.dealwire.core.metrics.PipelineMetrics;
import io.dealwire.core.metrics.PipelineReport;
import io.dealwire.core.user.User;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/metrics?pipeline=&owner=&from=&to=&target=}: the core's {@link PipelineReport} over the deals
 * the caller may see. Dates are whole days in UTC: {@code from} counts from its first moment, {@code to} up to
 * the end of its day.
 */
public final class MetricsRoutes {
    private final Scopes scopes;
    private final Blocking blocking;
    private final Clock clock;

    public MetricsRoutes(Scopes scopes, Blocking blocking, Clock clock) {
        this.scopes = scopes;
        this.blocking = blocking;
        this.clock = clock;
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
        var query = query(pipeline, owner, from, to, target(Fields.param(ctx, "target")));
        Responses.reply(ctx, blocking.run(() -> report(user, query)));
    }

    private PipelineReport report(User user, MetricsQuery query) {
        var store = scopes.store();
        if (store.pipelines().find(query.pipelineId()).isEmpty()) throw ApiException.notFound("no pipeline " + query.pipelineId());
        return PipelineMetrics.of(store, query, scopes.of(user)::deal);
    }

    private MetricsQuery query(String pipeline, String owner, LocalDate from, LocalDate to, Double target) {
        try {
            return new MetricsQuery(pipeline, owner, startOf(from), to == null ? null : startOf(to.plusDays(1)), clock.instant(), target);
        } catch (IllegalArgumentException e) {
            // Without a 'to' the period ends now, so a 'from' in the future would end it before it starts.
            throw ApiException.badRequest("from (" + from + ") is in the future: the period ends now unless 'to' is given");
        }
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
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
