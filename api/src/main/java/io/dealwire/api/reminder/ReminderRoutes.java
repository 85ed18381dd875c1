package io.dealwire.api.reminder;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Responses;
import io.dealwire.api.listing.Fields;
import io.dealwire.api.scope.Scope;
import io.dealwire.api.scope.Scopes;
import io.dealwire.core.activity.Reminder;
import io.dealwire.core.activity.Reminders;
import io.dealwire.core.store.Store;
import io.dealwire.core.user.User;
import io.vertx.ext.web.Router;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/reminders?owner=me|all|<user id>}: deals that need a reply, whose follow-up is due, or that went
 * quiet, from the core's activity rules. Defaults to the caller's own deals; only deals the caller may see are listed.
 */
public final class ReminderRoutes {
    private final Store store;
    private final Reminders reminders;
    private final Scopes scopes;
    private final Blocking blocking;
    private final Clock clock;

    public ReminderRoutes(Store store, Scopes scopes, Blocking blocking, Clock clock) {
        this.store = store;
        this.reminders = new Reminders(store);
        this.scopes = scopes;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** @param kind needs-reply, follow-up-due or inactive; {@code days} since the last mail */
    public record ReminderView(String kind, String dealId, String dealTitle, String ownerId, String ownerName, Instant since, long days) {
    }

    public void mount(Router router) {
        router.get("/api/reminders").handler(ctx -> {
            var owner = Fields.param(ctx, "owner");
            var user = Responses.user(ctx);
            Responses.reply(ctx, blocking.run(() -> list(scopes.of(user), owner)));
        });
    }

    private List<ReminderView> list(Scope scope, String owner) {
        String ownerId = owner == null || owner.equals("me") ? scope.user().id() : owner.equals("all") ? null : owner;
        var names = new HashMap<String, String>();
        return reminders.forOwner(ownerId, clock.instant()).stream()
                .filter(r -> store.deals().find(r.dealId()).filter(scope::deal).isPresent())
                .map(r -> new ReminderView(kind(r.kind()), r.dealId(), r.dealTitle(), r.ownerId(),
                        r.ownerId() == null ? null : names.computeIfAbsent(r.ownerId(), id -> store.users().find(id).map(User::name).orElse(id)),
                        r.since(), r.days()))
                .toList();
    }

    private static String kind(Reminder.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
