package io.dealwire.api.app;

import io.dealwire.api.admin.AdminRoutes;
import io.dealwire.api.auth.UserAccounts;
import io.dealwire.api.auth.UserRoutes;
import io.dealwire.api.config.Config;
import io.dealwire.api.context.ContextRoutes;
import io.dealwire.api.context.ContextService;
import io.dealwire.api.correction.CorrectionRoutes;
import io.dealwire.api.scope.Scopes;
import io.dealwire.api.http.ApiServer;
import io.dealwire.api.http.AuthHandler;
import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.HealthRoutes;
import io.dealwire.api.http.OpenApiRoutes;
import io.dealwire.api.http.RequestsInFlight;
import io.dealwire.api.mailbox.MailboxRoutes;
import io.dealwire.api.mailbox.MailboxService;
import io.dealwire.api.search.SearchRoutes;
import io.dealwire.api.secret.SecretBox;
import io.dealwire.core.store.Store;
import io.dealwire.store.MongoStore;
import io.dealwire.store.StoreFactory;
import io.dealwire.store.backup.Backup;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The running service: store, index, mailbox sync and HTTP API, started in that order and stopped in
 * reverse (pollers first, then store and index committed).
 */
public final class Dealwire implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dealwire.class);

    private final Config config;
    private final Store store;
    private final Search search;
    private final Mailboxes mailboxes;
    private final Vertx vertx;
    /** Where the handlers' blocking work runs: virtual threads, and platform threads for searches. */
    private final List<Blocking> blocking;
    private final ApiServer server;
    private volatile boolean closed;

    private Dealwire(Config config, Store store, Search search, Mailboxes mailboxes, Vertx vertx, List<Blocking> blocking, ApiServer server) {
        this.config = config;
        this.store = store;
        this.search = search;
        this.mailboxes = mailboxes;
        this.vertx = vertx;
        this.blocking = blocking;
        this.server = server;
    }

    /** Thrown when a part of the service cannot start; the message says which and why. */
    public static final class StartupException extends RuntimeException {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Dealwire start(Config config) {
        var clock = Clock.systemUTC();
        MongoStore mongo = openStore(config);
        // Every in-process write goes through it, so that what it keeps in memory (mailboxes) stays current.
        var store = new CachingStore(mongo);
        Search search = null;
        Mailboxes mailboxes = null;
        Vertx vertx = null;
        Blocking searching = null;
        try {
            var accounts = new UserAccounts(store.users(), clock, store::commit);
            Defaults.ensure(store);
            accounts.bootstrap(config.bootstrapToken()).ifPresent(issued -> {
                if (config.bootstrapToken() == null) {
                    // Printed once, on the first start only: it is stored hashed and cannot be shown again.
                    System.out.println("Dealwire: created the admin user. API token (shown once): " + issued.secret());
                }
                LOG.info("created the admin user {}", issued.user().id());
            });
            store.commit();

            var secrets = SecretBox.open(config.secretKey(), config.dataDir());
            search = Search.open(config, store);
            var crmServices = CrmServices.create(config, store, clock);
            // the sync slows its backfill while API requests are in flight: a person waiting comes first
            var requestsInFlight = new RequestsInFlight();
            mailboxes = Mailboxes.start(config, store, crmServices.intake(), secrets, search, requestsInFlight::inFlight);
            var access = new AccessResolver(store.mailboxes());

            vertx = Vertx.vertx();
            var blocking = new Blocking(vertx);
            // one per core: more would not answer sooner, and the backfill's threads run at a lower priority (ADR 7)
            searching = Blocking.onPlatformThreads(vertx, "search", Runtime.getRuntime().availableProcessors());
            var server = new ApiServer(vertx);
            var mailboxService = new MailboxService(store, secrets, mailboxes, crmServices.settings().ownDomains(), clock);
            var finalSearch = search;
            var finalMailboxes = mailboxes;
            var crm = new io.dealwire.api.crm.CrmRoutes(store, access, DealActivities.of(store), blocking, clock);
            List<Consumer<Router>> open = List.of(
                    requestsInFlight::mount,
                    new HealthRoutes(() -> health(finalSearch, finalMailboxes), mongo::health, blocking)::mount,
                    new OpenApiRoutes()::mount,
                    crm::mountOpen,
                    WebApp::mount);
            List<Consumer<Router>> secured = List.of(
                    new UserRoutes(accounts, store.users(), blocking)::mount,
                    new MailboxRoutes(mailboxService, blocking)::mount,
                    new AdminRoutes(search, dir -> Backup.write(mongo, dir), blocking)::mount,
                    new SearchRoutes(search, store, access, searching)::mount,
                    new ContextRoutes(new ContextService(store, search::newest, search::generation, clock), access, blocking)::mount,
                    crm::mountSecured,
                    new CorrectionRoutes(crmServices.corrections(), new Scopes(store, access), blocking)::mount);
            server.start(config.httpHost(), config.httpPort(), config.rateLimit(), open, new AuthHandler(accounts, crm.sessionAuth(), blocking), secured)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Dealwire listening on http://{}:{}/ (data dir {}, {} store)", config.httpHost(), server.port(),
                    config.dataDir().toAbsolutePath().normalize(), config.mongoUri() == null ? "embedded" : "MongoDB");
            return new Dealwire(config, store, search, mailboxes, vertx, List.of(blocking, searching), server);
        } catch (Exception e) {
            if (mailboxes != null) mailboxes.close();
            if (vertx != null) vertx.close();
            if (searching != null) searching.close();
            if (search != null) search.close();
            store.close();
            if (e instanceof StartupException s) throw s;
            var cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new StartupException(describe(cause, config), cause);
        }
    }

    private static String describe(Throwable e, Config config) {
        if (e instanceof java.net.BindException || String.valueOf(e.getMessage()).contains("Address already in use"))
            return "port " + config.httpPort() + " on " + config.httpHost() + " is already in use (set DEALWIRE_HTTP_PORT)";
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static MongoStore openStore(Config config) {
        try {
            return StoreFactory.open(config.mongoUri(), config.dataDir());
        } catch (RuntimeException e) {
            throw new StartupException("the store cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Opens only the store for a command-line task, runs it and closes the store. */
    public static int withStore(Config config, Function<Store, Integer> task) {
        try (var store = openStore(config)) {
            Defaults.ensure(store);
            int status = task.apply(store);
            store.commit();
            return status;
        } catch (StartupException | IllegalArgumentException e) {
            System.err.println("dealwire: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> health(Search search, Mailboxes mailboxes) {
        var m = new LinkedHashMap<String, Object>();
        m.put("status", "ok");
        m.put("index", search.status());
        m.put("mailboxes", mailboxes.summary());
        return m;
    }

    public int port() {
        return server.port();
    }

    /** Every HTTP endpoint served, as "METHOD /path/:param". */
    public List<String> endpoints() {
        return server.endpoints();
    }

    public Store store() {
        return store;
    }

    public Search search() {
        return search;
    }

    public Mailboxes mailboxes() {
        return mailboxes;
    }

    /** Stops pollers, the HTTP server, then commits index and store. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LOG.info("stopping Dealwire");
        try {
            mailboxes.close();
        } catch (RuntimeException e) {
            LOG.warn("stopping mailbox sync failed: {}", e.getMessage(), e);
        }
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
        }
        blocking.forEach(Blocking::close);
        try {
            search.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the index failed: {}", e.getMessage(), e);
        }
        try {
            store.commit();
        } finally {
            store.close();
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing Vert.x failed: {}", e.getMessage());
        }
        LOG.info("Dealwire stopped; store and index committed");
    }
}
