package io.dealwire.api.context;

import io.dealwire.api.http.Access;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Responses;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/** {@code GET /api/context?messageId=…|email=…}: what the add-on shows beside a message. */
public final class ContextRoutes {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private final ContextService service;
    private final Access.Resolver access;
    private final Blocking blocking;

    public ContextRoutes(ContextService service, Access.Resolver access, Blocking blocking) {
        this.service = service;
        this.access = access;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/context").handler(this::context);
    }

    private void context(RoutingContext ctx) {
        var messageId = blankToNull(ctx.queryParams().get("messageId"));
        var email = blankToNull(ctx.queryParams().get("email"));
        if (messageId == null && email == null) throw ApiException.badRequest("give messageId (a Message-ID header) or email (an address), or both");
        if (email != null && !EMAIL.matcher(email).matches()) throw ApiException.badRequest("email '" + email + "' is not an email address");
        var user = Responses.user(ctx);
        Responses.reply(ctx, blocking.run(() -> {
            var a = access.apply(user);
            return service.context(messageId, email, a.viewer(), a.canSee());
        }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
