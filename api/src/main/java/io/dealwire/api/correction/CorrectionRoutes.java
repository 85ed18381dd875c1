package io.dealwire.api.correction;

import com.fasterxml.jackson.databind.JsonNode;
import io.dealwire.api.http.ApiException;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Json;
import io.dealwire.api.http.Responses;
import io.dealwire.api.scope.Scope;
import io.dealwire.api.scope.Scopes;
import io.dealwire.core.correction.Corrections;
import io.dealwire.core.correction.InvalidCorrectionException;
import io.dealwire.core.correction.UnknownRecordException;
import io.dealwire.core.message.StoredMessage;
import io.dealwire.core.user.Role;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * People's corrections: re-link a message or a conversation, split a conversation, mark it private,
 * ignore a sender or domain, merge contacts or companies, erase a contact. A correction is never undone
 * by the automatic linker. Ids the caller may not see answer 404.
 */
public final class CorrectionRoutes {
    private final Corrections corrections;
    private final Scopes scopes;
    private final Blocking blocking;

    public CorrectionRoutes(Corrections corrections, Scopes scopes, Blocking blocking) {
        this.corrections = corrections;
        this.scopes = scopes;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.post("/api/conversations/:id/link").handler(this::linkConversation);
        router.post("/api/conversations/:id/private").handler(this::markPrivate);
        router.post("/api/messages/:id/link").handler(this::linkMessage);
        router.post("/api/messages/:id/split").handler(this::split);
        router.post("/api/ignores").handler(this::ignore);
        router.post("/api/contacts/:id/merge").handler(this::mergeContacts);
        router.post("/api/companies/:id/merge").handler(this::mergeCompanies);
        router.delete("/api/contacts/:id/erase").handler(this::erase);
    }

    private void linkConversation(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        var target = LinkTarget.of(body);
        var conversationId = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            requireConversation(scope, conversationId);
            var userId = scope.user().id();
            if (target.dealId() != null) {
                scope.requireDeal(target.dealId());
                var moved = corrections.relinkConversation(conversationId, target.dealId(), userId);
                return Map.of("dealId", target.dealId(), "messages", moved.size());
            }
            var deal = corrections.relinkConversationToNewDeal(conversationId, userId);
            return Map.of("dealId", deal.id(), "newDeal", true);
        });
    }

    private void linkMessage(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        var target = LinkTarget.of(body);
        var messageId = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            scope.requireMessage(messageId);
            if (target.dealId() != null) {
                scope.requireDeal(target.dealId());
                var m = corrections.relinkMessage(messageId, target.dealId(), scope.user().id());
                return Map.of("dealId", m.dealId());
            }
            return Map.of("dealId", corrections.relinkMessageToNewDeal(messageId, scope.user().id()).id(), "newDeal", true);
        });
    }

    private void split(RoutingContext ctx) {
        var messageId = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            scope.requireMessage(messageId);
            return Map.of("conversationId", corrections.splitConversation(messageId, scope.user().id()));
        });
    }

    private void markPrivate(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        if (!body.path("private").isBoolean()) throw ApiException.badRequest("give {\"private\": true} or {\"private\": false}");
        boolean isPrivate = body.get("private").asBoolean();
        var conversationId = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            requireConversation(scope, conversationId);
            return Map.of("conversationId", conversationId, "private", isPrivate,
                    "messages", corrections.markPrivate(conversationId, isPrivate).size());
        });
    }

    private void ignore(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        var email = body.path("email").asText("").trim();
        var domain = body.path("domain").asText("").trim();
        if (email.isEmpty() == domain.isEmpty()) throw ApiException.badRequest("give either {\"email\": …} or {\"domain\": …}");
        if (!email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+$")) throw ApiException.badRequest("'" + email + "' is not an email address");
        if (!domain.isEmpty() && !domain.matches("^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$")) throw ApiException.badRequest("'" + domain + "' is not a domain name");
        var userId = Responses.user(ctx).id();
        Responses.reply(ctx, 201, blocking.run(() -> {
            var rule = email.isEmpty() ? corrections.ignoreDomain(domain, userId) : corrections.ignoreSender(email, userId);
            return rule;
        }).recover(CorrectionRoutes::translate));
    }

    private void mergeContacts(RoutingContext ctx) {
        var merged = mergedId(ctx);
        var kept = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            requireManager(scope);
            scope.requireContact(kept);
            scope.requireContact(merged);
            return corrections.mergeContacts(kept, merged);
        });
    }

    private void mergeCompanies(RoutingContext ctx) {
        var merged = mergedId(ctx);
        var kept = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            requireManager(scope);
            scope.requireCompany(kept);
            scope.requireCompany(merged);
            return corrections.mergeCompanies(kept, merged);
        });
    }

    /** GDPR erasure: admins only; the answer is the audit record, which holds no personal data. */
    private void erase(RoutingContext ctx) {
        Responses.requireAdmin(ctx);
        var id = ctx.pathParam("id");
        run(ctx, () -> {
            var scope = scopes.of(Responses.user(ctx));
            scope.requireContact(id);
            return corrections.eraseContact(id, scope.user().id());
        });
    }

    private static String mergedId(RoutingContext ctx) {
        var body = Json.readObject(ctx.body().asString());
        var merged = body.path("mergedId").asText("").trim();
        if (merged.isEmpty()) throw ApiException.badRequest("give {\"mergedId\": …}: the record merged into this one");
        if (merged.equals(ctx.pathParam("id"))) throw ApiException.badRequest("a record cannot be merged into itself");
        return merged;
    }

    private static void requireManager(Scope scope) {
        if (scope.user().role() == Role.REP) throw ApiException.forbidden("only a manager or an admin can merge records");
    }

    /** A conversation exists for the caller when they can see at least one of its messages. */
    private void requireConversation(Scope scope, String conversationId) {
        List<StoredMessage> visible = scopes.store().messages().findByConversation(conversationId).stream().filter(scope::message).toList();
        if (visible.isEmpty()) throw ApiException.notFound("no conversation " + conversationId);
    }

    private <T> void run(RoutingContext ctx, Callable<T> work) {
        Responses.reply(ctx, blocking.run(work).recover(CorrectionRoutes::translate));
    }

    private static <T> io.vertx.core.Future<T> translate(Throwable e) {
        if (e instanceof UnknownRecordException) return io.vertx.core.Future.failedFuture(ApiException.notFound(e.getMessage()));
        if (e instanceof InvalidCorrectionException) return io.vertx.core.Future.failedFuture(ApiException.badRequest(e.getMessage()));
        return io.vertx.core.Future.failedFuture(e);
    }

    /** {@code {"dealId": …}} or {@code {"newDeal": {…}}}. */
    private record LinkTarget(String dealId) {
        static LinkTarget of(JsonNode body) {
            var dealId = body.path("dealId").asText("").trim();
            boolean newDeal = body.hasNonNull("newDeal");
            if (dealId.isEmpty() == !newDeal)
                throw ApiException.badRequest("give either {\"dealId\": …} or {\"newDeal\": {…}}");
            return new LinkTarget(dealId.isEmpty() ? null : dealId);
        }
    }
}
