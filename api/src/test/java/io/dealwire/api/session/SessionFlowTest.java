package io.dealwire.api.session;

import io.dealwire.api.TestHttp;
import io.dealwire.api.app.Dealwire;
import io.dealwire.api.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password login over HTTP: setting passwords, the session cookie's flags, CSRF on logout, and rate-limited attempts. */
class SessionFlowTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    @TempDir
    Path dataDir;
    private Dealwire app;
    private TestHttp admin;
    private String adminId;
    private String base;

    @BeforeEach
    void start() {
        app = Dealwire.start(new Config(dataDir, "127.0.0.1", 0, null, TOKEN, null, List.of("northwind.example"), 1));
        admin = new TestHttp(app.port(), TOKEN);
        adminId = admin.get("/api/me").json().get("id").asText();
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestHttp.Reply login(String email, String password, String... headers) {
        var b = HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return admin.send(b, false);
    }

    private TestHttp.Reply withCookie(String method, String path, String cookie, String csrf) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).method(method, HttpRequest.BodyPublishers.noBody());
        if (csrf != null) b.header(SessionAuth.CSRF_HEADER, csrf);
        return admin.send(b, false);
    }

    private static String cookieHeader(TestHttp.Reply r) {
        return String.join("; ", r.raw().headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
    }

    @Test
    void passwordsAreSetByAdminsOrTheirOwnersAndStoredHashed() {
        assertEquals(400, admin.post("/api/users/" + adminId + "/password", "{\"password\":\"short\"}").status());
        assertEquals(400, admin.post("/api/users/" + adminId + "/password", "{}").status());
        assertEquals(204, admin.post("/api/users/" + adminId + "/password", "{\"password\":\"correct horse battery\"}").status());
        var hash = app.store().users().find(adminId).orElseThrow().passwordHash();
        assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
        assertFalse(hash.contains("correct horse"), "only a hash is stored");

        var rep = admin.post("/api/users", "{\"name\":\"Rita\",\"email\":\"rita@northwind.example\",\"role\":\"rep\"}").json().get("id").asText();
        var repToken = admin.post("/api/users/" + rep + "/tokens", "{}").json().get("token").asText();
        var rita = new TestHttp(app.port(), repToken);
        assertEquals(404, rita.post("/api/users/" + adminId + "/password", "{\"password\":\"taken over by rita\"}").status(),
                "someone else's account is unknown to a rep");
        assertEquals(204, rita.post("/api/users/" + rep + "/password", "{\"password\":\"rita's first password\"}").status());
        assertEquals(403, rita.post("/api/users/" + rep + "/password", "{\"password\":\"rita's next password\"}").status(),
                "changing one's own password needs the current one");
        assertEquals(204, rita.post("/api/users/" + rep + "/password",
                "{\"password\":\"rita's next password\",\"currentPassword\":\"rita's first password\"}").status());
        assertEquals(200, login("rita@northwind.example", "rita's next password").status());
        assertEquals(401, login("rita@northwind.example", "rita's first password").status());
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndACsrfTokenAndLogoutNeedsTheToken() {
        admin.post("/api/users/" + adminId + "/password", "{\"password\":\"correct horse battery\"}");
        assertEquals(401, login("admin@localhost", "wrong password here").status());
        assertEquals(401, login("nobody@localhost", "correct horse battery").status());
        assertEquals(400, login("", "x").status());

        var ok = login("ADMIN@localhost", "correct horse battery");
        assertEquals(200, ok.status(), ok.body());
        var cookies = ok.raw().headers().allValues("Set-Cookie");
        var session = cookies.stream().filter(c -> c.startsWith(SessionAuth.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(session.toLowerCase().contains("httponly"), session);
        assertTrue(session.contains("SameSite=Strict"), session);
        assertTrue(session.contains("Path=/"), session);
        assertFalse(session.contains("Secure"), "plain HTTP on loopback: no Secure flag, or the browser would drop it");
        var csrfCookie = cookies.stream().filter(c -> c.startsWith(SessionAuth.CSRF_COOKIE + "=")).findFirst().orElseThrow();
        assertFalse(csrfCookie.toLowerCase().contains("httponly"), "the page reads the CSRF cookie");
        var csrf = ok.json().get("csrfToken").asText();
        assertTrue(csrfCookie.startsWith(SessionAuth.CSRF_COOKIE + "=" + csrf + ";"), csrfCookie);
        assertEquals("admin", ok.json().at("/user/role").asText());

        var behindTls = login("admin@localhost", "correct horse battery", "X-Forwarded-Proto", "https");
        assertTrue(behindTls.raw().headers().allValues("Set-Cookie").stream().allMatch(c -> c.contains("Secure")), "Secure behind TLS");
        assertNotEquals(cookieHeader(ok), cookieHeader(behindTls), "every login opens a new session");

        var cookie = cookieHeader(ok);
        var current = withCookie("GET", "/api/session", cookie, null);
        assertEquals(200, current.status(), current.body());
        assertEquals(csrf, current.json().get("csrfToken").asText());
        assertEquals(401, withCookie("GET", "/api/session", SessionAuth.COOKIE + "=forged", null).status());

        assertEquals(403, withCookie("DELETE", "/api/session", cookie, null).status(), "logout needs the CSRF token");
        assertEquals(403, withCookie("DELETE", "/api/session", cookie, "wrong").status());
        assertEquals(204, withCookie("DELETE", "/api/session", cookie, csrf).status());
        assertEquals(401, withCookie("GET", "/api/session", cookie, null).status(), "the session is gone");
    }

    @Test
    void attemptsAreLimitedPerAddressAndEmail() {
        admin.post("/api/users/" + adminId + "/password", "{\"password\":\"correct horse battery\"}");
        for (int i = 0; i < 5; i++) assertEquals(401, login("admin@localhost", "guess number " + i).status());
        var limited = login("admin@localhost", "correct horse battery");
        assertEquals(429, limited.status(), "even the right password waits once the limit is reached");
        assertTrue(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertEquals("application/problem+json", limited.raw().headers().firstValue("Content-Type").orElseThrow());
        assertEquals(401, login("other@localhost", "a different account").status(), "another email has its own count");
    }
}
