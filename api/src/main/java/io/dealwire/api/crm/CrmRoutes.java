package io.dealwire.api.crm;

import io.dealwire.api.company.CompanyRoutes;
import io.dealwire.api.company.CompanyService;
import io.dealwire.api.contact.ContactRoutes;
import io.dealwire.api.contact.ContactService;
import io.dealwire.api.context.ContextService;
import io.dealwire.api.deal.DealRoutes;
import io.dealwire.api.deal.DealService;
import io.dealwire.api.http.Access;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.message.MessageRoutes;
import io.dealwire.api.message.MessageService;
import io.dealwire.api.message.Timelines;
import io.dealwire.api.metrics.MetricsRoutes;
import io.dealwire.api.pipeline.PipelineRoutes;
import io.dealwire.api.pipeline.PipelineService;
import io.dealwire.api.reminder.ReminderRoutes;
import io.dealwire.api.scope.Scopes;
import io.dealwire.api.session.LoginThrottle;
import io.dealwire.api.session.SessionAuth;
import io.dealwire.api.session.SessionRoutes;
import io.dealwire.api.session.Sessions;
import io.dealwire.core.id.IdGenerator;
import io.dealwire.core.store.Store;
import io.vertx.ext.web.Router;

import java.time.Clock;
import java.time.Duration;

/**
 * The CRM part of the API in one place: deals, contacts, companies, pipelines, messages and timelines, and
 * the web app's password sessions. {@link #mountOpen} goes before authentication, {@link #mountSecured} after.
 */
public final class CrmRoutes {
    /** Password attempts allowed per client address and email each minute. */
    public static final int LOGIN_ATTEMPTS_PER_MINUTE = 5;
    private static final Duration SESSION_IDLE = Duration.ofHours(12);

    private final SessionAuth sessionAuth;
    private final SessionRoutes sessions;
    private final DealRoutes deals;
    private final ContactRoutes contacts;
    private final CompanyRoutes companies;
    private final PipelineRoutes pipelines;
    private final MessageRoutes messages;
    private final ReminderRoutes reminders;
    private final MetricsRoutes metrics;

    public CrmRoutes(Store store, Access.Resolver access, ContextService.DealStatus status, Blocking blocking, Clock clock) {
        var ids = IdGenerator.random();
        var scopes = new Scopes(store, access);
        var timelines = new Timelines(store);
        this.sessionAuth = new SessionAuth(new Sessions(clock, SESSION_IDLE), store.users());
        this.sessions = new SessionRoutes(sessionAuth, store.users(), new LoginThrottle(LOGIN_ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1), clock), blocking);
        this.deals = new DealRoutes(new DealService(store, status, clock, ids), scopes, blocking);
        this.contacts = new ContactRoutes(new ContactService(store, clock, ids), timelines, scopes, blocking);
        this.companies = new CompanyRoutes(new CompanyService(store, clock, ids), timelines, scopes, blocking);
        this.pipelines = new PipelineRoutes(new PipelineService(store), blocking);
        this.messages = new MessageRoutes(new MessageService(store), timelines, scopes, blocking);
        this.reminders = new ReminderRoutes(store, scopes, blocking, clock);
        this.metrics = new MetricsRoutes(scopes, blocking, clock);
    }

    /**
     * What the authentication handler calls for requests without a bearer token. {@code fromCookie} is blocking
     * and throws a 403 {@code ApiException} for an unsafe request without the right CSRF token:
     * <pre>
     * if (header == null &amp;&amp; sessions.hasCookie(ctx)) {
     *     blocking.run(() -&gt; sessions.fromCookie(ctx)).onComplete(ar -&gt; {
     *         if (ar.failed()) ctx.fail(ar.cause());
     *         else if (ar.result().isEmpty()) Problems.send(ctx, 401, "Unauthorized", "the session expired: log in again");
     *         else { ctx.put(USER_KEY, ar.result().get()); ctx.next(); }
     *     });
     *     return;
     * }
     * </pre>
     */
    public SessionAuth sessionAuth() {
        return sessionAuth;
    }

    public void mountOpen(Router router) {
        sessions.mountOpen(router);
    }

    public void mountSecured(Router router) {
        sessions.mountSecured(router);
        deals.mount(router);
        contacts.mount(router);
        companies.mount(router);
        pipelines.mount(router);
        messages.mount(router);
        reminders.mount(router);
        metrics.mount(router);
    }
}
