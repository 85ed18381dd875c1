package io.dealwire.api.auth;

import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;

import java.time.Clock;
import java.util.Optional;

/** Users and their API tokens: creation, the first admin on an empty store, and token authentication. */
public final class UserAccounts {
    private final UserRepository users;
    private final Clock clock;
    private final Runnable durable;

    /**
     * @param durable makes the writes so far durable (the store's commit): a token handed out must survive a
     *                crash right after, or its holder is locked out
     */
    public UserAccounts(UserRepository users, Clock clock, Runnable durable) {
        this.users = users;
        this.clock = clock;
        this.durable = durable;
    }

    public record Issued(User user, ApiToken token, String secret) {
    }

    /**
     * On an empty store, creates the admin with {@code bootstrapToken} (or a generated one).
     * Returns the issued token when one was created, so the caller can print a generated one once.
     */
    public Optional<Issued> bootstrap(String bootstrapToken) {
        if (users.count() > 0) return Optional.empty();
        var admin = users.save(new User(Tokens.newId(), "Administrator", "admin@localhost", Role.ADMIN, null, clock.instant()));
        return Optional.of(issue(admin, "bootstrap", bootstrapToken));
    }

    public User addUser(String name, String email, Role role) {
        if (users.findByEmail(email).isPresent()) throw new IllegalArgumentException("a user with the email " + email + " already exists");
        var user = users.save(new User(Tokens.newId(), name, email, role, null, clock.instant()));
        durable.run();
        return user;
    }

    public Issued issueToken(User user, String label) {
        return issue(user, label, null);
    }

    private Issued issue(User user, String label, String given) {
        var secret = given != null ? given : Tokens.generate();
        var token = users.saveToken(new ApiToken(Tokens.newId(), user.id(), Tokens.hash(secret), label, clock.instant(), null));
        durable.run();
        return new Issued(user, token, secret);
    }

    /** The active user for a bearer token, if any. */
    public Optional<User> authenticate(String bearer) {
        if (bearer == null || bearer.isBlank()) return Optional.empty();
        return users.findTokenByHash(Tokens.hash(bearer.trim()))
                .filter(ApiToken::active)
                .flatMap(t -> users.find(t.userId()));
    }

    /**
     * The active user for a bearer token when the answer is in memory ({@link CachedUsers}), without reading the
     * store, so it may run on an event loop; empty when it is not known there: then ask {@link #authenticate}.
     */
    public Optional<User> authenticateInMemory(String bearer) {
        if (!(users instanceof CachedUsers cached) || bearer == null || bearer.isBlank()) return Optional.empty();
        return cached.cachedToken(Tokens.hash(bearer.trim()))
                .filter(ApiToken::active)
                .flatMap(t -> cached.cachedUser(t.userId()));
    }

    public boolean revoke(String userId, String tokenId) {
        var revoked = users.tokens(userId).stream().filter(t -> t.id().equals(tokenId) && t.active()).findFirst()
                .map(t -> users.saveToken(new ApiToken(t.id(), t.userId(), t.hash(), t.label(), t.createdAt(), clock.instant())))
                .isPresent();
        durable.run();
        return revoked;
    }
}
