package io.dealwire.core.user;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link UserRepository}. */
public final class InMemoryUserRepository implements UserRepository {
    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ApiToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        var e = email.toLowerCase(java.util.Locale.ROOT);
        return users.values().stream().filter(u -> u.email().equals(e)).findFirst();
    }

    @Override
    public List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(User::id)).toList();
    }

    @Override
    public User save(User user) {
        users.put(user.id(), user);
        return user;
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public ApiToken saveToken(ApiToken token) {
        tokens.put(token.id(), token);
        return token;
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String hash) {
        return tokens.values().stream().filter(t -> t.hash().equals(hash)).findFirst();
    }

    @Override
    public List<ApiToken> tokens(String userId) {
        return tokens.values().stream().filter(t -> t.userId().equals(userId))
                .sorted(Comparator.comparing(ApiToken::createdAt)).toList();
    }
}
