package io.dealwire.store.repository;

import com.mongodb.client.model.Filters;
import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.User;
import io.dealwire.core.user.UserRepository;
import io.dealwire.store.lookup.KeyedCollection;
import io.dealwire.store.lookup.SecondaryKey;
import io.dealwire.store.mapping.UserMapping;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.dealwire.store.mapping.UserMapping.*;
import static io.dealwire.store.repository.MongoMessageRepository.optional;

/** Users in {@code users}; API tokens (their hashes) in {@code apiTokens}, found by hash on every request. */
public final class MongoUserRepository implements UserRepository {
    public static final SecondaryKey BY_EMAIL = new SecondaryKey("email", List.of(EMAIL),
            d -> optional(d.getString(EMAIL)), v -> Filters.eq(EMAIL, v), List.of(EMAIL));
    public static final List<SecondaryKey> KEYS = List.of(BY_EMAIL);
    public static final SecondaryKey TOKEN_BY_HASH = new SecondaryKey("hash", List.of(TOKEN_HASH),
            d -> optional(d.getString(TOKEN_HASH)), v -> Filters.eq(TOKEN_HASH, v), List.of(TOKEN_HASH));
    public static final SecondaryKey TOKEN_BY_USER = new SecondaryKey("user", List.of(TOKEN_USER),
            d -> optional(d.getString(TOKEN_USER)), v -> Filters.eq(TOKEN_USER, v), List.of(TOKEN_USER));
    public static final List<SecondaryKey> TOKEN_KEYS = List.of(TOKEN_BY_HASH, TOKEN_BY_USER);

    private final KeyedCollection users;
    private final KeyedCollection tokens;
    private final StoreGuard guard;

    public MongoUserRepository(KeyedCollection users, KeyedCollection tokens, StoreGuard guard) {
        this.users = users;
        this.tokens = tokens;
        this.guard = guard;
    }

    @Override
    public Optional<User> find(String id) {
        return guard.call(() -> users.findByIds(List.of(id)).stream().findFirst().map(UserMapping::fromDocument));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return guard.call(() -> users.find(BY_EMAIL, email.toLowerCase(Locale.ROOT)).stream().map(UserMapping::fromDocument)
                .min(Comparator.comparing(User::id)));
    }

    @Override
    public List<User> list() {
        return guard.call(() -> users.all().stream().map(UserMapping::fromDocument).sorted(Comparator.comparing(User::id)).toList());
    }

    @Override
    public User save(User user) {
        guard.run(() -> users.replace(UserMapping.toDocument(user)));
        return user;
    }

    @Override
    public long count() {
        return guard.call(users::count);
    }

    @Override
    public ApiToken saveToken(ApiToken token) {
        guard.run(() -> tokens.replace(UserMapping.toDocument(token)));
        return token;
    }

    @Override
    public Optional<ApiToken> findTokenByHash(String hash) {
        return guard.call(() -> tokens.find(TOKEN_BY_HASH, hash).stream().map(UserMapping::tokenFromDocument)
                .min(Comparator.comparing(ApiToken::id)));
    }

    @Override
    public List<ApiToken> tokens(String userId) {
        return guard.call(() -> tokens.find(TOKEN_BY_USER, userId).stream().map(UserMapping::tokenFromDocument)
                .sorted(Comparator.comparing(ApiToken::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ApiToken::id)).toList());
    }
}
