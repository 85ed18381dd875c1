package io.dealwire.api.session;

import io.dealwire.api.http.Blocking;
import io.dealwire.api.http.Problems;
import io.dealwire.core.user.InMemoryUserRepository;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SessionAuth#fromCookie} as an authentication handler calls it: a live session names its user, an
 * unsafe request needs the CSRF token, and an expired or unknown session names nobody.
 */
class SessionAuthTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T09:00:00Z"));
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(1));
    private final SessionAuth auth = new SessionAuth(sessions, users);
    private final HttpClient client = HttpClient.newHttpClient();
    private Vertx vertx;
    private Blocking blocking;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        users.save(new User("u1", "Dana", "dana@northwind.example", Role.REP, Passwords.hash("a long password"), clock.instant()));
        vertx = Vertx.vertx();
        blocking = new Blocking(vertx);
        var router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        // What the authentication handler does for a request without a bearer token.
        router.route("/probe").handler(ctx -> blocking.run(() -> auth.fromCookie(ctx)).onComplete(ar -> {
            if (ar.failed()) ctx.fail(ar.cause());
            else if (ar.result().isEmpty()) Problems.send(ctx, 401, "Unauthorized", "no session");
            else ctx.response().end(ar.result().get().id());
        }));
        router.route().failureHandler(Problems::handleFailure);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        blocking.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private HttpResponse<String> probe(String method, String cookie, String csrf) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/probe")).method(method, HttpRequest.BodyPublishers.noBody());
        if (cookie != null) b.header("Cookie", SessionAuth.COOKIE + "=" + cookie);
        if (csrf != null) b.header(SessionAuth.CSRF_HEADER, csrf);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLiveSessionNamesItsUserAndUnsafeRequestsNeedTheCsrfToken() throws Exception {
        var opened = sessions.open("u1");
        assertEquals("u1", probe("GET", opened.id(), null).body());
        assertEquals(403, probe("POST", opened.id(), null).statusCode());
        assertEquals(403, probe("DELETE", opened.id(), "not-the-token").statusCode());
        var post = probe("POST", opened.id(), opened.session().csrf());
        assertEquals(200, post.statusCode(), post.body());
        assertEquals("u1", post.body());
    }

    @Test
    void unknownExpiredAndClosedSessionsNameNobody() throws Exception {
        assertEquals(401, probe("GET", null, null).statusCode());
        assertEquals(401, probe("GET", "made-up", null).statusCode());
        var opened = sessions.open("u1");
        clock.advance(Duration.ofMinutes(50));
        assertEquals(200, probe("GET", opened.id(), null).statusCode(), "use keeps a session alive");
        clock.advance(Duration.ofMinutes(50));
        assertEquals(200, probe("GET", opened.id(), null).statusCode());
        clock.advance(Duration.ofMinutes(61));
        assertEquals(401, probe("GET", opened.id(), null).statusCode(), "idle for longer than the limit");
        var other = sessions.open("u1");
        sessions.closeAll("u1");
        assertEquals(401, probe("GET", other.id(), null).statusCode());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void passwordHashesVerifyOnlyTheirPasswordAndRejectMalformedHashes() {
        var hash = Passwords.hash("a long password");
        assertEquals(true, Passwords.verify("a long password", hash));
        assertEquals(false, Passwords.verify("a long passwort", hash));
        assertEquals(false, Passwords.verify("a long password", null));
        assertEquals(false, Passwords.verify("a long password", "sha1$1$x$y"));
        assertEquals(false, Passwords.verify("a long password", "pbkdf2-sha256$x$y$z"));
        assertEquals(false, hash.equals(Passwords.hash("a long password")), "every hash has its own salt");
        assertEquals(null, Passwords.weakness("ten chars!"));
        assertEquals(false, Passwords.weakness("too short") == null);
    }

    @Test
    void theThrottleLetsFiveAttemptsAMinuteThenAsksToWait() {
        var throttle = new LoginThrottle(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 5; i++) assertEquals(Duration.ZERO, throttle.attempt("10.0.0.1", "dana@x"));
        var wait = throttle.attempt("10.0.0.1", "DANA@x");
        assertEquals(Duration.ofMinutes(1), wait, "the same email in another case is the same account");
        assertEquals(Duration.ZERO, throttle.attempt("10.0.0.2", "dana@x"), "another address has its own count");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Duration.ZERO, throttle.attempt("10.0.0.1", "dana@x"));
    }
}
