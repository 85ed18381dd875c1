package io.dealwire.core.user;

import java.time.Instant;
import java.util.Objects;

/** A person using Dealwire. {@code passwordHash} is null for token-only users. */
public record User(String id, String name, String email, Role role, String passwordHash, Instant createdAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        name = name == null ? "" : name;
        email = email == null ? "" : email.toLowerCase(java.util.Locale.ROOT);
    }
}
