package io.dealwire.api.crm;

import io.dealwire.api.TestHttp;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The service keeps the users of recently seen tokens in memory; over HTTP, a token revoked and a user changed
 * count from the very next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationApiTest {
    @TempDir
    static Path dataDir;
    private CrmFixture f;

    @BeforeAll
    void start() {
        f = new CrmFixture(dataDir);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void aRevokedTokenIsRefusedByTheNextRequest() {
        var rita = f.user("Rita", "rep");
        var second = f.admin.post("/api/users/" + rita.id() + "/tokens", "{\"label\":\"second\"}").json();
        var other = new TestHttp(f.app.port(), second.get("token").asText());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, rita.http().get("/api/me").status());
            assertEquals(200, other.get("/api/me").status());
        }

        assertEquals(204, f.admin.delete("/api/users/" + rita.id() + "/tokens/" + second.get("id").asText()).status());

        assertEquals(401, other.get("/api/me").status(), "the revoked token");
        assertEquals(401, other.get("/api/context?email=dana%40acme.example").status(), "the revoked token");
        assertEquals(200, rita.http().get("/api/me").status(), "the user's other token still works");
    }

    @Test
    void aUserChangedInTheStoreIsSeenByTheNextRequest() {
        var remy = f.user("Remy", "rep");
        assertEquals("rep", remy.http().get("/api/me").json().get("role").asText());

        var stored = f.store().users().find(remy.id()).orElseThrow();
        f.store().users().save(new User(stored.id(), stored.name(), stored.email(), Role.MANAGER, stored.passwordHash(), stored.createdAt()));

        assertEquals("manager", remy.http().get("/api/me").json().get("role").asText());
    }
}
