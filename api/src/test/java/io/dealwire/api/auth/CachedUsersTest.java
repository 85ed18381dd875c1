package io.dealwire.api.auth;

import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.InMemoryUserRepository;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Token checks are answered from memory, and a token revoked or a user changed in this process counts at once. */
class CachedUsersTest {
    /** Longer than any test runs: what is kept never ages out in the middle of a test, however slow the machine. */
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicInteger reads = new AtomicInteger();
    private final UserRepository store = new CountingUsers(new InMemoryUserRepository(), reads);

    /** The store's users, counting the reads a token check makes. */
    private record CountingUsers(UserRepository store, AtomicInteger reads) implements UserRepository {
        @Override
        public Optional<User> find(String id) {
            reads.incrementAndGet();
            return store.find(id);
        }

        @Override
        public Optional<ApiToken> findTokenByHash(String hash) {
            reads.incrementAndGet();
            return store.findTokenByHash(hash);
        }

        @Override public Optional<User> findByEmail(String email) { return store.findByEmail(email); }
        @Override public List<User> list() { return store.list(); }
        @Override public User save(User user) { return store.save(user); }
        @Override public long count() { return store.count(); }
        @Override public ApiToken saveToken(ApiToken token) { return store.saveToken(token); }
        @Override public List<ApiToken> tokens(String userId) { return store.tokens(userId); }
    }

    private UserAccounts accounts(CachedUsers users) {
        return new UserAccounts(users, CLOCK, () -> { });
    }

    @Test
    void aKnownTokenIsCheckedWithoutReadingTheStoreAgain() {
        var accounts = accounts(new CachedUsers(store, KEEP));
        var rita = accounts.addUser("Rita", "rita@northwind.example", Role.REP);
        var secret = accounts.issueToken(rita, "addon").secret();
        assertEquals(Optional.empty(), accounts.authenticateInMemory(secret), "not in memory before the first check");

        assertEquals(Optional.of(rita), accounts.authenticate(secret));
        int after = reads.get();
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.of(rita), accounts.authenticate(secret));
            assertEquals(Optional.of(rita), accounts.authenticateInMemory(secret));
        }
        assertEquals(after, reads.get(), "no store read while nothing changed");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnceAndTheOthersKeepWorking() {
        var accounts = accounts(new CachedUsers(store, KEEP));
        var rita = accounts.addUser("Rita", "rita@northwind.example", Role.REP);
        var revoked = accounts.issueToken(rita, "old");
        var kept = accounts.issueToken(rita, "new");
        assertEquals(Optional.of(rita), accounts.authenticate(revoked.secret()));
        assertEquals(Optional.of(rita), accounts.authenticate(kept.secret()));

        assertTrue(accounts.revoke(rita.id(), revoked.token().id()));

        assertEquals(Optional.empty(), accounts.authenticateInMemory(revoked.secret()));
        assertEquals(Optional.empty(), accounts.authenticate(revoked.secret()));
        assertEquals(Optional.of(rita), accounts.authenticate(kept.secret()));
    }

    @Test
    void aChangedUserIsSeenAtOnce() {
        var users = new CachedUsers(store, KEEP);
        var accounts = accounts(users);
        var rita = accounts.addUser("Rita", "rita@northwind.example", Role.REP);
        var secret = accounts.issueToken(rita, "addon").secret();
        assertEquals(Role.REP, accounts.authenticate(secret).orElseThrow().role());

        users.save(new User(rita.id(), rita.name(), rita.email(), Role.MANAGER, null, rita.createdAt()));

        assertEquals(Optional.empty(), accounts.authenticateInMemory(secret), "what was kept is dropped by the write");
        assertEquals(Role.MANAGER, accounts.authenticate(secret).orElseThrow().role());
    }

    @Test
    void unknownTokensAreNotKept() {
        var accounts = accounts(new CachedUsers(store, KEEP));
        accounts.addUser("Rita", "rita@northwind.example", Role.REP);
        for (int i = 0; i < 3; i++) assertEquals(Optional.empty(), accounts.authenticate("dw_guessed"));
        assertEquals(3, reads.get(), "each unknown token is looked up in the store");
        assertEquals(Optional.empty(), accounts.authenticateInMemory("dw_guessed"));
    }

    @Test
    void aRevocationMadeByAnotherProcessIsSeenOnceWhatWasKeptIsTooOld() {
        // max age zero: nothing kept is ever fresh, the stand-in for "after MAX_AGE" without waiting for it
        var accounts = accounts(new CachedUsers(store, Duration.ZERO));
        var rita = accounts.addUser("Rita", "rita@northwind.example", Role.REP);
        var issued = accounts.issueToken(rita, "addon");
        assertEquals(Optional.of(rita), accounts.authenticate(issued.secret()));

        var t = issued.token();
        store.saveToken(new ApiToken(t.id(), t.userId(), t.hash(), t.label(), t.createdAt(), CLOCK.instant()));

        assertEquals(Optional.empty(), accounts.authenticate(issued.secret()));
    }
}
