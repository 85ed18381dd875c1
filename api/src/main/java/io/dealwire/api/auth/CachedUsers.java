package io.dealwire.api.auth;

import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The store's users with what every request reads kept in memory: the token found by its hash and the user by
 * id. Every API request authenticates, and reading both from the store cost more than the rest of a small
 * request.
 *
 * <p>Every write through this repository (a user saved, a token issued or revoked) drops everything kept, so a
 * revoked token or a changed user is seen by the next request of this process. Writes made by another process
 * (the command line on a shared MongoDB) are seen after at most {@link #MAX_AGE}. Unknown tokens are not kept:
 * a client trying random tokens cannot grow the cache.
 */
public final class CachedUsers implements UserRepository {
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** More distinct tokens or users than any deployment has: past it the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 10_000;

    private final UserRepository store;
    private final long maxAgeNanos;
    /** Bumped before and after every write; a value read while it changed is not kept. */
    private final AtomicLong version = new AtomicLong();
    private final ConcurrentHashMap<String, Cached<ApiToken>> tokensByHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<User>> usersById = new ConcurrentHashMap<>();

    private record Cached<T>(T value, long version, long readAtNanos) {
    }

    public CachedUsers(UserRepository store) {
        this(store, MAX_AGE);
    }

    CachedUsers(UserRepository store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The token with this hash as last read, without touching the store; empty when it is not in memory or too old. */
    Optional<ApiToken> cachedToken(String hash) {
        return fresh(tokensByHash.get(hash));
    }

    /** The user as last read, without touching the store; empty when not in memory or too old. */
    Optional<User> cachedUser(String id) {
        return fresh(usersById.get(id));
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String hash) {
        var cached = cachedToken(hash);
        if (cached.isPresent()) return cached;
        long v = version.get();
        var token = store.findTokenByHash(hash);
        token.ifPresent(t -> keep(tokensByHash, hash, t, v));
        return token;
    }

    @Override
    public Optional<User> find(String id) {
        var cached = cachedUser(id);
        if (cached.isPresent()) return cached;
        long v = version.get();
        var user = store.find(id);
        user.ifPresent(u -> keep(usersById, id, u, v));
        return user;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return store.findByEmail(email);
    }

    @Override
    public List<User> list() {
        return store.list();
    }

    @Override
    public long count() {
        return store.count();
    }

    @Override
    public List<ApiToken> tokens(String userId) {
        return store.tokens(userId);
    }

    @Override
    public User save(User user) {
        return changed(() -> store.save(user));
    }

    @Override
    public ApiToken saveToken(ApiToken token) {
        return changed(() -> store.saveToken(token));
    }

    /** Drops everything before and after the write, so that no read overlapping it is kept. */
    private <T> T changed(Supplier<T> write) {
        forget();
        try {
            return write.get();
        } finally {
            forget();
        }
    }

    private void forget() {
        version.incrementAndGet();
        tokensByHash.clear();
        usersById.clear();
    }

    private <T> void keep(ConcurrentHashMap<String, Cached<T>> map, String key, T value, long readVersion) {
        if (map.size() >= MAX_ENTRIES) map.clear();
        // kept with the version it was read at: if a write began since, fresh() never serves it
        map.put(key, new Cached<>(value, readVersion, System.nanoTime()));
    }

    private <T> Optional<T> fresh(Cached<T> c) {
        if (c == null || c.version() != version.get() || System.nanoTime() - c.readAtNanos() >= maxAgeNanos) return Optional.empty();
        return Optional.of(c.value());
    }
}
