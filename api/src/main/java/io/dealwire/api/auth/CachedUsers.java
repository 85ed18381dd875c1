package io.dealwire.api.auth;

import io.dealwire.api.cache.KeptReads;
import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    private final UserRepository store;
    /** Both dropped by any write: a user's change may change what their token stands for. */
    private final KeptReads<String, Optional<ApiToken>> tokensByHash;
    private final KeptReads<String, Optional<User>> usersById;

    public CachedUsers(UserRepository store) {
        this(store, MAX_AGE);
    }

    CachedUsers(UserRepository store, Duration maxAge) {
        this.store = store;
        this.tokensByHash = new KeptReads<>(maxAge);
        this.usersById = new KeptReads<>(maxAge);
    }

    /** The token with this hash as last read, without touching the store; empty when it is not in memory or too old. */
    Optional<ApiToken> cachedToken(String hash) {
        return tokensByHash.peek(hash).flatMap(t -> t);
    }

    /** The user as last read, without touching the store; empty when not in memory or too old. */
    Optional<User> cachedUser(String id) {
        return usersById.peek(id).flatMap(u -> u);
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String hash) {
        return tokensByHash.get(hash, () -> store.findTokenByHash(hash), Optional::isPresent);
    }

    @Override
    public Optional<User> find(String id) {
        return usersById.get(id, () -> store.find(id), Optional::isPresent);
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
        return tokensByHash.changed(() -> usersById.changed(() -> store.save(user)));
    }

    @Override
    public ApiToken saveToken(ApiToken token) {
        return tokensByHash.changed(() -> usersById.changed(() -> store.saveToken(token)));
    }
}
