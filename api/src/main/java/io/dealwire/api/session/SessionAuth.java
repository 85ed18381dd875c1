package io.dealwire.api.session;

import io.dealwire.api.http.ApiException;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates web-app requests by their session cookie, with CSRF protection: an unsafe request (POST,
 * PUT, PATCH, DELETE) must echo the session's CSRF token in {@value #CSRF_HEADER}. The token is also in the
 * readable {@value #CSRF_COOKIE} cookie (double submit) and is compared with the one the server keeps.
 */
public final class SessionAuth {
    public static final String COOKIE = "dw_session";
    public static final String CSRF_COOKIE = "dw_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Sessions sessions;
    private final UserRepository users;

    public SessionAuth(Sessions sessions, UserRepository users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** True when the request carries a session cookie (whether or not it is still valid). */
    public boolean hasCookie(RoutingContext ctx) {
        return ctx.request().getCookie(COOKIE) != null;
    }

    /**
     * The user of the request's session, or empty when there is no live session. Blocking (reads the user).
     *
     * @throws ApiException 403 when the session is live but an unsafe request lacks the right CSRF token
     */
    public Optional<User> fromCookie(RoutingContext ctx) {
        var cookie = ctx.request().getCookie(COOKIE);
        if (cookie == null) return Optional.empty();
        var session = sessions.find(cookie.getValue());
        if (session.isEmpty()) return Optional.empty();
        if (!SAFE.contains(ctx.request().method())) {
            var header = ctx.request().getHeader(CSRF_HEADER);
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), session.get().csrf().getBytes(StandardCharsets.UTF_8)))
                throw ApiException.forbidden("this request needs the " + CSRF_HEADER + " header the web app got at login; reload the page");
        }
        return users.find(session.get().userId());
    }

    /** The session itself (for logout and for the web app to learn its CSRF token after a reload). */
    Optional<Sessions.Session> session(RoutingContext ctx) {
        var cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
    }

    void setCookies(RoutingContext ctx, Sessions.Opened opened) {
        boolean tls = behindTls(ctx);
        ctx.response().addCookie(Cookie.cookie(COOKIE, opened.id()).setPath("/").setHttpOnly(true).setSecure(tls)
                .setSameSite(CookieSameSite.STRICT));
        // Readable by the page on purpose: the web app sends it back in the CSRF header.
        ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, opened.session().csrf()).setPath("/").setHttpOnly(false).setSecure(tls)
                .setSameSite(CookieSameSite.STRICT));
    }

    void clearCookies(RoutingContext ctx) {
        boolean tls = behindTls(ctx);
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true).setSecure(tls).setSameSite(CookieSameSite.STRICT).setMaxAge(0));
        ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, "").setPath("/").setSecure(tls).setSameSite(CookieSameSite.STRICT).setMaxAge(0));
    }

    Sessions sessions() {
        return sessions;
    }

    /** TLS here or at a reverse proxy that says so: then cookies are only ever sent over HTTPS. */
    private static boolean behindTls(RoutingContext ctx) {
        return ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    }
}
