package io.dealwire.api.http;

import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}: answered without authentication, so load balancers and scripts can poll it.
 * The status reads the index feeder and the store, which may wait on a lock during a large batch: it is
 * gathered on a virtual thread, never on the event loop.
 *
 * <p>{@code status} is "ok", or "degraded" with {@code degraded} listing what is wrong while it lasts (the
 * store closed after a failed write and waiting for disk space, the index writer failing): the service keeps
 * running and recovers by itself, so it stays up (HTTP 200) for a supervisor, but says so.
 */
public final class HealthRoutes {
    private final Supplier<Map<String, Object>> status;
    private final Supplier<Map<String, Object>> store;
    private final Blocking blocking;

    /**
     * @param status the service's parts ({@code index}, {@code mailboxes}…); a part whose map has a
     *               {@code problem} is listed as degraded
     * @param store  the store's state: {@code state} "ok" or not, with its {@code problem}
     */
    public HealthRoutes(Supplier<Map<String, Object>> status, Supplier<Map<String, Object>> store, Blocking blocking) {
        this.status = status;
        this.store = store;
        this.blocking = blocking;
    }

    /** Without a store state (a store that cannot report one). */
    public HealthRoutes(Supplier<Map<String, Object>> status, Blocking blocking) {
        this(status, () -> Map.of("state", "ok"), blocking);
    }

    public void mount(Router router) {
        router.get("/api/health").handler(ctx -> Responses.reply(ctx, blocking.run(this::gather)));
    }

    /** The health document: the parts' status plus the store's, and what is degraded. */
    Map<String, Object> gather() {
        var storeState = store.get();
        var parts = new LinkedHashMap<String, Object>();
        try {
            parts.putAll(status.get());
        } catch (RuntimeException e) {
            // a part that reads the store cannot answer while the store is down: health still answers, and says why
            parts.put("service", Map.of("problem", String.valueOf(e.getMessage())));
        }
        parts.put("store", storeState);
        var degraded = new ArrayList<String>();
        if (!"ok".equals(storeState.get("state"))) degraded.add("store: " + storeState.getOrDefault("problem", storeState.get("state")));
        for (var part : parts.entrySet()) {
            if (part.getKey().equals("store")) continue;
            if (part.getValue() instanceof Map<?, ?> m && m.get("problem") != null) degraded.add(part.getKey() + ": " + m.get("problem"));
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("status", degraded.isEmpty() ? "ok" : "degraded");
        if (!degraded.isEmpty()) out.put("degraded", degraded);
        parts.remove("status");
        out.putAll(parts);
        return out;
    }
}
