package io.dealwire.store.mapping;

import io.dealwire.core.user.ApiToken;
import io.dealwire.core.user.Role;
import io.dealwire.core.user.User;
import org.bson.Document;

import static io.dealwire.store.mapping.BsonValues.*;

/** {@link User} to and from {@code users}, {@link ApiToken} (hash only, never the token) to and from {@code apiTokens}. */
public final class UserMapping {
    public static final String COLLECTION = "users";
    public static final String TOKENS_COLLECTION = "apiTokens";
    public static final String EMAIL = "email";
    public static final String TOKEN_HASH = "hash";
    public static final String TOKEN_USER = "userId";

    private UserMapping() {
    }

    public static Document toDocument(User u) {
        return new Document("_id", u.id())
                .append("name", u.name())
                .append(EMAIL, u.email())
                .append("role", name(u.role()))
                .append("passwordHash", u.passwordHash())
                .append("createdAt", date(u.createdAt()));
    }

    public static User fromDocument(Document d) {
        return new User(d.getString("_id"), d.getString("name"), d.getString(EMAIL), enumOf(d, "role", Role.class),
                d.getString("passwordHash"), instant(d, "createdAt"));
    }

    public static Document toDocument(ApiToken t) {
        return new Document("_id", t.id())
                .append(TOKEN_USER, t.userId())
                .append(TOKEN_HASH, t.hash())
                .append("label", t.label())
                .append("createdAt", date(t.createdAt()))
                .append("revokedAt", date(t.revokedAt()));
    }

    public static ApiToken tokenFromDocument(Document d) {
        return new ApiToken(d.getString("_id"), d.getString(TOKEN_USER), d.getString(TOKEN_HASH), d.getString("label"),
                instant(d, "createdAt"), instant(d, "revokedAt"));
    }
}
